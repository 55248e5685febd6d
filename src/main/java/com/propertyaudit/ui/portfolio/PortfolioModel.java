package com.propertyaudit.ui.portfolio;

import com.propertyaudit.domain.Property;
import com.propertyaudit.domain.Surface;
import com.propertyaudit.engine.BatchHandle;
import com.propertyaudit.engine.EngineEvent;
import com.propertyaudit.tracking.PortfolioRow;
import com.propertyaudit.tracking.Schedule;
import com.propertyaudit.tracking.Tracking;
import com.propertyaudit.ui.AppContext;
import com.propertyaudit.ui.FxTasks;
import com.propertyaudit.ui.common.Background;
import com.propertyaudit.ui.common.Feedback;
import com.propertyaudit.ui.common.Navigation;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The Portfolio screen's state: the rows, what is running per property, the next scheduled audit.
 * Runs "Run now", "Run all" and the due schedules (while the app is open) on the one engine, so they
 * share the providers' limits; a batch that ends with a significant drop calls {@code onAlert}.
 */
public final class PortfolioModel {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PortfolioModel.class);

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final AppContext ctx;
    private final Background background;
    private final Feedback feedback;
    private final Navigation navigation;
    private final Timeline dueTimer;
    /** Another window, the CLI or another machine on a shared database may end a batch: looked for every few seconds. */
    private final Timeline pollTimer;
    private String seen;
    private final ObservableList<PortfolioRow> rows = FXCollections.observableArrayList();
    private final ObservableMap<String, String> progress = FXCollections.observableHashMap();
    private final StringProperty status = new SimpleStringProperty("");
    /** Batches started here, by id: their property, and answers done / expected per run. */
    private final Map<UUID, String> running = new HashMap<>();
    private final Map<UUID, Map<UUID, int[]>> counts = new HashMap<>();
    /** Problems of due schedules already reported, so a missing key is said once, not every minute. */
    private final Set<String> reported = new HashSet<>();

    public PortfolioModel(AppContext ctx, Background background, Feedback feedback, Navigation navigation) {
        this.ctx = ctx;
        this.background = background;
        this.feedback = feedback;
        this.navigation = navigation;
        this.dueTimer = new Timeline(new KeyFrame(Duration.minutes(1), e -> runDue()));
        dueTimer.setCycleCount(Animation.INDEFINITE);
        this.pollTimer = new Timeline(new KeyFrame(Duration.seconds(5), e -> pollForChanges()));
        pollTimer.setCycleCount(Animation.INDEFINITE);
    }

    /**
     * From the data folder's opening to the app's end, whichever screen is shown: ended batches are
     * followed (change, alert), and due schedules are looked for at once and then every minute.
     */
    public void start() {
        ctx.bridge().listen(this::onEvents);
        runDue();
        dueTimer.play();
        pollTimer.play();
    }

    public void stop() {
        dueTimer.stop();
        pollTimer.stop();
    }

    /** Refreshes when the batches changed elsewhere since the last refresh. */
    void pollForChanges() {
        if (seen == null || ctx.isClosed()) return;
        background.run(() -> ctx.workspace().batches().changeMark(), mark -> {
            if (seen != null && !mark.equals(seen)) refresh();
        }, e -> { }); // A poll that fails (the server is away a moment) is tried again at the next tick.
    }

    public ObservableList<PortfolioRow> rows() {
        return rows;
    }

    /** "running 12/36" per property with a batch started here. */
    public ObservableMap<String, String> progress() {
        return progress;
    }

    public StringProperty status() {
        return status;
    }

    public void refresh() {
        background.run(() -> new Snapshot(ctx.workspace().batches().changeMark(), ctx.tracking().portfolio(),
                ctx.tracking().nextDue().orElse(null), ctx.tracking().schedules().list()), s -> {
                    seen = s.mark();
                    rows.setAll(s.rows());
                    status.set(statusLine(s));
                }, e -> {
                    if (ctx.isClosed()) return;
                    LOG.warn("The portfolio could not be read", e);
                    feedback.error("The portfolio could not be read", FxTasks.describe(e));
                });
    }

    private record Snapshot(String mark, List<PortfolioRow> rows, Instant nextDue, List<Schedule> schedules) {}

    private static String statusLine(Snapshot s) {
        long alerts = s.rows().stream().filter(PortfolioRow::alert).count();
        String head = s.rows().size() + " properties, " + (alerts == 0 ? "no significant drop"
                : alerts + (alerts == 1 ? " significant drop" : " significant drops"));
        if (s.nextDue() == null) return head + ". No schedules: set one on a property (right-click, Schedule…).";
        String who = s.schedules().stream().filter(x -> x.nextRun().equals(s.nextDue())).map(Schedule::property)
                .findFirst().orElse("");
        return head + ". Next scheduled audit: " + WHEN.format(s.nextDue()) + " (" + who + "), run while the app is open"
                + " or by 'propertyaudit run-due'.";
    }

    /** Audits one property now: its schedule's surfaces and samples, else its newest batch's surfaces. */
    public void runNow(String property) {
        if (running.containsValue(property)) return;
        progress.put(property, "starting");
        background.run(() -> {
            Tracking t = ctx.tracking();
            Property p = ctx.workspace().properties().findByName(property).orElseThrow(
                    () -> new IllegalArgumentException("Property '" + property + "' no longer exists."));
            List<Surface> surfaces = t.surfacesFor(property);
            int samples = t.schedules().of(property).stream().map(Schedule::samples).findFirst()
                    .orElse(ctx.workspace().settings().samples());
            return t.start(p, surfaces, samples, ctx.bridge().sink());
        }, handle -> watch(property, handle), e -> {
            progress.remove(property);
            feedback.error("The audit of " + property + " could not start", FxTasks.describe(e));
        });
    }

    /** Every property at once, one batch each, sharing the providers' limits. */
    public void runAll() {
        rows.forEach(r -> runNow(r.property()));
    }

    /** Starts the due schedules (the app runs this every minute while it is open). */
    public void runDue() {
        if (ctx.isClosed()) {
            dueTimer.stop();
            return;
        }
        background.run(() -> ctx.tracking().startDue(p -> ctx.bridge().sink()), due -> {
            due.started().forEach(s -> watch(s.schedule().property(), s.handle()));
            for (String problem : due.problems()) {
                if (reported.add(problem)) feedback.error("A scheduled audit did not run", problem);
            }
            refresh();
        }, e -> {
            if (ctx.isClosed()) return;
            LOG.warn("Due schedules could not be checked", e);
            feedback.error("Due schedules could not be checked", FxTasks.describe(e));
        });
    }

    private void watch(String property, BatchHandle handle) {
        running.put(handle.batchId(), property);
        progress.put(property, "running");
        // A batch that ends normally says so with a BatchFinished event; one that broke off does not.
        handle.done().whenComplete((st, error) -> {
            if (error != null) Platform.runLater(() -> finished(handle.batchId()));
        });
        refresh();
    }

    /**
     * A batch ended, started here, on Run Audit or by a schedule: its change is computed and stored,
     * and a significant drop raises the alert (once: the first to see the batch end raises it).
     */
    private void ended(UUID batchId) {
        String property = running.get(batchId);
        background.run(() -> ctx.tracking().afterBatch(batchId), outcome -> {
            finished(batchId);
            if (outcome.raised()) alert(outcome);
            refresh();
        }, e -> {
            if (ctx.isClosed()) return;
            LOG.warn("The change of batch {} could not be computed", batchId, e);
            finished(batchId);
            feedback.error("The change of " + (property == null ? "a batch" : property) + " could not be computed",
                    FxTasks.describe(e));
        });
    }

    private void finished(UUID batchId) {
        String property = running.remove(batchId);
        counts.remove(batchId);
        if (property != null) progress.remove(property);
    }

    /** Engine events (already coalesced by the bridge): answers done per property's batch, batches ended. */
    public void onEvents(List<EngineEvent> events) {
        for (EngineEvent e : events) {
            if (e instanceof EngineEvent.BatchFinished) {
                ended(e.batchId());
                continue;
            }
            String property = running.get(e.batchId());
            if (property == null) continue;
            if (e instanceof EngineEvent.QueryFinished f) count(f.batchId(), f.runId(), f.done(), f.total(), property);
            else if (e instanceof EngineEvent.QueryFailed f) count(f.batchId(), f.runId(), f.done(), f.total(), property);
        }
    }

    private void count(UUID batchId, UUID runId, int done, int total, String property) {
        Map<UUID, int[]> runs = counts.computeIfAbsent(batchId, k -> new HashMap<>());
        runs.put(runId, new int[] {done, total});
        int d = runs.values().stream().mapToInt(a -> a[0]).sum();
        int t = runs.values().stream().mapToInt(a -> a[1]).sum();
        progress.put(property, "running " + d + "/" + t);
    }

    /** The notice in the window and the system's notification. */
    private void alert(Tracking.Outcome o) {
        String more = o.webhookError() != null ? " " + o.webhookError() : o.posted() ? " Posted to the webhook." : "";
        feedback.notice("Significant drop: " + o.property(), o.text() + more, "Open insights",
                () -> navigation.openInsights(o.batchId()));
        DesktopNotifier.notify("PropertyAudit: significant drop for " + o.property(), o.text());
    }

    /** The saved webhook URL, and whether the environment's replaces it. */
    public String savedWebhook() {
        return ctx.tracking().alertSettings().saved().orElse("");
    }

    public boolean webhookFromEnvironment() {
        return ctx.tracking().alertSettings().fromEnvironment();
    }

    public void saveWebhook(String url) {
        background.run(() -> {
            ctx.tracking().alertSettings().save(url);
            return true;
        }, ok -> { }, e -> feedback.error("The alert webhook could not be saved", FxTasks.describe(e)));
    }
}
