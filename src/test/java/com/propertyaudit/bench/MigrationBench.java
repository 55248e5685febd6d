package com.propertyaudit.bench;

import com.propertyaudit.analysis.AnswerScorer;
import com.propertyaudit.domain.Answer;
import com.propertyaudit.domain.AnswerOutcome;
import com.propertyaudit.domain.AuditQuery;
import com.propertyaudit.domain.Batch;
import com.propertyaudit.domain.Property;
import com.propertyaudit.domain.Run;
import com.propertyaudit.domain.Surface;
import com.propertyaudit.store.AnswerRepository;
import com.propertyaudit.store.BatchRepository;
import com.propertyaudit.store.Database;
import com.propertyaudit.store.OldH2Folders;
import com.propertyaudit.store.PropertyRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * A data folder of PropertyAudit 0.1 with 5,000 answers (about 1.5 KB of text each, with a raw
 * response, mentions and citations), written by H2 2.3.232: the time its first open takes (the
 * migration to today's H2), then the time of an ordinary open (the integrity check and the rest).
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.mainClass=com.propertyaudit.bench.MigrationBench [-Dexec.args=5000]</pre>
 */
public final class MigrationBench {

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        BenchCorpus corpus = new BenchCorpus(5);
        Path source = Files.createTempDirectory("migration-bench-source");
        try (Database db = Database.openFolder(source)) {
            fill(db, corpus, count);
        }
        Path old = Files.createTempDirectory("migration-bench-old");
        OldH2Folders.copyWithOldH2(source, old);
        System.out.printf(Locale.ROOT, "%d answers, H2 2.3.232 file of %.1f MB%n", count,
                Files.size(old.resolve("propertyaudit.mv.db")) / 1e6);
        long t0 = System.nanoTime();
        try (Database db = Database.openFolder(old)) {
            System.out.printf(Locale.ROOT, "  first open (migration, integrity check, daily backup): %.2f s;"
                    + " answers after: %d%n", (System.nanoTime() - t0) / 1e9, count(db));
        }
        for (int i = 1; i <= 3; i++) {
            long t1 = System.nanoTime();
            try (Database db = Database.openFolder(old)) {
                System.out.printf(Locale.ROOT, "  open %d (integrity check, backup already made today): %.0f ms%n", i,
                        (System.nanoTime() - t1) / 1e6);
            }
        }
        System.out.printf(Locale.ROOT, "  migrated file %.1f MB%n", Files.size(old.resolve("propertyaudit.mv.db")) / 1e6);
    }

    private static int count(Database db) {
        return db.read(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM answer")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private static void fill(Database db, BenchCorpus corpus, int count) {
        Property p = corpus.property().withQueries(IntStream.range(0, count)
                .mapToObj(i -> new AuditQuery("question " + i, null)).toList());
        new PropertyRepository(db).save(p);
        Batch batch = new Batch(UUID.randomUUID(), p.name(), p, 1, "{}", Instant.now(), Instant.now());
        Run run = Run.queued(batch.id(), 1, Surface.parse("openai:gpt-5"), count);
        new BatchRepository(db).create(batch, List.of(run), "bench");
        AnswerScorer scorer = new AnswerScorer(p);
        AnswerRepository answers = new AnswerRepository(db);
        List<BenchCorpus.Answer> texts = corpus.answers(count);
        for (int i = 0; i < count; i++) {
            BenchCorpus.Answer a = texts.get(i);
            answers.save(new Answer(0, run.id(), i, "question " + i, null, 1, AnswerOutcome.COMPLETED, a.text(),
                    a.citations(), "{\"input\":\"question " + i + "\"}", "{\"output_text\":\"" + a.text().replace("\"", "'")
                    + "\"}", "stop", null, null, 900, 40, 400, Instant.now(), List.of()), scorer.score(a.text(), a.citations()));
        }
    }
}
