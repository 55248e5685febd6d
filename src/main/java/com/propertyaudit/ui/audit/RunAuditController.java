package com.propertyaudit.ui.audit;

import com.propertyaudit.domain.BatchStatus;
import com.propertyaudit.domain.RunStatus;
import com.propertyaudit.domain.Provider;
import com.propertyaudit.domain.Surface;
import com.propertyaudit.llm.SearchLocation;
import com.propertyaudit.engine.RunHandle;
import com.propertyaudit.ui.AppContext;
import com.propertyaudit.ui.common.Background;
import com.propertyaudit.ui.common.Feedback;
import com.propertyaudit.ui.common.Navigation;
import java.util.UUID;
import com.propertyaudit.ui.common.InFlightSpinner;
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
    private final Feedback feedback;
    private final Navigation navigation;
    private final RunAuditModel model;
    @FXML private ComboBox<String> property;
    @FXML private VBox surfaceBoxes;
    @FXML private Label retirements;
    @FXML private Spinner<Integer> samples;
    @FXML private Spinner<Integer> concurrency;
    @FXML private Label estimate;
    @FXML private Button run;
    @FXML private Button cancel;
    @FXML private VBox bars;
    @FXML private Label pacing;
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
        this.feedback = feedback;
        this.navigation = navigation;
        this.model = new RunAuditModel(new AppLaunch(ctx), background, feedback);
        ctx.bridge().listen(model::apply);
    }

    /** A surface's tick box, kept in step with the model's choice both ways. */
    private CheckBox surfaceBox(String s) {
        CheckBox box = new CheckBox(Surface.parse(s).label());
        box.setId("surface-" + s.replaceAll("[^a-z0-9]+", "-"));
        Surface surface = Surface.parse(s);
        box.setTooltip(new Tooltip(switch (surface.provider()) {
            case SIMULATED -> "Offline and free: deterministic sample answers, labelled Simulated everywhere";
            case LOCAL -> s + " - an OpenAI-compatible server (Ollama, LM Studio, llama.cpp, vLLM) at "
                    + Provider.LOCAL.baseUrlVariable() + " or the base URL in Settings";
            default -> s + " - needs " + surface.provider().keyVariable() + " or a key in Settings"
                    + (!surface.webSearch() ? "" : SearchLocation.takenBy(surface)
                            ? "; searches from the property's city" : "; its search takes no location");
        }));
        box.setSelected(model.chosen.contains(s));
        box.selectedProperty().addListener((o, was, now) -> {
            if (now && !model.chosen.contains(s)) model.chosen.add(s);
            if (!now) model.chosen.remove(s);
        });
        model.chosen.addListener((ListChangeListener<String>) c -> box.setSelected(model.chosen.contains(s)));
        return box;
    }

    /** The analysis surface when the settings analyse after each batch, else null. */
    private Surface analysisAfterBatch() {
        var a = ctx.workspace().settings().analysis();
        try {
            return a.afterEachBatch() ? Surface.parse(a.surface()) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @FXML
    private void initialize() {
        property.setItems(model.propertyNames);
        property.valueProperty().bindBidirectional(model.propertyName);
        property.disableProperty().bind(model.running);
        surfaceBoxes.getChildren().setAll(model.offered.stream().map(this::surfaceBox).toList());
        model.offered.addListener((ListChangeListener<String>) c ->
                surfaceBoxes.getChildren().setAll(model.offered.stream().map(this::surfaceBox).toList()));
        retirements.textProperty().bind(model.warnings);
        retirements.visibleProperty().bind(Bindings.isNotEmpty(model.warnings));
        retirements.managedProperty().bind(retirements.visibleProperty());
        samples.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 50, 1));
        samples.valueProperty().addListener((o, was, now) -> model.samples.set(now));
        concurrency.setValueFactory(InFlightSpinner.values(model.concurrency.get()));
        concurrency.valueProperty().addListener((o, was, now) -> model.concurrency.set(now));
        model.concurrency.addListener((o, was, now) -> concurrency.getValueFactory().setValue(now.intValue()));
        estimate.textProperty().bind(Bindings.createStringBinding(() -> model.estimate(ctx.workspace().prices(),
                        analysisAfterBatch()),
                model.chosen, model.samples, model.queryCount));
        run.disableProperty().bind(model.running.or(Bindings.isEmpty(model.chosen)).or(model.queryCount.isEqualTo(0)));
        cancel.disableProperty().bind(model.running.not());
        barsPlaceholder.visibleProperty().bind(Bindings.isEmpty(bars.getChildren()));
        pacing.textProperty().bind(model.pacing);
        pacing.visibleProperty().bind(Bindings.isNotEmpty(model.pacing));
        pacing.managedProperty().bind(pacing.visibleProperty());
        barsPlaceholder.managedProperty().bind(barsPlaceholder.visibleProperty());
        model.surfaces.addListener((ListChangeListener<RunAuditModel.SurfaceProgress>) c ->
                bars.getChildren().setAll(model.surfaces.stream().map(RunAuditController::bar).toList()));

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
        toInsights.visibleProperty().bind(model.finishedStatus.isNotNull());
        toInsights.textProperty().bind(Bindings.createStringBinding(() -> model.finishedStatus.get() == null ? ""
                : "Batch " + model.finishedStatus.get().id() + " - open its insights", model.finishedStatus));
        model.finishedStatus.addListener((o, was, now) -> {
            if (now == null) return;
            UUID batch = model.batchId.get();
            String title = model.finishedTitle(now);
            String summary = model.finishedSummary(model.runProperty());
            if (now == BatchStatus.COMPLETE) {
                feedback.notice(title, summary, "Open insights", () -> navigation.openInsights(batch));
            } else {
                feedback.warning(title, summary, "Open insights", () -> navigation.openInsights(batch));
            }
        });
        model.open();
    }

    public ReadOnlyObjectProperty<UUID> batchIdProperty() {
        return model.batchId;
    }

    /** Reloads the property list and the chosen property (after edits on the Properties screen). */
    public void refresh() {
        model.refresh(null);
    }

    /** Ctrl+R from another screen: the property is read afresh first, so a change just saved is audited. */
    public void refreshThenStart() {
        model.refresh(model::start);
    }

    /** Whether a batch is running, for the window's close check. */
    public boolean isRunning() {
        return model.running.get();
    }

    /** Stops the running batch; answers received are kept. */
    public void cancelRun() {
        model.cancel();
    }

    @FXML
    private void openInsights() {
        navigation.openInsights(model.batchId.get());
    }

    @FXML
    private void cancel() {
        model.cancel();
    }

    /** Ctrl+R and the button. */
    @FXML
    public void start() {
        model.start();
    }

    /** A surface's bar, bound to a Task that lives as long as the run and takes its progress. */
    private static VBox bar(RunAuditModel.SurfaceProgress progress) {
        RunTask task = new RunTask(progress.run);
        task.report(progress.progress.get());
        progress.progress.addListener((o, was, now) -> task.report(now.doubleValue()));
        ProgressBar bar = new ProgressBar();
        bar.setId("progress-" + progress.run.surface().id().replaceAll("[^a-z0-9]+", "-"));
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(task.progressProperty());
        Label label = new Label();
        label.textProperty().bind(progress.label);
        Thread t = new Thread(task, "run-" + progress.run.surface().id());
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
            String kind = s.startsWith("left out") ? "failed" : s;
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
