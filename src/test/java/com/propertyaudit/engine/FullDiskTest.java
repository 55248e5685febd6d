package com.propertyaudit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.propertyaudit.cli.PropertyAuditCommand;
import com.propertyaudit.domain.BatchStatus;
import com.propertyaudit.store.AnswerRepository;
import com.propertyaudit.store.BatchRepository;
import com.propertyaudit.store.Database;
import com.propertyaudit.store.PropertyJson;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} on a disk that fills up mid-batch, for real: the data folder is on a small tmpfs
 * mounted for the test (Linux, as root; skipped elsewhere). The run stops with a sentence naming
 * the folder and the resume, every answer it reported stored is stored, and the batch reads
 * interrupted once the process is gone.
 */
class FullDiskTest {

    @TempDir
    Path root;

    private Path mount;

    @AfterEach
    void unmount() throws Exception {
        if (mount != null) new ProcessBuilder("umount", mount.toString()).inheritIO().start().waitFor();
    }

    @Test
    void aFullDiskStopsTheRunWithASentenceAndLosesNothingReported() throws Exception {
        Path disk = root.resolve("disk");
        Files.createDirectories(disk);
        assumeTrue(mounted(disk), "mounting a tmpfs needs Linux and root");
        mount = disk;
        Path home = mount.resolve("home");
        Path propertyFile = root.resolve("p.json");
        Files.writeString(propertyFile, PropertyJson.write(AuditEngineTest.property(400)));
        Path log = root.resolve("child.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "com.propertyaudit.Main", "run", "--home", home.toString(), "--property", propertyFile.toString(),
                "--surface", "simulated:demo", "--concurrency", "8")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Path filler = mount.resolve("filler");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (reported(log) < 5) {
                assertThat(child.isAlive() && System.nanoTime() < deadline).as(Files.readString(log)).isTrue();
                Thread.sleep(10);
            }
            fill(filler);
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the run stops").isTrue();
        } finally {
            child.destroyForcibly().waitFor();
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as(out).isEqualTo(PropertyAuditCommand.ENVIRONMENT);
        // The dash between the two halves depends on the terminal's encoding.
        assertThat(out).contains("The disk holding " + home + " is full ").contains(" free space and run `propertyaudit run --resume ")
                .doesNotContain("Unexpected error").doesNotContain("MVStoreException");
        int reported = reported(log);

        Files.delete(filler);
        try (Database db = Database.openFolder(home)) {
            BatchRepository batches = new BatchRepository(db);
            UUID batchId = batches.latest(null).orElseThrow();
            int stored = new AnswerRepository(db).count(batchId);
            System.out.printf("full disk after %d reported: stored %d%n", reported, stored);
            assertThat(stored).isGreaterThanOrEqualTo(reported);
            assertThat(batches.list(null).get(0).status()).isEqualTo(BatchStatus.INTERRUPTED);
        }
    }

    private static boolean mounted(Path dir) {
        try {
            return new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", dir.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Writes until the disk has no room left. */
    private static void fill(Path file) {
        byte[] block = new byte[64 * 1024];
        try (OutputStream o = Files.newOutputStream(file)) {
            while (true) o.write(block);
        } catch (IOException full) {
            // No space left: what the test wants.
        }
    }

    private static int reported(Path log) throws IOException {
        return (int) new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1).lines()
                .filter(l -> l.contains("] query ") && l.contains(" done in ")).count();
    }
}
