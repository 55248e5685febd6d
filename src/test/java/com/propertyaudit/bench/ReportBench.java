package com.propertyaudit.bench;

import com.propertyaudit.domain.AuditQuery;
import com.propertyaudit.domain.Competitor;
import com.propertyaudit.domain.Property;
import com.propertyaudit.domain.Surface;
import com.propertyaudit.engine.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * A 5,000-answer batch exported to PDF and CSV (not a test; prints times).
 * {@code ./mvnw -q test-compile exec:java -Dexec.mainClass=com.propertyaudit.bench.ReportBench}
 */
public final class ReportBench {

    public static void main(String[] args) throws Exception {
        Path home = Files.createTempDirectory("report-bench");
        Property p = new Property("Bench Lofts", List.of(), List.of("benchlofts.com"), null,
                IntStream.range(0, 10).mapToObj(i -> Competitor.named("Rival " + i)).toList(),
                IntStream.range(0, 250).mapToObj(i -> new AuditQuery("question " + i, null)).toList());
        try (Workspace ws = Workspace.open(home, null, Map.of())) {
            ws.properties().save(p);
            UUID id = InsightsBench.batch(ws, p, List.of(Surface.parse("openai:gpt-5"),
                    Surface.parse("anthropic:claude-sonnet-4-5")), 10, Instant.parse("2026-01-01T00:00:00Z"), new Random(3));
            for (int round = 1; round <= 3; round++) {
                long t0 = System.nanoTime();
                ws.reports().pdf(id, home.resolve("report.pdf"));
                long t1 = System.nanoTime();
                ws.reports().csv(id, home.resolve("report.zip"));
                long t2 = System.nanoTime();
                System.out.printf(Locale.ROOT, "round %d: %d answers -> PDF %.2f s (%d KB), CSV zip %.2f s%n", round,
                        ws.answers().count(id), (t1 - t0) / 1e9, Files.size(home.resolve("report.pdf")) / 1024,
                        (t2 - t1) / 1e9);
            }
        }
    }
}
