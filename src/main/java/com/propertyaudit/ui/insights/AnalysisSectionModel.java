package com.propertyaudit.ui.insights;

import com.propertyaudit.analysis.ai.AnalysisRecord;
import com.propertyaudit.analysis.ai.SentimentCounts;
import com.propertyaudit.analysis.discovery.DiscoveredName;
import com.propertyaudit.domain.Surface;
import com.propertyaudit.engine.EngineEvent;
import com.propertyaudit.ui.FxTasks;
import com.propertyaudit.ui.common.Background;
import com.propertyaudit.ui.common.Feedback;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The AI-analysis section of the Insights screen: the batch's latest analysis attempt, the names the
 * answers put forward that are not tracked, and the sentiment counts; running the analysis (by
 * hand, or by itself after each batch when the settings say so) and tracking a discovered name.
 */
public final class AnalysisSectionModel {

    /** What the section reads and does; the workspace's services behind it. */
    public interface Source {
        Optional<AnalysisRecord> analysis(UUID batchId);

        List<DiscoveredName> discovered(UUID batchId);

        Map<String, SentimentCounts> sentiment(UUID batchId);

        AnalysisRecord analyze(UUID batchId, Surface surface);

        /** Adds the name as a competitor of the batch's property and re-scores its stored batches; returns how many. */
        int track(UUID batchId, String name);

        /** The analysis surface of the settings, and whether it runs after each batch. */
        Optional<Surface> surface();

        boolean afterEachBatch();
    }

    private final Source source;
    private final Background background;
    private final Background analyses;
    private final Feedback feedback;
    private Runnable insightsChanged;
    public final ObjectProperty<UUID> batchId = new SimpleObjectProperty<>();
    public final ObjectProperty<AnalysisRecord> record = new SimpleObjectProperty<>();
    public final ObservableList<DiscoveredName> discovered = FXCollections.observableArrayList();
    public final ObjectProperty<Map<String, SentimentCounts>> sentiment = new SimpleObjectProperty<>(Map.of());
    public final BooleanProperty running = new SimpleBooleanProperty();
    public final StringProperty meta = new SimpleStringProperty("");
    public final StringProperty runLabel = new SimpleStringProperty("Run analysis");

    /**
     * @param background reads of the store
     * @param analyses   where analyses run: they wait minutes on a model, so not on the readers' threads
     */
    public AnalysisSectionModel(Source source, Background background, Background analyses, Feedback feedback,
            Runnable insightsChanged) {
        this.source = source;
        this.background = background;
        this.analyses = analyses;
        this.feedback = feedback;
        this.insightsChanged = insightsChanged;
        record.addListener((o, was, now) -> {
            meta.set(describe(now, source.surface()));
            runLabel.set(now == null ? "Run analysis" : now.status() == AnalysisRecord.Status.FAILED ? "Retry" : "Re-run");
        });
        meta.set(describe(null, source.surface()));
    }

    /** What to do once a tracked name has changed the insights (the Insights screen reloads). */
    public void onInsightsChanged(Runnable changed) {
        this.insightsChanged = changed;
    }

    /** Follows a batch (null: none). */
    public void show(UUID id) {
        batchId.set(id);
        reload();
    }

    public void reload() {
        UUID id = batchId.get();
        if (id == null) {
            record.set(null);
            discovered.clear();
            sentiment.set(Map.of());
            return;
        }
        background.run(() -> new Loaded(source.analysis(id).orElse(null), source.discovered(id), source.sentiment(id)),
                l -> {
                    if (!id.equals(batchId.get())) return;
                    record.set(l.record);
                    discovered.setAll(l.discovered);
                    sentiment.set(l.sentiment);
                }, e -> feedback.error("The AI analysis could not be read", FxTasks.describe(e)));
    }

    private record Loaded(AnalysisRecord record, List<DiscoveredName> discovered, Map<String, SentimentCounts> sentiment) {}

    /** Runs (or re-runs, or retries) the analysis of the batch shown with the surface of the settings. */
    public void run() {
        UUID id = batchId.get();
        Optional<Surface> surface = source.surface();
        if (id == null) return;
        if (surface.isEmpty()) {
            feedback.error("No analysis surface", "Choose the analysis surface in Settings (simulated:demo works offline),"
                    + " then run the analysis.");
            return;
        }
        analyze(id, surface.get());
    }

    private void analyze(UUID id, Surface surface) {
        running.set(true);
        analyses.run(() -> source.analyze(id, surface), r -> {
            running.set(false);
            if (id.equals(batchId.get())) reload();
        }, e -> {
            running.set(false);
            feedback.error("The AI analysis could not run", FxTasks.describe(e));
        });
    }

    /** After each batch, when the settings say so: the analysis starts once its last run has ended. */
    public void onEvents(List<EngineEvent> events) {
        for (EngineEvent e : events) {
            if (!(e instanceof EngineEvent.BatchFinished f)) continue;
            if (source.afterEachBatch() && source.surface().isPresent()) analyze(f.batchId(), source.surface().get());
            else if (f.batchId().equals(batchId.get())) reload();
        }
    }

    /** Adds a discovered name to the property and re-scores its stored batches offline. */
    public void track(DiscoveredName name) {
        UUID id = batchId.get();
        if (id == null) return;
        background.run(() -> source.track(id, name.name()), n -> {
            feedback.notice("Now tracked", name.name() + " is a competitor now; " + n + " stored batch(es) were"
                    + " re-scored offline.", null, null);
            insightsChanged.run();
            reload();
        }, e -> feedback.error("The competitor could not be added", FxTasks.describe(e)));
    }

    /** "Generated by gpt-5 (openai:gpt-5) on 2026-12-02 10:00 · cost $0.0245 · 1 item dropped". */
    static String describe(AnalysisRecord r, Optional<Surface> configured) {
        if (r == null) {
            return configured.map(s -> "No AI analysis of this batch yet. Run it with " + s.id() + ".")
                    .orElse("No AI analysis of this batch yet. Choose the analysis surface in Settings to run it.");
        }
        String when = r.createdAt().toString().substring(0, 16).replace('T', ' ');
        String by = r.simulated() ? "Generated by the Simulated analyst (offline, not a model)"
                : "Generated by " + r.model() + " (" + r.surface() + ")";
        int dropped = r.analysis() == null ? 0 : r.analysis().droppedItems();
        return String.format(Locale.ROOT, "%s on %s · cost $%.4f · %d item%s dropped (evidence not in the batch)", by,
                when, r.costUsd(), dropped, dropped == 1 ? "" : "s");
    }

    /** "3 positive · 1 neutral · 0 negative", or a dash when none was judged. */
    public static String sentimentText(SentimentCounts c) {
        if (c == null || c.total() == 0) return "-";
        return c.positive() + " positive · " + c.neutral() + " neutral · " + c.negative() + " negative";
    }

}
