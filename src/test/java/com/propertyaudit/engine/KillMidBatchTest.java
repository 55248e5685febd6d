package com.propertyaudit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.propertyaudit.cli.PropertyAuditCommand;
import com.propertyaudit.domain.AnswerOutcome;
import com.propertyaudit.domain.Answer;
import com.propertyaudit.domain.BatchStatus;
import com.propertyaudit.domain.RunStatus;
import com.propertyaudit.domain.StoredAnswer;
import com.propertyaudit.store.AnswerRepository;
import com.propertyaudit.store.BatchRepository;
import com.propertyaudit.store.Database;
import com.propertyaudit.store.PropertyJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} in a child JVM killed with {@code kill -9} at several moments of a batch: every answer
 * the child reported stored (its progress lines) is stored, the batch reads {@code interrupted} at
 * once, and {@code run --resume} finishes it asking only for the missing answers.
 */
class KillMidBatchTest {

    /** A progress line of {@code run}: one answer stored, completed or failed. */
    private static final Pattern REPORTED = Pattern.compile("\\] query \\d+/\\d+ (done in|failed after) ");
    private static final int EXPECTED = 18 * 2;

    @TempDir
    Path root;

    @Test
    void whatAKilledProcessReportedStoredIsStoredAtEveryMoment() throws Exception {
        for (int killAfter : new int[] {1, 9, 24}) {
            Path home = root.resolve("kill-after-" + killAfter);
            Trial t = killAfterReported(home, killAfter);
            System.out.printf("kill -9 after %d reported: reported %d, stored %d%n", killAfter, t.reported, t.stored);
            assertThat(t.reported).as("reported before the kill").isGreaterThanOrEqualTo(killAfter).isLessThan(EXPECTED);
            assertThat(t.stored).as("stored after a kill at %d reported", t.reported).isGreaterThanOrEqualTo(t.reported);
            try (Database db = Database.openFolder(home)) {
                assertThat(new BatchRepository(db).list(null).get(0).status()).isEqualTo(BatchStatus.INTERRUPTED);
            }
        }
    }

    @Test
    void resumeAfterAKillAsksOnlyForWhatIsMissing() throws Exception {
        Path home = root.resolve("resume");
        Trial t = killAfterReported(home, 6);
        List<Answer> before;
        try (Database db = Database.openFolder(home)) {
            before = new AnswerRepository(db).forBatch(t.batchId, AnswerRepository.Detail.FULL).stream()
                    .map(StoredAnswer::answer).toList();
        }

        StringWriter out = new StringWriter();
        int code = PropertyAuditCommand.execute(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
                "run", "--home", home.toString(), "--resume", t.batchId.toString().substring(0, 8), "--json");
        assertThat(code).isZero();
        assertThat(out.toString()).contains("\"status\":\"complete\"");

        try (Database db = Database.openFolder(home)) {
            List<StoredAnswer> after = new AnswerRepository(db).forBatch(t.batchId, AnswerRepository.Detail.FULL);
            assertThat(after).hasSize(EXPECTED).allMatch(a -> a.answer().outcome() == AnswerOutcome.COMPLETED);
            // Every answer stored before the kill is still there, byte for byte.
            for (Answer a : before) {
                assertThat(after).anySatisfy(s -> assertThat(s.answer()).isEqualTo(a));
            }
        }
    }

    @Test
    void aTermSignalLeavesTheBatchInterruptedAndTheProcessExitsQuietly() throws Exception {
        assumeFalse(System.getProperty("os.name", "").startsWith("Windows"), "Process.destroy sends SIGTERM on Unix only");
        Path home = root.resolve("term");
        Process child = startRun(home);
        waitForReported(child, home.resolve("child.log"), 4);
        child.destroy();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child ends after TERM").isTrue();
        String log = Files.readString(home.resolve("child.log"));
        assertThat(child.exitValue()).as(log).isEqualTo(PropertyAuditCommand.NOT_SUCCEEDED);
        assertThat(log).contains("Stopping: answers already received are kept").contains(": interrupted in ")
                .doesNotContain("Unexpected error").doesNotContain("closed").doesNotContain("Exception");
        try (Database db = Database.openFolder(home)) {
            UUID batchId = new BatchRepository(db).latest(null).orElseThrow();
            // Marked by the stopping process itself: the run has its end time, which only the engine writes.
            assertThat(new BatchRepository(db).runs(batchId)).singleElement().satisfies(r -> {
                assertThat(r.status()).isEqualTo(RunStatus.INTERRUPTED);
                assertThat(r.finishedAt()).isNotNull();
            });
        }
    }

    private record Trial(UUID batchId, int reported, int stored) {}

    /**
     * Starts {@code run} in a child JVM, kills it (SIGKILL) as soon as its progress has reported
     * {@code n} answers stored, and counts what it reported and what the data folder holds.
     */
    private static Trial killAfterReported(Path home, int n) throws Exception {
        Process child = startRun(home);
        Path log = home.resolve("child.log");
        try {
            waitForReported(child, log, n);
        } finally {
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        int reported = reported(log);
        try (Database db = Database.openFolder(home)) {
            UUID batchId = new BatchRepository(db).latest(null).orElseThrow();
            return new Trial(batchId, reported,
                    new AnswerRepository(db).forBatch(batchId, AnswerRepository.Detail.FULL).size());
        }
    }

    /** {@code run} of 18 queries × 2 samples on the Simulated surface, in a child JVM logging to {@code child.log}. */
    private static Process startRun(Path home) throws IOException {
        Files.createDirectories(home);
        Path propertyFile = home.resolve("p.json");
        Files.writeString(propertyFile, PropertyJson.write(AuditEngineTest.property(18)));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "com.propertyaudit.Main", "run", "--home", home.toString(), "--property", propertyFile.toString(),
                "--surface", "simulated:demo", "--samples", "2", "--concurrency", "2")
                .redirectErrorStream(true).redirectOutput(home.resolve("child.log").toFile()).start();
    }

    private static void waitForReported(Process child, Path log, int n) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (reported(log) < n) {
            if (!child.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the child ended or stalled before reporting " + n + " answers:\n"
                        + Files.readString(log));
            }
            Thread.sleep(5);
        }
    }

    private static int reported(Path log) throws IOException {
        // Bytes as Latin-1: the child may be in the middle of writing a character.
        return (int) new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1).lines()
                .filter(l -> REPORTED.matcher(l).find()).count();
    }
}
