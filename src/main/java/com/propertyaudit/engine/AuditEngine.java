package com.propertyaudit.engine;

import com.propertyaudit.analysis.AnswerScorer;
import com.propertyaudit.domain.Batch;
import com.propertyaudit.domain.BatchStatus;
import com.propertyaudit.domain.Property;
import com.propertyaudit.domain.Provider;
import com.propertyaudit.domain.Run;
import com.propertyaudit.domain.RunStatus;
import com.propertyaudit.domain.Surface;
import com.propertyaudit.llm.LlmClient;
import com.propertyaudit.store.AnswerKey;
import com.propertyaudit.store.BatchOwner;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs batches: every surface at once, and within each surface its queries × samples concurrently,
 * bounded per provider. UI-agnostic; the GUI wraps runs in JavaFX tasks, the CLI waits on futures.
 */
public final class AuditEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditEngine.class);

    private final EngineStore store;
    private final Function<Surface, LlmClient> clients;
    private final EngineOptions options;
    private final Clock clock;
    private final String owner;
    private final Map<Provider, AsyncLimiter> limiters = new EnumMap<>(Provider.class);
    // One writer thread: answers are stored in arrival order and H2 sees no write contention.
    private final ExecutorService writer = Executors.newSingleThreadExecutor(daemon("audit-writer"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("audit-heartbeat"));
    /** Batches at work, so closing the engine lets them end and be marked before its threads stop. */
    private final Set<BatchHandle> live = ConcurrentHashMap.newKeySet();

    AuditEngine(EngineStore store, Function<Surface, LlmClient> clients, EngineOptions options, Clock clock,
            String owner) {
        this.store = store;
        this.clients = clients;
        this.options = options;
        this.clock = clock;
        this.owner = owner;
    }

    /**
     * Whether the process named by a batch's heartbeat may still be running it: this engine, a
     * process of this machine that is alive, or an owner elsewhere whose heartbeat is fresh (the stale
     * ones were marked interrupted just before). A killed process can be resumed at once.
     */
    private boolean ownerAlive(String batchOwner) {
        if (batchOwner == null) return false;
        return batchOwner.equals(owner) || BatchOwner.liveness(batchOwner) != BatchOwner.Liveness.GONE_HERE;
    }

    /** The name this process writes into the batches it runs, to tell live batches from dead ones. */
    public static String processOwner() {
        return BatchOwner.forThisProcess();
    }

    /**
     * Marks interrupted the batches whose owner is gone: a process of this machine that ended, or
     * one elsewhere that stopped sending heartbeats. Returns their ids.
     */
    public List<UUID> detectInterrupted() {
        return store.markInterrupted(options.staleAfter(), clock.instant());
    }

    /** Creates the batch and its runs (one transaction) and starts every run at once. */
    public BatchHandle start(Property property, List<Surface> surfaces, int samples, String settingsJson,
            Consumer<EngineEvent> listener) {
        return start(property, surfaces, samples, options.concurrency(), settingsJson, listener);
    }

    /** As {@link #start(Property, List, int, String, Consumer)}, with its own requests in flight per provider. */
    public BatchHandle start(Property property, List<Surface> surfaces, int samples, int concurrency,
            String settingsJson, Consumer<EngineEvent> listener) {
        if (surfaces.isEmpty()) throw new IllegalArgumentException("Choose at least one surface to run.");
        if (property.queries().isEmpty()) {
            throw new IllegalArgumentException("Property '" + property.name() + "' has no queries: add at least one.");
        }
        Set<Surface> distinct = new LinkedHashSet<>(surfaces);
        UUID batchId = UUID.randomUUID();
        Batch batch = new Batch(batchId, property.name(), property, samples, settingsJson, clock.instant(), null);
        List<Run> runs = new ArrayList<>();
        for (Surface s : distinct) runs.add(Run.queued(batchId, distinct.size(), s, batch.expectedAnswersPerRun()));
        store.createBatch(batch, runs, owner);
        listener.accept(new EngineEvent.Log(batchId, "[Batch " + shortId(batchId) + "] started: " + runs.size()
                + " surface(s) × " + property.queries().size() + " queries × " + samples + " sample(s) for "
                + property.name()));
        return launch(batch, runs, concurrency, listener);
    }

    /** A resume of a batch whose runs are still at work, here or in another process. */
    public static final class StillRunning extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        StillRunning(UUID batchId) {
            super("Batch " + shortId(batchId) + " is still running (in this or another window or process, or on another"
                    + " machine that was heard from in the last minute): wait for it to end, or stop it there, then resume.");
        }
    }

    /**
     * Resumes a batch that did not finish: asks only for the (query, sample) pairs not yet answered.
     * Refused while any of its runs is still at work, so no answer is asked for twice.
     */
    public BatchHandle resume(UUID batchId, Consumer<EngineEvent> listener) {
        Batch batch = store.batch(batchId).orElseThrow(
                () -> new IllegalArgumentException("No batch " + batchId + " in this database."));
        store.markInterrupted(options.staleAfter(), clock.instant());
        List<Run> runs = store.runs(batchId);
        if (runs.stream().anyMatch(r -> r.status() == RunStatus.QUEUED || r.status() == RunStatus.RUNNING)
                && ownerAlive(store.owner(batchId).orElse(null))) {
            throw new StillRunning(batchId);
        }
        List<Run> toResume = runs.stream().filter(r -> r.status() != RunStatus.COMPLETED).toList();
        listener.accept(new EngineEvent.Log(batchId, "[Batch " + shortId(batchId) + "] resuming "
                + toResume.size() + " run(s)"));
        return launch(batch, toResume, options.concurrency(), listener);
    }

    /**
     * The provider's limiter, shared by every batch of this engine so the limit holds for the
     * provider, not per batch. An idle limiter takes the newly asked size.
     */
    private synchronized AsyncLimiter limiter(Provider provider, int concurrency) {
        AsyncLimiter current = limiters.get(provider);
        if (current == null || current.permits() != concurrency && current.inUse() == 0) {
            current = new AsyncLimiter(concurrency);
            limiters.put(provider, current);
        }
        return current;
    }

    private BatchHandle launch(Batch batch, List<Run> runs, int concurrency, Consumer<EngineEvent> listener) {
        long t0 = System.nanoTime();
        Consumer<EngineEvent> events = safe(listener);
        AnswerScorer scorer = new AnswerScorer(batch.snapshot());
        List<RunExecution> executions = new ArrayList<>();
        List<RunHandle> handles = new ArrayList<>();
        store.heartbeat(batch.id(), owner);
        ScheduledFuture<?> heartbeat = timer.scheduleAtFixedRate(() -> writer.execute(() -> beat(batch.id())),
                options.heartbeat().toMillis(), options.heartbeat().toMillis(), TimeUnit.MILLISECONDS);
        for (Run run : runs) {
            AsyncLimiter limiter = limiter(run.surface().provider(), concurrency);
            Set<AnswerKey> have = store.answeredKeys(run.id());
            List<AnswerKey> todo = new ArrayList<>();
            for (int q = 0; q < batch.snapshot().queries().size(); q++) {
                for (int s = 1; s <= batch.samples(); s++) {
                    AnswerKey key = new AnswerKey(q, s);
                    if (!have.contains(key)) todo.add(key);
                }
            }
            LlmClient client = clients.apply(run.surface());
            RunExecution exec = new RunExecution(batch, run, client, limiter, scorer, store, writer, events, clock,
                    options.maxOutputTokens(), have.size());
            executions.add(exec);
            handles.add(new RunHandle(run.id(), run.surface(), exec.total(), exec.start(todo)));
        }
        CompletableFuture<BatchStatus> done = CompletableFuture
                .allOf(handles.stream().map(RunHandle::done).toArray(CompletableFuture[]::new))
                .handle((v, e) -> null)
                .thenApplyAsync(v -> {
                    heartbeat.cancel(false);
                    return finishBatch(batch, events, (System.nanoTime() - t0) / 1_000_000);
                }, writer);
        BatchHandle handle = new BatchHandle(batch.id(), handles, done, status -> executions.forEach(
                status == RunStatus.INTERRUPTED ? RunExecution::interrupt : RunExecution::cancel));
        live.add(handle);
        done.whenComplete((status, error) -> live.remove(handle));
        return handle;
    }

    private BatchStatus finishBatch(Batch batch, Consumer<EngineEvent> events, long elapsedMs) {
        store.finishBatch(batch.id(), clock.instant());
        List<Run> runs = store.runs(batch.id());
        BatchStatus status = BatchStatus.of(runs.stream().map(Run::status).toList());
        String completed = runs.stream().filter(r -> r.status() == RunStatus.COMPLETED)
                .map(r -> r.surface().id()).collect(Collectors.joining(", "));
        String id = shortId(batch.id());
        // "COMPLETE" only when every run completed; a cancelled or failed run has ended, not completed.
        String ended = status == BatchStatus.COMPLETE ? "ALL RUNS COMPLETE" : "ALL RUNS ENDED (" + status.id() + ")";
        LOG.debug("[Batch {}] {}; surfaces completed: {}", id, ended, completed);
        events.accept(new EngineEvent.Log(batch.id(), "[Batch " + id + "] " + ended));
        events.accept(new EngineEvent.Log(batch.id(), "Surfaces completed: " + (completed.isEmpty() ? "none" : completed)));
        events.accept(new EngineEvent.BatchFinished(batch.id(), status, elapsedMs));
        return status;
    }

    private void beat(UUID batchId) {
        try {
            store.heartbeat(batchId, owner);
        } catch (RuntimeException e) {
            LOG.warn("Heartbeat for batch {} failed: {}", shortId(batchId), e.toString());
        }
    }

    /** A listener that throws must not stop the engine. */
    private static Consumer<EngineEvent> safe(Consumer<EngineEvent> listener) {
        return e -> {
            try {
                listener.accept(e);
            } catch (RuntimeException ex) {
                LOG.warn("A progress listener failed on {}: {}", e.getClass().getSimpleName(), ex.toString());
            }
        };
    }

    public static String shortId(UUID id) {
        return id.toString().substring(0, 8);
    }

    /**
     * Interrupts the batches still at work (a cancel already asked for stays a cancel), waits for
     * their runs to be marked, then stops the engine's threads.
     */
    @Override
    public void close() {
        List<BatchHandle> working = List.copyOf(live);
        working.forEach(BatchHandle::interrupt);
        for (BatchHandle h : working) {
            try {
                h.done().get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("Batch {} did not settle before closing: {}", shortId(h.batchId()), e.toString());
            }
        }
        timer.shutdownNow();
        writer.shutdown();
        try {
            writer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
