package com.propertyaudit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.propertyaudit.cli.PropertyAuditCommand;
import com.propertyaudit.domain.Answer;
import com.propertyaudit.domain.AnswerScore;
import com.propertyaudit.domain.AnswerOutcome;
import com.propertyaudit.domain.AuditQuery;
import com.propertyaudit.domain.Batch;
import com.propertyaudit.domain.Citation;
import com.propertyaudit.domain.Run;
import com.propertyaudit.domain.StoredAnswer;
import com.propertyaudit.domain.Surface;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Old data folders move to today's H2 with a copy kept; backups are made, kept to seven and put back. */
class MigrationAndBackupTest {

    @TempDir
    Path root;

    @Test
    void aFolderWrittenByTheOldH2IsMigratedWithItsFileKept() throws Exception {
        Path source = root.resolve("source");
        UUID batchId;
        List<StoredAnswer> before;
        try (Database db = Database.openFolder(source)) {
            batchId = batchWithAnswers(db, 20);
            before = new AnswerRepository(db).forBatch(batchId, AnswerRepository.Detail.FULL);
        }
        Path old = root.resolve("old");
        OldH2Folders.copyWithOldH2(source, old);
        byte[] original = Files.readAllBytes(old.resolve("propertyaudit.mv.db"));
        assertThat(new String(original, StandardCharsets.ISO_8859_1)).contains("CREATE_BUILD 232");
        assertThat(H2FileFormat.needsMigration(old.resolve("propertyaudit"))).isTrue();

        try (Database db = Database.openFolder(old)) {
            assertThat(new AnswerRepository(db).forBatch(batchId, AnswerRepository.Detail.FULL)).isEqualTo(before);
            assertThat(new BatchRepository(db).find(batchId)).isPresent();
        }
        assertThat(new String(Files.readAllBytes(old.resolve("propertyaudit.mv.db")), StandardCharsets.ISO_8859_1))
                .contains("CREATE_BUILD 252");
        assertThat(H2FileFormat.needsMigration(old.resolve("propertyaudit"))).isFalse();
        List<Path> kept = Backups.of(old).files().stream()
                .filter(p -> p.getFileName().toString().contains("before-migration")).toList();
        assertThat(kept).singleElement().satisfies(p -> assertThat(Files.readAllBytes(p)).isEqualTo(original));
        assertThat(old).isDirectoryNotContaining(p -> p.getFileName().toString().contains("migrati"));
    }

    @Test
    void aDailyBackupIsMadeOnceADayAndTheNewestSevenAutomaticOnesAreKept() {
        Path folder = root.resolve("daily");
        // Days after today: opening the folder made today's backup.
        Instant start = Instant.now().plus(Duration.ofDays(2));
        try (Database db = Database.openFolder(folder)) {
            for (int day = 0; day < 10; day++) {
                for (int hour = 0; hour < 3; hour++) {
                    Clock at = Clock.fixed(start.plus(Duration.ofDays(day)).plus(Duration.ofHours(hour)), ZoneOffset.UTC);
                    Path made = new Backups(folder, at).dailyIfDue(db);
                    if (hour == 0) assertThat(made).as("day %d", day).isNotNull();
                    else assertThat(made).isNull();
                }
            }
            Path manual = new Backups(folder, Clock.fixed(start.minus(Duration.ofDays(30)), ZoneOffset.UTC)).manual(db);
            Path newest = new Backups(folder, Clock.fixed(start.plus(Duration.ofDays(11)), ZoneOffset.UTC)).dailyIfDue(db);
            List<Path> files = Backups.of(folder).files();
            assertThat(files).hasSize(Backups.KEEP + 1).contains(manual);
            assertThat(files.get(0)).isEqualTo(newest);
        }
    }

