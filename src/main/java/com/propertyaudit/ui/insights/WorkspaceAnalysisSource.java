package com.propertyaudit.ui.insights;

import com.propertyaudit.analysis.ai.AnalysisRecord;
import com.propertyaudit.analysis.ai.SentimentCounts;
import com.propertyaudit.analysis.discovery.DiscoveredName;
import com.propertyaudit.domain.Batch;
import com.propertyaudit.domain.Competitor;
import com.propertyaudit.domain.Property;
import com.propertyaudit.domain.Surface;
import com.propertyaudit.engine.Workspace;
import com.propertyaudit.settings.AppSettings;
import com.propertyaudit.store.BatchSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The AI-analysis section's data and actions, from the workspace. */
final class WorkspaceAnalysisSource implements AnalysisSectionModel.Source {

    private final Workspace ws;

    WorkspaceAnalysisSource(Workspace ws) {
        this.ws = ws;
    }

    @Override
    public Optional<AnalysisRecord> analysis(UUID batchId) {
        return ws.analysis().latest(batchId);
    }

    @Override
    public List<DiscoveredName> discovered(UUID batchId) {
        return ws.discovery().discovered(batchId);
    }

    @Override
    public Map<String, SentimentCounts> sentiment(UUID batchId) {
        return ws.analysis().sentiment(batchId);
    }

    @Override
    public AnalysisRecord analyze(UUID batchId, Surface surface) {
        ws.requireKeys(List.of(surface));
        return ws.analysis().analyze(batchId, surface);
    }

    @Override
    public int track(UUID batchId, String name) {
        Batch batch = ws.batches().find(batchId).orElseThrow(() -> new IllegalArgumentException("The batch was deleted."));
        Property p = ws.properties().findByName(batch.propertyName()).orElseThrow(() -> new IllegalArgumentException(
                "The property " + batch.propertyName() + " was deleted, so there is nothing to add " + name + " to."));
        if (p.competitors().stream().noneMatch(c -> c.name().equalsIgnoreCase(name))) {
            List<Competitor> competitors = new ArrayList<>(p.competitors());
            competitors.add(Competitor.named(name));
            ws.properties().save(p.withCompetitors(competitors));
        }
        int n = 0;
        for (BatchSummary b : ws.batches().list(p.name())) {
            ws.insights().rescore(b.batchId(), p.name());
            n++;
        }
        return n;
    }

    @Override
    public Optional<Surface> surface() {
        String s = settings().surface();
        try {
            return s == null ? Optional.empty() : Optional.of(Surface.parse(s));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean afterEachBatch() {
        return settings().afterEachBatch();
    }

    private AppSettings.Analysis settings() {
        return ws.settings().analysis();
    }
}
