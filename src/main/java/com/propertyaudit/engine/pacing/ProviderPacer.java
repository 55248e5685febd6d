package com.propertyaudit.engine.pacing;

import com.propertyaudit.llm.RetryPolicy;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;

/**
 * Decides, for one provider, whether the next request may go now, must wait for a slot, or must
 * wait for the rate limit; pure logic on an injected clock, not thread-safe (its owner locks).
 *
 * <p>Auto starts at {@value #START} requests in flight. Each answer whose headers show headroom
 * (what remains of every budget is at least twice what the raised limit could spend) raises the
 * limit, doubling at most per answer and never past {@value #CAP}. A request goes only if every
 * budget the headers state still covers its cost after the requests sent since those headers were
 * counted; otherwise it waits until that budget resets. A 429 (or 503/529) halves the limit once per
 * burst and holds the whole provider back for the advised wait. A provider that sends no headers
 * stays at {@value #START} and, after backing off, grows back towards it one request at a time.
 * A fixed cap replaces the limit but pacing and holds still apply.
 */
public final class ProviderPacer {

    public static final int START = 8;
    public static final int CAP = 64;
    /** A reset is waited for a little past its time, so the request lands in the new window. */
    static final long RESET_MARGIN_NANOS = 25_000_000L;
    /** Without an advised wait or a reset, a 429 holds the provider back this long. */
    static final Duration DEFAULT_HOLD = Duration.ofSeconds(1);

    /** What to do with the next request. */
    public record Decision(Verdict verdict, long waitNanos) {
        static final Decision GO = new Decision(Verdict.GO, 0);
        static final Decision FULL = new Decision(Verdict.FULL, 0);
    }

    public enum Verdict { GO, FULL, WAIT }

    /** One budget as last seen: what remained when the request that saw it was sent. */
    private record Window(long limit, long remaining, long resetAtNanos, long seenBySentAt) {}

    /** A request let go: when, and what it costs. */
    private record Grant(long atNanos, Cost cost) {}

    private final PacingClock clock;
    private final Map<RateLimits.Kind, Window> windows = new EnumMap<>(RateLimits.Kind.class);
    private final ArrayDeque<Grant> grants = new ArrayDeque<>();
    private int fixedCap;
    private double limit = START;
    private int inFlight;
    private int peak;
    private boolean headersSeen;
    private long holdUntil;
    private long lastDecrease;
    private long waitingSince = -1;
    private long waitedNanos;

    public ProviderPacer(PacingClock clock) {
        this.clock = clock;
        long now = clock.nanos();
        this.holdUntil = now;
        this.lastDecrease = now - 1;
    }

    /** 0 for Auto, else a fixed number of requests in flight (1 to {@value #CAP}). */
    public void cap(int requestsInFlight) {
        if (requestsInFlight < 0 || requestsInFlight > CAP) {
            throw new IllegalArgumentException("Requests in flight must be Auto or between 1 and " + CAP + ".");
        }
        fixedCap = requestsInFlight;
    }

    public int limit() {
        return fixedCap > 0 ? fixedCap : Math.max(1, (int) limit);
    }

    public int inFlight() {
        return inFlight;
    }

    /** Whether the next request, costing {@code cost}, may go now. */
    public Decision decide(Cost cost) {
        long now = clock.nanos();
        Decision d = decideAt(now, cost);
        markWaiting(d.verdict() == Verdict.WAIT, now);
        return d;
    }

    private Decision decideAt(long now, Cost cost) {
        if (now < holdUntil) return new Decision(Verdict.WAIT, holdUntil - now);
        if (inFlight >= limit()) return Decision.FULL;
        long wait = 0;
        for (Map.Entry<RateLimits.Kind, Window> e : windows.entrySet()) {
            Window w = e.getValue();
            long need = e.getKey().of(cost);
            if (w.limit() >= 0) need = Math.min(need, w.limit()); // a request larger than the limit still gets its chance
            if (now >= w.resetAtNanos()) {
                // The window has reset: the limit is back, less what was sent since.
                if (w.limit() < 0 || w.limit() - spentAfter(e.getKey(), w.resetAtNanos()) >= need) continue;
                // More went since the reset than the limit allows: only an answer tells where we are.
                if (inFlight > 0) return Decision.FULL;
                continue;
            }
            if (w.remaining() - spentAfter(e.getKey(), w.seenBySentAt()) < need) {
                wait = Math.max(wait, w.resetAtNanos() - now + RESET_MARGIN_NANOS);
            }
        }
        return wait > 0 ? new Decision(Verdict.WAIT, wait) : Decision.GO;
    }

    /** The request decided on went. */
    public void granted(Cost cost) {
        long now = clock.nanos();
        inFlight++;
        peak = Math.max(peak, inFlight);
        grants.addLast(new Grant(now, cost));
        prune(now);
    }

    /** A request that went has ended (answered, failed or cancelled). */
    public void released() {
        inFlight = Math.max(0, inFlight - 1);
    }

