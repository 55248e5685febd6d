package com.propertyaudit.tracking;

import com.propertyaudit.domain.Answer;
import com.propertyaudit.domain.AnswerOutcome;
import com.propertyaudit.domain.AnswerScore;
import com.propertyaudit.domain.AuditQuery;
import com.propertyaudit.domain.Batch;
import com.propertyaudit.domain.Competitor;
import com.propertyaudit.domain.EntityRank;
import com.propertyaudit.domain.Mention;
import com.propertyaudit.domain.Property;
import com.propertyaudit.domain.Run;
import com.propertyaudit.domain.RunStatus;
import com.propertyaudit.domain.Surface;
import com.propertyaudit.engine.Workspace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.stream.IntStream;

/** Hand-made scored batches in a real H2 store: which (query, surface) answers name the brand is given. */
final class Batches {

    private Batches() {}

    static Property property(String name, int queries, String queryPrefix) {
        return new Property(name, List.of(), List.of(), null, List.of(Competitor.named("Rival Court")),
                IntStream.range(0, queries).mapToObj(i -> new AuditQuery(queryPrefix + " " + i, null)).toList());
    }

    /** A completed batch; {@code names.test(query, surfaceIndex)} says whether that answer names the brand. */
    static UUID batch(Workspace ws, Property p, List<String> surfaceIds, Instant at, BiPredicate<Integer, Integer> names) {
        List<Surface> surfaces = surfaceIds.stream().map(Surface::parse).toList();
        Batch batch = new Batch(UUID.randomUUID(), p.name(), p, 1, "{}", at, at);
        List<Run> runs = new ArrayList<>();
        for (Surface s : surfaces) runs.add(Run.queued(batch.id(), surfaces.size(), s, p.queries().size()));
        ws.batches().create(batch, runs, "test");
        for (int si = 0; si < runs.size(); si++) {
            Run r = runs.get(si);
            for (int q = 0; q < p.queries().size(); q++) {
                boolean brand = names.test(q, si);
                List<Mention> mentions = new ArrayList<>();
                if (brand) mentions.add(new Mention(p.name(), true, 0, 5));
                mentions.add(new Mention("Rival Court", false, 10, 20));
                AnswerScore score = new AnswerScore(brand, brand ? 1 : null, false, List.of(new EntityRank("Rival Court",
                        brand ? 2 : 1)), List.of(), brand ? 80.0 : 10.0, mentions);
                ws.answers().save(new Answer(0, r.id(), q, p.queries().get(q).text(), null, 1, AnswerOutcome.COMPLETED,
                        "text", List.of(), "{}", "{}", "stop", null, null, 100, 10, 100, at, List.of()), score);
            }
            ws.runs().finish(r.id(), RunStatus.COMPLETED, at, null, (in, out) -> 0);
        }
        ws.batches().finish(batch.id(), at);
        return batch.id();
    }
}
