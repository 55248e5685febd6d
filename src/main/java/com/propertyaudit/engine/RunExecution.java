package com.propertyaudit.engine;

import com.propertyaudit.analysis.AnswerScorer;
import com.propertyaudit.domain.Answer;
import com.propertyaudit.domain.AnswerScore;
import com.propertyaudit.domain.AnswerOutcome;
import com.propertyaudit.domain.AuditQuery;
import com.propertyaudit.domain.Batch;
import com.propertyaudit.domain.OutcomeCounts;
import com.propertyaudit.domain.Run;
import com.propertyaudit.domain.RunStatus;
import com.propertyaudit.engine.pacing.Cost;
import com.propertyaudit.engine.pacing.PacedLimiter;
import com.propertyaudit.llm.LlmClient;
import com.propertyaudit.llm.LlmException;
import com.propertyaudit.llm.LlmRequest;
import com.propertyaudit.llm.LlmResponse;
import com.propertyaudit.llm.SearchLocation;
import com.propertyaudit.store.AnswerKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One surface working through its (query, sample) pairs: requests go out as the provider's
 * limiter lets them (a free slot, and room left in the account's rate limits), and each reply is
 * scored and stored on the writer before it is reported. The first request goes alone, so that a failure that concerns the whole surface (a bad
 * key, a retired model, no credit) stops this run after one request instead of one per permit.
 * A reply cut off at the token limit is asked again once with twice the budget, an empty one once
 * more; what is still not an answer is stored with its outcome and left out of the numbers.
 */
final class RunExecution {

    private final Batch batch;
    private final Run run;
    private final LlmClient client;
    private final PacedLimiter limiter;
    /** The most requests in flight at once on this provider while the batch ran. */
    private final AtomicInteger peakInFlight;
    private final AnswerScorer scorer;
    private final EngineStore store;
    private final Executor writer;
    private final Consumer<EngineEvent> events;
    private final Clock clock;
    private final int maxOutputTokens;
    /** Where this surface's web search searches from: the property's city, when the provider takes one. */
    private final SearchLocation searchFrom;

    /** The largest completion budget a re-ask after a cut-off may use. */
    static final int MAX_REASK_TOKENS = 16_000;

    private final AtomicBoolean stopped = new AtomicBoolean();
    /** Set when the run is stopped from outside: cancelled by the user, or interrupted by the app stopping. */
    private final AtomicReference<RunStatus> stoppedAs = new AtomicReference<>();
    private final AtomicReference<String> runError = new AtomicReference<>();
    private final Queue<CompletableFuture<?>> cancellable = new ConcurrentLinkedQueue<>();
    private final AtomicInteger done;
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger completedNow = new AtomicInteger();
    private final int total;

    RunExecution(Batch batch, Run run, LlmClient client, PacedLimiter limiter, AtomicInteger peakInFlight,
            AnswerScorer scorer, EngineStore store, Executor writer, Consumer<EngineEvent> events, Clock clock,
            int maxOutputTokens, int alreadyDone) {
        this.batch = batch;
        this.run = run;
        this.client = client;
        this.limiter = limiter;
        this.peakInFlight = peakInFlight;
        this.scorer = scorer;
        this.store = store;
        this.writer = writer;
        this.events = events;
        this.clock = clock;
        this.maxOutputTokens = maxOutputTokens;
        this.total = batch.expectedAnswersPerRun();
        this.done = new AtomicInteger(alreadyDone);
        this.searchFrom = SearchLocation.takenBy(run.surface())
                ? SearchLocation.of(batch.snapshot().location()).orElse(null) : null;
    }

    int total() {
        return total;
    }

    /** Asks for every pair in {@code todo}; completes with the run's final status once all is stored. */
    CompletableFuture<RunStatus> start(List<AnswerKey> todo) {
        store.runStarted(run.id(), clock.instant());
        CompletableFuture<Void> all = todo.isEmpty() ? CompletableFuture.completedFuture(null)
                : ask(todo.get(0)).thenCompose(first -> {
                    List<CompletableFuture<Void>> rest = new ArrayList<>(todo.size());
                    for (AnswerKey key : todo.subList(1, todo.size())) rest.add(ask(key));
                    return CompletableFuture.allOf(rest.toArray(CompletableFuture[]::new));
                });
        return all.handle((v, e) -> null).thenApplyAsync(v -> finish(), writer);
    }

    void cancel() {
        stopAs(RunStatus.CANCELLED);
    }

    /** The app is stopping (a stop signal): the run ends interrupted, resumable like a killed one. */
    void interrupt() {
        stopAs(RunStatus.INTERRUPTED);
    }

    private void stopAs(RunStatus status) {
        stoppedAs.compareAndSet(null, status);
        stop();
    }

    private void stop() {
        stopped.set(true);
        CompletableFuture<?> f;
        while ((f = cancellable.poll()) != null) f.cancel(true);
    }

    private CompletableFuture<Void> ask(AnswerKey key) {
        AuditQuery query = batch.snapshot().queries().get(key.queryIndex());
        CompletableFuture<Void> permit = limiter.acquire(run.id(), Cost.of(query.text(), null, maxOutputTokens));
        cancellable.add(permit);
        if (stopped.get()) permit.cancel(true);
        return permit.thenCompose(v -> {
            if (stopped.get()) {
                limiter.release();
                return CompletableFuture.<Void>completedFuture(null);
            }
            peakInFlight.accumulateAndGet(limiter.state().inFlight(), Math::max);
            events.accept(new EngineEvent.QueryStarted(batch.id(), run.id(), run.surface(), key.queryIndex(), key.sample()));
            long t0 = System.nanoTime();
            LlmRequest request = new LlmRequest(run.surface(), query.text(), null, maxOutputTokens, seed(key),
                    batch.snapshot(), null, searchFrom);
            CompletableFuture<LlmResponse> asked = call(request).thenCompose(first -> askAgainIfUnusable(request, first));
            cancellable.add(asked);
            return asked.handle((response, error) -> {
                cancellable.remove(asked);
                limiter.release();
                return new Outcome(key, query, response, unwrap(error), (System.nanoTime() - t0) / 1_000_000);
            }).thenAcceptAsync(this::recordOrReport, writer);
        }).exceptionally(e -> null);
    }

    /** The client's future, registered so that stopping the run cancels it; a client that throws fails it. */
    private CompletableFuture<LlmResponse> call(LlmRequest request) {
        CompletableFuture<LlmResponse> f;
        try {
            f = client.ask(request);
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<LlmResponse> registered = f;
        cancellable.add(registered);
        registered.whenComplete((r, e) -> cancellable.remove(registered));
        if (stopped.get()) registered.cancel(true);
        return registered;
    }

    /**
     * A reply cut off at the token limit is asked again once with twice the budget (at most
     * {@link #MAX_REASK_TOKENS}), an empty one once more. The second reply stands, costing both; if
     * the second request fails, the first reply is kept as it was.
     */
    private CompletableFuture<LlmResponse> askAgainIfUnusable(LlmRequest request, LlmResponse first) {
        boolean cut = first.outcome() == AnswerOutcome.TRUNCATED
                && !"model_context_window_exceeded".equals(first.finishReason())
                && request.maxOutputTokens() < MAX_REASK_TOKENS;
        if (!cut && first.outcome() != AnswerOutcome.EMPTY) return CompletableFuture.completedFuture(first);
        int budget = cut ? Math.min(2 * request.maxOutputTokens(), MAX_REASK_TOKENS) : request.maxOutputTokens();
        String why = cut ? "Asked again with " + budget + " tokens after a cut-off at " + request.maxOutputTokens() + "."
                : "Asked again after a reply with no text.";
        return call(request.withMaxOutputTokens(budget)).handle((second, error) -> second != null ? second.after(first, why) : first);
    }

    /** Stores the outcome; if the store itself fails, the run says so and stops rather than ending "completed". */
    private void recordOrReport(Outcome o) {
        try {
            record(o);
        } catch (RuntimeException e) {
            String why = "an answer could not be stored (" + e.getMessage() + ")";
            events.accept(new EngineEvent.Log(batch.id(), "[" + run.surface().label() + "] query "
                    + (o.key.queryIndex() + 1) + ": " + why + "; the run stops, and resume asks again for what is missing"));
            failed.incrementAndGet();
            events.accept(new EngineEvent.QueryFailed(batch.id(), run.id(), run.surface(), o.key.queryIndex(),
                    o.key.sample(), o.latencyMs, why, done.incrementAndGet(), total));
            if (runError.compareAndSet(null, "Stopped: " + why + ".")) stop();
        }
    }

    /**
     * Reproducible Simulated answers per batch, surface, query and sample: the batch in the high 32
     * bits (so each demo batch answers differently, and a resume of it the same), the rest below.
     */
    private long seed(AnswerKey key) {
        long answer = 31L * run.surface().id().hashCode() + 1_000_003L * key.queryIndex() + key.sample();
        return ((long) batch.id().hashCode() << 32) | (answer & 0xFFFF_FFFFL);
    }

    private void record(Outcome o) {
        if (o.error instanceof CancellationException
                || (o.error instanceof LlmException le && le.kind() == LlmException.Kind.CANCELLED)) {
            return; // nothing was received, so nothing is stored; resume asks again
        }
        if (o.response != null) {
            LlmResponse r = o.response;
            Answer answer = new Answer(0, run.id(), o.key.queryIndex(), o.query.text(), o.query.topic(),
                    o.key.sample(), r.outcome(), r.text(), r.citations(), r.rawRequest(), r.rawResponse(),
                    r.finishReason(), r.note(), null, o.latencyMs, r.inputTokens(), r.outputTokens(), clock.instant(),
                    r.retrieved(), r.searches(), searchFrom == null ? null : searchFrom.describe());
            // A refusal names no one, and a cut-off or empty reply is not scored as if it were whole.
            AnswerScore score = r.outcome() == AnswerOutcome.COMPLETED ? scoreSafely(r) : AnswerScore.EMPTY;
            // One transaction with its mentions and citations, committed before anyone hears of it.
            store.saveAnswer(answer, score);
            if (r.outcome().isAnswer()) completedNow.incrementAndGet();
            else failed.incrementAndGet();
            events.accept(new EngineEvent.QueryFinished(batch.id(), run.id(), run.surface(), o.key.queryIndex(),
                    o.key.sample(), o.latencyMs, r.outcome(), score.brandMentioned(), score.brandRank(), score.score(),
                    r.note(), done.incrementAndGet(), total));
            return;
        }
        LlmException le = o.error instanceof LlmException x ? x
                : new LlmException(LlmException.Kind.NETWORK, "The request failed: " + o.error, 0, null, null, o.error);
        Answer answer = new Answer(0, run.id(), o.key.queryIndex(), o.query.text(), o.query.topic(), o.key.sample(),
                AnswerOutcome.FAILED, null, List.of(), le.rawRequest(), le.rawResponse(), le.kind().name().toLowerCase(
                        java.util.Locale.ROOT), null, le.getMessage(), o.latencyMs, 0, 0, clock.instant(), List.of());
        store.saveAnswer(answer, AnswerScore.EMPTY);
        failed.incrementAndGet();
        events.accept(new EngineEvent.QueryFailed(batch.id(), run.id(), run.surface(), o.key.queryIndex(),
                o.key.sample(), o.latencyMs, le.getMessage(), done.incrementAndGet(), total));
        if (le.kind().failsRun() && runError.compareAndSet(null, le.getMessage())) {
            events.accept(new EngineEvent.Log(batch.id(), "[" + run.surface().label() + "] stopped: " + le.getMessage()));
            stop();
        }
    }

    /** Scoring is pure and should not throw; if it ever does, the answer is still kept, unscored. */
    private AnswerScore scoreSafely(LlmResponse r) {
        try {
            return scorer.score(r.text(), r.citations());
        } catch (RuntimeException e) {
            events.accept(new EngineEvent.Log(batch.id(), "[" + run.surface().label()
                    + "] an answer could not be scored and is kept unscored: " + e));
            return AnswerScore.EMPTY;
        }
    }

    private RunStatus finish() {
        RunStatus status;
        String error = runError.get();
        OutcomeCounts counts = store.counts(run.id());
        if (stoppedAs.get() != null && error == null) {
            status = stoppedAs.get();
        } else if (error != null) {
            status = RunStatus.FAILED;
        } else if (counts.answers() == 0 && total > 0) {
            status = RunStatus.FAILED;
            String left = counts.exclusionSentence();
            error = "No reply of this surface is an answer" + (left == null ? "" : ": " + left)
                    + "; see the answers' notes and errors.";
        } else if (counts.answers() < total) {
            status = RunStatus.INCOMPLETE;
            String left = counts.exclusionSentence();
            error = (left == null ? (total - counts.answers()) + " answers missing" : left)
                    + "; resume the batch to ask for them again.";
        } else {
            status = RunStatus.COMPLETED;
        }
        Run finished = store.finishRun(run, status, clock.instant(), error);
        events.accept(new EngineEvent.RunFinished(batch.id(), run.id(), run.surface(), status, finished.score(),
                completedNow.get(), failed.get(), error));
        return status;
    }

    private static Throwable unwrap(Throwable e) {
        while (e instanceof CompletionException && e.getCause() != null) e = e.getCause();
        return e;
    }

    private record Outcome(AnswerKey key, AuditQuery query, LlmResponse response, Throwable error, long latencyMs) {}
}
