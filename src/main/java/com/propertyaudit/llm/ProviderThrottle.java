package com.propertyaudit.llm;

import java.time.Duration;

/**
 * Holds back a whole provider after a 429: no new attempt to that provider starts before the
 * advised time, whichever request was told. One instance per provider, shared by its requests.
 */
public final class ProviderThrottle {

    private long pausedUntilNanos = System.nanoTime();

    /** Pauses the provider for at least {@code d} from now (a longer pause already set stays). */
    public synchronized void pause(Duration d) {
        pausedUntilNanos = Math.max(pausedUntilNanos, System.nanoTime() + d.toNanos());
    }

    /** How long a new attempt must still wait; zero when the provider is not paused. */
    public synchronized Duration remaining() {
        long left = pausedUntilNanos - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }
}
