package com.propertyaudit.ui.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.propertyaudit.domain.BatchStatus;
import com.propertyaudit.domain.Property;
import com.propertyaudit.domain.RunStatus;
import com.propertyaudit.domain.Surface;
import com.propertyaudit.engine.BatchHandle;
import com.propertyaudit.engine.RunHandle;
import com.propertyaudit.store.PropertySummary;
import com.propertyaudit.ui.AppContext;
import com.propertyaudit.ui.FxTasks;
import com.propertyaudit.ui.Views;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Run Audit: choose what to run, press Run Audit, watch every surface work through the queries. */
public final class RunAuditView extends BorderPane {

    private final AppContext ctx;
    private final RunAuditModel model = new RunAuditModel();
    private final ComboBox<String> property = new ComboBox<>();
    private final Label estimate = new Label();
    private final VBox bars = new VBox(6);
    private final Hyperlink toInsights = new Hyperlink();
    private final Consumer<UUID> openInsights;
    private Property selected;
    private BatchHandle handle;

    public RunAuditView(AppContext ctx, Consumer<UUID> openInsights) {
        this.ctx = ctx;
        this.openInsights = openInsights;
        getStyleClass().add("screen");
        ctx.bridge().listen(model::apply);
        model.concurrency.set(ctx.workspace().settings().concurrency());
        setLeft(setup());
        setCenter(progress());
        model.finishedStatus.addListener((o, was, now) -> {
            if (now == null) return;
            toInsights.setText("Batch " + now.id() + " - open its insights");
            toInsights.setVisible(true);
        });
        refresh();
    }

    public RunAuditModel model() {
        return model;
    }

    private VBox setup() {
        property.setId("run-property");
        property.setMaxWidth(Double.MAX_VALUE);
        property.valueProperty().addListener((o, was, now) -> load(now));
        VBox surfaceBoxes = new VBox(4);
        boolean anyKey = ctx.workspace().keys().key(com.propertyaudit.domain.Provider.OPENAI).isPresent()
                || ctx.workspace().keys().key(com.propertyaudit.domain.Provider.ANTHROPIC).isPresent();
        List<String> defaults = anyKey ? ctx.workspace().settings().defaultSurfaces() : List.of("simulated:demo");
        for (String s : RunAuditModel.OFFERED) {
            CheckBox box = new CheckBox(Surface.parse(s).label());
            box.setId("surface-" + s.replaceAll("[^a-z0-9]+", "-"));
            box.setTooltip(new Tooltip(s.startsWith("simulated") ? "Offline and free: deterministic sample answers,"
                    + " labelled Simulated everywhere" : s + " - needs an API key (Settings)"));
            box.selectedProperty().addListener((o, was, now) -> {
                if (now) model.chosen.add(s);
                else model.chosen.remove(s);
            });
            box.setSelected(defaults.contains(s));
            surfaceBoxes.getChildren().add(box);
        }
        Spinner<Integer> samples = new Spinner<>(1, 50, 1);
        samples.setId("samples");
        samples.setEditable(true);
        samples.valueProperty().addListener((o, was, now) -> model.samples.set(now));
        Spinner<Integer> concurrency = new Spinner<>(1, 64, model.concurrency.get());
        concurrency.setId("concurrency");
        concurrency.setEditable(true);
        concurrency.valueProperty().addListener((o, was, now) -> model.concurrency.set(now));
        estimate.setWrapText(true);
        estimate.textProperty().bind(Bindings.createStringBinding(() -> model.estimate(ctx.workspace().prices()),
                model.chosen, model.samples, model.queryCount));

        Button run = new Button("Run Audit");
        run.setId("run-audit");
        run.getStyleClass().add("accent");
        run.setMaxWidth(Double.MAX_VALUE);
        run.setTooltip(new Tooltip("Ctrl+R"));
        run.disableProperty().bind(model.running.or(Bindings.isEmpty(model.chosen)).or(model.queryCount.isEqualTo(0)));
        run.setOnAction(e -> start());
        Button cancel = new Button("Cancel");
        cancel.setMaxWidth(Double.MAX_VALUE);
        cancel.disableProperty().bind(model.running.not());
        cancel.setOnAction(e -> {
            if (handle != null) handle.cancel();
        });
        VBox box = new VBox(8, Views.title("Run Audit"), new Label("Property"), property, new Label("Surfaces"),
                surfaceBoxes, new Label("Samples per query"), samples, new Label("Requests in flight per provider"),
                concurrency, estimate, run, cancel);
        box.setPrefWidth(270);
        box.setPadding(new Insets(0, 16, 0, 0));
        return box;
    }

