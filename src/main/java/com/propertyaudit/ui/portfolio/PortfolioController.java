package com.propertyaudit.ui.portfolio;

import com.propertyaudit.analysis.insights.BatchComparison;
import com.propertyaudit.analysis.insights.Measures;
import com.propertyaudit.domain.Surface;
import com.propertyaudit.tracking.AlertText;
import com.propertyaudit.tracking.Change;
import com.propertyaudit.tracking.PortfolioRow;
import com.propertyaudit.ui.AppContext;
import com.propertyaudit.ui.common.Background;
import com.propertyaudit.ui.common.Feedback;
import com.propertyaudit.ui.common.Navigation;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.MapChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Polyline;

/** The Portfolio screen: one row per property, alerts first; the state and the work are in {@link PortfolioModel}. */
public final class PortfolioController {

    private static final double SPARK_W = 80;
    private static final java.time.format.DateTimeFormatter SHORT = java.time.format.DateTimeFormatter
            .ofPattern("MMM d, HH:mm", Locale.ROOT).withZone(java.time.ZoneId.systemDefault());
    private static final Map<String, String> TESTS = Map.of("mcnemar", "McNemar", "two-proportion", "two-proportion",
            "z-test", "z-test");
    private static final double SPARK_H = 22;

    private final AppContext ctx;
    private final Background background;
    private final Feedback feedback;
    private final Navigation navigation;
    private PortfolioModel model;
    @FXML private TableView<PortfolioRow> table;
    @FXML private TableColumn<PortfolioRow, PortfolioRow> badge;
    @FXML private TableColumn<PortfolioRow, PortfolioRow> property;
    @FXML private TableColumn<PortfolioRow, PortfolioRow> latest;
    @FXML private TableColumn<PortfolioRow, PortfolioRow> mentions;
    @FXML private TableColumn<PortfolioRow, PortfolioRow> sov;
    @FXML private TableColumn<PortfolioRow, PortfolioRow> visibility;
    @FXML private TableColumn<PortfolioRow, PortfolioRow> change;
    @FXML private TableColumn<PortfolioRow, PortfolioRow> trend;
    @FXML private TableColumn<PortfolioRow, PortfolioRow> nextRun;
    @FXML private Label status;

    public PortfolioController(AppContext ctx, Background background, Feedback feedback, Navigation navigation) {
        this.ctx = ctx;
        this.background = background;
        this.feedback = feedback;
        this.navigation = navigation;
    }

    /** Shows the app's portfolio model (it lives as long as the app, following batches and schedules). */
    public void attach(PortfolioModel portfolio) {
        this.model = portfolio;
        table.setItems(model.rows());
        status.textProperty().bind(model.status());
        model.progress().addListener((MapChangeListener<String, String>) c -> table.refresh());
        model.refresh();
    }

