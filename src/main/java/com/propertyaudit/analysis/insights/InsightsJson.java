package com.propertyaudit.analysis.insights;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.propertyaudit.analysis.ai.AnalysisJson;
import com.propertyaudit.analysis.ai.AnalysisRecord;
import com.propertyaudit.analysis.ai.SentimentCounts;
import com.propertyaudit.analysis.discovery.DiscoveredName;
import com.propertyaudit.domain.AnswerOutcome;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/** {@link Insights} as the JSON object of {@code propertyaudit insights} (cli.md), rounded as it says. */
public final class InsightsJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private InsightsJson() {}

    public static ObjectNode toJson(Insights in) {
        ObjectNode o = NODES.objectNode();
        o.put("batchId", in.batchId().toString());
        o.put("property", in.property());
        o.put("createdAt", in.createdAt().toString());

        Insights.StatusView st = in.batchStatus();
        ObjectNode bs = o.putObject("batchStatus");
        bs.put("complete", st.complete());
        bs.put("status", st.status().id());
        bs.put("message", st.message());
        ObjectNode runs = bs.putObject("runs");
        runs.put("total", st.total()).put("completed", st.completed()).put("incomplete", st.incomplete())
                .put("running", st.running())
                .put("failed", st.failed()).put("cancelled", st.cancelled()).put("interrupted", st.interrupted());

        Insights.Summary s = in.summary();
        ObjectNode sum = o.putObject("summary");
        num(sum, "brandSOV", s.brandSOV());
        rate(sum, "brandMentionRate", s.brandMentionRate());
        if (s.topCompetitor() == null) sum.putNull("topCompetitor");
        else sum.put("topCompetitor", s.topCompetitor());
        sum.put("answers", s.answers());
        ObjectNode outcomes = sum.putObject("outcomes");
        for (AnswerOutcome oc : AnswerOutcome.values()) outcomes.put(oc.id(), s.outcomes().of(oc));
        sum.put("excluded", s.outcomes().excluded());
        if (s.outcomes().exclusionSentence() == null) sum.putNull("exclusions");
        else sum.put("exclusions", s.outcomes().exclusionSentence());
        ObjectNode vis = sum.putObject("visibility");
        ObjectNode visDetail = sum.putObject("visibilityDetail");
        s.visibility().forEach((surface, v) -> {
            num(vis, surface, v.score());
            ObjectNode d = visDetail.putObject(surface);
            num(d, "score", v.score());
            d.put("answers", v.answers());
            interval(d, "ci", v.ci());
            d.put("directional", v.answers() < Insights.DIRECTIONAL_BELOW);
        });
        Insights.Unbranded u = s.unbranded();
        ObjectNode ub = sum.putObject("unbranded");
        ub.put("queries", u.queries());
        ub.put("answers", u.answers());
        num(ub, "brandSOV", u.brandSOV());
        rate(ub, "brandMentionRate", u.brandMentionRate());

        ArrayNode comps = o.putArray("competitors");
        for (Insights.CompetitorRow c : in.competitors()) {
            ObjectNode co = comps.addObject();
            co.put("name", c.name());
            co.put("mentions", c.mentions());
            num(co, "sov", c.sov());
            num(co, "avgRank", c.avgRank());
            counts(co.putObject("bySurface"), c.bySurface());
        }
        ArrayNode doms = o.putArray("domains");
        for (Insights.DomainRow d : in.domains()) {
            ObjectNode dn = doms.addObject();
            dn.put("domain", d.domain());
            dn.put("citations", d.citations());
            num(dn, "share", d.share());
            counts(dn.putObject("bySurface"), d.bySurface());
            dn.put("retrievedNotCited", d.retrievedOnly());
        }

        ArrayNode topics = o.putArray("topics");
        for (Insights.TopicRow t : in.topics()) {
            ObjectNode tn = topics.addObject().put("topic", t.topic()).put("queries", t.queries())
                    .put("answers", t.mentionRate().n());
            rate(tn, "brandMentionRate", t.mentionRate());
        }

        Insights.Agreement a = in.agreement();
        ObjectNode ag = o.putObject("agreement");
        ag.put("queries", a.queries());
        ag.put("bothMention", a.bothMention());
        ag.put("neither", a.neither());
        counts(ag.putObject("onlyBy"), a.onlyBy());
        num(ag, "rate", a.rate());
        if (a.kappa() == null) ag.putNull("kappa");
        else ag.put("kappa", round(a.kappa(), 2));
        if (a.kappaMethod() != null) ag.put("kappaMethod", a.kappaMethod());
        ArrayNode dis = ag.putArray("disagreements");
        for (Insights.QueryAgreement q : a.disagreements()) {
            ObjectNode qn = dis.addObject();
            qn.put("query", q.query());
            ObjectNode m = qn.putObject("mentions");
            q.mentions().forEach(m::put);
        }
        ArrayNode per = ag.putArray("perQuery");
        for (Insights.QueryAgreement q : a.perQuery()) {
            ObjectNode qn = per.addObject();
            qn.put("query", q.query());
            qn.put("namesBrand", q.namesBrand());
            ObjectNode rates = qn.putObject("brandMentionRate");
            q.rates().forEach((surface, r) -> rate(rates, surface, r));
        }
        return o;
    }

    /**
     * The wave-2 fields of the same object.
     *
     * @param analysis   the latest analysis attempt, or null when none was asked for
     * @param sentiment  phase-2 counts per entity name (the brand's under the property's name)
     */
    public record Why(AnalysisRecord analysis, List<DiscoveredName> discovered, Map<String, SentimentCounts> sentiment) {}

    /** The insights object with {@code analysis}, {@code discovered} and the sentiment counts. */
    public static ObjectNode toJson(Insights in, Why why) {
        ObjectNode o = toJson(in);
        sentiment((ObjectNode) o.get("summary"), "brandSentiment", why.sentiment().get(in.property()));
        var rows = o.get("competitors");
        for (int i = 0; i < in.competitors().size(); i++) {
            sentiment((ObjectNode) rows.get(i), "sentiment", why.sentiment().get(in.competitors().get(i).name()));
        }
        if (why.analysis() == null) o.putNull("analysis");
        else o.set("analysis", AnalysisJson.toJson(why.analysis()));
        ArrayNode found = o.putArray("discovered");
        for (DiscoveredName d : why.discovered()) {
            ObjectNode n = found.addObject().put("name", d.name()).put("answers", d.answers());
            counts(n.putObject("bySurface"), d.bySurface());
        }
        return o;
    }

    private static void sentiment(ObjectNode parent, String field, SentimentCounts c) {
        SentimentCounts s = c == null ? SentimentCounts.NONE : c;
        parent.putObject(field).put("positive", s.positive()).put("neutral", s.neutral()).put("negative", s.negative());
    }

    private static void rate(ObjectNode parent, String field, Insights.Rate r) {
        num(parent, field, r.percent());
        interval(parent, field + "CI", r.ci());
        parent.put(field + "N", r.n());
        parent.put(field + "Directional", r.directional());
    }

    private static void interval(ObjectNode parent, String field, double[] ci) {
        if (ci == null) {
            parent.putNull(field);
        } else {
            parent.putArray(field).add(round(ci[0], 1)).add(round(ci[1], 1));
        }
    }

    private static void counts(ObjectNode node, Map<String, Integer> counts) {
        counts.forEach(node::put);
    }

    private static void num(ObjectNode parent, String field, Double v) {
        if (v == null) parent.putNull(field);
        else parent.put(field, round(v, 1));
    }

    static double round(double v, int places) {
        return BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_UP).doubleValue();
    }
}
