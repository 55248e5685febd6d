package com.propertyaudit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.propertyaudit.domain.BatchStatus;
import com.propertyaudit.domain.RunStatus;
import com.propertyaudit.llm.LlmRequest;
import com.propertyaudit.llm.LlmResponse;
import com.propertyaudit.llm.PriceTable;
import com.propertyaudit.store.AnswerRepository;
import com.propertyaudit.store.BatchRepository;
import com.propertyaudit.store.Database;
import com.propertyaudit.store.PropertyRepository;
import com.propertyaudit.store.RunRepository;
import com.propertyaudit.store.TestStores;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Analysts on two machines sharing one database, on H2 (one file, AUTO_SERVER) and on PostgreSQL:
 * each machine is a {@link Database} of its own and an engine with its own owner name.
 */
class SharedDatabaseTest {

    static final String MACHINE_A = "pid-4242-aaaaaaaa@machine-a";
    static final String MACHINE_B = "pid-4242-bbbbbbbb@machine-b";

    @TempDir
    Path home;

    final List<AutoCloseable> open = new ArrayList<>();
    final List<FakeLlmClient> clients = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        clients.forEach(FakeLlmClient::shutdown);
        for (int i = open.size() - 1; i >= 0; i--) open.get(i).close();
    }

    TestStores.Opened store(TestStores kind) {
        TestStores.Opened o = kind.open(home);
        open.add(o);
        new PropertyRepository(o.db()).save(AuditEngineTest.property(6));
        return o;
    }

    Database machine(TestStores.Opened o) {
        Database db = o.again();
        open.add(db);
        return db;
    }

    AuditEngine engine(Database db, FakeLlmClient client, String owner, EngineOptions options, Clock clock) {
        clients.add(client);
        return new AuditEngine(new StoreBackedEngineStore(new BatchRepository(db), new RunRepository(db),
                new AnswerRepository(db), PriceTable.defaults()), s -> client, options, clock, owner);
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void twoMachinesRunBatchesAtTheSameTime(TestStores kind) throws Exception {
        TestStores.Opened o = store(kind);
        AuditEngine a = engine(machine(o), new FakeLlmClient(15), MACHINE_A, EngineOptions.defaults(), Clock.systemUTC());
        AuditEngine b = engine(machine(o), new FakeLlmClient(15), MACHINE_B, EngineOptions.defaults(), Clock.systemUTC());
        BatchHandle ha = a.start(AuditEngineTest.property(6), List.of(AuditEngineTest.OPENAI), 2, "{}", e -> {});
        BatchHandle hb = b.start(AuditEngineTest.property(6), List.of(AuditEngineTest.CLAUDE), 2, "{}", e -> {});
        assertThat(ha.done().get(30, TimeUnit.SECONDS)).isEqualTo(BatchStatus.COMPLETE);
        assertThat(hb.done().get(30, TimeUnit.SECONDS)).isEqualTo(BatchStatus.COMPLETE);
        AnswerRepository answers = new AnswerRepository(o.db());
        assertThat(answers.count(ha.batchId())).isEqualTo(12);
        assertThat(answers.count(hb.batchId())).isEqualTo(12);
        assertThat(new BatchRepository(o.db()).owner(ha.batchId())).contains(MACHINE_A);
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void anotherMachinesLiveBatchIsRefusedAndResumedOnceItsLeaseRanOut(TestStores kind) throws Exception {
        TestStores.Opened o = store(kind);
        // Machine A answers 2 of 6 questions, then hangs and never beats again: as if it were killed.
        AtomicInteger requests = new AtomicInteger();
        FakeLlmClient stalling = new FakeLlmClient(5) {
            @Override
            public CompletableFuture<LlmResponse> ask(LlmRequest r) {
                return requests.incrementAndGet() <= 2 ? super.ask(r) : new CompletableFuture<>();
            }
        };
        EngineOptions quiet = new EngineOptions(1, 4096, Duration.ofHours(1), Duration.ofSeconds(30));
        AuditEngine a = engine(machine(o), stalling, MACHINE_A, quiet, Clock.systemUTC());
        BatchHandle ha = a.start(AuditEngineTest.property(6), List.of(AuditEngineTest.OPENAI), 1, "{}", e -> {});
        AnswerRepository answers = new AnswerRepository(o.db());
        long until = System.currentTimeMillis() + 10_000;
        while (answers.count(ha.batchId()) < 2 && System.currentTimeMillis() < until) Thread.sleep(20);
        assertThat(answers.count(ha.batchId())).isEqualTo(2);

        Database dbB = machine(o);
        FakeLlmClient clientB = new FakeLlmClient(5);
        AuditEngine now = engine(dbB, clientB, MACHINE_B, EngineOptions.defaults(), Clock.systemUTC());
        assertThatThrownBy(() -> now.resume(ha.batchId(), e -> {}))
                .isInstanceOf(AuditEngine.StillRunning.class)
                .hasMessageContaining("still running on machine-a");
        assertThat(clientB.asked).isEmpty();

        // 31 seconds on, machine A has not been heard from: B takes the batch over and asks only what is missing.
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofSeconds(31));
        AuditEngine b = engine(dbB, clientB, MACHINE_B, EngineOptions.defaults(), later);
        BatchHandle hb = b.resume(ha.batchId(), e -> {});
        assertThat(hb.done().get(30, TimeUnit.SECONDS)).isEqualTo(BatchStatus.COMPLETE);
        assertThat(clientB.asked).hasSize(4);
        assertThat(answers.count(ha.batchId())).isEqualTo(6);
        BatchRepository batches = new BatchRepository(o.db());
        assertThat(batches.owner(ha.batchId())).contains(MACHINE_B);
        assertThat(batches.runs(ha.batchId())).allSatisfy(r -> assertThat(r.status()).isEqualTo(RunStatus.COMPLETED));
        // Machine A, should it wake, no longer owns the batch: its heartbeat changes nothing.
        assertThat(batches.heartbeat(ha.batchId(), MACHINE_A)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(TestStores.class)
    void ofEightClaimsAtOnceExactlyOneWins(TestStores kind) throws Exception {
        TestStores.Opened o = store(kind);
        AuditEngine a = engine(machine(o), new FakeLlmClient(5), MACHINE_A, EngineOptions.defaults(), Clock.systemUTC());
        BatchHandle h = a.start(AuditEngineTest.property(6), List.of(AuditEngineTest.OPENAI), 1, "{}", e -> {});
        h.interrupt();
        h.done().get(30, TimeUnit.SECONDS);
        List<BatchRepository> machines = List.of(new BatchRepository(machine(o)), new BatchRepository(machine(o)));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Optional<String>>> claims = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            BatchRepository repo = machines.get(i % 2);
            String claimant = "pid-" + (100 + i) + "-0000000" + i + "@machine-" + i;
            claims.add(pool.submit(() -> {
                go.await();
                return repo.claim(h.batchId(), claimant, Instant.now().minusSeconds(30));
            }));
        }
        go.countDown();
        int won = 0;
        for (Future<Optional<String>> f : claims) if (f.get(30, TimeUnit.SECONDS).isEmpty()) won++;
        pool.shutdown();
        assertThat(won).isEqualTo(1);
        assertThat(new BatchRepository(o.db()).owner(h.batchId()).orElseThrow()).startsWith("pid-10");
    }


}
