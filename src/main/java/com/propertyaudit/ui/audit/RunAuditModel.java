package com.propertyaudit.ui.audit;

import com.propertyaudit.domain.BatchStatus;
import com.propertyaudit.domain.Property;
import com.propertyaudit.domain.Provider;
import com.propertyaudit.domain.Surface;
import com.propertyaudit.engine.AnalysisService;
import com.propertyaudit.engine.BatchHandle;
import com.propertyaudit.engine.EngineEvent;
import com.propertyaudit.engine.EngineOptions;
import com.propertyaudit.engine.RunHandle;
import com.propertyaudit.llm.ModelRetirements;
import com.propertyaudit.llm.PriceTable;
import com.propertyaudit.ui.FxTasks;
import com.propertyaudit.ui.common.Background;
import com.propertyaudit.ui.common.Feedback;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The state of the Run Audit screen: what will run, and while it runs, progress per surface and
 * per query and the engine's log. Engine events arrive in batches from the bridge ({@link #apply}).
 */
public final class RunAuditModel {

    /** The surfaces always offered; the Simulated ones need no key. Settings' default surfaces join them. */
    public static final List<String> OFFERED = List.of("simulated:demo", "simulated:demo+web", "openai:gpt-5-mini", "openai:gpt-5",
            "openai:gpt-5+web", "anthropic:claude-sonnet-4-6", "anthropic:claude-sonnet-4-6+web", "gemini:gemini-2.5-flash",
            "gemini:gemini-2.5-flash+web", "perplexity:sonar", "local:llama3.2");

    /** Rough sizes for the estimate: a renter's question in, a few paragraphs out. */
    static final int EST_INPUT_TOKENS = 40;
    static final int EST_OUTPUT_TOKENS = 900;

    /** One query's row: its samples across every surface. */
    public static final class QueryRow {
        public final int index;
        public final String text;
        public final IntegerProperty done = new SimpleIntegerProperty();
        public final IntegerProperty failed = new SimpleIntegerProperty();
        public final IntegerProperty named = new SimpleIntegerProperty();
        public final DoubleProperty progress = new SimpleDoubleProperty();
        public final StringProperty latency = new SimpleStringProperty("");
        public final StringProperty score = new SimpleStringProperty("");
        public final StringProperty status = new SimpleStringProperty("waiting");
        private final int total;
        private double scoreSum;

        QueryRow(int index, String text, int total) {
            this.index = index;
            this.text = text;
            this.total = total;
        }

        void finished(long latencyMs, boolean brand, double s) {
            done.set(done.get() + 1);
            if (brand) named.set(named.get() + 1);
            scoreSum += s;
            int ok = done.get() - failed.get();
            score.set(ok == 0 ? "" : String.format(Locale.ROOT, "%.1f", scoreSum / ok));
            latency.set(String.format(Locale.ROOT, "%.1f s", latencyMs / 1000.0));
            update();
        }

        void failed() {
            done.set(done.get() + 1);
            failed.set(failed.get() + 1);
            update();
        }

        void started() {
            if (done.get() == 0) status.set("running");
        }

        /** The batch ended before this query was answered everywhere (cancelled, or a run failed). */
        void stopped() {
            if (done.get() < total) status.set("stopped");
        }

        private void update() {
            progress.set(total == 0 ? 1 : (double) done.get() / total);
            status.set(done.get() < total ? "running" : failed.get() > 0 ? "left out " + failed.get() : "done");
        }
    }

    /** One surface's progress bar, for its run. */
    public static final class SurfaceProgress {
        public final RunHandle run;
        public final DoubleProperty progress = new SimpleDoubleProperty();
        public final StringProperty label = new SimpleStringProperty();

        SurfaceProgress(RunHandle run) {
            this.run = run;
            label.set(run.surface().label() + ": 0/" + run.total());
        }
    }

