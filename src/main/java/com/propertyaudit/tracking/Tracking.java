package com.propertyaudit.tracking;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.propertyaudit.domain.Batch;
import com.propertyaudit.domain.Property;
import com.propertyaudit.domain.Surface;
import com.propertyaudit.engine.AuditEngine;
import com.propertyaudit.engine.BatchHandle;
import com.propertyaudit.engine.EngineEvent;
import com.propertyaudit.engine.EngineOptions;
import com.propertyaudit.engine.Workspace;
import com.propertyaudit.settings.AlertSettings;
import com.propertyaudit.store.ScheduleRepository;
import com.propertyaudit.store.TrackingRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracking a portfolio over one workspace: the portfolio rows, schedules and run-due, several
 * properties in one go, and the alert when a batch ends with a significant drop. The GUI and the
 * CLI both use it; every time comes from the clock given.
 */
public final class Tracking implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Tracking.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Workspace ws;
    private final Clock clock;
    private final AlertSettings alerts;
    private final TrackingRepository repository;
    private final Schedules schedules;
    private final Portfolio portfolio;
    private AlertWebhook webhook;

    public Tracking(Workspace ws, Map<String, String> env, Clock clock) {
        this.ws = ws;
        this.clock = clock;
        this.alerts = new AlertSettings(ws.folder(), env);
        this.repository = new TrackingRepository(ws.database());
        ScheduleRepository scheduleRepository = new ScheduleRepository(ws.database());
        this.schedules = new Schedules(scheduleRepository, clock);
        this.portfolio = new Portfolio(ws.properties(), ws.batches(), repository, scheduleRepository, ws.insights(), clock);
    }

    public Schedules schedules() {
        return schedules;
    }

    public AlertSettings alertSettings() {
        return alerts;
    }

    /** Every property's row, alerts first. */
    public List<PortfolioRow> portfolio() {
        return portfolio.rows();
    }

    /**
     * What became of a batch that ended: its change and, for a significant drop, the alert;
     * {@code raised} is true for the one call that raised it (later calls about the same batch are quiet).
     */
    public record Outcome(UUID batchId, String property, Change change, boolean simulated, boolean raised,
            boolean posted, String webhookError, String text) {

        public boolean alert() {
            return change != null && change.alert();
        }
    }

    /**
     * Computes and stores the change of a batch that just ended; on a significant drop posts the alert
     * once (to the webhook, when one is set). A failing webhook is logged and returned, never thrown.
     */
    public Outcome afterBatch(UUID batchId) {
        Batch batch = ws.batches().find(batchId).orElseThrow(() -> new IllegalArgumentException("No batch " + batchId + "."));
        Optional<TrackingRepository.ChangeRow> stored = portfolio.changeOf(batch.propertyName())
                .filter(r -> r.batchId().equals(batchId));
        if (stored.isEmpty()) return new Outcome(batchId, batch.propertyName(), null, false, false, false, null, null);
        TrackingRepository.ChangeRow row = stored.get();
        Change change = TrackingJson.changeFromStore(row.change());
        BatchNumbers numbers = TrackingJson.numbersFromStore(row.summary());
        boolean simulated = ws.batches().runs(batchId).stream()
                .allMatch(r -> r.surface().provider() == com.propertyaudit.domain.Provider.SIMULATED);
        if (change == null || !change.alert()) {
            return new Outcome(batchId, batch.propertyName(), change, simulated, false, false, null, null);
        }
        String previousAt = change.previousBatchId() == null ? "the previous batch"
                : ws.batches().find(change.previousBatchId()).map(b -> "the batch of " + WHEN.format(b.createdAt()))
                        .orElse("the previous batch");
        String text = AlertText.of(batch.propertyName(), change, numbers, previousAt, simulated);
        if (!repository.claimAlert(batchId, clock.instant())) {
            return new Outcome(batchId, batch.propertyName(), change, simulated, false, false, null, text);
        }
        LOG.info("[Batch {}] alert: {}", AuditEngine.shortId(batchId), text);
        Optional<String> url = alerts.webhook();
        if (url.isEmpty()) return new Outcome(batchId, batch.propertyName(), change, simulated, true, false, null, text);
        ObjectNode body = JSON.createObjectNode();
        body.put("text", text);
        body.put("property", batch.propertyName());
        body.put("batchId", batchId.toString());
        body.put("simulated", simulated);
        body.set("change", TrackingJson.change(change, true));
        Optional<String> error = webhook().post(url.get(), body);
        error.ifPresent(e -> {
            LOG.warn("[Batch {}] {}", AuditEngine.shortId(batchId), e);
            repository.recordAlertError(batchId, e);
        });
        return new Outcome(batchId, batch.propertyName(), change, simulated, true, error.isEmpty(), error.orElse(null),
                text);
    }

    private synchronized AlertWebhook webhook() {
        if (webhook == null) webhook = new AlertWebhook();
        return webhook;
    }

    /** Starts one batch of a property; the engine's per-provider limits are shared by every batch it runs. */
    public BatchHandle start(Property property, List<Surface> surfaces, int samples, Consumer<EngineEvent> listener) {
        ws.requireKeys(surfaces);
        EngineOptions options = EngineOptions.defaults().withConcurrency(ws.settings().concurrency());
        String settingsJson = JSON.createObjectNode()
                .put("concurrency", options.concurrency())
                .put("maxOutputTokens", options.maxOutputTokens())
                .put("requestTimeoutSeconds", ws.settings().requestTimeoutSeconds())
                .toString();
        return ws.engine(options).start(property, surfaces, samples, settingsJson, listener);
    }

    /**
     * The surfaces "Run now" asks: the property's schedule's, else those of its newest batch (so the
     * new batch can be compared with it), else the settings' defaults.
     */
    public List<Surface> surfacesFor(String property) {
        List<Schedule> own = schedules.of(property);
        if (!own.isEmpty()) return own.get(0).surfaces().stream().map(Surface::parse).toList();
        return ws.batches().latest(property).map(id -> ws.batches().runs(id).stream().map(r -> r.surface()).toList())
                .filter(l -> !l.isEmpty())
                .orElseGet(() -> ws.settings().defaultSurfaces().stream().map(Surface::parse).toList());
    }

    /** A batch a due schedule started. */
    public record Started(Schedule schedule, BatchHandle handle) {}

    /**
     * @param problems a sentence per due schedule that could not start (it stays due)
     */
    public record DueRuns(List<Started> started, int notDue, List<String> problems) {}

    /**
     * Starts every due schedule's batch at once (sharing the providers' limits) and moves each
     * schedule on by whole periods. A schedule whose surfaces lack a key stays due and is named in
     * the problems; one another process took first is left to it.
     */
    public DueRuns startDue(Function<String, Consumer<EngineEvent>> listenerFor) {
        Instant now = clock.instant();
        List<Schedule> all = schedules.list();
        int notDue = 0;
        List<Started> started = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Schedule s : all) {
            if (!s.isDue(now)) {
                notDue++;
                continue;
            }
            String name = "Schedule " + s.id() + " (" + s.property() + ")";
            Optional<Property> property = ws.properties().findByName(s.property());
            if (property.isEmpty()) continue;
            List<Surface> surfaces;
            try {
                surfaces = s.surfaces().stream().map(Surface::parse).toList();
                ws.requireKeys(surfaces);
            } catch (IllegalArgumentException | Workspace.NotReadyException e) {
                problems.add(name + " did not run: " + e.getMessage());
                continue;
            }
            Optional<Schedule> claimed = schedules.claim(s);
            if (claimed.isEmpty()) continue;
            try {
                started.add(new Started(claimed.get(), start(property.get(), surfaces, s.samples(),
                        listenerFor.apply(s.property()))));
            } catch (IllegalArgumentException e) {
                problems.add(name + " did not run: " + e.getMessage());
            }
        }
        return new DueRuns(started, notDue, problems);
    }

    /** When the next schedule is due, if any. */
    public Optional<Instant> nextDue() {
        return schedules.list().stream().map(Schedule::nextRun).min(Instant::compareTo);
    }

    @Override
    public synchronized void close() {
        if (webhook != null) webhook.close();
    }
}
