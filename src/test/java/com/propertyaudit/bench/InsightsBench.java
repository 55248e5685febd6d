package com.propertyaudit.bench;

import com.propertyaudit.analysis.insights.InsightsJson;
import com.propertyaudit.domain.Answer;
import com.propertyaudit.domain.AnswerScore;
import com.propertyaudit.domain.AnswerOutcome;
import com.propertyaudit.domain.AuditQuery;
import com.propertyaudit.domain.Batch;
import com.propertyaudit.domain.EntityRank;
import com.propertyaudit.domain.Mention;
import com.propertyaudit.domain.Property;
import com.propertyaudit.domain.Run;
import com.propertyaudit.domain.RunStatus;
import com.propertyaudit.domain.Surface;
import com.propertyaudit.engine.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Insights of a 5,000-answer batch and the trend over 1,000 batches, on a generated H2 database
 * (not a test; prints median times). {@code ./mvnw -q test-compile exec:java
 * -Dexec.mainClass=com.propertyaudit.bench.InsightsBench}
 */
public final class InsightsBench {

    public static void main(String[] args) throws Exception {
        Path home = Files.createTempDirectory("insights-bench");
        Random random = new Random(7);
        Property p = new Property("Bench Lofts", List.of(), List.of("benchlofts.com"), null,
                IntStream.range(0, 10).mapToObj(i -> com.propertyaudit.domain.Competitor.named("Rival " + i)).toList(),
                IntStream.range(0, 250).mapToObj(i -> new AuditQuery("question " + i, null)).toList());
        List<Surface> surfaces = List.of(Surface.parse("openai:gpt-5"), Surface.parse("anthropic:claude-sonnet-4-5"));
        try (Workspace ws = Workspace.open(home, null, Map.of())) {
            ws.properties().save(p);
            UUID big = batch(ws, p, surfaces, 10, Instant.parse("2026-01-01T00:00:00Z"), random);
            long[] t = new long[15];
            for (int i = 0; i < t.length; i++) {
                long t0 = System.nanoTime();
                InsightsJson.toJson(ws.insights().insights(big).orElseThrow());
                t[i] = System.nanoTime() - t0;
            }
            System.out.printf(Locale.ROOT, "Insights of a batch of %d answers: median %.1f ms (of %d runs, after warm-up)%n",
                    ws.answers().count(big), median(Arrays.copyOfRange(t, 5, t.length)), t.length - 5);

            Property small = p.withQueries(p.queries().subList(0, 3));
            for (int b = 0; b < 999; b++) {
                batch(ws, small, surfaces, 1, Instant.parse("2026-01-02T00:00:00Z").plusSeconds(b * 3600L), random);
            }
            long[] tt = new long[10];
            for (int i = 0; i < tt.length; i++) {
                long t0 = System.nanoTime();
                int points = ws.insights().trend(p.name()).size();
                tt[i] = System.nanoTime() - t0;
                if (i == 0) System.out.printf(Locale.ROOT, "Trend points: %d%n", points);
            }
            System.out.printf(Locale.ROOT, "Trend over 1,000 batches: median %.1f ms%n",
                    median(Arrays.copyOfRange(tt, 3, tt.length)));
        }
    }

    static UUID batch(Workspace ws, Property p, List<Surface> surfaces, int samples, Instant at, Random random) {
        Batch batch = new Batch(UUID.randomUUID(), p.name(), p, samples, "{}", at, at);
        List<Run> runs = new ArrayList<>();
        for (Surface s : surfaces) runs.add(Run.queued(batch.id(), surfaces.size(), s, p.queries().size() * samples));
        ws.batches().create(batch, runs, "bench");
        for (Run r : runs) {
            for (int q = 0; q < p.queries().size(); q++) {
                for (int s = 1; s <= samples; s++) {
                    boolean brand = random.nextBoolean();
                    List<EntityRank> comps = new ArrayList<>();
                    List<Mention> mentions = new ArrayList<>();
                    int rank = 1;
                    if (brand) mentions.add(new Mention(p.name(), true, 0, 5));
                    for (int c = 0; c < 3; c++) {
                        String name = "Rival " + random.nextInt(10);
                        if (comps.stream().noneMatch(e -> e.name().equals(name))) {
                            comps.add(new EntityRank(name, ++rank));
                            mentions.add(new Mention(name, false, 10 * rank, 10 * rank + 5));
                        }
                    }
                    AnswerScore score = new AnswerScore(brand, brand ? 1 : null, false, comps,
                            List.of("yelp.com", "site" + random.nextInt(20) + ".com"), brand ? 80.0 : 0.0, mentions);
                    ws.answers().save(new Answer(0, r.id(), q, p.queries().get(q).text(), null, s, AnswerOutcome.COMPLETED,
                            "text", List.of(), "{}", "{}", "stop", null, null, 100, 10, 100, at, List.of()), score);
                }
            }
            ws.runs().finish(r.id(), RunStatus.COMPLETED, at, null, (in, out) -> 0);
        }
        return batch.id();
    }

    static double median(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[s.length / 2] / 1e6;
    }
}
