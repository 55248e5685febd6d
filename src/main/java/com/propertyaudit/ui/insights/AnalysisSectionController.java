package com.propertyaudit.ui.insights;

import com.propertyaudit.analysis.ai.AnalysisRecord;
import com.propertyaudit.analysis.ai.Evidence;
import com.propertyaudit.analysis.ai.Finding;
import com.propertyaudit.analysis.discovery.DiscoveredName;
import com.propertyaudit.ui.AppContext;
import com.propertyaudit.ui.common.Background;
import com.propertyaudit.ui.common.Feedback;
import com.propertyaudit.ui.common.Navigation;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/** Draws the {@link AnalysisSectionModel}: findings with evidence links into History, discovered names. */
public final class AnalysisSectionController {

    private final AnalysisSectionModel model;
    private final Navigation navigation;
    @FXML private Label generated;
    @FXML private Label meta;
    @FXML private Label error;
    @FXML private Button run;
    @FXML private ProgressIndicator progress;
    @FXML private VBox consensus;
    @FXML private VBox divergences;
    @FXML private VBox recommendations;
    @FXML private TableView<DiscoveredName> discovered;
    private Runnable insightsChanged = () -> { };

    public AnalysisSectionController(AnalysisSectionModel model, Navigation navigation) {
        this.navigation = navigation;
        this.model = model;
        model.onInsightsChanged(() -> insightsChanged.run());
    }

    /**
     * The section's model for the app's whole life, listening from the moment the data folder opens:
     * the analysis after each batch starts whether or not the Insights screen has been shown yet.
     */
    public static AnalysisSectionModel appModel(AppContext ctx, Background background, Feedback feedback) {
        AnalysisSectionModel model = new AnalysisSectionModel(new WorkspaceAnalysisSource(ctx.workspace()), background,
                new OwnThread(), feedback, () -> { });
        ctx.bridge().listen(model::onEvents);
        return model;
    }

    @FXML
    private void initialize() {
        meta.textProperty().bind(model.meta);
        run.textProperty().bind(model.runLabel);
        run.disableProperty().bind(model.running.or(model.batchId.isNull()));
        progress.visibleProperty().bind(model.running);
        progress.managedProperty().bind(model.running);
        error.managedProperty().bind(error.visibleProperty());
        error.setVisible(false);
        model.record.addListener((o, was, now) -> render(now));
        TableColumn<DiscoveredName, String> name = new TableColumn<>("Name");
        name.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().name()));
        name.setPrefWidth(220);
        TableColumn<DiscoveredName, Number> answers = new TableColumn<>("Answers naming it");
        answers.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().answers()));
        answers.getStyleClass().add("number-column");
        answers.setPrefWidth(130);
        TableColumn<DiscoveredName, String> by = new TableColumn<>("By surface");
        by.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(bySurface(d.getValue().bySurface())));
        by.setPrefWidth(260);
        TableColumn<DiscoveredName, DiscoveredName> track = new TableColumn<>("");
        track.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        track.setCellFactory(c -> new TableCell<>() {
            final Button button = new Button("Track as competitor");

            @Override
            protected void updateItem(DiscoveredName n, boolean empty) {
                super.updateItem(n, empty);
                if (empty || n == null) {
                    setGraphic(null);
                    return;
                }
                button.setOnAction(e -> model.track(n));
                setGraphic(button);
            }
        });
        track.setPrefWidth(170);
        discovered.getColumns().setAll(List.of(name, answers, by, track));
        discovered.setItems(model.discovered);
    }

    /** Follows a batch; {@code changed} reloads the insights after a name is tracked and batches re-scored. */
    public void show(UUID batchId, Runnable changed) {
        insightsChanged = changed;
        model.show(batchId);
    }

    public AnalysisSectionModel model() {
        return model;
    }

    @FXML
    private void run() {
        model.run();
    }

    private void render(AnalysisRecord r) {
        boolean failed = r != null && r.status() == AnalysisRecord.Status.FAILED;
        error.setVisible(failed);
        error.setText(failed ? "The latest attempt failed: " + r.error()
                + (r.analysis() == null ? "" : " Below: the last completed analysis.") : "");
        generated.setText(r != null && r.simulated() ? "Simulated analyst: offline demo text, not a model's analysis"
                : "Model-generated: check each finding against its evidence");
        UUID batch = model.batchId.get();
        fill(consensus, r == null || r.analysis() == null ? List.of() : r.analysis().consensus(), batch);
        fill(divergences, r == null || r.analysis() == null ? List.of() : r.analysis().divergences(), batch);
        fill(recommendations, r == null || r.analysis() == null ? List.of() : r.analysis().recommendations(), batch);
    }

    private void fill(VBox box, List<Finding> items, UUID batch) {
        box.getChildren().clear();
        if (items.isEmpty()) {
            Label none = new Label("-");
            none.getStyleClass().add("text-muted");
            box.getChildren().add(none);
            return;
        }
        for (Finding f : items) {
            Label text = new Label(f.text() + (f.confidence() == null ? "" : "  (" + f.confidence() + " confidence)"));
            text.setWrapText(true);
            VBox item = new VBox(2, text);
            item.getStyleClass().add("ai-item");
            if (f.why() != null && !f.why().isBlank()) {
                Label why = new Label(f.why());
                why.setWrapText(true);
                why.getStyleClass().add("text-muted");
                item.getChildren().add(why);
            }
            FlowPane links = new FlowPane(6, 0);
            for (Evidence e : f.evidence()) {
                Hyperlink link = new Hyperlink("query " + e.query() + (e.surfaces().isEmpty() ? ""
                        : " · " + String.join(", ", e.surfaces())));
                link.setOnAction(x -> navigation.openAnswers(batch, e.query() - 1, e.surfaces()));
                links.getChildren().add(link);
            }
            item.getChildren().add(links);
            box.getChildren().add(item);
        }
    }

    /** Each analysis on a daemon thread of its own, its result handed to the FX thread. */
    private static final class OwnThread implements Background {
        @Override
        public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
            Thread t = new Thread(() -> {
                try {
                    T value = work.call();
                    Platform.runLater(() -> onSuccess.accept(value));
                } catch (Exception | Error e) {
                    Platform.runLater(() -> onError.accept(e));
                }
            }, "ai-analysis");
            t.setDaemon(true);
            t.start();
        }
    }

    private static String bySurface(Map<String, Integer> m) {
        StringBuilder sb = new StringBuilder();
        m.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
        return sb.toString();
    }
}
