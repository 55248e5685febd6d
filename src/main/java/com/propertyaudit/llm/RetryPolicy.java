package com.propertyaudit.llm;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

/**
 * When to try a request again and how long to wait, as the providers' own SDKs do: retry 408, 409,
 * 429 and every 5xx (529 included); honour {@code retry-after-ms}, then {@code retry-after} in
 * seconds or as an HTTP date; otherwise back off exponentially (0.5 s doubling, at most 8 s) with
 * jitter; {@code x-should-retry} overrides the status. An advised wait up to {@link #MAX_ADVISED}
 * is waited for; a longer one is not hammered with backoffs but ends the request, as the OpenAI
 * SDK gives up past its own limit.
 */
public final class RetryPolicy {

    public static final Duration MAX_ADVISED = Duration.ofSeconds(120);

    private RetryPolicy() {}

    public static boolean retryableStatus(int code) {
        return code == 408 || code == 409 || code == 429 || code >= 500;
    }

    /** The server's word on retrying, when it says one: {@code x-should-retry: true|false}. */
    public static Optional<Boolean> shouldRetryHeader(Function<String, String> headers) {
        String v = headers.apply("x-should-retry");
        if ("true".equalsIgnoreCase(v)) return Optional.of(true);
        if ("false".equalsIgnoreCase(v)) return Optional.of(false);
        return Optional.empty();
    }

    /** The wait the server advises, if it gives a positive one (it may exceed {@link #MAX_ADVISED}). */
    public static Optional<Duration> advisedWait(Function<String, String> headers, Instant now) {
        Duration d = null;
        String ms = headers.apply("retry-after-ms");
        if (ms != null) {
            try {
                d = Duration.ofNanos((long) (Double.parseDouble(ms.strip()) * 1_000_000));
            } catch (NumberFormatException ignored) {
                // fall through to retry-after
            }
        }
        String ra = headers.apply("retry-after");
        if (d == null && ra != null) {
            try {
                d = Duration.ofNanos((long) (Double.parseDouble(ra.strip()) * 1_000_000_000L));
            } catch (NumberFormatException notSeconds) {
                try {
                    Instant at = ZonedDateTime.parse(ra.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    d = Duration.between(now, at);
                } catch (DateTimeParseException ignored) {
                    // unusable header: back off instead
                }
            }
        }
        if (d == null || d.isNegative() || d.isZero()) return Optional.empty();
        return Optional.of(d);
    }

    /**
     * Backoff before retry number {@code retry} (1 for the first retry): min(0.5 s × 2^(retry−1), 8 s),
     * reduced by up to a quarter at random so that many clients do not retry in step.
     *
     * @param random a number in [0, 1)
     */
    public static Duration backoff(int retry, double random) {
        double seconds = Math.min(0.5 * Math.pow(2, Math.max(0, retry - 1)), 8.0);
        return Duration.ofMillis(Math.round(seconds * (1 - 0.25 * random) * 1000));
    }
}