    /** The chosen surfaces need keys that are not set; the sentence says where to set them in the app. */
    static final class MissingKey extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MissingKey(List<String> variables) {
            super("No API key for " + String.join(" and ", variables) + ": enter it in Settings (or set the"
                    + " environment variable before starting PropertyAudit), or tick a Simulated surface to try"
                    + " without keys.");
        }
    }

    private final Launch launch;
    private final Background background;
    private final Feedback feedback;
    /** The stored properties' names, and the one chosen. */
    public final ObservableList<String> propertyNames = FXCollections.observableArrayList();
    public final StringProperty propertyName = new SimpleStringProperty();
    /** The chosen property as last read; what Run Audit sends. */
    private Property selected;
    private BatchHandle handle;
    /** The property of the batch running or last run, for its notice. */
    private String runProperty = "";
    /** Requests in flight as Settings last said, to follow a change made there. */
    private int settingsConcurrency;
    private boolean refreshing;
    public final ObservableList<String> chosen = FXCollections.observableArrayList();
    /** The surfaces offered: {@link #OFFERED} and the default surfaces of Settings (models from the providers' lists). */
    public final ObservableList<String> offered = FXCollections.observableArrayList(OFFERED);
    /** Retirement warnings for the chosen surfaces; empty when none. */
    public final StringProperty warnings = new SimpleStringProperty("");
    public final IntegerProperty samples = new SimpleIntegerProperty(1);
    public final IntegerProperty concurrency = new SimpleIntegerProperty(EngineOptions.AUTO);
    /**
     * Per provider, one line: requests in flight, the limit found and "waiting for the rate limit"
     * while it paces; at the batch's end the most in flight and the time spent waiting.
     */
    public final StringProperty pacing = new SimpleStringProperty("");
    private final Map<Provider, String> pacingLines = new EnumMap<>(Provider.class);
    public final IntegerProperty queryCount = new SimpleIntegerProperty();
    public final BooleanProperty running = new SimpleBooleanProperty();
    public final ObjectProperty<UUID> batchId = new SimpleObjectProperty<>();
    public final ObjectProperty<BatchStatus> finishedStatus = new SimpleObjectProperty<>();
    public final ObservableList<QueryRow> rows = FXCollections.observableArrayList();
    public final ObservableList<SurfaceProgress> surfaces = FXCollections.observableArrayList();
    public final ObservableList<String> log = FXCollections.observableArrayList();
    private final Map<UUID, SurfaceProgress> byRun = new LinkedHashMap<>();
    private final List<EngineEvent> early = new ArrayList<>();
    private boolean starting;

    public RunAuditModel(Launch launch, Background background, Feedback feedback) {
        this.launch = launch;
        this.background = background;
        this.feedback = feedback;
        // The analyst's choice is read at once; a refresh reads its own choice itself.
        propertyName.addListener((o, was, now) -> {
            if (!refreshing) load(now, null);
        });
    }

    /** Ticks the default surfaces and takes the concurrency from Settings; reads the properties. */
    public void open() {
        background.run(launch::defaultSurfaces, defaults -> {
            for (String s : defaults) if (!offered.contains(s)) offered.add(s);
            chosen.setAll(defaults);
        }, e -> feedback.error("The OS keychain could not be read", FxTasks.describe(e)));
        chosen.addListener((javafx.collections.ListChangeListener<String>) c -> warnings.set(chosen.stream()
                .map(s -> ModelRetirements.warning(Surface.parse(s), LocalDate.now(ZoneOffset.UTC)))
                .flatMap(java.util.Optional::stream).collect(java.util.stream.Collectors.joining(" "))));
        refresh(null);
    }

    /** Reloads the property names and the chosen property; {@code then} (may be null) runs once it is read. */
    public void refresh(Runnable then) {
        background.run(() -> new Fresh(launch.propertyNames(), launch.settingsConcurrency()), fresh -> {
            String keep = propertyName.get();
            if (!fresh.names().equals(propertyNames)) propertyNames.setAll(fresh.names());
            String pick = keep != null && fresh.names().contains(keep) ? keep
                    : fresh.names().isEmpty() ? null : fresh.names().get(0);
            if (fresh.concurrency() != settingsConcurrency && !running.get()) {
                settingsConcurrency = fresh.concurrency();
                concurrency.set(fresh.concurrency());
            }
            refreshing = true;
            propertyName.set(pick);
            refreshing = false;
            load(pick, then);
        }, e -> feedback.error("Properties could not be read", FxTasks.describe(e)));
    }

    private record Fresh(List<String> names, int concurrency) {}

    /** Reads the chosen property; {@code then} runs once it is read, if it is still the one chosen. */
    private void load(String name, Runnable then) {
        if (name == null) return;
        background.run(() -> launch.property(name), p -> {
            if (!name.equals(propertyName.get())) return; // an answer for an earlier choice
            selected = p;
            queryCount.set(p.queries().size());
            if (then != null) then.run();
        }, e -> feedback.error("The property could not be read", FxTasks.describe(e)));
    }

    /** Run Audit: the chosen property on the chosen surfaces; a missing key stops it before any batch exists. */
    public void start() {
        if (running.get() || selected == null || chosen.isEmpty()) return;
        Property p = selected;
        List<Surface> surfaceList = chosen.stream().map(Surface::parse).toList();
        int n = samples.get();
        int inFlight = concurrency.get();
        handle = null;
        runProperty = p.name();
        starting();
        background.run(() -> launch.start(p, surfaceList, n, inFlight), h -> {
            handle = h;
            started(h.batchId(), p.queries().stream().map(q -> q.text()).toList(), h.runs());
        }, e -> {
            startFailed();
            if (e instanceof MissingKey) feedback.error("A key is missing", e.getMessage());
            else feedback.error("The audit could not start", FxTasks.describe(e));
        });
    }

    /** Stops the running batch; answers received are kept. */
    public void cancel() {
        if (handle != null) handle.cancel();
    }

    /** The property of the batch running or last run. */
    public String runProperty() {
        return runProperty;
    }

    /** The estimate, and the AI analysis after the batch when the settings run one (null: none). */
    public String estimate(PriceTable prices, Surface analysis) {
        String runs = estimate(prices);
        if (analysis == null || chosen.isEmpty()) return runs;
        int answers = queryCount.get() * samples.get() * chosen.size();
        if (analysis.provider() == Provider.SIMULATED) {
            return runs + " · then the AI analysis, free (Simulated analyst)";
        }
        return runs + String.format(Locale.ROOT, " · then the AI analysis with %s, about $%.2f%s", analysis.id(),
                AnalysisService.estimateUsd(prices, analysis, answers), prices.isKnown(analysis) ? "" : " (no price in Settings)");
    }

    /** "36 requests · about $0.12" — before anything is sent. */
    public String estimate(PriceTable prices) {
        int requests = queryCount.get() * samples.get() * chosen.size();
        double cost = 0;
        boolean unknown = false;
        for (String s : chosen) {
            Surface surface = Surface.parse(s);
            if (!prices.isKnown(surface)) unknown = true;
            cost += prices.requestFeeUsd(surface) * queryCount.get() * samples.get();
            cost += prices.costUsd(surface, (long) EST_INPUT_TOKENS * queryCount.get() * samples.get(),
                    (long) EST_OUTPUT_TOKENS * queryCount.get() * samples.get());
        }
        boolean simulatedOnly = chosen.stream().allMatch(s -> s.startsWith("simulated:"));
        if (simulatedOnly) return requests + " requests · free (offline Simulated answers)";
        return requests + " requests · about " + String.format(Locale.ROOT, "$%.2f", cost)
                + (unknown ? " (some models have no price in Settings)" : "");
    }

    /**
     * Run Audit was pressed: until {@link #started} names the batch, its first events (sent while
     * the engine creates it) are kept rather than dropped.
     */
    void starting() {
        starting = true;
        early.clear();
        running.set(true);
    }

    /** The batch could not be created. */
    void startFailed() {
        starting = false;
        early.clear();
        running.set(false);
    }

    /** A new batch started: one progress bar per run, one row per query. */
    void started(UUID batch, List<String> queryTexts, List<RunHandle> runs) {
        batchId.set(batch);
        finishedStatus.set(null);
        running.set(true);
        log.clear();
        byRun.clear();
        pacingLines.clear();
        pacing.set("");
        List<SurfaceProgress> bars = new ArrayList<>();
        for (RunHandle r : runs) {
            SurfaceProgress p = new SurfaceProgress(r);
            byRun.put(r.runId(), p);
            bars.add(p);
        }
        surfaces.setAll(bars);
        int perQuery = samples.get() * runs.size();
        rows.setAll(IntStream.range(0, queryTexts.size())
                .mapToObj(i -> new QueryRow(i, queryTexts.get(i), perQuery)).toList());
        starting = false;
        List<EngineEvent> kept = new ArrayList<>(early);
        early.clear();
        apply(kept);
    }

    /** Applies a batch of engine events (on the FX thread, from the bridge). */
    public void apply(List<EngineEvent> events) {
        for (EngineEvent e : events) {
            if (starting) {
                early.add(e);
                continue;
            }
            // Only the batch started here, and only until it ends (a later resume shows on Insights).
            if (!running.get() || batchId.get() == null || !batchId.get().equals(e.batchId())) continue;
            if (e instanceof EngineEvent.QueryStarted s) {
                row(s.queryIndex()).started();
            } else if (e instanceof EngineEvent.QueryFinished f && f.outcome().isAnswer()) {
                row(f.queryIndex()).finished(f.latencyMs(), f.brandMentioned(), f.score());
                progress(f.runId(), f.done(), f.total());
                if (f.note() != null) log.add("[" + f.surface().label() + "] query " + (f.queryIndex() + 1) + " "
                        + f.outcome().label() + ": " + f.note());
            } else if (e instanceof EngineEvent.QueryFinished f) {
                // A cut-off or empty reply is stored but left out of the numbers, like a failure.
                row(f.queryIndex()).failed();
                progress(f.runId(), f.done(), f.total());
                log.add("[" + f.surface().label() + "] query " + (f.queryIndex() + 1) + " " + f.outcome().label()
                        + ", not counted" + (f.note() == null ? "" : ": " + f.note()));
            } else if (e instanceof EngineEvent.QueryFailed f) {
                row(f.queryIndex()).failed();
                progress(f.runId(), f.done(), f.total());
                log.add("[" + f.surface().label() + "] query " + (f.queryIndex() + 1) + " failed: " + f.error());
            } else if (e instanceof EngineEvent.RunFinished r) {
                SurfaceProgress p = byRun.get(r.runId());
                if (p != null) p.label.set(r.surface().label() + ": " + r.status().id()
                        + (r.score() == null ? "" : String.format(Locale.ROOT, ", visibility score %.1f", r.score())));
                log.add("[" + r.surface().label() + "] run " + r.status().id() + (r.error() == null ? "" : ": " + r.error()));
            } else if (e instanceof EngineEvent.Pacing pc) {
                pacingLine(pc.provider(), pc.provider().displayName() + ": " + pc.state().describe());
            } else if (e instanceof EngineEvent.PacingSummary ps) {
                pacingLine(ps.provider(), String.format(Locale.ROOT, "%s: at most %d in flight (%s), %.1f s waiting"
                        + " for the rate limit", ps.provider().displayName(), ps.peakInFlight(),
                        ps.auto() ? "Auto, limit " + ps.limit() : "fixed at " + ps.limit(), ps.waitedMs() / 1000.0));
            } else if (e instanceof EngineEvent.Log l) {
                log.add(l.line());
            } else if (e instanceof EngineEvent.BatchFinished b) {
                rows.forEach(QueryRow::stopped);
                running.set(false);
                finishedStatus.set(b.status());
            }
        }
    }

    /** "Domain San Diego: 36 answers, 2 left out (cut off, empty or failed)." for the notice when a batch ends. */
    public String finishedSummary(String property) {
        int done = rows.stream().mapToInt(r -> r.done.get()).sum();
        int failed = rows.stream().mapToInt(r -> r.failed.get()).sum();
        String s = (property.isEmpty() ? "" : property + ": ") + (done - failed) + (done - failed == 1 ? " answer" : " answers")
                + (failed > 0 ? ", " + failed + " left out (cut off, empty or failed)" : "") + ".";
        BatchStatus st = finishedStatus.get();
        return st == BatchStatus.CANCELLED || st == BatchStatus.INTERRUPTED
                ? s + " History can resume the batch to ask for the rest." : s;
    }

    /** The notice's title: a stopped batch is not called finished, nor a failed one a success. */
    public String finishedTitle(BatchStatus status) {
        return switch (status) {
            case COMPLETE -> "Audit finished: complete";
            case CANCELLED -> "Audit stopped by you: cancelled";
            case INTERRUPTED -> "Audit stopped: interrupted";
            default -> "Audit ended: " + status.id();
        };
    }

    private void pacingLine(Provider provider, String line) {
        pacingLines.put(provider, line);
        pacing.set(String.join("\n", pacingLines.values()));
    }

    private QueryRow row(int index) {
        return rows.get(index);
    }

    private void progress(UUID runId, int done, int total) {
        SurfaceProgress p = byRun.get(runId);
        if (p == null) return;
        p.progress.set(total == 0 ? 1 : (double) done / total);
        p.label.set(p.run.surface().label() + ": " + done + "/" + total);
    }
}
