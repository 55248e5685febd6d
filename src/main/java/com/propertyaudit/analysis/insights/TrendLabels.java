package com.propertyaudit.analysis.insights;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * Labels of the batches on a trend chart's axis: "11-30 14:05" (UTC), with the seconds when an
 * earlier batch of the same chart already has that minute, so no two batches share a point.
 */
public final class TrendLabels {

    private final Set<String> used = new HashSet<>();

    public String next(Instant at) {
        String text = at.toString();
        String minute = text.substring(5, 16).replace('T', ' ');
        String label = used.contains(minute) ? text.substring(5, 19).replace('T', ' ') : minute;
        for (int n = 2; used.contains(label); n++) label = minute + " (" + n + ")";
        used.add(label);
        return label;
    }
}
