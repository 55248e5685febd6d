package com.propertyaudit.analysis.insights;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Labels of the batches on a trend chart's axis: "30 Nov 14:05" (UTC), with the seconds when an
 * earlier batch of the same chart already has that minute, so no two batches share a point.
 */
public final class TrendLabels {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("d MMM HH:mm:ss", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private final Set<String> used = new HashSet<>();

    public String next(Instant at) {
        String minute = MINUTE.format(at);
        String label = used.contains(minute) ? SECOND.format(at) : minute;
        for (int n = 2; used.contains(label); n++) label = minute + " (" + n + ")";
        used.add(label);
        return label;
    }
}
