package com.propertyaudit.engine;

import com.propertyaudit.analysis.AnswerScorer;
import com.propertyaudit.domain.Answer;
import com.propertyaudit.domain.AnswerScore;
import com.propertyaudit.domain.AnswerStatus;
import com.propertyaudit.domain.AuditQuery;
import com.propertyaudit.domain.Batch;
import com.propertyaudit.domain.Run;
import com.propertyaudit.domain.RunStatus;
import com.propertyaudit.llm.LlmClient;
import com.propertyaudit.llm.LlmException;
import com.propertyaudit.llm.LlmRequest;
import com.propertyaudit.llm.LlmResponse;
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
 * One surface working through its (query, sample) pairs: requests go out as permits of the
 * provider's limiter free up, and each answer is scored and stored on the writer before it is
 * reported. A failure that concerns the whole surface (bad key, no quota) stops this run only.
 */
final class RunExecution {

    private final Batch batch;
    private final Run run;
    private final LlmClient client;
    private final AsyncLimiter limiter;
    private final AnswerScorer scorer;
    private final EngineStore store;
    private final Executor writer;
    private final Consumer<EngineEvent> events;
    private final Clock clock;
    private final int maxOutputTokens;

    private final AtomicBoolean stopped = new AtomicBoolean();
    /** Set when the run is stopped from outside: cancelled by the user, or interrupted by the app stopping. */
    private final AtomicReference<RunStatus> stoppedAs = new AtomicReference<>();
    private final AtomicReference<String> runError = new AtomicReference<>();
    private final Queue<CompletableFuture<?>> cancellable = new ConcurrentLinkedQueue<>();
    private final AtomicInteger done;
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger completedNow = new AtomicInteger();
    private final int total;

    RunExecution(Batch batch, Run run, LlmClient client, AsyncLimiter limiter, AnswerScorer scorer,
            EngineStore store, Executor writer, Consumer<EngineEvent> events, Clock clock,
            int maxOutputTokens, int alreadyDone) {
        this.batch = batch;
        this.run = run;
        this.client = client;
        this.limiter = limiter;
        this.scorer = scorer;
        this.store = store;
        this.writer = writer;
        this.events = events;
        this.clock = clock;
        this.maxOutputTokens = maxOutputTokens;
        this.total = batch.expectedAnswersPerRun();
        this.done = new AtomicInteger(alreadyDone);
    }

    int total() {
        return total;
    }

    /** Asks for every pair in {@code todo}; completes with the run's final status once all is stored. */
    CompletableFuture<RunStatus> start(List<AnswerKey> todo) {
        store.runStarted(run.id(), clock.instant());
        List<CompletableFuture<Void>> tasks = new ArrayList<>(todo.size());
        for (AnswerKey key : todo) tasks.add(ask(key));
        return CompletableFuture.allOf(tasks.toArray(CompletableFuture[]::new))
                .handle((v, e) -> null)
                .thenApplyAsync(v -> finish(), writer);
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
        CompletableFuture<Void> permit = limiter.acquire(run.id());
        cancellable.add(permit);
        if (stopped.get()) permit.cancel(true);
        return permit.thenCompose(v -> {
            if (stopped.get()) {
                limiter.release();
                return CompletableFuture.<Void>completedFuture(null);
            }
            AuditQuery query = batch.snapshot().queries().get(key.queryIndex());
            events.accept(new EngineEvent.QueryStarted(batch.id(), run.id(), run.surface(), key.queryIndex(), key.sample()));
            long t0 = System.nanoTime();
            CompletableFuture<LlmResponse> call;
            try {
                call = client.ask(new LlmRequest(run.surface(), query.text(), null, maxOutputTokens, seed(key),
                        batch.snapshot()));
            } catch (RuntimeException e) {
                // A client that throws instead of failing its future must not keep the permit.
                call = CompletableFuture.failedFuture(e);
            }
            CompletableFuture<LlmResponse> asked = call;
            cancellable.add(asked);
            return asked.handle((response, error) -> {
                cancellable.remove(asked);
                limiter.release();
                return new Outcome(key, query, response, unwrap(error), (System.nanoTime() - t0) / 1_000_000);
            }).thenAcceptAsync(this::recordOrReport, writer);
        }).exceptionally(e -> null);
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

    /** Reproducible Simulated answers per surface, query and sample. */
    private long seed(AnswerKey key) {
        return 31L * run.surface().id().hashCode() + 1_000_003L * key.queryIndex() + key.sample();
    }

    private void record(Outcome o) {
        if (o.error instanceof CancellationException
                || (o.error instanceof LlmException le && le.kind() == LlmException.Kind.CANCELLED)) {
            return; // nothing was received, so nothing is stored; resume asks again
        }
        if (o.response != null) {
            LlmResponse r = o.response;
            Answer answer = new Answer(0, run.id(), o.key.queryIndex(), o.query.text(), o.query.topic(),
                    o.key.sample(), AnswerStatus.COMPLETED, r.text(), r.citations(), r.rawRequest(),
                    r.rawResponse(), r.finishReason(), r.note(), null, o.latencyMs, r.inputTokens(),
                    r.outputTokens(), clock.instant());
            AnswerScore score = scoreSafely(r);
            // One transaction with its mentions and citations, committed before anyone hears of it.
            store.saveAnswer(answer, score);
            completedNow.incrementAndGet();
            events.accept(new EngineEvent.QueryFinished(batch.id(), run.id(), run.surface(), o.key.queryIndex(),
                    o.key.sample(), o.latencyMs, score.brandMentioned(), score.brandRank(), score.score(),
                    r.note(), done.incrementAndGet(), total));
            return;
        }
        LlmException le = o.error instanceof LlmException x ? x
                : new LlmException(LlmException.Kind.NETWORK, "The request failed: " + o.error, 0, null, null, o.error);
        Answer answer = new Answer(0, run.id(), o.key.queryIndex(), o.query.text(), o.query.topic(), o.key.sample(),
                AnswerStatus.FAILED, null, List.of(), le.rawRequest(), le.rawResponse(), null, null,
                le.getMessage(), o.latencyMs, 0, 0, clock.instant());
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
        if (stoppedAs.get() != null && error == null) {
            status = stoppedAs.get();
        } else if (error != null) {
            status = RunStatus.FAILED;
        } else if (store.completedCount(run.id()) == 0 && total > 0) {
            status = RunStatus.FAILED;
            error = "Every request of this surface failed; see the answers' errors.";
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
