package com.propertyaudit.engine.pacing;

import com.propertyaudit.domain.Provider;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One {@link PacedLimiter} per provider account (provider and base URL) for everything that asks
 * it: every batch of the GUI, {@code run}, and runs of several properties at once stay together
 * inside the account's limits. {@link #processWide()} is the one the app uses.
 */
public final class Pacing implements AutoCloseable {

    private static final Pacing PROCESS = new Pacing(PacingClock.SYSTEM);

    private final PacingClock clock;
    private final ScheduledExecutorService timer;
    private final Map<String, PacedLimiter> limiters = new ConcurrentHashMap<>();

    public Pacing(PacingClock clock) {
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pacing-timer");
            t.setDaemon(true);
            return t;
        });
    }

    public static Pacing processWide() {
        return PROCESS;
    }

    /** The limiter of this provider at this base URL, created on first use. */
    public PacedLimiter limiter(Provider provider, String baseUrl) {
        String key = provider.name() + " " + (baseUrl == null ? "" : baseUrl);
        return limiters.computeIfAbsent(key,
                k -> new PacedLimiter(new ProviderPacer(clock), timer, ForkJoinPool.commonPool()));
    }

    /** Stops the timer; only for a pacing made for one engine, never the process-wide one. */
    @Override
    public void close() {
        if (this != PROCESS) timer.shutdownNow();
    }
}