    @FXML
    private void initialize() {
        table.setPlaceholder(new Label("No properties yet: add one on the Properties screen."));
        cells(badge, PortfolioController::badgeOf);
        cells(property, r -> {
            Label name = new Label(r.property());
            name.getStyleClass().add("portfolio-name");
            if (!r.simulated()) return name;
            Label sim = new Label("Simulated");
            sim.getStyleClass().add("simulated-tag");
            return new VBox(2, name, sim);
        });
        cells(latest, r -> {
            String running = model.progress().get(r.property());
            if (running != null) return text(running, "running");
            if (r.latestAt() == null) return text("never audited", "muted");
            return text(SHORT.format(r.latestAt()) + "\n" + r.status().id(), "");
        });
        cells(mentions, r -> {
            Label rate = text(pct(r.numbers().brandMentionRate()), "");
            Change c = r.change();
            if (c == null || c.mentionRateDelta() == null) return rate;
            boolean decisive = c.metric().equals(BatchComparison.BRAND_MENTION_RATE);
            return new VBox(rate, text(delta(c.mentionRateDelta()),
                    decisive && c.alert() ? "change-drop" : decisive && c.significant() ? "change-rise" : "change-noise"));
        });
        cells(sov, r -> text(pct(r.numbers().brandSOV()), ""));
        cells(visibility, r -> {
            StringBuilder sb = new StringBuilder();
            Map<String, Double> deltas = r.change() == null ? Map.of() : r.change().visibilityDelta();
            new TreeMap<>(r.numbers().visibility()).forEach((s, v) -> {
                if (sb.length() > 0) sb.append('\n');
                sb.append(Surface.parse(s).label()).append("  ").append(String.format(Locale.ROOT, "%.1f", v));
                if (deltas.containsKey(s)) sb.append("  ").append(delta(deltas.get(s)));
            });
            return text(sb.length() == 0 ? "-" : sb.toString(), "");
        });
        cells(change, r -> {
            Change c = r.change();
            if (c == null) return text("no comparable batch yet", "muted");
            String metric = c.surface() != null ? "Visibility score, " + Surface.parse(c.surface()).label() : c.metric();
            String line = metric.replace(BatchComparison.BRAND_MENTION_RATE, Measures.MENTION_RATE) + (c.delta() == null ? "" : " " + delta(c.delta()))
                    + "\np " + AlertText.p(c.pValue()) + (c.test() == null ? "" : ", " + TESTS.getOrDefault(c.test(), c.test()))
                    + (c.significant() ? "" : ": noise");
            Label l = text(line, c.alert() ? "change-drop" : c.significant() ? "change-rise" : "change-noise");
            if (r.alertError() != null) l.setText(line + "\n" + r.alertError());
            return l;
        });
        cells(trend, PortfolioController::sparkline);
        cells(nextRun, r -> text(r.nextRun() == null ? "none" : SHORT.format(r.nextRun()),
                r.nextRun() == null ? "muted" : ""));
        table.setRowFactory(t -> {
            TableRow<PortfolioRow> row = new TableRow<>();
            MenuItem runNow = new MenuItem("Run now");
            runNow.setOnAction(e -> model.runNow(row.getItem().property()));
            MenuItem insights = new MenuItem("Open insights");
            insights.setOnAction(e -> open(row.getItem()));
            MenuItem schedule = new MenuItem("Schedule…");
            schedule.setOnAction(e -> ScheduleDialog.edit(table.getScene().getWindow(), ctx, background, feedback,
                    row.getItem().property(), model::runDue));
            ContextMenu menu = new ContextMenu(runNow, insights, schedule);
            row.contextMenuProperty().bind(javafx.beans.binding.Bindings.when(row.emptyProperty())
                    .then((ContextMenu) null).otherwise(menu));
            return row;
        });
        table.setOnMouseClicked(e -> {
            PortfolioRow selected = table.getSelectionModel().getSelectedItem();
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && selected != null) open(selected);
        });
    }

    /** Reads the portfolio afresh (the screen is shown again). */
    public void refresh() {
        model.refresh();
    }

    private void open(PortfolioRow r) {
        UUID id = r.measuredBatchId() != null ? r.measuredBatchId() : r.latestBatchId();
        if (id != null) navigation.openInsights(id);
    }

    @FXML
    private void runAll() {
        model.runAll();
    }

    @FXML
    private void reload() {
        model.refresh();
    }

    @FXML
    private void editWebhook() {
        TextInputDialog d = new TextInputDialog(model.savedWebhook());
        d.initOwner(table.getScene().getWindow());
        d.setTitle("Alert webhook");
        d.setHeaderText("Where significant drops are posted (Slack-compatible incoming webhook)");
        d.setContentText(model.webhookFromEnvironment()
                ? "URL (PROPERTYAUDIT_ALERT_WEBHOOK is set and is used instead):" : "URL (empty: no post):");
        d.getEditor().setPrefColumnCount(40);
        d.showAndWait().ifPresent(model::saveWebhook);
    }

    private static Node badgeOf(PortfolioRow r) {
        Change c = r.change();
        if (c == null) return text("", "");
        if (c.alert()) return text("\u25BC Drop", "badge-alert");
        if (c.significant()) return text("\u25B2 Rise", "badge-rise");
        return text("Noise", "badge-noise");
    }

    private static Node sparkline(PortfolioRow r) {
        List<Double> points = r.trend();
        Pane pane = new Pane();
        pane.setPrefSize(SPARK_W, SPARK_H);
        pane.setMinSize(SPARK_W, SPARK_H);
        if (points.size() < 2) return pane;
        double min = points.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = points.stream().mapToDouble(Double::doubleValue).max().orElse(100);
        double span = Math.max(1, max - min);
        Polyline line = new Polyline();
        for (int i = 0; i < points.size(); i++) {
            line.getPoints().addAll(i * SPARK_W / (points.size() - 1), SPARK_H - 2 - (points.get(i) - min) / span * (SPARK_H - 4));
        }
        line.getStyleClass().add(r.alert() ? "sparkline-alert" : "sparkline");
        pane.getChildren().add(line);
        return pane;
    }

    private static Label text(String s, String style) {
        Label l = new Label(s);
        if (!style.isEmpty()) l.getStyleClass().add(style);
        return l;
    }

    private static String pct(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.1f%%", v);
    }

    private static String delta(Double d) {
        return String.format(Locale.ROOT, "%+.1f", d);
    }

    private static void cells(TableColumn<PortfolioRow, PortfolioRow> column, Function<PortfolioRow, Node> render) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        column.setSortable(false);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(PortfolioRow item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                setGraphic(empty || item == null ? null : render.apply(item));
            }
        });
    }
}
