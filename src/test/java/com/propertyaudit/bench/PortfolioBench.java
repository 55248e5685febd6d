package com.propertyaudit.bench;

import com.propertyaudit.domain.AuditQuery;
import com.propertyaudit.domain.Property;
import com.propertyaudit.domain.Surface;
import com.propertyaudit.engine.Workspace;
import com.propertyaudit.tracking.Tracking;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * The portfolio of 200 properties with 100 batches each (two surfaces, three queries), on a generated
 * H2 database (not a test; prints times). The first open computes and stores every property's change;
 * later opens read it. {@code ./mvnw -q test-compile exec:java -Dexec.mainClass=com.propertyaudit.bench.PortfolioBench}
 */
public final class PortfolioBench {

    public static void main(String[] args) throws Exception {
        int properties = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int batches = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        Path home = Files.createTempDirectory("portfolio-bench");
        Random random = new Random(11);
        List<Surface> surfaces = List.of(Surface.parse("openai:gpt-5"), Surface.parse("anthropic:claude-sonnet-4-5"));
        try (Workspace ws = Workspace.open(home, null, Map.of());
                Tracking tracking = new Tracking(ws, Map.of(), Clock.systemUTC())) {
            long g0 = System.nanoTime();
            for (int p = 0; p < properties; p++) {
                Property prop = new Property("Bench Property " + p, List.of(), List.of(), null,
                        IntStream.range(0, 4).mapToObj(i -> com.propertyaudit.domain.Competitor.named("Rival " + i)).toList(),
                        IntStream.range(0, 3).mapToObj(i -> new AuditQuery("question " + i, null)).toList());
                ws.properties().save(prop);
                for (int b = 0; b < batches; b++) {
                    InsightsBench.batch(ws, prop, surfaces, 1, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(b * 3600L),
                            random);
                }
            }
            System.out.printf(Locale.ROOT, "Generated %d properties x %d batches in %.0f s%n", properties, batches,
                    (System.nanoTime() - g0) / 1e9);
            long c0 = System.nanoTime();
            int rows = tracking.portfolio().size();
            System.out.printf(Locale.ROOT, "First open (computes and stores %d changes): %.0f ms%n", rows,
                    (System.nanoTime() - c0) / 1e6);
            long[] t = new long[12];
            for (int i = 0; i < t.length; i++) {
                long t0 = System.nanoTime();
                tracking.portfolio();
                t[i] = System.nanoTime() - t0;
            }
            System.out.printf(Locale.ROOT, "Open with stored changes: median %.1f ms, worst %.1f ms (of %d, after 2 warm-up)%n",
                    InsightsBench.median(Arrays.copyOfRange(t, 2, t.length)),
                    Arrays.stream(t, 2, t.length).max().orElse(0) / 1e6, t.length - 2);
        } finally {
            // The generated folder holds gigabytes: it goes once measured.
            try (var files = Files.walk(home)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
