package com.propertyaudit.analysis;

import com.propertyaudit.domain.AnswerScore;
import com.propertyaudit.domain.Competitor;
import com.propertyaudit.domain.EntityRank;
import com.propertyaudit.domain.Property;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The run-level figures that build on answer scores ("What builds on it" in score-cli.md). Every
 * input list holds the scores of completed answers only; failed answers are not data.
 */
public final class Scores {

    private Scores() {}

    /** Mean answer score; empty when no answer completed. */
    public static OptionalDouble visibilityScore(List<AnswerScore> completed) {
        return completed.stream().mapToDouble(AnswerScore::score).average();
    }

    /**
     * Mention rate, share of voice and mean rank of the brand (first) and of each of the
     * property's competitors (in the property's order). Names in the scores that are not the
     * property's competitors are ignored.
     */
    public static List<EntityVisibility> entityVisibility(Property property, List<AnswerScore> completed) {
        Tally brand = new Tally();
        Map<String, Tally> competitors = new LinkedHashMap<>();
        for (Competitor competitor : property.competitors()) {
            competitors.putIfAbsent(competitor.name(), new Tally());
        }
        for (AnswerScore score : completed) {
            if (score.brandMentioned()) brand.add(score.brandRank());
            for (EntityRank competitor : score.competitors()) {
                Tally tally = competitors.get(competitor.name());
                if (tally != null) tally.add(competitor.rank());
            }
        }
        int allMentions = brand.answers + competitors.values().stream().mapToInt(t -> t.answers).sum();
        List<EntityVisibility> result = new ArrayList<>();
        result.add(brand.toVisibility(property.name(), true, completed.size(), allMentions));
        competitors.forEach((name, tally) ->
                result.add(tally.toVisibility(name, false, completed.size(), allMentions)));
        return result;
    }

    /**
     * The competitor mentioned in the most answers; ties go to the better (lower) mean rank, then
     * to the name in alphabetical order. Empty when no competitor was mentioned.
     */
    public static Optional<EntityVisibility> topCompetitor(List<EntityVisibility> entities) {
        Comparator<EntityVisibility> best = Comparator
                .comparingInt(EntityVisibility::mentioningAnswers).reversed()
                .thenComparingDouble(EntityVisibility::meanRank)
                .thenComparing(EntityVisibility::name, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(EntityVisibility::name);
        return entities.stream()
                .filter(e -> !e.brand() && e.mentioningAnswers() > 0)
                .min(best);
    }

    private static final class Tally {
        private int answers;
        private long rankSum;

        void add(int rank) {
            answers++;
            rankSum += rank;
        }

        EntityVisibility toVisibility(String name, boolean brand, int completedAnswers, int allMentions) {
            return new EntityVisibility(name, brand, answers,
                    completedAnswers == 0 ? 0.0 : (double) answers / completedAnswers,
                    allMentions == 0 ? 0.0 : answers * 100.0 / allMentions,
                    answers == 0 ? null : (double) rankSum / answers);
        }
    }
}
