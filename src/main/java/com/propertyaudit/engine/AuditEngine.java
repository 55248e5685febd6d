package com.propertyaudit.engine;

import com.propertyaudit.analysis.AnswerScorer;
import com.propertyaudit.domain.Batch;
import com.propertyaudit.domain.BatchStatus;
import com.propertyaudit.domain.Property;
import com.propertyaudit.domain.Provider;
import com.propertyaudit.domain.Run;
import com.propertyaudit.domain.RunStatus;
import com.propertyaudit.domain.Surface;
import com.propertyaudit.engine.pacing.PacedLimiter;
import com.propertyaudit.engine.pacing.Pacing;
import com.propertyaudit.engine.pacing.PacingClock;
import com.propertyaudit.engine.pacing.PacingState;
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
import java.util.concurrent.atomic.AtomicInteger;
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
    /** Each provider's limiter, shared with every other engine of the process that asks the same account. */
    private final Function<Provider, PacedLimiter> pacing;
    /** The pacing this engine made for itself when none was given; closed with it. */
    private final Pacing ownPacing;
    // One writer thread: answers are stored in arrival order and H2 sees no write contention.
    private final ExecutorService writer = Executors.newSingleThreadExecutor(daemon("audit-writer"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("audit-heartbeat"));
    /** Batches at work, so closing the engine lets them end and be marked before its threads stop. */
    private final Set<BatchHandle> live = ConcurrentHashMap.newKeySet();

    AuditEngine(EngineStore store, Function<Surface, LlmClient> clients, EngineOptions options, Clock clock,
            String owner) {
        this(store, clients, options, clock, owner, new Pacing(PacingClock.SYSTEM));
    }

    private AuditEngine(EngineStore store, Function<Surface, LlmClient> clients, EngineOptions options, Clock clock,
            String owner, Pacing own) {
        this(store, clients, options, clock, owner, p -> own.limiter(p, null), own);
    }

    /** @param pacing each provider's limiter, as the provider's client reports its responses to it */
    AuditEngine(EngineStore store, Function<Surface, LlmClient> clients, EngineOptions options, Clock clock,
            String owner, Function<Provider, PacedLimiter> pacing) {
        this(store, clients, options, clock, owner, pacing, null);
    }

    private AuditEngine(EngineStore store, Function<Surface, LlmClient> clients, EngineOptions options, Clock clock,
            String owner, Function<Provider, PacedLimiter> pacing, Pacing ownPacing) {
        this.store = store;
        this.clients = clients;
        this.options = options;
        this.clock = clock;
        this.owner = owner;
        this.pacing = pacing;
        this.ownPacing = ownPacing;
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

    /**
     * As {@link #start(Property, List, int, String, Consumer)}, with its own requests in flight per
     * provider: {@link EngineOptions#AUTO} or a fixed cap.
     */
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

        StillRunning(UUID batchId, String holder, java.time.Duration lease) {
            super(message(batchId, holder, lease));
        }

        private static String message(UUID batchId, String holder, java.time.Duration lease) {
            String host = BatchOwner.host(holder);
            String where = host == null ? "in another process"
                    : host.equals(BatchOwner.thisHost()) ? "in this or another window or process of this machine (" + host + ")"
                    : "on " + host + ", which was heard from in the last " + lease.toSeconds() + " seconds";
            return "Batch " + shortId(batchId) + " is still running " + where + ": wait for it to end, or stop it"
                    + " there, then resume" + (host == null || host.equals(BatchOwner.thisHost()) ? "."
                    : " (or resume it here once " + host + " has been silent for " + lease.toSeconds() + " seconds).");
        }
    }

    /**
     * Resumes a batch that did not finish: asks only for the (query, sample) pairs not yet answered.
     * The batch is first claimed (one conditional update), so while any of its runs is still at work
     * in a live process, here or on another machine, it is refused and no answer is asked for twice.
     */
    public BatchHandle resume(UUID batchId, Consumer<EngineEvent> listener) {
        Batch batch = store.batch(batchId).orElseThrow(
                () -> new IllegalArgumentException("No batch " + batchId + " in this database."));
        store.markInterrupted(options.staleAfter(), clock.instant());
        java.util.Optional<String> holder = store.claim(batchId, owner, clock.instant().minus(options.staleAfter()));
        if (holder.isPresent()) throw new StillRunning(batchId, holder.get(), options.staleAfter());
        List<Run> runs = store.runs(batchId);
        List<Run> toResume = runs.stream().filter(r -> r.status() != RunStatus.COMPLETED).toList();
        listener.accept(new EngineEvent.Log(batchId, "[Batch " + shortId(batchId) + "] resuming "
                + toResume.size() + " run(s)"));
        return launch(batch, toResume, options.concurrency(), listener);
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
        Map<Provider, ProviderUse> uses = new EnumMap<>(Provider.class);
        for (Run run : runs) {
            ProviderUse use = uses.computeIfAbsent(run.surface().provider(),
                    p -> new ProviderUse(p, pacing.apply(p), concurrency));
            Set<AnswerKey> have = store.answeredKeys(run.id());
            List<AnswerKey> todo = new ArrayList<>();
            for (int q = 0; q < batch.snapshot().queries().size(); q++) {
                for (int s = 1; s <= batch.samples(); s++) {
                    AnswerKey key = new AnswerKey(q, s);
                    if (!have.contains(key)) todo.add(key);
                }
            }
            LlmClient client = clients.apply(run.surface());
            RunExecution exec = new RunExecution(batch, run, client, use.limiter, use.peak, scorer, store, writer,
                    events, clock, options.maxOutputTokens(), have.size());
            executions.add(exec);
            handles.add(new RunHandle(run.id(), run.surface(), exec.total(), exec.start(todo)));
        }
        Runnable sample = () -> uses.values().forEach(u -> u.report(batch.id(), events));
        sample.run();
        ScheduledFuture<?> sampler = timer.scheduleAtFixedRate(sample, PACING_SAMPLE_MS, PACING_SAMPLE_MS,
                TimeUnit.MILLISECONDS);
        CompletableFuture<BatchStatus> done = CompletableFuture
                .allOf(handles.stream().map(RunHandle::done).toArray(CompletableFuture[]::new))
                .handle((v, e) -> null)
                .thenApplyAsync(v -> {
                    heartbeat.cancel(false);
                    sampler.cancel(false);
                    uses.values().forEach(u -> u.summarize(batch.id(), events));
                    return finishBatch(batch, events, (System.nanoTime() - t0) / 1_000_000);
                }, writer);
        BatchHandle handle = new BatchHandle(batch.id(), handles, done, status -> executions.forEach(
                status == RunStatus.INTERRUPTED ? RunExecution::interrupt : RunExecution::cancel));
        live.add(handle);
        done.whenComplete((status, error) -> live.remove(handle));
        return handle;
    }

    /** How often a running batch reports its providers' pacing (only what changed is sent). */
    private static final long PACING_SAMPLE_MS = 250;

    /** One provider as one batch uses it: its shared limiter, and what the batch saw of it. */
    private static final class ProviderUse {
        final Provider provider;
        final PacedLimiter limiter;
        final AtomicInteger peak = new AtomicInteger();
        final long waitedBefore;
        private PacingState lastSent;

        ProviderUse(Provider provider, PacedLimiter limiter, int concurrency) {
            this.provider = provider;
            this.limiter = limiter;
            limiter.cap(concurrency);
            this.waitedBefore = limiter.state().waitedMs();
        }

        synchronized void report(UUID batchId, Consumer<EngineEvent> events) {
            PacingState now = limiter.state();
            if (lastSent != null && lastSent.inFlight() == now.inFlight() && lastSent.limit() == now.limit()
                    && lastSent.waiting() == now.waiting() && lastSent.auto() == now.auto()) {
                return;
            }
            lastSent = now;
            events.accept(new EngineEvent.Pacing(batchId, provider, now));
        }

        void summarize(UUID batchId, Consumer<EngineEvent> events) {
            PacingState now = limiter.state();
            long waited = Math.max(0, now.waitedMs() - waitedBefore);
            events.accept(new EngineEvent.Pacing(batchId, provider, now));
            events.accept(new EngineEvent.PacingSummary(batchId, provider, peak.get(), now.limit(), now.auto(), waited));
            events.accept(new EngineEvent.Log(batchId, String.format(java.util.Locale.ROOT,
                    "%s: at most %d request(s) in flight (%s), %.1f s waiting for the rate limit",
                    provider.displayName(), peak.get(), now.auto() ? "Auto, limit now " + now.limit()
                            : "fixed at " + now.limit(), waited / 1000.0)));
        }
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
            if (!store.heartbeat(batchId, owner)) {
                LOG.warn("Batch {} was taken over by another process after this one went silent for {} s;"
                        + " its answers are kept, the other process goes on with the rest.", shortId(batchId),
                        options.staleAfter().toSeconds());
            }
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
        if (ownPacing != null) ownPacing.close();
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
