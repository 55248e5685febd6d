package com.propertyaudit.engine.pacing;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a provider's rate-limit window resets, read from its header: OpenAI writes how long until
 * then as a Go duration ({@code 1s}, {@code 6m0s}, {@code 20ms}, {@code 1h2m3.5s}); Anthropic writes
 * the moment as an RFC 3339 timestamp ({@code 2025-08-21T12:40:59Z}).
 */
public final class ResetTime {

    private static final Pattern GO_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(h|ms|m|s|us|µs|ns)");

    private ResetTime() {}

    /** How long from {@code now} until the reset; empty when the text is neither form. Never negative. */
    public static Optional<Duration> parse(String text, Instant now) {
        if (text == null || text.isBlank()) return Optional.empty();
        String t = text.strip();
        Optional<Duration> go = goDuration(t);
        if (go.isPresent()) return go;
        try {
            Duration d = Duration.between(now, OffsetDateTime.parse(t).toInstant());
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A Go duration: one or more number-unit parts, nothing else. */
    static Optional<Duration> goDuration(String t) {
        Matcher m = GO_PART.matcher(t);
        int at = 0;
        double nanos = 0;
        while (m.find()) {
            if (m.start() != at) return Optional.empty();
            double v = Double.parseDouble(m.group(1));
            nanos += v * switch (m.group(2)) {
                case "h" -> 3_600e9;
                case "m" -> 60e9;
                case "s" -> 1e9;
                case "ms" -> 1e6;
                case "us", "µs" -> 1e3;
                default -> 1;
            };
            at = m.end();
        }
        if (at == 0 || at != t.length()) return Optional.empty();
        return Optional.of(Duration.ofNanos(Math.round(nanos)));
    }
}
