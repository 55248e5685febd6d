package com.propertyaudit.engine;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;

/**
 * At most {@code permits} holders at once, without blocking threads: {@link #acquire} returns a
 * future that completes when a permit is free. Waiters queue in lanes (one per run): lanes take
 * turns, and within a lane waiters are served in arrival order, so two runs on one provider
 * advance together instead of one after the other. A waiter cancelled before its turn is skipped.
 */
final class AsyncLimiter {

    private final int permits;
    /** Lanes with waiters, in turn order: the next permit goes to the first, which then moves last. */
    private final LinkedHashMap<Object, ArrayDeque<CompletableFuture<Void>>> lanes = new LinkedHashMap<>();
    private int inUse;
    private int maxInUse;

    AsyncLimiter(int permits) {
        if (permits < 1) throw new IllegalArgumentException("concurrency must be at least 1");
        this.permits = permits;
    }

    CompletableFuture<Void> acquire(Object lane) {
        synchronized (this) {
            if (inUse < permits) {
                take();
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Void> f = new CompletableFuture<>();
            lanes.computeIfAbsent(lane, k -> new ArrayDeque<>()).add(f);
            return f;
        }
    }

    void release() {
        CompletableFuture<Void> next;
        synchronized (this) {
            inUse--;
            next = nextLiveWaiter();
            if (next != null) take();
        }
        if (next != null) {
            // Handed on from another thread: completing inline would run the waiter's whole
            // continuation (often another request) on this stack, recursively.
            CompletableFuture<Void> waiter = next;
            ForkJoinPool.commonPool().execute(() -> {
                if (!waiter.complete(null)) release();
            });
        }
    }

    private CompletableFuture<Void> nextLiveWaiter() {
        while (!lanes.isEmpty()) {
            Iterator<Map.Entry<Object, ArrayDeque<CompletableFuture<Void>>>> first = lanes.entrySet().iterator();
            Map.Entry<Object, ArrayDeque<CompletableFuture<Void>>> lane = first.next();
            first.remove();
            CompletableFuture<Void> f;
            do {
                f = lane.getValue().poll();
            } while (f != null && f.isDone());
            if (!lane.getValue().isEmpty()) lanes.put(lane.getKey(), lane.getValue());
            if (f != null) return f;
        }
        return null;
    }

    private void take() {
        inUse++;
        maxInUse = Math.max(maxInUse, inUse);
    }

    int permits() {
        return permits;
    }

    synchronized int inUse() {
        return inUse;
    }

    /** The highest number of permits held at once so far; tests use it to prove the bound. */
    synchronized int maxInUse() {
        return maxInUse;
    }
}
