package com.propertyaudit.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.propertyaudit.analysis.AnswerScorer;
import com.propertyaudit.domain.Answer;
import com.propertyaudit.domain.AnswerScore;
import com.propertyaudit.domain.AnswerOutcome;
import com.propertyaudit.domain.AuditQuery;
import com.propertyaudit.domain.Batch;
import com.propertyaudit.domain.Property;
import com.propertyaudit.domain.Run;
import com.propertyaudit.domain.Surface;
import com.propertyaudit.store.AnswerRepository;
import com.propertyaudit.store.BatchRepository;
import com.propertyaudit.store.Database;
import com.propertyaudit.store.PropertyRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Answers stored per second, one writer as in the engine, each answer (about 1.5 KB of text, its raw
 * response, mentions and citations) in its own transaction, under each way of making a commit
 * durable (not a test; prints numbers):
 * <ul>
 *   <li>H2's default: a commit is written by a background thread up to 500 ms later (what 0.1 shipped);</li>
 *   <li>{@code WRITE_DELAY=0}: each commit is written to the file before it returns (survives a killed
 *       process; the operating system may still hold it in memory);</li>
 *   <li>{@code CHECKPOINT SYNC} after each answer: written and forced to the disk (survives a power cut);</li>
 *   <li>both: {@code WRITE_DELAY=0} and a forced write after each answer.</li>
 * </ul>
 * The data folder's own URL is printed first: it is what the app uses.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.mainClass=com.propertyaudit.bench.StorageBench [-Dexec.args=2000]</pre>
 */
public final class StorageBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Mode(String name, String urlSettings, boolean syncEach) {}

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        List<Mode> modes = List.of(
                new Mode("H2 default (write delay 500 ms)", ";WRITE_DELAY=500", false),
                new Mode("WRITE_DELAY=0", ";WRITE_DELAY=0", false),
                new Mode("CHECKPOINT SYNC after each", ";WRITE_DELAY=500", true),
                new Mode("WRITE_DELAY=0 + CHECKPOINT SYNC", ";WRITE_DELAY=0", true));
        BenchCorpus corpus = new BenchCorpus(11);
        List<BenchCorpus.Answer> answers = corpus.answers(count);
        System.out.printf(Locale.ROOT, "%d answers, one transaction each, one writer thread:%n", count);
        Path home = Files.createTempDirectory("storage-bench");
        double appSeconds;
        try (Database db = Database.openFolder(home)) {
            appSeconds = store(db, corpus.property(), answers, false);
        }
        report("the data folder as the app opens it", appSeconds, home.resolve("propertyaudit.mv.db"), count);
        // Each mode twice, interleaved, so a slow moment of the disk does not favour one.
        for (int round = 1; round <= 2; round++) {
            for (Mode mode : modes) {
                Path folder = Files.createTempDirectory("storage-bench");
                String url = "jdbc:h2:file:" + folder.resolve("propertyaudit") + mode.urlSettings();
                double seconds;
                try (Database db = Database.open(url)) {
                    seconds = store(db, corpus.property(), answers, mode.syncEach());
                }
                report(mode.name() + " (round " + round + ")", seconds, folder.resolve("propertyaudit.mv.db"), count);
            }
        }
    }

    private static void report(String name, double seconds, Path file, int count) throws Exception {
        System.out.printf(Locale.ROOT, "  %-45s %7.0f answers/s  (%.2f ms each; file %.1f MB once closed)%n", name,
                count / seconds, seconds * 1000 / count, Files.size(file) / 1e6);
    }

    /** Seconds to store every answer; warms up on 100 answers of another run first. */
    static double store(Database db, Property property, List<BenchCorpus.Answer> answers, boolean syncEach)
            throws Exception {
        new PropertyRepository(db).save(property);
        AnswerScorer scorer = new AnswerScorer(property);
        AnswerRepository repo = new AnswerRepository(db);
        Run warmUp = run(db, property, 100);
        save(db, repo, scorer, warmUp, answers.subList(0, 100), syncEach);
        Run run = run(db, property, answers.size());
        long t0 = System.nanoTime();
        save(db, repo, scorer, run, answers, syncEach);
        return (System.nanoTime() - t0) / 1e9;
    }

    private static void save(Database db, AnswerRepository repo, AnswerScorer scorer, Run run,
            List<BenchCorpus.Answer> answers, boolean syncEach) throws Exception {
        for (int i = 0; i < answers.size(); i++) {
            BenchCorpus.Answer a = answers.get(i);
            AnswerScore score = scorer.score(a.text(), a.citations());
            String raw = JSON.writeValueAsString(Map.of("id", "resp_" + i, "model", "gpt-5", "output",
                    List.of(Map.of("type", "message", "content", List.of(Map.of("type", "output_text", "text", a.text()))))));
            repo.save(new Answer(0, run.id(), i, "question " + i, null, 1, AnswerOutcome.COMPLETED, a.text(), a.citations(),
                    "{\"model\":\"gpt-5\",\"input\":\"question " + i + "\"}", raw, "stop", null, null, 900, 40, 400,
                    Instant.now(), List.of()), score);
            if (syncEach) db.read(c -> c.createStatement().execute("CHECKPOINT SYNC"));
        }
    }

    private static Run run(Database db, Property property, int answers) {
        Property p = property.withQueries(IntStream.range(0, answers)
                .mapToObj(i -> new AuditQuery("question " + i, null)).toList());
        Batch batch = new Batch(UUID.randomUUID(), p.name(), p, 1, "{}", Instant.now(), null);
        Run run = Run.queued(batch.id(), 1, Surface.parse("openai:gpt-5"), answers);
        new BatchRepository(db).create(batch, List.of(run), "bench");
        return run;
    }
}
