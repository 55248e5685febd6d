package com.propertyaudit.ui.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.propertyaudit.domain.Property;
import com.propertyaudit.domain.Provider;
import com.propertyaudit.domain.RunStatus;
import com.propertyaudit.domain.Surface;
import com.propertyaudit.engine.BatchHandle;
import com.propertyaudit.engine.RunHandle;
import com.propertyaudit.store.PropertySummary;
import com.propertyaudit.ui.AppContext;
import com.propertyaudit.ui.FxTasks;
import com.propertyaudit.ui.common.Background;
import com.propertyaudit.ui.common.Feedback;
import com.propertyaudit.ui.common.Navigation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.ListChangeListener;
import javafx.concurrent.Task;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Binds Run Audit to its {@link RunAuditModel}: choose, start, and watch every surface work. */
public final class RunAuditController {

    private final AppContext ctx;
    private final Background background;
    private final Feedback feedback;
    private final Navigation navigation;
    private final RunAuditModel model = new RunAuditModel();
    private Property selected;
    private BatchHandle handle;
    /** The property of the batch running or last run, for its notice. */
    private String runningProperty = "";
    /** Requests in flight as Settings last said, to follow a change made there. */
    private int settingsConcurrency;
    @FXML private ComboBox<String> property;
    @FXML private VBox surfaceBoxes;
    @FXML private Spinner<Integer> samples;
    @FXML private Spinner<Integer> concurrency;
    @FXML private Label estimate;
    @FXML private Button run;
    @FXML private Button cancel;
    @FXML private VBox bars;
    @FXML private Label barsPlaceholder;
    @FXML private Hyperlink toInsights;
    @FXML private TableView<RunAuditModel.QueryRow> table;
    @FXML private TableColumn<RunAuditModel.QueryRow, String> queryColumn;
    @FXML private TableColumn<RunAuditModel.QueryRow, Number> progressColumn;
    @FXML private TableColumn<RunAuditModel.QueryRow, String> statusColumn;
    @FXML private TableColumn<RunAuditModel.QueryRow, String> namedColumn;
    @FXML private TableColumn<RunAuditModel.QueryRow, String> latencyColumn;
    @FXML private TableColumn<RunAuditModel.QueryRow, String> scoreColumn;
    @FXML private ListView<String> log;

    public RunAuditController(AppContext ctx, Background background, Feedback feedback, Navigation navigation) {
        this.ctx = ctx;
        this.background = background;
        this.feedback = feedback;
        this.navigation = navigation;
        ctx.bridge().listen(model::apply);
    }

