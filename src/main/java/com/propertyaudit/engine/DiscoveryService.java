package com.propertyaudit.engine;

import com.propertyaudit.analysis.discovery.CompetitorDiscovery;
import com.propertyaudit.analysis.discovery.DiscoveredName;
import com.propertyaudit.analysis.discovery.DiscoveryInput;
import com.propertyaudit.domain.Batch;
import com.propertyaudit.domain.Competitor;
import com.propertyaudit.domain.Property;
import com.propertyaudit.domain.Run;
import com.propertyaudit.domain.StoredAnswer;
import com.propertyaudit.store.AnswerRepository;
import com.propertyaudit.store.BatchRepository;
import com.propertyaudit.store.PropertyRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The communities a batch's answers put forward that the property does not track (no model asked). */
public final class DiscoveryService {

    private final PropertyRepository properties;
    private final BatchRepository batches;
    private final AnswerRepository answers;

    public DiscoveryService(PropertyRepository properties, BatchRepository batches, AnswerRepository answers) {
        this.properties = properties;
        this.batches = batches;
        this.answers = answers;
    }

    /** Most-named first; empty for an unknown batch. */
    public List<DiscoveredName> discovered(UUID batchId) {
        Batch batch = batches.find(batchId).orElse(null);
        if (batch == null) return List.of();
        Map<UUID, String> surfaceOfRun = new HashMap<>();
        for (Run r : batches.runs(batchId)) surfaceOfRun.put(r.id(), r.surface().id());
        List<DiscoveryInput> inputs = new ArrayList<>();
        for (StoredAnswer a : answers.forBatch(batchId, AnswerRepository.Detail.FULL)) {
            if (!a.answer().outcome().isAnswer()) continue;
            inputs.add(new DiscoveryInput(surfaceOfRun.get(a.answer().runId()), a.answer().text(), a.score().citedDomains()));
        }
        return CompetitorDiscovery.discover(tracked(batch), inputs);
    }

    /** The batch's snapshot with the competitors tracked since added, so a name once tracked is not offered again. */
    private Property tracked(Batch batch) {
        Property snapshot = batch.snapshot();
        Property now = properties.findByName(batch.propertyName()).orElse(null);
        if (now == null) return snapshot;
        List<Competitor> all = new ArrayList<>(snapshot.competitors());
        for (Competitor c : now.competitors()) {
            if (all.stream().noneMatch(x -> x.name().equalsIgnoreCase(c.name()))) all.add(c);
        }
        return snapshot.withCompetitors(all);
    }
}
