package com.propertyaudit.store;

import com.propertyaudit.domain.OutcomeCounts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.propertyaudit.domain.Answer;
import com.propertyaudit.domain.AnswerScore;
import com.propertyaudit.domain.AnswerOutcome;
import com.propertyaudit.domain.AuditQuery;
import com.propertyaudit.domain.Batch;
import com.propertyaudit.domain.BatchStatus;
import com.propertyaudit.domain.Citation;
import com.propertyaudit.domain.Competitor;
import com.propertyaudit.domain.EntityRank;
import com.propertyaudit.domain.Location;
import com.propertyaudit.domain.Mention;
import com.propertyaudit.domain.Property;
import com.propertyaudit.domain.Run;
import com.propertyaudit.domain.RunStatus;
import com.propertyaudit.domain.StoredAnswer;
import com.propertyaudit.domain.Surface;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Repositories against a real H2 file; {@link PostgresStoreTest} runs the same against PostgreSQL. */
class StoreTest {

    @TempDir
    Path home;

    Database db;
    PropertyRepository properties;
    BatchRepository batches;
    RunRepository runs;
    AnswerRepository answers;

    static final Property PROPERTY = new Property("Harbor Point Lofts", List.of("HPL"), List.of("harborpointlofts.com"),
            new Location("Portland", "OR", "Pearl District"),
            List.of(new Competitor("The Yard", List.of("Yard PDX"), List.of("theyardpdx.com")), Competitor.named("Dock")),
            List.of(new AuditQuery("best lofts in the Pearl", "discovery"), new AuditQuery("HPL reviews", "brand")));

    /** The database under test, fresh and empty. */
    Database openDatabase() {
        return Database.openFolder(home);
    }

    /** A second opener of the same database, as another process would be. */
    Database openAgain() {
        return Database.openFolder(home);
    }

    @BeforeEach
    void open() {
        db = openDatabase();
        properties = new PropertyRepository(db);
        batches = new BatchRepository(db);
        runs = new RunRepository(db);
        answers = new AnswerRepository(db);
    }

    @AfterEach
    void close() {
        if (db != null) db.close();
    }

    @Test
    void migrationsCreateTheDatabaseFileInTheFolder() {
        assertThat(home.resolve("propertyaudit.mv.db")).exists();
    }

    @Test
    void propertiesAreCreatedThenUpdatedByNameWithAVersion() {
        long id = properties.save(PROPERTY);
        assertThat(properties.findByName("Harbor Point Lofts")).contains(PROPERTY);
        assertThat(properties.versionOf("Harbor Point Lofts")).isEqualTo(1);

        Property changed = PROPERTY.withCompetitors(List.of(Competitor.named("Pinnacle")));
        assertThat(properties.save(changed)).isEqualTo(id);
        assertThat(properties.findByName("Harbor Point Lofts")).contains(changed);
        assertThat(properties.versionOf("Harbor Point Lofts")).isEqualTo(2);
        assertThat(properties.list()).singleElement().satisfies(s -> {
            assertThat(s.competitors()).isEqualTo(1);
            assertThat(s.queries()).isEqualTo(2);
            assertThat(s.version()).isEqualTo(2);
        });
        properties.delete("Harbor Point Lofts");
        assertThat(properties.list()).isEmpty();
    }

    @Test
    void aSaveOverAVersionSomeoneElseChangedIsRefused() {
        properties.save(PROPERTY);
        PropertyRepository.Versioned mine = properties.findVersioned(PROPERTY.name()).orElseThrow();
        try (Database other = openAgain()) {
            new PropertyRepository(other).save(PROPERTY.withCompetitors(List.of()), mine.version());
        }
        assertThatThrownBy(() -> properties.save(PROPERTY.withCompetitors(List.of(Competitor.named("Pinnacle"))),
                mine.version())).isInstanceOf(OptimisticLock.Conflict.class)
                .hasMessageContaining("was changed by someone else since you opened it");
        assertThat(properties.findByName(PROPERTY.name()).orElseThrow().competitors()).isEmpty();
        assertThat(properties.versionOf(PROPERTY.name())).isEqualTo(2);
    }

