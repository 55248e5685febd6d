package com.propertyaudit.bench;

import com.propertyaudit.domain.AuditQuery;
import com.propertyaudit.domain.BatchStatus;
import com.propertyaudit.domain.Property;
import com.propertyaudit.domain.Surface;
import com.propertyaudit.engine.BatchHandle;
import com.propertyaudit.engine.EngineEvent;
import com.propertyaudit.engine.EngineOptions;
import com.propertyaudit.engine.Workspace;
import com.propertyaudit.engine.pacing.Cost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The engine against the local stand-in, which sends the providers' real rate-limit headers (not a
 * test; prints numbers). 2 surfaces (OpenAI, Anthropic) × 54 queries at 500 ms a request:
 * (a) generous limits, a fixed 8 in flight against Auto; (b) 20 requests per 5-second window per
 * provider, against the floor that limit allows; (c) a tokens limit that allows ten of the answers
 * asked for (prompt and 4,096 completion tokens) per 5-second window.
 *
 * <pre>./mvnw -q test-compile exec:java -Dexec.mainClass=com.propertyaudit.bench.EngineBench</pre>
 */
public final class EngineBench {

    static final List<Surface> SURFACES = List.of(Surface.parse("openai:gpt-5"),
            Surface.parse("anthropic:claude-sonnet-4-5+web"));
    static final int QUERIES = 54;
    static final long LATENCY_MS = 500;
    static final Duration WINDOW = Duration.ofSeconds(5);

    record Result(double seconds, BatchStatus status, int served, int limited, String pacing) {}

    public static void main(String[] args) throws Exception {
        Property property = new Property("Domain San Diego", List.of(), List.of("domainsandiego.com"), null,
                List.of(), IntStream.range(0, QUERIES).mapToObj(i -> new AuditQuery("question " + i, null)).toList());
        int requests = SURFACES.size() * QUERIES;
        System.out.printf(Locale.ROOT, "%d surfaces x %d queries, %d ms a request (%d requests):%n", SURFACES.size(),
                QUERIES, LATENCY_MS, requests);

        // Warm-up (not printed): the first batch of a JVM pays for class loading and compilation.
        run(property.withQueries(property.queries().subList(0, 9)), EngineOptions.AUTO, 0, 0, WINDOW);

        System.out.println("(a) generous limits (10,000 requests and 10,000,000 tokens a minute per provider)");
        Result fixed = run(property, 8, 10_000, 10_000_000, Duration.ofMinutes(1));
        Result auto = run(property, EngineOptions.AUTO, 10_000, 10_000_000, Duration.ofMinutes(1));
        print("fixed 8", fixed, 0);
        print("Auto", auto, 0);
        System.out.printf(Locale.ROOT, "    Auto is %.1fx faster than a fixed 8%n", fixed.seconds() / auto.seconds());

        System.out.println("(b) 20 requests per 5-second window per provider");
        double floorB = floor(QUERIES, 20);
        Result b = run(property, EngineOptions.AUTO, 20, 0, WINDOW);
        print("Auto", b, floorB);

        // A request costs its prompt estimate plus the 4,096 completion tokens it asks for.
        long perAnswer = Cost.of("question 10", null, EngineOptions.defaults().maxOutputTokens()).promptTokens()
                + EngineOptions.defaults().maxOutputTokens();
        long tokens = 10 * perAnswer;
        System.out.printf(Locale.ROOT, "(c) %,d tokens per 5-second window per provider (ten answers of %,d)%n", tokens,
                perAnswer);
        Result c = run(property, EngineOptions.AUTO, 0, tokens, WINDOW);
        print("Auto", c, floor(QUERIES, 10));
    }

    /** The earliest the last of {@code n} requests can end when {@code perWindow} fit in a window. */
    static double floor(int n, int perWindow) {
        return ((n + perWindow - 1) / perWindow - 1) * WINDOW.toMillis() / 1000.0 + LATENCY_MS / 1000.0;
    }

    static void print(String label, Result r, double floor) {
        int requests = SURFACES.size() * QUERIES;
        System.out.printf(Locale.ROOT, "  %-8s %6.2f s%s, %s, %d answered, %d got a 429 (%.1f%% of %d)%n    %s%n",
                label, r.seconds(), floor == 0 ? "" : String.format(Locale.ROOT, " (floor %.1f s: %.2fx)", floor,
                        r.seconds() / floor), r.status().id(), r.served(), r.limited(),
                100.0 * r.limited() / requests, requests, r.pacing());
    }

    static Result run(Property property, int concurrency, int requests, long tokens, Duration window) throws Exception {
        try (StandInServer standIn = new StandInServer(0, LATENCY_MS, 0, List.of("Domain San Diego", "Pinnacle on the Park"))
                .limits(requests, tokens, window)) {
            Path home = Files.createTempDirectory("engine-bench");
            Map<String, String> env = new HashMap<>();
            env.put("OPENAI_BASE_URL", standIn.openAiBaseUrl());
            env.put("ANTHROPIC_BASE_URL", standIn.anthropicBaseUrl());
            env.put("OPENAI_API_KEY", "sk-bench");
            env.put("ANTHROPIC_API_KEY", "sk-ant-bench");
            List<EngineEvent.PacingSummary> pacing = new CopyOnWriteArrayList<>();
            try (Workspace ws = Workspace.open(home, null, env)) {
                ws.properties().save(property);
                var engine = ws.engine(EngineOptions.defaults().withConcurrency(concurrency));
                long t0 = System.nanoTime();
                BatchHandle h = engine.start(property, SURFACES, 1, concurrency, "{}", e -> {
                    if (e instanceof EngineEvent.PacingSummary p) pacing.add(p);
                });
                BatchStatus status = h.done().get(10, TimeUnit.MINUTES);
                double s = (System.nanoTime() - t0) / 1e9;
                String paced = pacing.stream().map(p -> String.format(Locale.ROOT, "%s at most %d in flight, %.1f s waiting",
                        p.provider().displayName(), p.peakInFlight(), p.waitedMs() / 1000.0)).collect(Collectors.joining("; "));
                return new Result(s, status, standIn.served(), standIn.limited(), paced);
            }
        }
    }
}
