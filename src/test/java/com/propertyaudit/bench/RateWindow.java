package com.propertyaudit.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import mockwebserver3.MockResponse;

/**
 * One provider's rate limits at the stand-in, counted as the providers count them: fixed windows
 * from the first request; a request counts when it arrives, against requests (one) and tokens
 * (its prompt estimate plus the most completion tokens it asks for). A request that does not fit is
 * refused with 429 and not counted. Answers carry the provider's own headers: OpenAI's
 * {@code x-ratelimit-*} with Go durations, Anthropic's {@code anthropic-ratelimit-*} with RFC 3339
 * moments rounded up to the second, as they send them.
 */
final class RateWindow {

    /** What the stand-in made of one arriving request. */
    record Admission(boolean admitted, long remainingRequests, long remainingTokens, long resetNanos, String exceeded) {}

    private final int requests;
    private final long tokens;
    private final long windowNanos;
    private long start = -1;
    private int used;
    private long usedTokens;

    /** @param requests per window, 0 for no limit; @param tokens per window, 0 for no limit */
    RateWindow(int requests, long tokens, Duration window) {
        this.requests = requests;
        this.tokens = tokens;
        this.windowNanos = window.toNanos();
    }

    synchronized Admission admit(long cost) {
        long now = System.nanoTime();
        if (start < 0) {
            start = now;
        } else if (now >= start + windowNanos) {
            start += (now - start) / windowNanos * windowNanos;
            used = 0;
            usedTokens = 0;
        }
        boolean requestFits = requests <= 0 || used + 1 <= requests;
        boolean tokensFit = tokens <= 0 || usedTokens + cost <= tokens;
        if (requestFits && tokensFit) {
            used++;
            usedTokens += cost;
        }
        return new Admission(requestFits && tokensFit, requests - used, tokens - usedTokens, start + windowNanos - now,
                requestFits ? "tokens" : "requests");
    }

    /** The response with this provider's rate-limit headers as of the request's arrival. */
    MockResponse withHeaders(MockResponse response, Admission a, boolean openAi) {
        MockResponse.Builder b = response.newBuilder();
        if (openAi) {
            String reset = goDuration(a.resetNanos());
            if (requests > 0) {
                b.setHeader("x-ratelimit-limit-requests", Integer.toString(requests))
                        .setHeader("x-ratelimit-remaining-requests", Long.toString(a.remainingRequests()))
                        .setHeader("x-ratelimit-reset-requests", reset);
            }
            if (tokens > 0) {
                b.setHeader("x-ratelimit-limit-tokens", Long.toString(tokens))
                        .setHeader("x-ratelimit-remaining-tokens", Long.toString(a.remainingTokens()))
                        .setHeader("x-ratelimit-reset-tokens", reset);
            }
        } else {
            String reset = DateTimeFormatter.ISO_INSTANT.format(Instant.now().plusNanos(a.resetNanos())
                    .plusSeconds(1).truncatedTo(ChronoUnit.SECONDS));
            if (requests > 0) {
                b.setHeader("anthropic-ratelimit-requests-limit", Integer.toString(requests))
                        .setHeader("anthropic-ratelimit-requests-remaining", Long.toString(a.remainingRequests()))
                        .setHeader("anthropic-ratelimit-requests-reset", reset);
            }
            if (tokens > 0) {
                b.setHeader("anthropic-ratelimit-tokens-limit", Long.toString(tokens))
                        .setHeader("anthropic-ratelimit-tokens-remaining", Long.toString(a.remainingTokens()))
                        .setHeader("anthropic-ratelimit-tokens-reset", reset);
            }
        }
        return b.build();
    }

    /** Whole seconds until the window resets, at least one: what retry-after says. */
    static long retryAfterSeconds(Admission a) {
        return Math.max(1, (a.resetNanos() + 999_999_999L) / 1_000_000_000L);
    }

    /** As Go prints a duration: {@code 20ms}, {@code 1.5s}, {@code 6m0s}. */
    static String goDuration(long nanos) {
        long ms = Math.max(0, (nanos + 999_999) / 1_000_000);
        if (ms < 1000) return ms + "ms";
        long minutes = ms / 60_000;
        String seconds = String.format(Locale.ROOT, "%.3f", (ms % 60_000) / 1000.0).replaceAll("\\.?0+$", "");
        return (minutes > 0 ? minutes + "m" : "") + seconds + "s";
    }
}
