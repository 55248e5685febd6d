package com.propertyaudit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AsyncLimiterTest {

    @Test
    void grantsUpToTheLimitAtOnceThenQueues() {
        AsyncLimiter limiter = new AsyncLimiter(2);
        CompletableFuture<Void> a = limiter.acquire("run");
        CompletableFuture<Void> b = limiter.acquire("run");
        CompletableFuture<Void> c = limiter.acquire("run");
        assertThat(a).isDone();
        assertThat(b).isDone();
        assertThat(c).isNotDone();
        assertThat(limiter.inUse()).isEqualTo(2);

        limiter.release();
        c.orTimeout(5, TimeUnit.SECONDS).join();
        assertThat(limiter.inUse()).isEqualTo(2);
        assertThat(limiter.maxInUse()).isEqualTo(2);
    }

    @Test
    void servesWaitersInArrivalOrder() {
        AsyncLimiter limiter = new AsyncLimiter(1);
        limiter.acquire("run");
        List<Integer> order = new ArrayList<>();
        CompletableFuture<Void> first = limiter.acquire("run").thenRun(() -> {
            synchronized (order) {
                order.add(1);
            }
        });
        limiter.acquire("run").thenRun(() -> {
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
        AsyncLimiter limiter = new AsyncLimiter(1);
        limiter.acquire("run");
        CompletableFuture<Void> cancelled = limiter.acquire("run");
        CompletableFuture<Void> next = limiter.acquire("run");
        cancelled.cancel(true);
        limiter.release();
        next.orTimeout(5, TimeUnit.SECONDS).join();
        assertThat(limiter.inUse()).isEqualTo(1);
    }

    @Test
    void lanesTakeTurnsSoTwoRunsOnOneProviderAdvanceTogether() {
        AsyncLimiter limiter = new AsyncLimiter(1);
        limiter.acquire("a");
        java.util.List<String> order = new java.util.ArrayList<>();
        java.util.List<CompletableFuture<Void>> all = new java.util.ArrayList<>();
        for (String name : java.util.List.of("a1", "a2", "a3", "b1", "b2")) {
            CompletableFuture<Void> f = limiter.acquire(name.substring(0, 1));
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
    void refusesAZeroLimit() {
        assertThatThrownBy(() -> new AsyncLimiter(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
