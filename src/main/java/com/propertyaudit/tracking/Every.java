package com.propertyaudit.tracking;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

/**
 * A schedule's period. Twelve hours is elapsed time; a day and a week are calendar periods in the
 * local time zone, so a daily audit at 06:00 stays at 06:00 across a daylight-saving change.
 */
public enum Every {
    TWELVE_HOURS("12h", "every 12 hours"),
    DAY("1d", "daily"),
    WEEK("7d", "weekly");

    private final String id;
    private final String label;

    Every(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public static Every parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (Every e : values()) {
            if (e.id.equals(t)) return e;
        }
        throw new IllegalArgumentException("'" + text + "' is not a period: use 12h, 1d or 7d.");
    }

    /** One period after {@code t}. */
    public Instant after(Instant t, ZoneId zone) {
        return switch (this) {
            case TWELVE_HOURS -> t.plus(Duration.ofHours(12));
            case DAY -> t.atZone(zone).plusDays(1).toInstant();
            case WEEK -> t.atZone(zone).plusWeeks(1).toInstant();
        };
    }

    /**
     * The next run of a schedule that was due at {@code due} and runs at {@code now}: whole periods
     * on from {@code due}, the first one after now. However many periods were missed, it runs once.
     */
    public Instant nextAfter(Instant due, Instant now, ZoneId zone) {
        Instant next = after(due, zone);
        // Long outages skip ahead in large steps first, so a year-old schedule needs no thousand loops.
        if (this == TWELVE_HOURS && next.isBefore(now)) {
            long missed = Duration.between(next, now).toHours() / 12;
            next = next.plus(Duration.ofHours(12 * missed));
        }
        while (!next.isAfter(now)) next = after(next, zone);
        return next;
    }
}
