package com.propertyaudit.tracking;

import com.propertyaudit.analysis.insights.BatchComparison;
import java.util.Locale;

/** The alert's sentence, for the webhook, the desktop notification and the command line. */
public final class AlertText {

    private AlertText() {}

    static String of(String property, Change c, BatchNumbers after, String previousAt, boolean simulated) {
        String surface = c.surface();
        String metric = surface != null ? "visibility score on " + surface : c.metric().toLowerCase(Locale.ROOT);
        Double now = surface != null ? after.visibility().get(surface)
                : c.metric().equals(BatchComparison.BRAND_MENTION_RATE) ? after.brandMentionRate() : null;
        String values = now == null ? "" : String.format(Locale.ROOT, " (%.1f \u2192 %.1f)", now - c.delta(), now);
        return String.format(Locale.ROOT, "Significant drop for %s: %s fell %.1f points%s since %s (%s, p %s).%s",
                property, metric, -c.delta(), values, previousAt, testName(c.test()), p(c.pValue()),
                simulated ? " Simulated answers (offline demo)." : "");
    }

    static String testName(String test) {
        if (test == null) return "no test";
        return switch (test) {
            case "mcnemar" -> "McNemar test on the paired queries";
            case "two-proportion" -> "two-proportion test";
            case "z-test" -> "z-test";
            default -> test;
        };
    }

    /** A p-value with its relation, as people read it: "= 0.0312", "< 0.0001". */
    public static String p(Double p) {
        if (p == null) return "-";
        if (p < 0.0001) return "< 0.0001";
        return String.format(Locale.ROOT, "= %.4f", p);
    }
}