    private VBox progress() {
        TableView<RunAuditModel.QueryRow> table = new TableView<>(model.rows);
        table.setId("query-table");
        table.setPlaceholder(new Label("Press Run Audit: every query appears here with its live progress."));
        TableColumn<RunAuditModel.QueryRow, String> q = new TableColumn<>("Query");
        q.setCellValueFactory(d -> new javafx.beans.property.SimpleStringProperty(d.getValue().text));
        q.setPrefWidth(360);
        TableColumn<RunAuditModel.QueryRow, Number> p = new TableColumn<>("Progress");
        p.setCellValueFactory(d -> d.getValue().progress);
        p.setCellFactory(c -> new TableCell<>() {
            private final ProgressBar bar = new ProgressBar();

            @Override
            protected void updateItem(Number v, boolean empty) {
                super.updateItem(v, empty);
                bar.setMaxWidth(Double.MAX_VALUE);
                if (!empty && v != null) bar.setProgress(v.doubleValue());
                setGraphic(empty ? null : bar);
            }
        });
        p.setPrefWidth(140);
        TableColumn<RunAuditModel.QueryRow, String> status = new TableColumn<>("Status");
        status.setCellValueFactory(d -> d.getValue().status);
        status.setPrefWidth(90);
        TableColumn<RunAuditModel.QueryRow, String> named = new TableColumn<>("Brand named");
        named.setCellValueFactory(d -> Bindings.createStringBinding(() -> d.getValue().done.get() == 0 ? ""
                : d.getValue().named.get() + " of " + (d.getValue().done.get() - d.getValue().failed.get()),
                d.getValue().named, d.getValue().done, d.getValue().failed));
        named.setPrefWidth(100);
        TableColumn<RunAuditModel.QueryRow, String> latency = new TableColumn<>("Latency");
        latency.setCellValueFactory(d -> d.getValue().latency);
        TableColumn<RunAuditModel.QueryRow, String> score = new TableColumn<>("Score");
        score.setCellValueFactory(d -> d.getValue().score);
        table.getColumns().addAll(List.of(q, p, status, named, latency, score));

        ListView<String> log = new ListView<>(model.log);
        log.setPrefHeight(130);
        log.setPlaceholder(new Label("The engine's log appears here."));
        model.log.addListener((javafx.collections.ListChangeListener<String>) c -> log.scrollTo(model.log.size() - 1));
        toInsights.setVisible(false);
        toInsights.setId("to-insights");
        toInsights.setOnAction(e -> openInsights.accept(model.batchId.get()));
        VBox box = new VBox(8, Views.subtitle("Surfaces"), bars, toInsights, Views.subtitle("Queries"), table,
                Views.subtitle("Log"), log);
        VBox.setVgrow(table, Priority.ALWAYS);
        return box;
    }

    private void load(String name) {
        if (name == null) return;
        FxTasks.run(() -> ctx.workspace().properties().findByName(name).orElseThrow(), p -> {
            selected = p;
            model.queryCount.set(p.queries().size());
        }, e -> Views.error("The property could not be read", FxTasks.describe(e)));
    }

    /** Reloads the property list (after edits on the Properties screen). */
    public void refresh() {
        FxTasks.run(() -> ctx.workspace().properties().list(), (List<PropertySummary> all) -> {
            String keep = property.getValue();
            List<String> names = all.stream().map(PropertySummary::name).toList();
            if (!names.equals(property.getItems())) property.getItems().setAll(names);
            String pick = keep != null && names.contains(keep) ? keep : names.isEmpty() ? null : names.get(0);
            property.getSelectionModel().select(pick);
            if (pick != null) load(pick);
        }, e -> Views.error("Properties could not be read", FxTasks.describe(e)));
    }

    /** Ctrl+R and the button. */
    public void start() {
        if (model.running.get() || selected == null || model.chosen.isEmpty()) return;
        List<Surface> surfaces = model.chosen.stream().map(Surface::parse).toList();
        try {
            ctx.workspace().requireKeys(surfaces);
        } catch (RuntimeException e) {
            Views.error("A key is missing", e.getMessage());
            return;
        }
        Property p = selected;
        int samples = model.samples.get();
        int concurrency = model.concurrency.get();
        String settings = new ObjectMapper().createObjectNode().put("concurrency", concurrency)
                .put("source", "gui").toString();
        FxTasks.run(() -> ctx.engine().start(p, surfaces, samples, concurrency, settings, ctx.bridge().sink()), h -> {
            handle = h;
            Map<UUID, Surface> runs = new LinkedHashMap<>();
            for (RunHandle r : h.runs()) runs.put(r.runId(), r.surface());
            toInsights.setVisible(false);
            model.started(h.batchId(), p.queries().stream().map(q -> q.text()).toList(), runs,
                    h.runs().isEmpty() ? 0 : h.runs().get(0).total());
            bars.getChildren().clear();
            for (int i = 0; i < h.runs().size(); i++) bars.getChildren().add(bar(h.runs().get(i), model.surfaces.get(i)));
        }, e -> Views.error("The audit could not start", FxTasks.describe(e)));
    }

    /** A surface's bar, bound to a Task that lives as long as the run and takes its progress. */
    private VBox bar(RunHandle run, RunAuditModel.SurfaceProgress progress) {
        RunTask task = new RunTask(run);
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

    /** Whether a batch is running, for the window's close check. */
    public boolean isRunning() {
        return model.running.get();
    }

    BatchStatus lastStatus() {
        return model.finishedStatus.get();
    }
}
