package com.propertyaudit.analysis.insights;

import com.propertyaudit.domain.AnswerOutcome;
import com.propertyaudit.domain.EntityRank;
import com.propertyaudit.domain.StoredAnswer;
import java.util.ArrayList;
import java.util.List;

/**
 * Which answers of a batch to show: by surface, brand named or not, topic and outcome (History's
 * filters), and by what a drill-down from Insights asks for — the answers naming a competitor,
 * citing a domain, or to one query. Every part is optional (null: any).
 *
 * @param surface    a surface id ("openai:gpt-5")
 * @param brandNamed true: the answers naming the brand; false: those that count and do not
 * @param topic      a query topic, or {@link InsightsCalculator#NO_TOPIC}
 * @param queryIndex 0-based
 */
public record AnswerFilter(String surface, Boolean brandNamed, String topic, AnswerOutcome outcome,
        String competitor, String domain, Integer queryIndex) {

    public static final AnswerFilter ALL = new AnswerFilter(null, null, null, null, null, null, null);

    public static AnswerFilter naming(String competitor) {
        return ALL.withCompetitor(competitor);
    }

    public static AnswerFilter citing(String domain) {
        return new AnswerFilter(null, null, null, null, null, domain, null);
    }

    /** An agreement cell: one query's answers from one surface. */
    public static AnswerFilter cell(int queryIndex, String surface) {
        return new AnswerFilter(surface, null, null, null, null, null, queryIndex);
    }

    public AnswerFilter withSurface(String s) {
        return new AnswerFilter(s, brandNamed, topic, outcome, competitor, domain, queryIndex);
    }

    public AnswerFilter withBrandNamed(Boolean b) {
        return new AnswerFilter(surface, b, topic, outcome, competitor, domain, queryIndex);
    }

    public AnswerFilter withTopic(String t) {
        return new AnswerFilter(surface, brandNamed, t, outcome, competitor, domain, queryIndex);
    }

    public AnswerFilter withOutcome(AnswerOutcome o) {
        return new AnswerFilter(surface, brandNamed, topic, o, competitor, domain, queryIndex);
    }

    public AnswerFilter withCompetitor(String c) {
        return new AnswerFilter(surface, brandNamed, topic, outcome, c, domain, queryIndex);
    }

    /** The same filter without its drill-down parts (competitor, domain, query). */
    public AnswerFilter withoutDrillDown() {
        return new AnswerFilter(surface, brandNamed, topic, outcome, null, null, null);
    }

    public boolean test(StoredAnswer a, String surfaceId) {
        if (surface != null && !surface.equals(surfaceId)) return false;
        if (outcome != null && a.answer().outcome() != outcome) return false;
        if (topic != null && !topic.equals(topicOf(a))) return false;
        if (queryIndex != null && a.answer().queryIndex() != queryIndex) return false;
        boolean counts = a.answer().outcome().isAnswer();
        if (brandNamed != null && (!counts || a.score().brandMentioned() != brandNamed)) return false;
        if (competitor != null && (!counts || a.score().competitors().stream().map(EntityRank::name)
                .noneMatch(competitor::equals))) {
            return false;
        }
        return domain == null || counts && a.score().citedDomains().contains(domain);
    }

    public static String topicOf(StoredAnswer a) {
        String t = a.answer().topic();
        return t == null || t.isBlank() ? InsightsCalculator.NO_TOPIC : t.strip();
    }

    /** The drill-down in words ("answers naming Pinnacle on the Park"), or "" when there is none. */
    public String drillDown() {
        List<String> parts = new ArrayList<>();
        if (competitor != null) parts.add("naming " + competitor);
        if (domain != null) parts.add("citing " + domain);
        if (queryIndex != null) parts.add("to query " + (queryIndex + 1));
        return parts.isEmpty() ? "" : "Answers " + String.join(", ", parts);
    }
}
