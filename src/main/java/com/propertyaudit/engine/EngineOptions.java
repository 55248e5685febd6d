package com.propertyaudit.engine;

import java.time.Duration;

/**
 * How the engine schedules work.
 *
 * @param concurrency     requests in flight at once per provider (OpenAI, Anthropic …): {@link #AUTO}
 *                        follows the provider's rate-limit headers, a number is a fixed cap
 * @param maxOutputTokens answer length bound; reasoning models spend part of it thinking, hence generous
 * @param heartbeat       how often a running batch tells the store it is alive
 * @param staleAfter      a batch whose owner has been silent this long is interrupted
 */
public record EngineOptions(int concurrency, int maxOutputTokens, Duration heartbeat, Duration staleAfter) {

    /** Requests in flight found per provider from its rate-limit headers (the default). */
    public static final int AUTO = 0;

    public EngineOptions {
        if (concurrency < 0 || concurrency > 64) {
            throw new IllegalArgumentException("Concurrency must be Auto or between 1 and 64 requests per provider.");
        }
        if (maxOutputTokens < 1) throw new IllegalArgumentException("maxOutputTokens must be positive");
    }

    public static EngineOptions defaults() {
        return new EngineOptions(AUTO, 4096, Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    public EngineOptions withConcurrency(int n) {
        return new EngineOptions(n, maxOutputTokens, heartbeat, staleAfter);
    }
}
