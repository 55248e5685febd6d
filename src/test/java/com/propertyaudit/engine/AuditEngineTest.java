package com.propertyaudit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyaudit.domain.AnswerOutcome;
import com.propertyaudit.domain.AuditQuery;
import com.propertyaudit.domain.BatchStatus;
import com.propertyaudit.domain.Competitor;
import com.propertyaudit.domain.Location;
import com.propertyaudit.domain.Property;
import com.propertyaudit.domain.Run;
import com.propertyaudit.domain.RunStatus;
import com.propertyaudit.domain.StoredAnswer;
import com.propertyaudit.domain.Surface;
import com.propertyaudit.llm.LlmException;
import com.propertyaudit.llm.LlmRequest;
import com.propertyaudit.llm.LlmResponse;
import com.propertyaudit.llm.PriceTable;
import com.propertyaudit.store.AnswerRepository;
import com.propertyaudit.store.BatchRepository;
import com.propertyaudit.store.Database;
import com.propertyaudit.store.PropertyRepository;
import com.propertyaudit.store.RunRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine against a real H2 file and a provider stand-in with set latency;
 * {@link PostgresAuditEngineTest} runs the same against PostgreSQL.
 */
class AuditEngineTest {

    static final Surface OPENAI = Surface.parse("openai:gpt-5");
    static final Surface CLAUDE = Surface.parse("anthropic:claude-sonnet-4-6+web");

    @TempDir
    Path home;

    Database db;
    BatchRepository batches;
    AnswerRepository answers;
    RunRepository runs;
    final Queue<EngineEvent> events = new ConcurrentLinkedQueue<>();
    final List<FakeLlmClient> clients = new ArrayList<>();

    /** The database under test, fresh and empty. */
    Database openDatabase() {
        return Database.openFolder(home);
    }

    @BeforeEach
    void open() {
        db = openDatabase();
        batches = new BatchRepository(db);
        answers = new AnswerRepository(db);
        runs = new RunRepository(db);
    }

    @AfterEach
    void close() {
        clients.forEach(FakeLlmClient::shutdown);
        if (db != null) db.close();
    }

    static Property property(int queries) {
        return new Property("Harbor Point Lofts", List.of("HPL"), List.of("harborpointlofts.com"),
                new Location("Portland", "OR", "Pearl District"),
                List.of(new Competitor("The Yard", List.of(), List.of("theyardpdx.com"))),
                IntStream.range(0, queries).mapToObj(i -> new AuditQuery("question " + i, "discovery")).toList());
    }

    AuditEngine engine(FakeLlmClient client, int concurrency) {
        clients.add(client);
        new PropertyRepository(db).save(property(1));
        return new AuditEngine(new StoreBackedEngineStore(batches, runs, answers, PriceTable.defaults()),
                s -> client, EngineOptions.defaults().withConcurrency(concurrency), Clock.systemUTC(), "test-owner");
    }

