package com.propertyaudit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyaudit.cli.PropertyAuditCommand;
import com.propertyaudit.domain.AnswerOutcome;
import com.propertyaudit.domain.Answer;
import com.propertyaudit.domain.Run;
import com.propertyaudit.domain.RunStatus;
import com.propertyaudit.domain.StoredAnswer;
import com.propertyaudit.store.AnswerRepository;
import com.propertyaudit.store.BatchRepository;
import com.propertyaudit.store.Database;
import com.propertyaudit.store.PropertyJson;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM killed in the middle of a batch (kill -9) keeps every answer it stored, and
 * {@code run --resume} finishes the batch asking only for the missing answers.
 */
class KillMidBatchTest {

    @TempDir
    Path home;

    @Test
    void aKilledProcessLosesNothingStoredAndResumeCompletesIt() throws Exception {
        Path propertyFile = home.resolve("p.json");
        Files.writeString(propertyFile, PropertyJson.write(AuditEngineTest.property(18)));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "com.propertyaudit.Main", "run", "--home", home.toString(), "--property", propertyFile.toString(),
                "--surface", "simulated:demo", "--samples", "2", "--concurrency", "2")
                .redirectErrorStream(true).redirectOutput(home.resolve("child.log").toFile()).start();
        UUID batchId;
        Map<Long, Answer> before;
        try (Database db = Database.openFolder(home)) {
            BatchRepository batches = new BatchRepository(db);
            AnswerRepository answers = new AnswerRepository(db);
            batchId = waitFor(() -> batches.latest(null).orElse(null));
            UUID id = batchId;
            waitFor(() -> answers.count(id) >= 6 ? Boolean.TRUE : null);
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            before = answers.forBatch(batchId, AnswerRepository.Detail.FULL).stream()
                    .map(StoredAnswer::answer).collect(Collectors.toMap(Answer::id, Function.identity()));
            List<Run> runs = batches.runs(batchId);
            assertThat(runs.get(0).status()).isEqualTo(RunStatus.RUNNING);
            assertThat(before.size()).isBetween(6, 35);
        }

        StringWriter out = new StringWriter();
        int code = PropertyAuditCommand.execute(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                "run", "--home", home.toString(), "--resume", batchId.toString().substring(0, 8), "--json");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("\"status\":\"complete\"");

        try (Database db = Database.openFolder(home)) {
            List<StoredAnswer> after = new AnswerRepository(db).forBatch(batchId, AnswerRepository.Detail.FULL);
            assertThat(after).hasSize(36).allMatch(a -> a.answer().outcome() == AnswerOutcome.COMPLETED);
            // Every answer stored before the kill is still there, byte for byte.
            for (Answer a : before.values()) {
                assertThat(after).anySatisfy(s -> assertThat(s.answer()).isEqualTo(a));
            }
        }
    }

    private static <T> T waitFor(java.util.function.Supplier<T> check) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            T value = check.get();
            if (value != null) return value;
            Thread.sleep(50);
        }
        throw new AssertionError("gave up waiting (see the child's log)");
    }

}
