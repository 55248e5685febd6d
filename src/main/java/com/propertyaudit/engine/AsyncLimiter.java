package com.propertyaudit.engine;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinPool;

/**
 * At most {@code permits} holders at once, without blocking threads: {@link #acquire()} returns a
 * future that completes when a permit is free. Waiters are served in arrival order; a waiter that
 * was cancelled before its turn is skipped.
 */
final class AsyncLimiter {

    private final int permits;
    private final ArrayDeque<CompletableFuture<Void>> waiters = new ArrayDeque<>();
    private int inUse;
    private int maxInUse;

    AsyncLimiter(int permits) {
        if (permits < 1) throw new IllegalArgumentException("concurrency must be at least 1");
        this.permits = permits;
    }

    CompletableFuture<Void> acquire() {
        synchronized (this) {
            if (inUse < permits) {
                take();
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Void> f = new CompletableFuture<>();
            waiters.add(f);
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
        CompletableFuture<Void> f;
        while ((f = waiters.poll()) != null) {
            if (!f.isDone()) return f;
        }
        return null;
    }

    private void take() {
        inUse++;
        maxInUse = Math.max(maxInUse, inUse);
    }

    synchronized int inUse() {
        return inUse;
    }

    /** The highest number of permits held at once so far; tests use it to prove the bound. */
    synchronized int maxInUse() {
        return maxInUse;
    }
}