    @Test
    void runsBothSurfacesAtOnceAndStoresEveryAnswer() throws Exception {
        FakeLlmClient client = new FakeLlmClient(40);
        AuditEngine engine = engine(client, 4);
        BatchHandle h = engine.start(property(18), List.of(OPENAI, CLAUDE), 1, "{}", events::add);
        assertThat(h.done().get(30, TimeUnit.SECONDS)).isEqualTo(BatchStatus.COMPLETE);

        List<Run> stored = batches.runs(h.batchId());
        assertThat(stored).hasSize(2).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(r.batchSize()).isEqualTo(2);
            assertThat(answers.answeredKeys(r.id())).hasSize(18);
            assertThat(r.score()).isNotNull();
        });
        assertThat(client.overlaps.get()).as("requests of the two surfaces overlapped in time").isPositive();
        assertThat(events).filteredOn(e -> e instanceof EngineEvent.BatchFinished).hasSize(1);
        assertThat(events).filteredOn(e -> e instanceof EngineEvent.Log l && l.line().endsWith("ALL RUNS COMPLETE"))
                .hasSize(1);
    }

    @Test
    void inFlightRequestsReachTheLimitPerProviderAndNeverPassIt() throws Exception {
        FakeLlmClient client = new FakeLlmClient(30);
        AuditEngine engine = engine(client, 5);
        BatchHandle h = engine.start(property(30), List.of(OPENAI), 2, "{}", events::add);
        h.done().get(30, TimeUnit.SECONDS);
        assertThat(client.maxInFlight.get()).isEqualTo(5);
        assertThat(client.asked).hasSize(60);
    }

    @Test
    void surfacesOfOneProviderShareItsLimit() throws Exception {
        FakeLlmClient client = new FakeLlmClient(30);
        AuditEngine engine = engine(client, 3);
        BatchHandle h = engine.start(property(12), List.of(OPENAI, Surface.parse("openai:gpt-5+web")), 1, "{}",
                events::add);
        h.done().get(30, TimeUnit.SECONDS);
        assertThat(client.maxInFlight.get()).isEqualTo(3);
    }

    @Test
    void aBadKeyFailsThatSurfaceOnlyAndTheBatchIsIncomplete() throws Exception {
        FakeLlmClient client = new FakeLlmClient(20, r -> r.surface().equals(CLAUDE)
                ? new LlmException(LlmException.Kind.AUTH, "Anthropic rejected the API key (401). Set a valid ANTHROPIC_API_KEY.")
                : null);
        AuditEngine engine = engine(client, 2);
        BatchHandle h = engine.start(property(10), List.of(OPENAI, CLAUDE), 1, "{}", events::add);
        assertThat(h.done().get(30, TimeUnit.SECONDS)).isEqualTo(BatchStatus.INCOMPLETE);
        Run claude = batches.runs(h.batchId()).stream().filter(r -> r.surface().equals(CLAUDE)).findFirst().orElseThrow();
        Run openai = batches.runs(h.batchId()).stream().filter(r -> r.surface().equals(OPENAI)).findFirst().orElseThrow();
        assertThat(claude.status()).isEqualTo(RunStatus.FAILED);
        assertThat(claude.error()).contains("ANTHROPIC_API_KEY");
        assertThat(openai.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(answers.answeredKeys(openai.id())).hasSize(10);
        // The first request of a run goes alone, so a surface-wide failure costs one request, not one per permit.
        assertThat(client.asked.stream().filter(r -> r.surface().equals(CLAUDE)).count()).isEqualTo(1);
    }

    @Test
    void aRetiredModelStopsItsRunAfterOneRequestWithOneSentence() throws Exception {
        FakeLlmClient client = new FakeLlmClient(5, r -> new LlmException(LlmException.Kind.MODEL_UNAVAILABLE,
                "Anthropic has no model 'claude-sonnet-4-5' for this key (404: model: claude-sonnet-4-5); it may be"
                        + " retired or misspelt. Choose a model from the provider's list in Settings, or another --surface.",
                404, "{}", "{}", null));
        AuditEngine engine = engine(client, 8);
        BatchHandle h = engine.start(property(18), List.of(CLAUDE), 1, "{}", events::add);
        assertThat(h.done().get(30, TimeUnit.SECONDS)).isEqualTo(BatchStatus.FAILED);
        assertThat(client.asked).hasSize(1);
        Run run = batches.runs(h.batchId()).get(0);
        assertThat(run.error()).contains("'claude-sonnet-4-5'").contains("retired");
    }

    @Test
    void aCutOffReplyIsAskedAgainWithTwiceTheBudgetAndTheSecondReplyStands() throws Exception {
        // Cut off at the default budget, whole at twice it.
        FakeLlmClient client = new FakeLlmClient(5, r -> null,
                r -> r.maxOutputTokens() < 8192 ? AnswerOutcome.TRUNCATED : AnswerOutcome.COMPLETED);
        AuditEngine engine = engine(client, 4);
        BatchHandle h = engine.start(property(3), List.of(OPENAI), 1, "{}", events::add);
        assertThat(h.done().get(30, TimeUnit.SECONDS)).isEqualTo(BatchStatus.COMPLETE);
        assertThat(client.asked).extracting(LlmRequest::maxOutputTokens).containsOnly(4096, 8192).hasSize(6);
        List<StoredAnswer> stored = answers.forRun(h.runs().get(0).runId());
        assertThat(stored).allMatch(a -> a.answer().outcome() == AnswerOutcome.COMPLETED)
                .allMatch(a -> a.answer().note().startsWith("Asked again with 8192 tokens"))
                // Both replies were paid for.
                .allMatch(a -> a.answer().outputTokens() == 40);
    }

    @Test
    void aReplyStillCutOffIsStoredLeftOutAndTheRunIsIncomplete() throws Exception {
        FakeLlmClient client = new FakeLlmClient(5, r -> null,
                r -> r.prompt().equals("question 1") ? AnswerOutcome.TRUNCATED : AnswerOutcome.COMPLETED);
        AuditEngine engine = engine(client, 4);
        BatchHandle h = engine.start(property(4), List.of(OPENAI), 1, "{}", events::add);
        assertThat(h.done().get(30, TimeUnit.SECONDS)).isEqualTo(BatchStatus.INCOMPLETE);
        assertThat(client.asked.stream().filter(r -> r.prompt().equals("question 1")).count()).isEqualTo(2);
        Run run = runs.find(h.runs().get(0).runId()).orElseThrow();
        assertThat(run.status()).isEqualTo(RunStatus.INCOMPLETE);
        assertThat(run.error()).contains("1 answer cut off at the token limit — excluded");
        StoredAnswer cut = answers.forRun(run.id()).stream().filter(a -> a.answer().queryIndex() == 1).findFirst()
                .orElseThrow();
        assertThat(cut.answer().outcome()).isEqualTo(AnswerOutcome.TRUNCATED);
        assertThat(cut.score().score()).isZero();
        assertThat(events).filteredOn(e -> e instanceof EngineEvent.QueryFinished f && f.queryIndex() == 1)
                .singleElement().matches(e -> ((EngineEvent.QueryFinished) e).outcome() == AnswerOutcome.TRUNCATED);
        // Re-scoring keeps the outcome: a cut-off reply is not scored as if it were whole.
        new InsightsService(new PropertyRepository(db), batches, runs, answers).rescore(h.batchId(), "Harbor Point Lofts");
        StoredAnswer rescored = answers.find(cut.answer().id()).orElseThrow();
        assertThat(rescored.answer().outcome()).isEqualTo(AnswerOutcome.TRUNCATED);
        assertThat(rescored.score().score()).isZero();
        assertThat(answers.forRun(run.id()).stream().filter(a -> a.answer().queryIndex() == 0).findFirst()
                .orElseThrow().score().brandMentioned()).isTrue();
        // Resume asks only for what is not an answer, and the run completes.
        AuditEngine again = engine(new FakeLlmClient(5), 4);
        assertThat(again.resume(h.batchId(), events::add).done().get(30, TimeUnit.SECONDS))
                .isEqualTo(BatchStatus.COMPLETE);
        assertThat(clients.get(clients.size() - 1).asked).hasSize(1);
    }

    @Test
    void anEmptyReplyIsAskedOnceMoreAndARefusalCountsAsAnAnswerNamingNoOne() throws Exception {
        FakeLlmClient client = new FakeLlmClient(5, r -> null, r -> switch (r.prompt()) {
            case "question 0" -> AnswerOutcome.EMPTY;
            case "question 1" -> AnswerOutcome.REFUSED;
            default -> AnswerOutcome.COMPLETED;
        });
        AuditEngine engine = engine(client, 4);
        BatchHandle h = engine.start(property(3), List.of(OPENAI), 1, "{}", events::add);
        assertThat(h.done().get(30, TimeUnit.SECONDS)).isEqualTo(BatchStatus.INCOMPLETE);
        assertThat(client.asked.stream().filter(r -> r.prompt().equals("question 0")).count()).isEqualTo(2);
        assertThat(client.asked.stream().filter(r -> r.prompt().equals("question 1")).count()).isEqualTo(1);
        List<StoredAnswer> stored = answers.forRun(h.runs().get(0).runId());
        StoredAnswer refused = stored.stream().filter(a -> a.answer().queryIndex() == 1).findFirst().orElseThrow();
        assertThat(refused.answer().outcome()).isEqualTo(AnswerOutcome.REFUSED);
        assertThat(refused.score().brandMentioned()).isFalse();
        assertThat(answers.answeredKeys(h.runs().get(0).runId())).hasSize(2);
        assertThat(answers.counts(h.runs().get(0).runId()).empty()).isEqualTo(1);
    }

    @Test
    void aRejectedRequestFailsOnlyThatAnswerAndKeepsItsError() throws Exception {
        FakeLlmClient client = new FakeLlmClient(10, r -> r.prompt().equals("question 3")
                ? new LlmException(LlmException.Kind.BAD_REQUEST, "Unsupported parameter: 'max_tokens'", 400,
                        "{\"model\":\"gpt-5\"}", "{\"error\":{}}", null)
                : null);
        AuditEngine engine = engine(client, 4);
        BatchHandle h = engine.start(property(6), List.of(OPENAI), 1, "{}", events::add);
        // One answer short: the run ends incomplete, resumable, instead of claiming to be complete.
        assertThat(h.done().get(30, TimeUnit.SECONDS)).isEqualTo(BatchStatus.INCOMPLETE);
        UUID runId = h.runs().get(0).runId();
        assertThat(runs.find(runId).orElseThrow().status()).isEqualTo(RunStatus.INCOMPLETE);
        assertThat(runs.find(runId).orElseThrow().error()).contains("1 request failed");
        List<StoredAnswer> all = answers.forRun(runId);
        assertThat(all).hasSize(6);
        StoredAnswer failed = all.stream().filter(a -> a.answer().outcome() == AnswerOutcome.FAILED).findFirst().orElseThrow();
        assertThat(failed.answer().queryIndex()).isEqualTo(3);
        assertThat(failed.answer().error()).contains("max_tokens");
        assertThat(failed.answer().rawResponse()).isEqualTo("{\"error\":{}}");
    }

    @Test
    void cancelKeepsWhatArrivedAndMarksRunsCancelled() throws Exception {
        FakeLlmClient client = new FakeLlmClient(150);
        AuditEngine engine = engine(client, 2);
        BatchHandle h = engine.start(property(20), List.of(OPENAI), 1, "{}", events::add);
        while (events.stream().noneMatch(e -> e instanceof EngineEvent.QueryFinished)) Thread.sleep(10);
        h.cancel();
        assertThat(h.done().get(30, TimeUnit.SECONDS)).isEqualTo(BatchStatus.CANCELLED);
        Run run = batches.runs(h.batchId()).get(0);
        assertThat(run.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(events).filteredOn(e -> e instanceof EngineEvent.Log l && l.line().contains("ALL RUNS"))
                .singleElement().matches(e -> ((EngineEvent.Log) e).line().endsWith("ALL RUNS ENDED (cancelled)"));
        int kept = answers.answeredKeys(run.id()).size();
        assertThat(kept).isBetween(1, 19);
        long reported = events.stream().filter(e -> e instanceof EngineEvent.QueryFinished).count();
        assertThat(kept).isEqualTo((int) reported);
        assertThat(client.asked.size()).isLessThan(20);
    }

    @Test
    void resumeAsksOnlyForWhatIsMissing() throws Exception {
        FakeLlmClient first = new FakeLlmClient(100);
        AuditEngine engine = engine(first, 1);
        BatchHandle h = engine.start(property(8), List.of(OPENAI), 2, "{}", events::add);
        while (events.stream().filter(e -> e instanceof EngineEvent.QueryFinished).count() < 3) Thread.sleep(10);
        h.cancel();
        h.done().get(30, TimeUnit.SECONDS);
        UUID runId = h.runs().get(0).runId();
        var have = answers.answeredKeys(runId);
        assertThat(have.size()).isBetween(3, 15);

        FakeLlmClient second = new FakeLlmClient(5);
        AuditEngine again = engine(second, 4);
        BatchHandle resumed = again.resume(h.batchId(), events::add);
        assertThat(resumed.done().get(30, TimeUnit.SECONDS)).isEqualTo(BatchStatus.COMPLETE);
        assertThat(second.asked).hasSize(16 - have.size());
        for (int q = 0; q < 8; q++) {
            int query = q;
            long stored = have.stream().filter(k -> k.queryIndex() == query).count();
            long askedAgain = second.asked.stream().filter(r -> r.prompt().equals("question " + query)).count();
            assertThat(askedAgain).as("query %d asked again", q).isEqualTo(2 - stored);
        }
        assertThat(answers.answeredKeys(runId)).hasSize(16);
        assertThat(batches.runs(h.batchId()).get(0).status()).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void aBatchWhoseOwnerWentSilentIsInterrupted() throws Exception {
        FakeLlmClient client = new FakeLlmClient(10);
        AuditEngine engine = engine(client, 2);
        BatchHandle h = engine.start(property(2), List.of(OPENAI), 1, "{}", events::add);
        h.done().get(30, TimeUnit.SECONDS);
        // A finished batch is never interrupted, however old its heartbeat.
        AuditEngine later = new AuditEngine(new StoreBackedEngineStore(batches, runs, answers, PriceTable.defaults()),
                s -> client, new EngineOptions(2, 100, Duration.ofSeconds(10), Duration.ZERO),
                Clock.offset(Clock.systemUTC(), Duration.ofMinutes(5)), "other");
        assertThat(later.detectInterrupted()).isEmpty();
    }

    @Test
    void aClientThatThrowsFailsItsAnswersInsteadOfHangingTheRun() throws Exception {
        FakeLlmClient client = new FakeLlmClient(5);
        clients.add(client);
        new PropertyRepository(db).save(property(1));
        AuditEngine engine = new AuditEngine(new StoreBackedEngineStore(batches, runs, answers, PriceTable.defaults()),
                s -> new FakeLlmClient(0) {
                    @Override
                    public CompletableFuture<LlmResponse> ask(LlmRequest r) {
                        throw new IllegalArgumentException("Unexpected char 0xa0 in header value");
                    }
                }, EngineOptions.defaults().withConcurrency(2), Clock.systemUTC(), "test-owner");
        BatchHandle h = engine.start(property(5), List.of(OPENAI), 1, "{}", events::add);
        assertThat(h.done().get(30, TimeUnit.SECONDS)).isEqualTo(BatchStatus.FAILED);
        assertThat(answers.forBatch(h.batchId(), AnswerRepository.Detail.FULL)).hasSize(5)
                .allMatch(a -> a.answer().outcome() == AnswerOutcome.FAILED);
    }

    @Test
    void aBatchStillRunningCannotBeResumedTwice() throws Exception {
        FakeLlmClient client = new FakeLlmClient(200);
        AuditEngine engine = engine(client, 1);
        BatchHandle h = engine.start(property(4), List.of(OPENAI), 1, "{}", events::add);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.resume(h.batchId(), events::add))
                .isInstanceOf(AuditEngine.StillRunning.class).hasMessageContaining("is still running");
        h.cancel();
        h.done().get(30, TimeUnit.SECONDS);
    }

    @Test
    void closingTheEngineEndsItsBatchesInterruptedAndACancelStaysACancel() throws Exception {
        FakeLlmClient client = new FakeLlmClient(200);
        AuditEngine engine = engine(client, 1);
        BatchHandle stopping = engine.start(property(20), List.of(OPENAI), 1, "{}", events::add);
        BatchHandle cancelled = engine.start(property(20), List.of(CLAUDE), 1, "{}", events::add);
        cancelled.cancel();
        engine.close();
        assertThat(stopping.done()).isDone();
        assertThat(batches.runs(stopping.batchId())).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(RunStatus.INTERRUPTED);
            assertThat(r.finishedAt()).isNotNull();
        });
        assertThat(batches.runs(cancelled.batchId())).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(RunStatus.CANCELLED));
    }

    @Test
    void twoBatchesShareTheProvidersLimit() throws Exception {
        FakeLlmClient client = new FakeLlmClient(30);
        AuditEngine engine = engine(client, 3);
        BatchHandle a = engine.start(property(12), List.of(OPENAI), 1, "{}", events::add);
        BatchHandle b = engine.start(property(12), List.of(OPENAI), 1, "{}", events::add);
        a.done().get(30, TimeUnit.SECONDS);
        b.done().get(30, TimeUnit.SECONDS);
        assertThat(client.maxInFlight.get()).isEqualTo(3);
    }
}
