package com.propertyaudit.analysis.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.propertyaudit.analysis.insights.Insights;
import com.propertyaudit.domain.EntityRank;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The holistic cross-model analysis request: the batch's computed numbers (one decimal), the
 * per-query outcomes with short excerpts, and a schema asking for consensus findings, divergences
 * and recommendations, each with evidence. {@link #read} keeps only items whose evidence points
 * at queries and surfaces of the batch.
 */
public final class HolisticRequest {

    public static final String SCHEMA_NAME = "holistic_analysis";
    static final int TOP_DOMAINS = 10;
    private static final List<String> CONFIDENCE = List.of("high", "medium", "low");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Insights insights;
    private final List<String> surfaces;
    private final List<String> queries;
    private final List<AnswerFacts> answers;
    private final Map<String, SentimentCounts> sentiment;
    private final String brand;

    /**
     * @param surfaces  the batch's surface ids
     * @param queries   the property's queries as the batch asked them, in order
     * @param answers   the facts of every answer that counts (completed or refused)
     * @param sentiment counts per entity from phase 2; empty when none was run
     */
    public HolisticRequest(Insights insights, String brand, List<String> surfaces, List<String> queries,
            List<AnswerFacts> answers, Map<String, SentimentCounts> sentiment) {
        this.insights = insights;
        this.brand = brand;
        this.surfaces = List.copyOf(surfaces);
        this.queries = List.copyOf(queries);
        this.answers = List.copyOf(answers);
        this.sentiment = Map.copyOf(sentiment);
    }

    public String system() {
        return "You are a senior GEO (generative engine optimisation) analyst for a rental property. You are given"
                + " the computed numbers of one audit batch, in which several AI models (surfaces) answered renters'"
                + " questions, and what each answer named, ranked and cited. Find where the models agree (consensus:"
                + " high confidence), where they disagree (divergences: worth investigating) and what the property"
                + " should do (recommendations). Ground every item in the data: its evidence lists the query numbers"
                + " and the surfaces whose answers show it. Use only the numbers given; do not invent any. Be concise.";
    }

    /** Instructions and, after the line {@code DATA:}, the batch as JSON. */
    public String prompt() {
        return "Analyse the audit of " + brand + ". Return at most 5 consensus findings, 5 divergences and 5"
                + " recommendations.\n\nDATA:\n" + data();
    }

    ObjectNode data() {
        ObjectNode d = JSON.createObjectNode();
        d.put("property", brand);
        surfaces.forEach(d.putArray("surfaces")::add);
        ObjectNode n = d.putObject("numbers");
        Insights.Summary s = insights.summary();
        rate(n, "brandMentionRate", s.brandMentionRate());
        num(n, "brandShareOfVoice", s.brandSOV());
        n.put("topCompetitor", s.topCompetitor());
        n.put("answers", s.answers());
        ObjectNode by = n.putObject("bySurface");
        for (String surface : surfaces) {
            ObjectNode o = by.putObject(surface);
            Insights.Visibility v = s.visibility().get(surface);
            if (v != null) {
                num(o, "visibility", v.score());
                interval(o, "visibilityCI", v.ci());
            }
            int k = 0;
            int total = 0;
            for (AnswerFacts a : answers) {
                if (!a.surface().equals(surface)) continue;
                total++;
                if (a.brandRank() != null) k++;
            }
            o.put("answers", total);
            if (total > 0) rate(o, "brandMentionRate", Insights.Rate.of(k, total));
        }
        sentiment(n, "brandSentiment", sentiment.getOrDefault(brand, SentimentCounts.NONE));
        ArrayNode comps = n.putArray("competitors");
        for (Insights.CompetitorRow c : insights.competitors()) {
            ObjectNode o = comps.addObject().put("name", c.name()).put("answersNaming", c.mentions());
            num(o, "shareOfVoice", c.sov());
            num(o, "meanRank", c.avgRank());
            c.bySurface().forEach(o.putObject("bySurface")::put);
            sentiment(o, "sentiment", sentiment.getOrDefault(c.name(), SentimentCounts.NONE));
        }
        ArrayNode doms = n.putArray("citedDomains");
        insights.domains().stream().limit(TOP_DOMAINS).forEach(x -> {
            ObjectNode o = doms.addObject().put("domain", x.domain()).put("citations", x.citations());
            num(o, "share", x.share());
        });
        Insights.Agreement a = insights.agreement();
        ObjectNode ag = n.putObject("agreement");
        ag.put("queries", a.queries()).put("bothMention", a.bothMention()).put("neither", a.neither());
        a.onlyBy().forEach(ag.putObject("onlyBy")::put);
        num(ag, "rate", a.rate());
        if (a.kappa() == null) ag.putNull("kappa");
        else ag.put("kappa", round(a.kappa(), 2));

        ArrayNode qs = d.putArray("queries");
        for (int i = 0; i < queries.size(); i++) {
            ObjectNode q = qs.addObject().put("query", i + 1).put("text", queries.get(i));
            ArrayNode list = q.putArray("answers");
            for (AnswerFacts f : answers) {
                if (f.query() != i + 1) continue;
                ObjectNode o = list.addObject().put("surface", f.surface()).put("sample", f.sample());
                if (f.brandRank() == null) o.putNull("brandRank");
                else o.put("brandRank", f.brandRank());
                ArrayNode named = o.putArray("competitorsNamed");
                for (EntityRank r : f.competitors()) named.addObject().put("name", r.name()).put("rank", r.rank());
                f.citedDomains().forEach(o.putArray("cited")::add);
                o.put("excerpt", f.excerpt());
            }
        }
        return d;
    }

    public ObjectNode schema() {
        ObjectNode evidence = Schemas.NODES.objectNode();
        evidence.set("query", Schemas.integer());
        evidence.set("surfaces", Schemas.array(Schemas.stringEnum(surfaces)));
        ObjectNode finding = Schemas.NODES.objectNode();
        finding.set("finding", Schemas.string());
        finding.set("evidence", Schemas.array(Schemas.object(evidence)));
        finding.set("confidence", Schemas.stringEnum(CONFIDENCE));
        ObjectNode recommendation = Schemas.NODES.objectNode();
        recommendation.set("action", Schemas.string());
        recommendation.set("why", Schemas.string());
        recommendation.set("evidence", Schemas.array(Schemas.object(evidence.deepCopy())));
        recommendation.set("confidence", Schemas.stringEnum(CONFIDENCE));
        ObjectNode root = Schemas.NODES.objectNode();
        root.set("consensus", Schemas.array(Schemas.object(finding)));
        root.set("divergences", Schemas.array(Schemas.object(finding.deepCopy())));
        root.set("recommendations", Schemas.array(Schemas.object(recommendation)));
        return Schemas.object(root);
    }

    /**
     * The analysis in a reply. Items whose evidence is empty or names a query or surface not in the
     * batch are dropped and counted. Throws {@link AnalysisFailure} when the reply is not the schema's JSON.
     */
    public HolisticAnalysis read(String reply) {
        JsonNode root;
        try {
            root = JSON.readTree(reply);
        } catch (Exception e) {
            throw new AnalysisFailure("The analysis reply was not JSON, so nothing was stored.");
        }
        if (root == null || !root.path("consensus").isArray() || !root.path("divergences").isArray()
                || !root.path("recommendations").isArray()) {
            throw new AnalysisFailure("The analysis reply did not follow the schema (it needs consensus, divergences"
                    + " and recommendations lists), so nothing was stored.");
        }
        int[] dropped = {0};
        List<Finding> consensus = items(root.path("consensus"), "finding", false, dropped);
        List<Finding> divergences = items(root.path("divergences"), "finding", false, dropped);
        List<Finding> recommendations = items(root.path("recommendations"), "action", true, dropped);
        return new HolisticAnalysis(consensus, divergences, recommendations, dropped[0]);
    }

    private List<Finding> items(JsonNode list, String textField, boolean withWhy, int[] dropped) {
        List<Finding> out = new ArrayList<>();
        Set<String> known = Set.copyOf(surfaces);
        for (JsonNode item : list) {
            String text = item.path(textField).asText("").strip();
            List<Evidence> evidence = new ArrayList<>();
            boolean traceable = item.path("evidence").isArray() && !item.path("evidence").isEmpty() && !text.isEmpty();
            for (JsonNode e : item.path("evidence")) {
                int q = e.path("query").asInt(0);
                List<String> on = new ArrayList<>();
                for (JsonNode s : e.path("surfaces")) on.add(s.asText());
                if (q < 1 || q > queries.size() || !e.path("query").canConvertToInt() || !known.containsAll(on)) {
                    traceable = false;
                }
                evidence.add(new Evidence(q, on));
            }
            if (!traceable) {
                dropped[0]++;
                continue;
            }
            String confidence = item.path("confidence").asText("");
            out.add(new Finding(text, withWhy ? item.path("why").asText("").strip() : null, evidence,
                    CONFIDENCE.contains(confidence) ? confidence : null));
        }
        return out;
    }

    private static void sentiment(ObjectNode parent, String field, SentimentCounts c) {
        parent.putObject(field).put("positive", c.positive()).put("neutral", c.neutral()).put("negative", c.negative());
    }

    private static void rate(ObjectNode parent, String field, Insights.Rate r) {
        num(parent, field, r.percent());
        interval(parent, field + "CI", r.ci());
        parent.put(field + "N", r.n());
    }

    private static void interval(ObjectNode parent, String field, double[] ci) {
        if (ci == null) parent.putNull(field);
        else parent.putArray(field).add(round(ci[0], 1)).add(round(ci[1], 1));
    }

    private static void num(ObjectNode parent, String field, Double v) {
        if (v == null) parent.putNull(field);
        else parent.put(field, round(v, 1));
    }

    private static double round(double v, int places) {
        return BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_UP).doubleValue();
    }

    /** The surfaces asked, for messages and the Simulated analyst. */
    public List<String> surfaces() {
        return surfaces;
    }

}
