package com.propertyaudit.analysis.insights;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What changed from one batch to a later one, and whether the change is more than noise: McNemar's
 * test on the (query, surface) pairs both batches asked, else a two-proportion test.
 */
public final class BatchComparison {

    /** A metric's change; {@code pValue} is null where no test applies. */
    public record Delta(String metric, Double before, Double after, Double change, Double pValue, String test,
            boolean significant) {}

    /** The deltas with whether the two batches were like for like (when not, the deltas cover what they share). */
    public record Result(Comparability comparability, List<Delta> deltas) {}

    /** The deltas' metric names, which callers (the Portfolio's change rule) match on. */
    public static final String BRAND_MENTION_RATE = "Brand " + Measures.MENTION_RATE.toLowerCase(java.util.Locale.ROOT);
    public static final String BRAND_SOV = "Brand share of voice";
    private static final String VISIBILITY_OF = Measures.VISIBILITY_SCORE + " · ";

    private BatchComparison() {}

    /** The surface id a visibility delta is about; null for any other metric. */
    public static String visibilitySurface(String metric) {
        return metric != null && metric.startsWith(VISIBILITY_OF) ? metric.substring(VISIBILITY_OF.length()) : null;
    }

    public static List<Delta> compare(Insights before, Insights after) {
        List<Delta> out = new ArrayList<>();
        out.add(mentionRate(before, after));
        Insights.Summary b = before.summary();
        Insights.Summary a = after.summary();
        out.add(delta(BRAND_SOV, b.brandSOV(), a.brandSOV(), null, null));
        TreeSet<String> surfaces = new TreeSet<>(b.visibility().keySet());
        surfaces.addAll(a.visibility().keySet());
        for (String s : surfaces) {
            Insights.Visibility vb = b.visibility().get(s);
            Insights.Visibility va = a.visibility().get(s);
            Double p = null;
            if (vb != null && va != null && vb.ci() != null && va.ci() != null) {
                // Standard errors back from the 95% intervals; a z-test on the difference of means.
                double seB = (vb.ci()[1] - vb.ci()[0]) / (2 * Stats.Z95);
                double seA = (va.ci()[1] - va.ci()[0]) / (2 * Stats.Z95);
                double se = Math.sqrt(seB * seB + seA * seA);
                if (se > 0) p = 2 * (1 - Stats.normalCdf(Math.abs(va.score() - vb.score()) / se));
            }
            out.add(delta(VISIBILITY_OF + s, vb == null ? null : vb.score(), va == null ? null : va.score(), p,
                    p == null ? null : "z-test"));
        }
        return out;
    }

    private static Delta mentionRate(Insights before, Insights after) {
        Map<String, Boolean> b = outcomes(before);
        Map<String, Boolean> a = outcomes(after);
        int yesNo = 0;
        int noYes = 0;
        int paired = 0;
        for (Map.Entry<String, Boolean> e : b.entrySet()) {
            Boolean later = a.get(e.getKey());
            if (later == null) continue;
            paired++;
            if (e.getValue() && !later) yesNo++;
            if (!e.getValue() && later) noYes++;
        }
        Insights.Rate rb = before.summary().brandMentionRate();
        Insights.Rate ra = after.summary().brandMentionRate();
        Double p;
        String test;
        if (paired >= Math.max(1, Math.min(b.size(), a.size()) / 2)) {
            p = Stats.mcnemarP(yesNo, noYes);
            test = "McNemar on " + paired + " paired query-surface outcomes";
        } else {
            p = Stats.twoProportionP(rb.k(), rb.n(), ra.k(), ra.n());
            test = "two-proportion";
        }
        return delta(BRAND_MENTION_RATE, rb.percent(), ra.percent(), p, test);
    }

    /** Per (query, surface): does the surface name the brand for that query (majority of samples)? */
    private static Map<String, Boolean> outcomes(Insights in) {
        Map<String, Boolean> out = new HashMap<>();
        for (Insights.QueryAgreement q : in.agreement().perQuery()) {
            q.mentions().forEach((surface, named) -> out.put(q.query() + "\u0000" + surface, named));
        }
        return out;
    }

    private static Delta delta(String metric, Double before, Double after, Double p, String test) {
        Double change = before == null || after == null ? null : after - before;
        return new Delta(metric, before, after, change, p, test, p != null && p < 0.05);
    }
}
