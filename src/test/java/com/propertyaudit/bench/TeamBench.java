package com.propertyaudit.bench;

import com.propertyaudit.store.BatchRepository;
import com.propertyaudit.store.Database;
import com.propertyaudit.store.DatabaseCopy;
import com.propertyaudit.store.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Team mode against the PostgreSQL server of PROPERTYAUDIT_TEST_PG_URL (see TestPostgres): answers
 * stored per second on the server and in an H2 data folder, {@code db copy} of that folder to the
 * server, and how long one claim (resume's conditional update) and one heartbeat take.
 */
public final class TeamBench {

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        BenchCorpus corpus = new BenchCorpus(11);
        List<BenchCorpus.Answer> answers = corpus.answers(count);
        System.out.printf(Locale.ROOT, "%d answers, one transaction each, one writer thread:%n", count);
        Path home = Files.createTempDirectory("team-bench");
        try (Database h2 = Database.openFolder(home)) {
            double s = StorageBench.store(h2, corpus.property(), answers, false);
            System.out.printf(Locale.ROOT, "  %-36s %7.0f answers/s (%.2f ms each)%n", "H2 data folder", count / s,
                    s * 1000 / count);
            try (TestPostgres.Fresh server = TestPostgres.fresh(); Database pg = server.open()) {
                double p = StorageBench.store(pg, corpus.property(), answers, false);
                System.out.printf(Locale.ROOT, "  %-36s %7.0f answers/s (%.2f ms each)%n", "PostgreSQL (local server)",
                        count / p, p * 1000 / count);
            }
            try (TestPostgres.Fresh server = TestPostgres.fresh(); Database target = server.open()) {
                long t0 = System.nanoTime();
                List<DatabaseCopy.Table> tables = DatabaseCopy.copy(h2, target);
                double c = (System.nanoTime() - t0) / 1e9;
                long rows = tables.stream().mapToLong(DatabaseCopy.Table::rows).sum();
                System.out.printf(Locale.ROOT, "db copy H2 -> PostgreSQL: %,d rows in %.2f s (%.0f rows/s)%n", rows, c,
                        rows / c);
                BatchRepository batches = new BatchRepository(target);
                UUID batch = batches.latest(null).orElseThrow();
                int n = 500;
                long t1 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    batches.claim(batch, "pid-" + i + "-bench000@machine-" + (i % 2), Instant.now().minusSeconds(30));
                }
                double claim = (System.nanoTime() - t1) / 1e6 / n;
                String owner = batches.owner(batch).orElseThrow();
                long t2 = System.nanoTime();
                for (int i = 0; i < n; i++) batches.heartbeat(batch, owner);
                double beat = (System.nanoTime() - t2) / 1e6 / n;
                System.out.printf(Locale.ROOT, "claim (one conditional update): %.2f ms; heartbeat: %.2f ms%n", claim, beat);
            }
        }
    }
}