    @FXML
    private void initialize() {
        property.valueProperty().addListener((o, was, now) -> load(now, null));
        property.disableProperty().bind(model.running);
        for (String s : RunAuditModel.OFFERED) {
            CheckBox box = new CheckBox(Surface.parse(s).label());
            box.setId("surface-" + s.replaceAll("[^a-z0-9]+", "-"));
            box.setTooltip(new Tooltip(s.startsWith("simulated") ? "Offline and free: deterministic sample answers,"
                    + " labelled Simulated everywhere" : s + " - needs an API key (Settings)"));
            box.selectedProperty().addListener((o, was, now) -> {
                if (now) model.chosen.add(s);
                else model.chosen.remove(s);
            });
            surfaceBoxes.getChildren().add(box);
        }
        // The keychain may wait for the OS to unlock it: asked off the FX thread. Without keys,
        // the two Simulated surfaces: the whole flow, agreement and a partial batch included.
        background.run(() -> ctx.workspace().keys().key(Provider.OPENAI).isPresent()
                || ctx.workspace().keys().key(Provider.ANTHROPIC).isPresent(), anyKey -> {
            List<String> defaults = anyKey ? ctx.workspace().settings().defaultSurfaces()
                    : List.of("simulated:demo", "simulated:demo+web");
            for (int i = 0; i < RunAuditModel.OFFERED.size(); i++) {
                ((CheckBox) surfaceBoxes.getChildren().get(i)).setSelected(defaults.contains(RunAuditModel.OFFERED.get(i)));
            }
        }, e -> feedback.error("The OS keychain could not be read", FxTasks.describe(e)));
        samples.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 50, 1));
        samples.valueProperty().addListener((o, was, now) -> model.samples.set(now));
        settingsConcurrency = ctx.workspace().settings().concurrency();
        model.concurrency.set(settingsConcurrency);
        concurrency.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 64, model.concurrency.get()));
        concurrency.valueProperty().addListener((o, was, now) -> model.concurrency.set(now));
        estimate.textProperty().bind(Bindings.createStringBinding(() -> model.estimate(ctx.workspace().prices()),
                model.chosen, model.samples, model.queryCount));
        run.disableProperty().bind(model.running.or(Bindings.isEmpty(model.chosen)).or(model.queryCount.isEqualTo(0)));
        cancel.disableProperty().bind(model.running.not());
        barsPlaceholder.visibleProperty().bind(Bindings.isEmpty(bars.getChildren()));
        barsPlaceholder.managedProperty().bind(barsPlaceholder.visibleProperty());

        table.setItems(model.rows);
        queryColumn.setCellValueFactory(d -> new SimpleStringProperty((d.getValue().index + 1) + ". " + d.getValue().text));
        progressColumn.setCellValueFactory(d -> d.getValue().progress);
        progressColumn.setCellFactory(c -> new ProgressCell());
        statusColumn.setCellValueFactory(d -> d.getValue().status);
        statusColumn.setCellFactory(c -> new StatusCell());
        namedColumn.setCellValueFactory(d -> Bindings.createStringBinding(() -> d.getValue().done.get() == 0 ? ""
                : d.getValue().named.get() + " of " + (d.getValue().done.get() - d.getValue().failed.get()),
                d.getValue().named, d.getValue().done, d.getValue().failed));
        latencyColumn.setCellValueFactory(d -> d.getValue().latency);
        scoreColumn.setCellValueFactory(d -> d.getValue().score);
        log.setItems(model.log);
        model.log.addListener((ListChangeListener<String>) c -> log.scrollTo(model.log.size() - 1));
        model.finishedStatus.addListener((o, was, now) -> {
            if (now == null) return;
            UUID batch = model.batchId.get();
            toInsights.setText("Batch " + now.id() + " - open its insights");
            toInsights.setVisible(true);
            feedback.notice("Audit finished: " + now.id(), model.finishedSummary(runningProperty),
                    "Open insights", () -> navigation.openInsights(batch));
        });
        refresh();
    }

    public ReadOnlyObjectProperty<UUID> batchIdProperty() {
        return model.batchId;
    }

    public RunAuditModel model() {
        return model;
    }

    /** Reads the chosen property; {@code then} runs once it is read (and only if it is still the one chosen). */
    private void load(String name, Runnable then) {
        if (name == null) return;
        background.run(() -> ctx.workspace().properties().findByName(name).orElseThrow(() -> new IllegalStateException(
                "'" + name + "' is no longer stored (deleted in another window?): choose another property.")), p -> {
            if (!name.equals(property.getValue())) return; // an answer for an earlier choice
            selected = p;
            model.queryCount.set(p.queries().size());
            if (then != null) then.run();
        }, e -> feedback.error("The property could not be read", FxTasks.describe(e)));
    }

    /** Reloads the property list and the chosen property (after edits on the Properties screen). */
    public void refresh() {
        refresh(null);
    }

    /** Ctrl+R from another screen: the property is read afresh first, so a change just saved is audited. */
    public void refreshThenStart() {
        refresh(this::start);
    }

    private void refresh(Runnable then) {
        background.run(() -> ctx.workspace().properties().list(), (List<PropertySummary> all) -> {
            String keep = property.getValue();
            List<String> names = all.stream().map(PropertySummary::name).toList();
            if (!names.equals(property.getItems())) property.getItems().setAll(names);
            String pick = keep != null && names.contains(keep) ? keep : names.isEmpty() ? null : names.get(0);
            property.getSelectionModel().select(pick);
            int fromSettings = ctx.workspace().settings().concurrency();
            if (fromSettings != settingsConcurrency && !model.running.get()) {
                settingsConcurrency = fromSettings;
                concurrency.getValueFactory().setValue(fromSettings);
            }
            if (pick != null) load(pick, then);
        }, e -> feedback.error("Properties could not be read", FxTasks.describe(e)));
    }

    /** Whether a batch is running, for the window's close check. */
    public boolean isRunning() {
        return model.running.get();
    }

    /** Stops the running batch; answers received are kept. */
    public void cancelRun() {
        if (handle != null) handle.cancel();
    }

    @FXML
    private void openInsights() {
        navigation.openInsights(model.batchId.get());
    }

    @FXML
    private void cancel() {
        cancelRun();
    }

    /** Ctrl+R and the button. */
    @FXML
    public void start() {
        if (model.running.get() || selected == null || model.chosen.isEmpty()) return;
        List<Surface> surfaces = model.chosen.stream().map(Surface::parse).toList();
        Property p = selected;
        int n = model.samples.get();
        int inFlight = model.concurrency.get();
        String settings = new ObjectMapper().createObjectNode().put("concurrency", inFlight).put("source", "gui")
                .toString();
        handle = null;
        runningProperty = p.name();
        model.starting();
        background.run(() -> {
            // The keychain is asked off the FX thread; a missing key stops here, before any batch exists.
            List<String> missing = ctx.workspace().missingKeys(surfaces);
            if (!missing.isEmpty()) throw new MissingKey(missing);
            return ctx.engine().start(p, surfaces, n, inFlight, settings, ctx.bridge().sink());
        }, h -> {
            handle = h;
            Map<UUID, Surface> runs = new LinkedHashMap<>();
            for (RunHandle r : h.runs()) runs.put(r.runId(), r.surface());
            toInsights.setVisible(false);
            bars.getChildren().clear();
            model.started(h.batchId(), p.queries().stream().map(q -> q.text()).toList(), runs,
                    h.runs().isEmpty() ? 0 : h.runs().get(0).total());
            for (int i = 0; i < h.runs().size(); i++) bars.getChildren().add(bar(h.runs().get(i), model.surfaces.get(i)));
        }, e -> {
            model.startFailed();
            if (e instanceof MissingKey m) feedback.error("A key is missing", m.getMessage());
            else feedback.error("The audit could not start", FxTasks.describe(e));
        });
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

    /** A surface's bar, bound to a Task that lives as long as the run and takes its progress. */
    private VBox bar(RunHandle run, RunAuditModel.SurfaceProgress progress) {
        RunTask task = new RunTask(run);
        task.report(progress.progress.get());
        progress.progress.addListener((o, was, now) -> task.report(now.doubleValue()));
        ProgressBar bar = new ProgressBar();
        bar.setId("progress-" + run.surface().id().replaceAll("[^a-z0-9]+", "-"));
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(task.progressProperty());
        Label label = new Label();
        label.textProperty().bind(progress.label);
        Thread t = new Thread(task, "run-" + run.surface().id());
        t.setDaemon(true);
        t.start();
        return new VBox(2, label, bar);
    }

    /** A run as a JavaFX task: it ends when the run ends, and carries its progress for the bar. */
    static final class RunTask extends Task<RunStatus> {
        private final RunHandle run;

        RunTask(RunHandle run) {
            this.run = run;
            updateProgress(0, 1);
        }

        void report(double fraction) {
            updateProgress(fraction, 1);
        }

        @Override
        protected RunStatus call() throws Exception {
            RunStatus s = run.done().get();
            if (s == RunStatus.COMPLETED) updateProgress(1, 1);
            return s;
        }
    }

    private static final class ProgressCell extends TableCell<RunAuditModel.QueryRow, Number> {
        private final ProgressBar bar = new ProgressBar();

        ProgressCell() {
            bar.setMaxWidth(Double.MAX_VALUE);
        }

        @Override
        protected void updateItem(Number v, boolean empty) {
            super.updateItem(v, empty);
            if (!empty && v != null) bar.setProgress(v.doubleValue());
            setGraphic(empty ? null : bar);
        }
    }

    /** The query's state as an icon beside its word. */
    private static final class StatusCell extends TableCell<RunAuditModel.QueryRow, String> {
        @Override
        protected void updateItem(String s, boolean empty) {
            super.updateItem(s, empty);
            if (empty || s == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(s);
            String kind = s.startsWith("failed") ? "failed" : s;
            FontIcon icon = new FontIcon(switch (kind) {
                case "done" -> Feather.CHECK_CIRCLE;
                case "failed" -> Feather.ALERT_TRIANGLE;
                case "running" -> Feather.LOADER;
                case "stopped" -> Feather.SLASH;
                default -> Feather.CIRCLE;
            });
            icon.getStyleClass().add("status-" + kind);
            setGraphic(icon);
        }
    }
}