    Batch newBatch() {
        return new Batch(UUID.randomUUID(), PROPERTY.name(), PROPERTY, 2, "{\"concurrency\":8}",
                Instant.parse("2026-11-28T10:00:00Z"), null);
    }

    @Test
    void aBatchAndItsRunsAreCreatedTogether() {
        properties.save(PROPERTY);
        Batch b = newBatch();
        Run r1 = Run.queued(b.id(), 2, Surface.parse("openai:gpt-5"), 4);
        Run r2 = Run.queued(b.id(), 2, Surface.parse("anthropic:claude-sonnet-4-5+web"), 4);
        batches.create(b, List.of(r1, r2), "me");
        assertThat(batches.find(b.id())).contains(b);
        assertThat(batches.runs(b.id())).containsExactlyInAnyOrder(r2, r1);
        assertThat(batches.idsStartingWith(b.id().toString().substring(0, 8), 2)).containsExactly(b.id());
        assertThat(batches.latest(PROPERTY.name())).contains(b.id());
    }

    @Test
    void aFailedCreateLeavesNothingBehind() {
        Batch b = newBatch();
        Run r1 = Run.queued(b.id(), 2, Surface.parse("openai:gpt-5"), 4);
        // The same run twice breaks the primary key half-way through.
        assertThatThrownBy(() -> batches.create(b, List.of(r1, r1), "me")).isInstanceOf(StoreException.class);
        assertThat(batches.find(b.id())).isEmpty();
        assertThat(batches.list(null)).isEmpty();
    }

    static Answer answer(UUID runId, int query, int sample, AnswerOutcome status) {
        return new Answer(0, runId, query, "q" + query, "discovery", sample, status,
                status == AnswerOutcome.COMPLETED ? "HPL and The Yard" : null,
                List.of(new Citation("https://yelp.com/x", "Yelp")), "{\"model\":\"gpt-5\"}", "{\"id\":\"x\"}",
                "stop", null, status == AnswerOutcome.FAILED ? "Provider said no" : null, 1200, 10, 200,
                Instant.parse("2026-11-28T10:01:00Z"), List.of());
    }

    static final AnswerScore SCORE = new AnswerScore(true, 1, false, List.of(new EntityRank("The Yard", 2)),
            List.of("yelp.com"), 80.0, List.of(new Mention("Harbor Point Lofts", true, 0, 3),
                    new Mention("The Yard", false, 8, 16), new Mention("The Yard", false, 20, 28)));

    @Test
    void everyOutcomeAndTheRetrievedPagesRoundTrip() {
        properties.save(PROPERTY);
        Batch b = newBatch();
        Run run = Run.queued(b.id(), 1, Surface.parse("anthropic:claude-sonnet-4-6+web"), 5);
        batches.create(b, List.of(run), "me");
        int q = 0;
        for (AnswerOutcome o : AnswerOutcome.values()) {
            Answer a = answer(run.id(), q++, 1, o);
            answers.save(new Answer(0, a.runId(), a.queryIndex(), a.queryText(), a.topic(), a.sample(), o, "partial",
                    a.citations(), a.rawRequest(), a.rawResponse(), "max_tokens", "Cut off at max_tokens.", a.error(),
                    1, 1, 1, a.receivedAt(), List.of(new Citation("https://www.zillow.com/r", "Rentals"))),
                    AnswerScore.EMPTY);
        }
        assertThat(answers.forRun(run.id())).extracting(x -> x.answer().outcome())
                .containsExactly(AnswerOutcome.values());
        assertThat(answers.forRun(run.id()).get(2).answer().retrieved())
                .containsExactly(new Citation("https://www.zillow.com/r", "Rentals"));
        assertThat(answers.counts(run.id())).isEqualTo(new OutcomeCounts(1, 1, 1, 1, 1));
        // Completed and refused are answers: resume asks again only for the other three.
        assertThat(answers.answeredKeys(run.id())).containsExactlyInAnyOrder(new AnswerKey(0, 1), new AnswerKey(1, 1));
    }

