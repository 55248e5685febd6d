package com.propertyaudit.engine.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The asynchronous side of pacing: slots, lanes, cancelled waiters, and waits the pacer asks for. */
class PacedLimiterTest {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    /** A limiter with a fixed cap that completes waiters on the calling thread, so order is visible at once. */
    private PacedLimiter fixed(int cap) {
        PacedLimiter l = new PacedLimiter(new ProviderPacer(PacingClock.SYSTEM), timer, Runnable::run);
        l.cap(cap);
        return l;
    }


    @Test
    void grantsUpToTheLimitAtOnceThenQueues() {
        PacedLimiter limiter = fixed(2);
        CompletableFuture<Void> a = limiter.acquire("run", Cost.ONE);
        CompletableFuture<Void> b = limiter.acquire("run", Cost.ONE);
        CompletableFuture<Void> c = limiter.acquire("run", Cost.ONE);
        assertThat(a).isDone();
        assertThat(b).isDone();
        assertThat(c).isNotDone();
        assertThat(limiter.state().inFlight()).isEqualTo(2);

        limiter.release();
        c.orTimeout(5, TimeUnit.SECONDS).join();
        assertThat(limiter.state().inFlight()).isEqualTo(2);
        assertThat(limiter.state().peak()).isEqualTo(2);
    }

    @Test
    void servesWaitersInArrivalOrder() {
        PacedLimiter limiter = fixed(1);
        limiter.acquire("run", Cost.ONE);
        List<Integer> order = new ArrayList<>();
        CompletableFuture<Void> first = limiter.acquire("run", Cost.ONE).thenRun(() -> {
            synchronized (order) {
                order.add(1);
            }
        });
        limiter.acquire("run", Cost.ONE).thenRun(() -> {
            synchronized (order) {
                order.add(2);
            }
        });
        limiter.release();
        first.orTimeout(5, TimeUnit.SECONDS).join();
        assertThat(order).containsExactly(1);
    }

    @Test
    void aCancelledWaiterIsSkippedAndItsPermitPassesOn() {
        PacedLimiter limiter = fixed(1);
        limiter.acquire("run", Cost.ONE);
        CompletableFuture<Void> cancelled = limiter.acquire("run", Cost.ONE);
        CompletableFuture<Void> next = limiter.acquire("run", Cost.ONE);
        cancelled.cancel(true);
        limiter.release();
        next.orTimeout(5, TimeUnit.SECONDS).join();
        assertThat(limiter.state().inFlight()).isEqualTo(1);
    }

    @Test
    void lanesTakeTurnsSoTwoRunsOnOneProviderAdvanceTogether() {
        PacedLimiter limiter = fixed(1);
        limiter.acquire("a", Cost.ONE);
        java.util.List<String> order = new java.util.ArrayList<>();
        java.util.List<CompletableFuture<Void>> all = new java.util.ArrayList<>();
        for (String name : java.util.List.of("a1", "a2", "a3", "b1", "b2")) {
            CompletableFuture<Void> f = limiter.acquire(name.substring(0, 1), Cost.ONE);
            all.add(f.thenRun(() -> {
                synchronized (order) {
                    order.add(name);
                }
            }));
        }
        for (int i = 0; i < 5; i++) {
            int before;
            synchronized (order) {
                before = order.size();
            }
            limiter.release();
            int want = before + 1;
            CompletableFuture.runAsync(() -> {
                while (true) {
                    synchronized (order) {
                        if (order.size() >= want) return;
                    }
                    Thread.onSpinWait();
                }
            }).orTimeout(5, TimeUnit.SECONDS).join();
        }
        assertThat(order).containsExactly("a1", "b1", "a2", "b2", "a3");
    }

    @Test
    void refusesACapAboveTheSafetyCap() {
        assertThatThrownBy(() -> fixed(65)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aWaiterHeldForTheRateLimitGoesWhenTheResetComes() {
        PacedLimiter limiter = new PacedLimiter(new ProviderPacer(PacingClock.SYSTEM), timer, Runnable::run);
        limiter.observe(limiter.sending(), 200, Map.of("x-ratelimit-remaining-requests", "0",
                "x-ratelimit-limit-requests", "20", "x-ratelimit-reset-requests", "300ms")::get);
        long t0 = System.nanoTime();
        CompletableFuture<Void> f = limiter.acquire("run", Cost.ONE);
        assertThat(f).isNotDone();
        assertThat(limiter.state().waiting()).isTrue();
        f.orTimeout(5, TimeUnit.SECONDS).join();
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(250);
        assertThat(limiter.state().waiting()).isFalse();
        assertThat(limiter.state().waitedMs()).isGreaterThanOrEqualTo(250);
    }
}
