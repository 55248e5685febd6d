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
 * raises the limit to the most that every budget still covers twice over (what remains, less
 * what may not be counted in it yet), never past {@value #CAP}. A request goes only if every
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

    /**
     * One budget in its current window: the least that remained in any answer of the window, and
     * the highest request number among those answers. The provider counts requests as they arrive,
     * and they may arrive in another order than they were sent: a request sent after that number, or
     * sent before it and not answered yet, may not be counted in it.
     */
    private record Window(long limit, long remaining, long resetAtNanos, long seenBySend) {}

    /** A request sent: its number in sending order, when, what it costs, and whether it was answered. */
    private static final class Send {
        final long seq;
        final long atNanos;
        final Cost cost;
        boolean answered;

        Send(long seq, long atNanos, Cost cost) {
            this.seq = seq;
            this.atNanos = atNanos;
            this.cost = cost;
        }
    }

    private final PacingClock clock;
    private final Map<RateLimits.Kind, Window> windows = new EnumMap<>(RateLimits.Kind.class);
    /** Requests let go and not yet sent, in order: they will count as soon as they arrive. */
    private final ArrayDeque<Cost> pending = new ArrayDeque<>();
    private final ArrayDeque<Send> sends = new ArrayDeque<>();
    private long sendSeq;
    private Cost lastCost = Cost.ONE;
    private int fixedCap;
    private double limit = START;
    private int inFlight;
    private int peak;
    private boolean headersSeen;
    private long holdUntil;
    /** Requests sent up to this number belong to the burst that already halved the limit. */
    private long lastDecreaseSeq = -1;
    private long waitingSince = -1;
    private long waitedNanos;

    public ProviderPacer(PacingClock clock) {
        this.clock = clock;
        this.holdUntil = clock.nanos();
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
                if (w.limit() < 0 || w.limit() - spentSinceTime(e.getKey(), w.resetAtNanos()) >= need) continue;
                // More went since the reset than the limit allows: only an answer tells where we are.
                if (inFlight > 0) return Decision.FULL;
                continue;
            }
            if (w.remaining() - uncounted(e.getKey(), w.seenBySend()) < need) {
                wait = Math.max(wait, w.resetAtNanos() - now + RESET_MARGIN_NANOS);
            }
        }
        return wait > 0 ? new Decision(Verdict.WAIT, wait) : Decision.GO;
    }

    /** The request decided on may go; it counts from now, and is sent soon ({@link #sending}). */
    public void granted(Cost cost) {
        inFlight++;
        peak = Math.max(peak, inFlight);
        pending.addLast(cost);
    }

    /** A request that went has ended (answered, failed or cancelled, perhaps before it was sent). */
    public void released() {
        inFlight = Math.max(0, inFlight - 1);
        // A request stopped before it was sent never counts.
        while (pending.size() > inFlight) pending.pollLast();
    }

    /** No request is waiting any more. */
    public void idle() {
        markWaiting(false, clock.nanos());
    }

    /**
     * A request is being sent (a retry too): returns its number, to be handed back with its
     * response to {@link #observe}. Sending order, not the order requests were let go, tells which
     * requests a response's counts include.
     */
    public long sending() {
        long now = clock.nanos();
        Cost cost = pending.isEmpty() ? lastCost : pending.pollFirst();
        lastCost = cost;
        sends.addLast(new Send(++sendSeq, now, cost));
        prune(now);
        return sendSeq;
    }

    /**
     * The request sent as number {@code sent} ended: with a response ({@code status}, and its
     * rate-limit headers are read; a 429/503/529 halves the limit and holds the provider back), or
     * with none ({@code status} 0: the connection failed or the call was cancelled).
     */
    public void observe(long sent, int status, Function<String, String> headers) {
        long now = clock.nanos();
        markAnswered(sent);
        if (status == 0) return;
        RateLimits seen = RateLimits.read(headers, clock.instant());
        for (RateLimits.Budget b : seen.budgets()) {
            headersSeen = true;
            long resetAt = b.resetIn().map(d -> now + d.toNanos()).orElse(now);
            Window old = windows.get(b.kind());
            if (old == null || now >= old.resetAtNanos()) {
                windows.put(b.kind(), new Window(b.limit(), b.remaining(), resetAt, sent));
            } else {
                // The same window: the least remaining is the latest count, and the later reset the safer.
                windows.put(b.kind(), new Window(b.limit(), Math.min(old.remaining(), b.remaining()),
                        Math.max(old.resetAtNanos(), resetAt), Math.max(old.seenBySend(), sent)));
            }
        }
        if (status == 429 || status == 503 || status == 529) {
            congested(now, sent, headers, seen);
        } else if (status >= 200 && status < 300) {
            answered(now);
        }
    }

    private void congested(long now, long sent, Function<String, String> headers, RateLimits seen) {
        // Requests sent before the last decrease were part of the same burst: one halving for all of them.
        if (fixedCap == 0 && sent > lastDecreaseSeq) {
            limit = Math.max(1, Math.floor(limit / 2));
            lastDecreaseSeq = sendSeq;
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
        if (fixedCap > 0) return; // a fixed cap learns nothing; Auto starts from where it last was
        if (!headersSeen) {
            // No headers to go by: grow back towards the default after a backoff, one request per round.
            if (limit < START) limit = Math.min(START, limit + 1.0 / limit);
            return;
        }
        // The headers say how much room there is: go up to what it covers twice over, not step by step.
        for (int n = CAP; n > (int) limit; n--) {
            if (headroomFor(n, now)) {
                limit = n;
                return;
            }
        }
    }

    /** Whether every budget could pay twice for {@code n} requests in flight at the average cost sent lately. */
    private boolean headroomFor(int n, long now) {
        Cost avg = averageCost();
        for (Map.Entry<RateLimits.Kind, Window> e : windows.entrySet()) {
            Window w = e.getValue();
            if (now >= w.resetAtNanos()) continue;
            long available = w.remaining() - uncounted(e.getKey(), w.seenBySend());
            if (available < 2L * n * Math.max(1, e.getKey().of(avg))) return false;
        }
        return true;
    }

    private Cost averageCost() {
        if (sends.isEmpty()) return lastCost;
        long p = 0;
        long o = 0;
        for (Send x : sends) {
            p += x.cost.promptTokens();
            o += x.cost.maxOutputTokens();
        }
        return new Cost(p / sends.size(), o / sends.size());
    }

    /**
     * What the requests a window's count may not include cost against {@code kind}: those about to
     * be sent, those sent after number {@code seq}, and those sent before it and not answered yet.
     */
    private long uncounted(RateLimits.Kind kind, long seq) {
        long sum = pendingCost(kind);
        for (Send x : sends) {
            if (x.seq > seq || !x.answered) sum += kind.of(x.cost);
        }
        return sum;
    }

    private void markAnswered(long seq) {
        Iterator<Send> it = sends.descendingIterator();
        while (it.hasNext()) {
            Send x = it.next();
            if (x.seq == seq) {
                x.answered = true;
                return;
            }
            if (x.seq < seq) return;
        }
    }

    /** What the requests sent after {@code nanos}, and those about to be sent, cost against {@code kind}. */
    private long spentSinceTime(RateLimits.Kind kind, long nanos) {
        long sum = pendingCost(kind);
        Iterator<Send> it = sends.descendingIterator();
        while (it.hasNext()) {
            Send x = it.next();
            if (x.atNanos <= nanos) break;
            sum += kind.of(x.cost);
        }
        return sum;
    }

    private long pendingCost(RateLimits.Kind kind) {
        long sum = 0;
        for (Cost c : pending) sum += kind.of(c);
        return sum;
    }

    /** Sends older than every window they could still count against are forgotten. */
    private void prune(long now) {
        long keepAfter = now - Duration.ofMinutes(2).toNanos();
        long keepSeq = sendSeq;
        for (Window w : windows.values()) {
            keepAfter = Math.min(keepAfter, w.resetAtNanos());
            keepSeq = Math.min(keepSeq, w.seenBySend());
        }
        while (!sends.isEmpty() && sends.peekFirst().atNanos < keepAfter && sends.peekFirst().seq <= keepSeq) {
            sends.pollFirst();
        }
        while (sends.size() > 10_000) sends.pollFirst();
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
        return new PacingState(inFlight, limit(), fixedCap == 0, waitingSince >= 0, peak, waited / 1_000_000);
    }
}