    /** No request is waiting any more. */
    public void idle() {
        markWaiting(false, clock.nanos());
    }

    /** The moment a request is sent, to be handed back with its response to {@link #observe}. */
    public long ticket() {
        return clock.nanos();
    }

    /**
     * A response arrived for the request sent at {@code sentAt}: reads its rate-limit headers and,
     * for a 429/503/529, halves the limit and holds the provider back.
     */
    public void observe(long sentAt, int status, Function<String, String> headers) {
        long now = clock.nanos();
        RateLimits seen = RateLimits.read(headers, clock.instant());
        for (RateLimits.Budget b : seen.budgets()) {
            headersSeen = true;
            long resetAt = b.resetIn().map(d -> now + d.toNanos()).orElse(now);
            Window old = windows.get(b.kind());
            // A response to an older request says less than the newest one, unless that one's window is over.
            if (old == null || sentAt >= old.seenBySentAt() || now >= old.resetAtNanos()) {
                windows.put(b.kind(), new Window(b.limit(), b.remaining(), resetAt, sentAt));
            }
        }
        if (status == 429 || status == 503 || status == 529) {
            congested(now, sentAt, headers, seen);
        } else if (status >= 200 && status < 300) {
            answered(now);
        }
    }

    private void congested(long now, long sentAt, Function<String, String> headers, RateLimits seen) {
        // Requests sent before the last decrease were part of the same burst: one halving for all of them.
        if (sentAt > lastDecrease) {
            limit = Math.max(1, Math.floor(limit / 2));
            lastDecrease = now;
        }
        Duration wait = RetryPolicy.advisedWait(headers, clock.instant()).orElse(null);
        if (wait == null) {
            wait = seen.budgets().stream().filter(b -> b.remaining() == 0).map(b -> b.resetIn().orElse(null))
                    .filter(d -> d != null && !d.isZero()).max(Duration::compareTo).orElse(DEFAULT_HOLD);
        }
        if (wait.compareTo(RetryPolicy.MAX_ADVISED) > 0) wait = RetryPolicy.MAX_ADVISED;
        holdUntil = Math.max(holdUntil, now + wait.toNanos());
    }

    private void answered(long now) {
        if (!headersSeen) {
            // No headers to go by: grow back towards the default after a backoff, one request per round.
            if (limit < START) limit = Math.min(START, limit + 1.0 / limit);
            return;
        }
        int current = Math.max(1, (int) limit);
        if (current >= CAP) return;
        int doubled = Math.min(CAP, current * 2);
        if (headroomFor(doubled, now)) limit = doubled;
        else if (headroomFor(current + 1, now)) limit = current + 1;
    }

    /** Whether every budget could pay twice for {@code n} requests in flight at the average cost sent lately. */
    private boolean headroomFor(int n, long now) {
        Cost avg = averageCost();
        for (Map.Entry<RateLimits.Kind, Window> e : windows.entrySet()) {
            Window w = e.getValue();
            if (now >= w.resetAtNanos()) continue;
            long available = w.remaining() - spentAfter(e.getKey(), w.seenBySentAt());
            if (available < 2L * n * Math.max(1, e.getKey().of(avg))) return false;
        }
        return true;
    }

    private Cost averageCost() {
        if (grants.isEmpty()) return Cost.ONE;
        long p = 0;
        long o = 0;
        for (Grant g : grants) {
            p += g.cost().promptTokens();
            o += g.cost().maxOutputTokens();
        }
        return new Cost(p / grants.size(), o / grants.size());
    }

    /** What the requests let go after {@code since} cost against {@code kind}. */
    private long spentAfter(RateLimits.Kind kind, long since) {
        long sum = 0;
        Iterator<Grant> it = grants.descendingIterator();
        while (it.hasNext()) {
            Grant g = it.next();
            if (g.atNanos() <= since) break;
            sum += kind.of(g.cost());
        }
        return sum;
    }

    /** Grants older than every window they could still count against are forgotten. */
    private void prune(long now) {
        long keepAfter = now - Duration.ofMinutes(2).toNanos();
        for (Window w : windows.values()) keepAfter = Math.min(keepAfter, Math.min(w.seenBySentAt(), w.resetAtNanos()));
        while (!grants.isEmpty() && grants.peekFirst().atNanos() < keepAfter) grants.pollFirst();
        while (grants.size() > 10_000) grants.pollFirst();
    }

    private void markWaiting(boolean waiting, long now) {
        if (waiting && waitingSince < 0) {
            waitingSince = now;
        } else if (!waiting && waitingSince >= 0) {
            waitedNanos += now - waitingSince;
            waitingSince = -1;
        }
    }

    public PacingState state() {
        long now = clock.nanos();
        long waited = waitedNanos + (waitingSince >= 0 ? now - waitingSince : 0);
        return new PacingState(inFlight, limit(), fixedCap == 0, waitingSince >= 0, peak, waited / 1_000_000,
                headersSeen);
    }
}
