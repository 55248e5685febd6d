package com.propertyaudit.tracking;

import com.propertyaudit.analysis.insights.BatchComparison;
import com.propertyaudit.analysis.insights.Insights;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Turns the two-batch comparison into the portfolio's verdict. The statistics are the comparison's
 * (McNemar on the paired query-surface outcomes, else a two-proportion test; a z-test per surface's
 * visibility): this class only picks which change the alert rests on. Pure, no I/O.
 */
public final class ChangeRule {

    static final String MENTION_RATE = BatchComparison.BRAND_MENTION_RATE;
    static final String SOV = BatchComparison.BRAND_SOV;
    public static final double ALPHA = 0.05;
    /**
     * The version of this rule and the comparison it calls, part of every stored change's basis: raised
     * when either changes, so every stored change is computed again on the next read.
     */
    static final int RULES = 2;

    private ChangeRule() {}

    /** The one call into the comparison, so its improvements reach the portfolio as they are made. */
    static List<BatchComparison.Delta> compare(Insights before, Insights after) {
        return BatchComparison.compare(before, after);
    }

    public static Change change(UUID previousBatchId, Insights before, Insights after) {
        return of(previousBatchId, compare(before, after));
    }

    public static Change of(UUID previousBatchId, List<BatchComparison.Delta> deltas) {
        Double mention = null;
        Double sov = null;
        Map<String, Double> visibility = new TreeMap<>();
        BatchComparison.Delta mentionDelta = null;
        for (BatchComparison.Delta d : deltas) {
            if (d.metric().equals(MENTION_RATE)) {
                mention = d.change();
                mentionDelta = d;
            } else if (d.metric().equals(SOV)) {
                sov = d.change();
            } else if (BatchComparison.visibilitySurface(d.metric()) != null && d.change() != null) {
                visibility.put(BatchComparison.visibilitySurface(d.metric()), d.change());
            }
        }
        Comparator<BatchComparison.Delta> clearest = Comparator.comparingDouble(BatchComparison.Delta::pValue);
        List<BatchComparison.Delta> tested = deltas.stream()
                .filter(d -> !d.metric().equals(SOV) && d.change() != null && d.pValue() != null && d.pValue() < ALPHA)
                .toList();
        // The brand's mention rate speaks first; a surface's visibility decides when the rate did not move.
        BatchComparison.Delta decisive = tested.stream().filter(d -> d.change() < 0 && d.metric().equals(MENTION_RATE)).findFirst()
                .or(() -> tested.stream().filter(d -> d.change() < 0).min(clearest))
                .or(() -> tested.stream().filter(d -> d.change() > 0).min(clearest))
                .orElse(mentionDelta);
        if (decisive == null) {
            return new Change(previousBatchId, mention, sov, visibility, MENTION_RATE, null, null, null, false);
        }
        boolean significant = decisive.pValue() != null && decisive.pValue() < ALPHA && decisive.change() != null
                && decisive.change() != 0;
        return new Change(previousBatchId, mention, sov, visibility, decisive.metric(), decisive.change(),
                decisive.pValue(), testId(decisive.test()), significant);
    }

    /** The comparison's test, as the short id of cli.md. */
    static String testId(String test) {
        if (test == null) return null;
        String t = test.toLowerCase(Locale.ROOT);
        if (t.contains("mcnemar")) return "mcnemar";
        if (t.contains("two-proportion")) return "two-proportion";
        if (t.contains("z-test")) return "z-test";
        return t;
    }
}
