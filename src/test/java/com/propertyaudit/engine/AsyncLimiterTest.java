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
        CompletableFuture<Void> a = limiter.acquire();
        CompletableFuture<Void> b = limiter.acquire();
        CompletableFuture<Void> c = limiter.acquire();
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
        limiter.acquire();
        List<Integer> order = new ArrayList<>();
        CompletableFuture<Void> first = limiter.acquire().thenRun(() -> {
            synchronized (order) {
                order.add(1);
            }
        });
        limiter.acquire().thenRun(() -> {
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
        limiter.acquire();
        CompletableFuture<Void> cancelled = limiter.acquire();
        CompletableFuture<Void> next = limiter.acquire();
        cancelled.cancel(true);
        limiter.release();
        next.orTimeout(5, TimeUnit.SECONDS).join();
        assertThat(limiter.inUse()).isEqualTo(1);
    }

    @Test
    void refusesAZeroLimit() {
        assertThatThrownBy(() -> new AsyncLimiter(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
