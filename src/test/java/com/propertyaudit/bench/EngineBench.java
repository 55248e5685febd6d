package com.propertyaudit.bench;

import com.propertyaudit.domain.AuditQuery;
import com.propertyaudit.domain.BatchStatus;
import com.propertyaudit.domain.Property;
import com.propertyaudit.domain.Surface;
import com.propertyaudit.engine.BatchHandle;
import com.propertyaudit.engine.EngineOptions;
import com.propertyaudit.engine.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * The engine against a local stand-in with a set latency (not a test; prints numbers):
 * 2 surfaces × 18 queries at 500 ms a request, run one after another, the old way (surfaces side
 * by side, queries one at a time) and ours; then against a stand-in limited to 60 requests a minute.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.mainClass=com.propertyaudit.bench.EngineBench</pre>
 */
public final class EngineBench {

    static final List<Surface> SURFACES = List.of(Surface.parse("openai:gpt-5"),
            Surface.parse("anthropic:claude-sonnet-4-5+web"));

    public static void main(String[] args) throws Exception {
        boolean skipLimited = args.length > 0 && args[0].equals("--no-limit");
        Property property = new Property("Domain San Diego", List.of(), List.of("domainsandiego.com"), null,
                List.of(), IntStream.range(0, 18).mapToObj(i -> new AuditQuery("question " + i, null)).toList());
        try (StandInServer standIn = new StandInServer(0, 500, 0, List.of("Domain San Diego", "Pinnacle on the Park"))) {
            double sequential = 0;
            for (Surface s : SURFACES) sequential += time(standIn, property, List.of(s), 1);
            double oldDesign = time(standIn, property, SURFACES, 1);
            double ours = time(standIn, property, SURFACES, 8);
            System.out.printf(Locale.ROOT, "2 surfaces x 18 queries, 500 ms per request:%n");
            System.out.printf(Locale.ROOT, "  one after another:                        %6.2f s%n", sequential);
            System.out.printf(Locale.ROOT, "  old design (surfaces side by side, 1/run): %6.2f s%n", oldDesign);
            System.out.printf(Locale.ROOT, "  ours (concurrency 8 per provider):         %6.2f s  (%.1fx the old design; ideal %.2f s)%n",
                    ours, oldDesign / ours, Math.ceil(18 / 8.0) * 0.5);
            System.out.printf(Locale.ROOT, "  most requests in flight at once at the stand-in: %d%n", standIn.maxInFlight());
        }
        if (skipLimited) return;
        try (StandInServer limited = new StandInServer(0, 100, 60, List.of("Domain San Diego"))) {
            Property p80 = property.withQueries(IntStream.range(0, 40)
                    .mapToObj(i -> new AuditQuery("question " + i, null)).toList());
            double seconds = time(limited, p80, SURFACES, 8);
            int answered = limited.served();
            // The first minute admits 60; each later request must wait for the window to slide,
            // so 80 requests cannot finish before 60 s plus one request's latency.
            double minimum = 60 + 0.1;
            System.out.printf(Locale.ROOT, "Stand-in limited to 60 requests/min, 80 requests at 100 ms:%n");
            System.out.printf(Locale.ROOT, "  %.1f s (the limit allows no less than %.1f s: %.1f%% over), %d answered,"
                    + " %d rate-limited attempts retried, failed answers: %d%n", seconds, minimum,
                    (seconds / minimum - 1) * 100, answered, limited.limited(), 80 - answered);
        }
    }

    static double time(StandInServer standIn, Property property, List<Surface> surfaces, int concurrency)
            throws Exception {
        Path home = Files.createTempDirectory("engine-bench");
        Map<String, String> env = new HashMap<>();
        env.put("OPENAI_BASE_URL", standIn.openAiBaseUrl());
        env.put("ANTHROPIC_BASE_URL", standIn.anthropicBaseUrl());
        env.put("OPENAI_API_KEY", "sk-bench");
        env.put("ANTHROPIC_API_KEY", "sk-ant-bench");
        try (Workspace ws = Workspace.open(home, null, env)) {
            ws.properties().save(property);
            var engine = ws.engine(EngineOptions.defaults().withConcurrency(concurrency));
            long t0 = System.nanoTime();
            BatchHandle h = engine.start(property, surfaces, 1, "{}", e -> { });
            BatchStatus status = h.done().get(10, TimeUnit.MINUTES);
            double s = (System.nanoTime() - t0) / 1e9;
            if (status != BatchStatus.COMPLETE) System.out.println("  (batch ended " + status.id() + ")");
            return s;
        }
    }
}