    @Test
    void restorePutsABackupBackAndKeepsWhatItReplaces() throws Exception {
        Path folder = root.resolve("restore");
        Path backup;
        UUID first;
        try (Database db = Database.openFolder(folder)) {
            first = batchWithAnswers(db, 3);
            backup = Backups.of(folder).manual(db);
            batchWithAnswers(db, 2);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PropertyAuditCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                "db", "restore", backup.toString(), "--home", folder.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("kept as");
        try (Database db = Database.openFolder(folder)) {
            assertThat(new BatchRepository(db).list(null)).singleElement()
                    .satisfies(b -> assertThat(b.batchId()).isEqualTo(first));
        }
        assertThat(Backups.of(folder).files()).anySatisfy(p -> assertThat(p.getFileName().toString()).contains("before-restore"));
    }

    @Test
    void restoreIsRefusedWhileARunHasTheDatabaseOpenAndForAFileThatIsNoBackup() throws Exception {
        Path folder = root.resolve("busy");
        Path backup;
        try (Database db = Database.openFolder(folder)) {
            backup = Backups.of(folder).manual(db);
        }
        Path propertyFile = root.resolve("p.json");
        Files.writeString(propertyFile, PropertyJson.write(StoreTest.PROPERTY.withQueries(IntStream.range(0, 40)
                .mapToObj(i -> new AuditQuery("question " + i, null)).toList())));
        Path log = root.resolve("child.log");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "com.propertyaudit.Main", "run", "--home", folder.toString(),
                "--property", propertyFile.toString(), "--surface", "simulated:demo", "--concurrency", "1")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!Files.readString(log, StandardCharsets.ISO_8859_1).contains(" done in ")) {
                assertThat(child.isAlive() && System.nanoTime() < deadline).as(Files.readString(log)).isTrue();
                Thread.sleep(20);
            }
            assertThatThrownBy(() -> Restore.restore(folder, backup)).isInstanceOf(Restore.Refused.class)
                    .hasMessageContaining("close it, then restore");
        } finally {
            child.destroyForcibly().waitFor();
        }

        Path notABackup = Files.writeString(root.resolve("notes.txt"), "hello");
        StringWriter err = new StringWriter();
        int code = PropertyAuditCommand.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "db", "restore", notABackup.toString(), "--home", folder.toString());
        assertThat(code).isEqualTo(PropertyAuditCommand.BAD_INPUT);
        assertThat(err.toString()).contains("is not a backup");
    }

    @Test
    void aDamagedFileIsToldAtOpenWithTheWayBack() throws Exception {
        Path folder = root.resolve("damaged");
        try (Database db = Database.openFolder(folder)) {
            batchWithAnswers(db, 400, 1);
        }
        Path file = folder.resolve("propertyaudit.mv.db");
        byte[] bytes = Files.readAllBytes(file);
        // Every chunk but the newest is lost, as H2 issue 4247 lost chunks: the file headers (two 4 KB
        // blocks) and the newest chunk, which the headers point at, stay.
        Matcher newest = Pattern.compile("block:([0-9a-f]+),").matcher(new String(bytes, 0, 200, StandardCharsets.ISO_8859_1));
        assertThat(newest.find()).isTrue();
        int end = Integer.parseInt(newest.group(1), 16) * 4096;
        for (int i = 2 * 4096; i < end; i++) bytes[i] = 0;
        Files.write(file, bytes);
        assertThatThrownBy(() -> Database.openFolder(folder).close()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("db restore");
    }

    /** A batch of one run with {@code n} completed answers with citations; returns its id. */
    static UUID batchWithAnswers(Database db, int n) {
        return batchWithAnswers(db, n, 20);
    }

    /** {@code repeat} sets the text's length: over about 256 characters H2 keeps it apart from the row. */
    static UUID batchWithAnswers(Database db, int n, int repeat) {
        new PropertyRepository(db).save(StoreTest.PROPERTY);
        Batch batch = new Batch(UUID.randomUUID(), StoreTest.PROPERTY.name(), StoreTest.PROPERTY, 1, "{}",
                Instant.parse("2026-11-28T10:00:00Z"), null);
        Run run = Run.queued(batch.id(), 1, Surface.parse("openai:gpt-5"), n);
        new BatchRepository(db).create(batch, List.of(run), "test");
        AnswerRepository answers = new AnswerRepository(db);
        for (int i = 0; i < n; i++) {
            answers.save(new Answer(0, run.id(), i, "question " + i, null, 1, AnswerOutcome.COMPLETED,
                    "Harbor Point Lofts and The Yard are good picks. ".repeat(repeat), List.of(new Citation(
                    "https://www.yelp.com/biz/hpl-" + i, "Yelp")), "{\"q\":" + i + "}", "{\"text\":\"...\"}".repeat(repeat),
                    "stop", null, null, 100, 10, 200, Instant.parse("2026-11-28T10:00:05Z"), List.of()), AnswerScore.EMPTY);
        }
        return batch.id();
    }
}
