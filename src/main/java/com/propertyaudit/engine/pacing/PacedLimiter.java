package com.propertyaudit.engine.pacing;

import com.propertyaudit.llm.RateLimitObserver;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requests of one provider (one account), shared by every batch of the process: a request
 * waits, without holding a thread, until its {@link ProviderPacer} lets it go. Waiters queue in
 * lanes (one per run): lanes take turns, and within a lane waiters go in arrival order, so two runs
 * on one provider advance together. A waiter cancelled before its turn is skipped. The provider's
 * client reports every response here ({@link RateLimitObserver}), which may let waiters go sooner.
 */
public final class PacedLimiter implements RateLimitObserver {

    private static final Logger LOG = LoggerFactory.getLogger(PacedLimiter.class);

    private record Waiter(CompletableFuture<Void> future, Cost cost) {}

    private final ProviderPacer pacer;
    private final ScheduledExecutorService timer;
    private final Executor handOff;
    private final LinkedHashMap<Object, ArrayDeque<Waiter>> lanes = new LinkedHashMap<>();
    private ScheduledFuture<?> wakeUp;
    private long wakeUpAt;

    /**
     * @param timer   wakes waiters when a wait for the rate limit is over
     * @param handOff completes waiters, so a release never runs the next request on its own stack
     */
    public PacedLimiter(ProviderPacer pacer, ScheduledExecutorService timer, Executor handOff) {
        this.pacer = pacer;
        this.timer = timer;
        this.handOff = handOff;
    }

    /** 0 for Auto, else a fixed number of requests in flight; applies to the requests not yet sent. */
    public void cap(int requestsInFlight) {
        synchronized (this) {
            pacer.cap(requestsInFlight);
        }
        dispatch();
    }

    /** Completes when the request, costing {@code cost}, may go; {@link #release()} once it has ended. */
    public CompletableFuture<Void> acquire(Object lane, Cost cost) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        synchronized (this) {
            lanes.computeIfAbsent(lane, k -> new ArrayDeque<>()).add(new Waiter(f, cost));
        }
        dispatch();
        return f;
    }

    public void release() {
        synchronized (this) {
            pacer.released();
        }
        dispatch();
    }

    @Override
    public synchronized long sending() {
        return pacer.sending();
    }

    @Override
    public void observe(long ticket, int status, Function<String, String> headers) {
        try {
            synchronized (this) {
                pacer.observe(ticket, status, headers);
            }
        } catch (RuntimeException e) {
            // Headers that cannot be read must not cost an answer: pacing goes on with what it knew.
            LOG.warn("Rate-limit headers could not be read: {}", e.toString());
        }
        dispatch();
    }

    public synchronized PacingState state() {
        return pacer.state();
    }

    /** Lets go every waiter the pacer allows now; schedules a wake-up when the next must wait. */
    private void dispatch() {
        List<CompletableFuture<Void>> go = new ArrayList<>();
        synchronized (this) {
            while (true) {
                Map.Entry<Object, ArrayDeque<Waiter>> lane = firstLiveLane();
                if (lane == null) {
                    pacer.idle();
                    break;
                }
                Waiter w = lane.getValue().peekFirst();
                ProviderPacer.Decision d = pacer.decide(w.cost());
                if (d.verdict() == ProviderPacer.Verdict.FULL) break;
                if (d.verdict() == ProviderPacer.Verdict.WAIT) {
                    wakeUpIn(d.waitNanos());
                    break;
                }
                lane.getValue().pollFirst();
                // The lane goes to the back of the turn order.
                lanes.remove(lane.getKey());
                if (!lane.getValue().isEmpty()) lanes.put(lane.getKey(), lane.getValue());
                pacer.granted(w.cost());
                go.add(w.future());
            }
        }
        for (CompletableFuture<Void> f : go) {
            handOff.execute(() -> {
                if (!f.complete(null)) release();
            });
        }
    }

    /** The first lane with a waiter not cancelled, dropping cancelled waiters and empty lanes. */
    private Map.Entry<Object, ArrayDeque<Waiter>> firstLiveLane() {
        Iterator<Map.Entry<Object, ArrayDeque<Waiter>>> it = lanes.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Object, ArrayDeque<Waiter>> lane = it.next();
            while (!lane.getValue().isEmpty() && lane.getValue().peekFirst().future().isDone()) lane.getValue().pollFirst();
            if (!lane.getValue().isEmpty()) return lane;
            it.remove();
        }
        return null;
    }

    private void wakeUpIn(long nanos) {
        long at = System.nanoTime() + nanos;
        if (wakeUp != null && !wakeUp.isDone() && wakeUpAt <= at) return;
        if (wakeUp != null) wakeUp.cancel(false);
        wakeUpAt = at;
        wakeUp = timer.schedule(this::wokenUp, Math.max(1, nanos), TimeUnit.NANOSECONDS);
    }

    /** The wait is over: a wake-up that is running is no longer pending, so the dispatch may schedule the next. */
    private void wokenUp() {
        synchronized (this) {
            wakeUp = null;
        }
        dispatch();
    }
}