    @Test
    void answersAreStoredWithMentionsAndCitationsAndReadBack() {
        properties.save(PROPERTY);
        Batch b = newBatch();
        Run run = Run.queued(b.id(), 1, Surface.parse("openai:gpt-5"), 4);
        batches.create(b, List.of(run), "me");
        StoredAnswer saved = answers.save(answer(run.id(), 0, 1, AnswerOutcome.COMPLETED), SCORE);
        assertThat(saved.answer().id()).isPositive();

        List<StoredAnswer> back = answers.forBatch(b.id(), AnswerRepository.Detail.FULL);
        assertThat(back).hasSize(1);
        StoredAnswer a = back.get(0);
        assertThat(a.answer()).isEqualTo(saved.answer());
        assertThat(a.score().brandMentioned()).isTrue();
        assertThat(a.score().brandRank()).isEqualTo(1);
        assertThat(a.score().competitors()).containsExactly(new EntityRank("The Yard", 2));
        assertThat(a.score().citedDomains()).containsExactly("yelp.com");
        assertThat(a.score().score()).isEqualTo(80.0);
        assertThat(answers.forBatch(b.id(), AnswerRepository.Detail.SCORES).get(0).answer().rawResponse()).isNull();
        int occurrences = db.read(c -> {
            try (var ps = c.prepareStatement("SELECT occurrences FROM mention WHERE entity = 'The Yard'");
                    var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
        assertThat(occurrences).isEqualTo(2);
    }

    @Test
    void aFailedAnswerIsReplacedButACompletedOneIsNever() {
        Batch b = newBatch();
        Run run = Run.queued(b.id(), 1, Surface.parse("openai:gpt-5"), 4);
        batches.create(b, List.of(run), "me");
        answers.save(answer(run.id(), 1, 1, AnswerOutcome.FAILED), AnswerScore.EMPTY);
        assertThat(answers.answeredKeys(run.id())).isEmpty();
        assertThat(answers.counts(run.id())).isEqualTo(new OutcomeCounts(0, 0, 0, 0, 1));

        answers.save(answer(run.id(), 1, 1, AnswerOutcome.COMPLETED), SCORE);
        assertThat(answers.answeredKeys(run.id())).containsExactly(new AnswerKey(1, 1));
        assertThat(answers.counts(run.id())).isEqualTo(new OutcomeCounts(1, 0, 0, 0, 0));

        StoredAnswer again = answers.save(answer(run.id(), 1, 1, AnswerOutcome.FAILED), AnswerScore.EMPTY);
        assertThat(again.answer().outcome()).isEqualTo(AnswerOutcome.COMPLETED);
        assertThat(answers.counts(run.id())).isEqualTo(new OutcomeCounts(1, 0, 0, 0, 0));
    }

    @Test
    void finishingARunSumsItsAnswersInSql() {
        Batch b = newBatch();
        Run run = Run.queued(b.id(), 1, Surface.parse("openai:gpt-5"), 4);
        batches.create(b, List.of(run), "me");
        runs.updateStatus(run.id(), RunStatus.RUNNING, Instant.parse("2026-11-28T10:00:01Z"));
        answers.save(answer(run.id(), 0, 1, AnswerOutcome.COMPLETED), SCORE);
        answers.save(answer(run.id(), 0, 2, AnswerOutcome.COMPLETED), AnswerScore.EMPTY);
        answers.save(answer(run.id(), 1, 1, AnswerOutcome.FAILED), AnswerScore.EMPTY);
        runs.finish(run.id(), RunStatus.COMPLETED, Instant.parse("2026-11-28T10:02:00Z"), null,
                (in, out) -> in * 0.001 + out * 0.01);
        Run done = runs.find(run.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(done.score()).isEqualTo(40.0); // (80 + 0) / 2; the failed answer does not count
        assertThat(done.inputTokens()).isEqualTo(30);
        assertThat(done.outputTokens()).isEqualTo(600);
        assertThat(done.costUsd()).isEqualTo(6.03, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(done.startedAt()).isEqualTo(Instant.parse("2026-11-28T10:00:01Z"));
    }

    @Test
    void silentOwnersLeaveTheirUnfinishedRunsInterrupted() {
        Batch b = newBatch();
        Run running = Run.queued(b.id(), 2, Surface.parse("openai:gpt-5"), 4);
        Run done = Run.queued(b.id(), 2, Surface.parse("simulated:demo"), 4);
        batches.create(b, List.of(running, done), "me");
        runs.finish(done.id(), RunStatus.COMPLETED, Instant.now(), null, (i, o) -> 0);
        Instant beat = Instant.now();
        batches.heartbeat(b.id(), "me");
        assertThat(batches.markInterrupted(Duration.ofSeconds(30), beat.plusSeconds(10))).isEmpty();
        assertThat(batches.markInterrupted(Duration.ofSeconds(30), beat.plusSeconds(60))).containsExactly(b.id());
        assertThat(runs.find(running.id()).orElseThrow().status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(runs.find(done.id()).orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(batches.list(null).get(0).status()).isEqualTo(BatchStatus.INTERRUPTED);
    }

    @Test
    void aBatchWhoseProcessOnThisMachineEndedReadsInterruptedAtOnce() throws Exception {
        Batch b = newBatch();
        Run run = Run.queued(b.id(), 1, Surface.parse("openai:gpt-5"), 4);
        batches.create(b, List.of(run), ownerOf(endedProcess()));
        batches.heartbeat(b.id(), ownerOf(endedProcess()));
        // No heartbeat has gone stale: the listing itself finds the process gone.
        assertThat(batches.list(null).get(0).status()).isEqualTo(BatchStatus.INTERRUPTED);
        assertThat(runs.find(run.id()).orElseThrow().status()).isEqualTo(RunStatus.INTERRUPTED);
    }

    @Test
    void aLiveProcessOfThisMachineIsNeverJudgedByItsHeartbeat() {
        Batch b = newBatch();
        batches.create(b, List.of(Run.queued(b.id(), 1, Surface.parse("openai:gpt-5"), 4)), BatchOwner.forThisProcess());
        assertThat(batches.markInterrupted(Duration.ofSeconds(30), Instant.now().plus(Duration.ofHours(1)))).isEmpty();
        assertThat(batches.list(null).get(0).status()).isEqualTo(BatchStatus.RUNNING);
    }

    @Test
    void anOwnerOnAnotherMachineIsJudgedByItsHeartbeatOnly() throws Exception {
        Batch b = newBatch();
        // The same process number as one that ended here, but on another machine: it may well be running.
        String elsewhere = "pid-" + endedProcess() + "-0badf00d@another-machine";
        batches.create(b, List.of(Run.queued(b.id(), 1, Surface.parse("openai:gpt-5"), 4)), elsewhere);
        batches.heartbeat(b.id(), elsewhere);
        assertThat(batches.list(null).get(0).status()).isEqualTo(BatchStatus.RUNNING);
        assertThat(batches.markInterrupted(Duration.ofSeconds(30), Instant.now().plusSeconds(10))).isEmpty();
        assertThat(batches.markInterrupted(Duration.ofSeconds(30), Instant.now().plusSeconds(60))).containsExactly(b.id());
    }

    /** The number of a process of this machine that has ended. */
    private static long endedProcess() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.waitFor();
        return p.pid();
    }

    private static String ownerOf(long pid) {
        String mine = BatchOwner.forThisProcess();
        return "pid-" + pid + "-" + mine.substring(mine.indexOf('-', 4) + 1);
    }

    @Test
    void theListAggregatesEveryBatchInTwoQueries() {
        for (int i = 0; i < 3; i++) {
            Batch b = new Batch(UUID.randomUUID(), PROPERTY.name(), PROPERTY, 1, "{}",
                    Instant.parse("2026-11-2" + i + "T10:00:00Z"), null);
            Run run = Run.queued(b.id(), 1, Surface.parse("openai:gpt-5"), 2);
            batches.create(b, List.of(run), "me");
            answers.save(answer(run.id(), 0, 1, AnswerOutcome.COMPLETED), SCORE);
        }
        List<BatchSummary> list = batches.list(PROPERTY.name());
        assertThat(list).hasSize(3);
        assertThat(list.get(0).createdAt()).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
        assertThat(list).allSatisfy(s -> {
            assertThat(s.answers()).isEqualTo(1);
            assertThat(s.expectedAnswers()).isEqualTo(2);
            assertThat(s.surfaces()).containsExactly("openai:gpt-5");
            assertThat(s.status()).isEqualTo(BatchStatus.RUNNING);
        });
        assertThat(batches.list("Nobody")).isEmpty();
    }

    @Test
    void theTrendMarksBatchesThatDidNotCompleteAndChangedQuerySets() {
        Property more = new Property(PROPERTY.name(), PROPERTY.aliases(), PROPERTY.domains(), PROPERTY.location(),
                PROPERTY.competitors(), List.of(PROPERTY.queries().get(0), new AuditQuery("quiet lofts", null),
                        new AuditQuery("lofts with parking", null)));
        Property[] snapshots = {PROPERTY, PROPERTY, more};
        RunStatus[] ends = {RunStatus.COMPLETED, RunStatus.CANCELLED, RunStatus.COMPLETED};
        for (int i = 0; i < 3; i++) {
            Batch b = new Batch(UUID.randomUUID(), PROPERTY.name(), snapshots[i], 1, "{}",
                    Instant.parse("2026-11-2" + i + "T10:00:00Z"), null);
            Run run = Run.queued(b.id(), 1, Surface.parse("openai:gpt-5"), 2);
            batches.create(b, List.of(run), "me");
            runs.updateStatus(run.id(), ends[i], Instant.now());
        }
        List<BatchRepository.TrendPoint> trend = batches.trend(PROPERTY.name());
        assertThat(trend).extracting(BatchRepository.TrendPoint::mark)
                .containsExactly("", " · cancelled", " · queries +2 −1");
    }

    @Test
    void rescoreReplacesScoreRows() {
        Batch b = newBatch();
        Run run = Run.queued(b.id(), 1, Surface.parse("openai:gpt-5"), 4);
        batches.create(b, List.of(run), "me");
        long id = answers.save(answer(run.id(), 0, 1, AnswerOutcome.COMPLETED), SCORE).answer().id();
        AnswerScore newer = new AnswerScore(false, null, true, List.of(new EntityRank("Dock", 1)),
                List.of("harborpointlofts.com"), 20.0, List.of(new Mention("Dock", false, 0, 4)));
        answers.rescore(id, newer);
        StoredAnswer back = answers.find(id).orElseThrow();
        assertThat(back.score().score()).isEqualTo(20.0);
        assertThat(back.score().competitors()).containsExactly(new EntityRank("Dock", 1));
        assertThat(back.score().citedDomains()).containsExactly("harborpointlofts.com");
        batches.recordRescore(b.id(), PROPERTY, 2, Instant.now());
    }

    @Test
    void twoOpenersShareOneFileThanksToAutoServer() {
        try (Database other = openAgain()) {
            new PropertyRepository(other).save(PROPERTY);
            assertThat(properties.findByName(PROPERTY.name())).contains(PROPERTY);
        }
    }

    @Test
    void deletingABatchRemovesItsRunsAndAnswers() {
        Batch b = newBatch();
        Run run = Run.queued(b.id(), 1, Surface.parse("openai:gpt-5"), 4);
        batches.create(b, List.of(run), "me");
        answers.save(answer(run.id(), 0, 1, AnswerOutcome.COMPLETED), SCORE);
        batches.delete(b.id());
        assertThat(batches.find(b.id())).isEmpty();
        assertThat(answers.forRun(run.id())).isEmpty();
    }
}
