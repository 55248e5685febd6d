package com.propertyaudit.ui.history;

import com.propertyaudit.analysis.insights.AnswerFilter;
import com.propertyaudit.analysis.insights.BatchComparison;
import com.propertyaudit.domain.AnswerOutcome;
import com.propertyaudit.analysis.insights.TrendLabels;
import com.propertyaudit.domain.Citation;
import com.propertyaudit.domain.StoredAnswer;
import com.propertyaudit.store.BatchRepository;
import com.propertyaudit.store.BatchSummary;
import com.propertyaudit.ui.AppContext;
import com.propertyaudit.ui.ExportActions;
import com.propertyaudit.ui.common.Background;
import com.propertyaudit.ui.common.Feedback;
import com.propertyaudit.ui.common.Navigation;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/** Binds History to its {@link HistoryModel}: batches, answers, comparison, trend, resume, delete. */
public final class HistoryController {

    private final HistoryModel model;
    private final Navigation navigation;
    private final ExportActions exports;
    @FXML private TextField filter;
    @FXML private TableView<BatchSummary> table;
    @FXML private TableColumn<BatchSummary, String> dateColumn;
    @FXML private TableColumn<BatchSummary, String> propertyColumn;
    @FXML private TableColumn<BatchSummary, String> statusColumn;
    @FXML private TableColumn<BatchSummary, String> answersColumn;
    @FXML private TableColumn<BatchSummary, String> scoresColumn;
    @FXML private Button openInsights;
    @FXML private Button compare;
    @FXML private Button resume;
    @FXML private Button exportPdf;
    @FXML private Button exportCsv;
    @FXML private Button delete;
    @FXML private ListView<StoredAnswer> answers;
    @FXML private ComboBox<String> surfaceFilter;
    @FXML private ComboBox<String> brandFilter;
    @FXML private ComboBox<String> topicFilter;
    @FXML private ComboBox<String> outcomeFilter;
    @FXML private Label answerCount;
    @FXML private TextFlow text;
    @FXML private FlowPane links;
    @FXML private ToggleButton showRaw;
    @FXML private TextArea raw;
    @FXML private TabPane tabs;
    @FXML private Tab compareTab;
    @FXML private Label comparisonTitle;
    @FXML private TableView<BatchComparison.Delta> comparison;
    @FXML private Label trendTitle;
    @FXML private LineChart<String, Number> trendChart;

    public HistoryController(AppContext ctx, Background background, Feedback feedback, Navigation navigation,
            ExportActions exports) {
        this.navigation = navigation;
        this.exports = exports;
        this.model = new HistoryModel(ctx.workspace(), id -> ctx.engine().resume(id, ctx.bridge().sink()), background,
                feedback);
        ctx.bridge().listen(model::onEvents);
    }

    @FXML
    private void initialize() {
        filter.textProperty().bindBidirectional(model.filter);
        table.setItems(model.shown);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        column(dateColumn, HistoryModel::date);
        column(propertyColumn, BatchSummary::property);
        column(statusColumn, b -> b.status().id());
        statusColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                getStyleClass().removeAll("status-complete", "status-problem");
                if (!empty && s != null) getStyleClass().add(s.equals("complete") ? "status-complete" : "status-problem");
            }
        });
        column(answersColumn, b -> b.answers() + "/" + b.expectedAnswers());
        column(scoresColumn, HistoryModel::scores);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> model.selected.set(now));
        model.selected.addListener((o, was, now) -> {
            if (now != null && table.getSelectionModel().getSelectedItem() != now) table.getSelectionModel().select(now);
        });
        var none = model.selected.isNull();
        openInsights.disableProperty().bind(none);
        exportPdf.disableProperty().bind(none);
        exportCsv.disableProperty().bind(none);
        delete.disableProperty().bind(Bindings.createBooleanBinding(() -> !HistoryModel.deletable(model.selected.get()),
                model.selected));
        resume.disableProperty().bind(Bindings.createBooleanBinding(
                () -> model.resuming.get() || !HistoryModel.resumable(model.selected.get()), model.selected,
                model.resuming));
        compare.disableProperty().bind(Bindings.size(table.getSelectionModel().getSelectedItems()).isNotEqualTo(2));

        answers.setItems(model.shownAnswers);
        filters();
        answers.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(StoredAnswer a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? null : model.line(a));
            }
        });
        model.shownAnswers.addListener((javafx.collections.ListChangeListener<StoredAnswer>) c -> {
            if (model.shownAnswers.isEmpty() || !answers.getSelectionModel().isEmpty()) return;
            // The batch read again (its summary changed while an evidence link was opening) keeps the
            // answer the link asked for.
            StoredAnswer focused = model.focus.get();
            if (focused != null && model.shownAnswers.contains(focused)) answers.getSelectionModel().select(focused);
            else answers.getSelectionModel().select(0);
        });
        answers.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> showAnswer(now));
        model.focus.addListener((o, was, now) -> {
            if (now == null) return;
            answers.getSelectionModel().select(now);
            answers.scrollTo(now);
        });
        raw.visibleProperty().bind(showRaw.selectedProperty());
        raw.managedProperty().bind(showRaw.selectedProperty());

        comparisonTitle.textProperty().bind(model.comparisonTitle);
        comparison.setItems(model.comparison);
        comparison.getColumns().setAll(List.of(deltaColumn("Metric", BatchComparison.Delta::metric, 250),
                deltaColumn("Before", d -> num(d.before()), 90), deltaColumn("After", d -> num(d.after()), 90),
                deltaColumn("Change", d -> d.change() == null ? "-" : String.format(Locale.ROOT, "%+.1f", d.change()), 90),
                deltaColumn("p", d -> d.pValue() == null ? "-" : String.format(Locale.ROOT, "%.3f", d.pValue()), 80),
                deltaColumn("Test", d -> d.test() == null ? "-" : d.test(), 150),
                deltaColumn("Significant", d -> d.pValue() == null ? "no test" : d.significant() ? "yes" : "no (noise)",
                        110)));
        trendTitle.textProperty().bind(model.trendTitle);
        model.trend.addListener((javafx.collections.ListChangeListener<BatchRepository.TrendPoint>) c -> drawTrend());
        model.refresh();
        // Batches finished by the CLI or by another machine on a shared database show up by themselves.
        Timeline poll = new Timeline(new KeyFrame(javafx.util.Duration.seconds(POLL_SECONDS), e -> model.pollForChanges()));
        poll.setCycleCount(Animation.INDEFINITE);
        poll.play();
    }

    /** How often History asks the database whether batches changed: one small query. */
    static final int POLL_SECONDS = 5;

    static final String ANY_SURFACE = "All surfaces";
    static final String ANY_BRAND = "Brand: any";
    static final String NAMED = "Brand named";
    static final String NOT_NAMED = "Brand not named";
    static final String ANY_TOPIC = "All topics";
    static final String ANY_OUTCOME = "All outcomes";

    /** The answer filters: each combo sets one part of the model's filter, and follows it (a drill-down sets it too). */
    private void filters() {
        answerCount.textProperty().bind(model.answerCount);
        brandFilter.getItems().setAll(ANY_BRAND, NAMED, NOT_NAMED);
        model.surfaceChoices.addListener((javafx.collections.ListChangeListener<String>) c -> choices(surfaceFilter,
                ANY_SURFACE, model.surfaceChoices));
        model.topicChoices.addListener((javafx.collections.ListChangeListener<String>) c -> choices(topicFilter,
                ANY_TOPIC, model.topicChoices));
        model.outcomeChoices.addListener((javafx.collections.ListChangeListener<AnswerOutcome>) c -> choices(
                outcomeFilter, ANY_OUTCOME, model.outcomeChoices.stream().map(AnswerOutcome::id).toList()));
        surfaceFilter.setOnAction(e -> model.answerFilter.set(model.answerFilter.get()
                .withSurface(any(surfaceFilter.getValue(), ANY_SURFACE))));
        brandFilter.setOnAction(e -> model.answerFilter.set(model.answerFilter.get().withBrandNamed(
                NAMED.equals(brandFilter.getValue()) ? Boolean.TRUE : NOT_NAMED.equals(brandFilter.getValue())
                        ? Boolean.FALSE : null)));
        topicFilter.setOnAction(e -> model.answerFilter.set(model.answerFilter.get()
                .withTopic(any(topicFilter.getValue(), ANY_TOPIC))));
        outcomeFilter.setOnAction(e -> {
            String o = any(outcomeFilter.getValue(), ANY_OUTCOME);
            model.answerFilter.set(model.answerFilter.get().withOutcome(o == null ? null
                    : AnswerOutcome.valueOf(o.toUpperCase(Locale.ROOT))));
        });
        model.answerFilter.addListener((o, was, f) -> {
            surfaceFilter.setValue(f.surface() == null ? ANY_SURFACE : f.surface());
            brandFilter.setValue(f.brandNamed() == null ? ANY_BRAND : f.brandNamed() ? NAMED : NOT_NAMED);
            topicFilter.setValue(f.topic() == null ? ANY_TOPIC : f.topic());
            outcomeFilter.setValue(f.outcome() == null ? ANY_OUTCOME : f.outcome().id());
        });
    }

    private static void choices(ComboBox<String> box, String any, List<String> values) {
        String keep = box.getValue();
        List<String> all = new ArrayList<>();
        all.add(any);
        all.addAll(values);
        box.getItems().setAll(all);
        box.setValue(keep != null && all.contains(keep) ? keep : any);
    }

    private static String any(String value, String any) {
        return value == null || value.equals(any) ? null : value;
    }

    @FXML
    private void clearFilters() {
        model.answerFilter.set(AnswerFilter.ALL);
    }

    /** Shows a batch's answers that a drill-down from Insights asks for. */
    public void openFiltered(UUID batchId, AnswerFilter filter) {
        model.openFiltered(batchId, filter);
    }

    private static <R> void column(TableColumn<R, String> c, Function<R, String> f) {
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
    }

    private static TableColumn<BatchComparison.Delta, String> deltaColumn(String title,
            Function<BatchComparison.Delta, String> f, double width) {
        TableColumn<BatchComparison.Delta, String> c = new TableColumn<>(title);
        column(c, f);
        c.setPrefWidth(width);
        return c;
    }

    private static String num(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.1f", v);
    }

    /** Shows the first answer of a batch to a query (0-based) from one of the surfaces (ids; empty: any). */
    public void openAnswers(UUID batchId, int queryIndex, List<String> surfaceIds) {
        model.open(batchId, queryIndex, surfaceIds);
    }

    public void refresh() {
        model.refresh();
    }

    /** The answer with every name highlighted: the brand in one colour, competitors in another. */
    private void showAnswer(StoredAnswer a) {
        text.getChildren().clear();
        links.getChildren().clear();
        raw.clear();
        if (a == null) return;
        for (HistoryModel.Segment s : model.segments(a)) {
            // Markdown's bold markers are noise to a reader; the raw JSON keeps them.
            Text t = new Text(s.kind() == null ? s.text().replace("**", "") : s.text());
            if (s.kind() != null) {
                t.getStyleClass().add(s.kind().equals("error") || s.kind().equals("note") ? "answer-" + s.kind()
                        : "mention-" + s.kind());
            }
            text.getChildren().add(t);
        }
        for (Citation c : a.answer().citations()) links.getChildren().add(link(c));
        if (links.getChildren().isEmpty()) links.getChildren().add(new Label("No sources cited beside the text."));
        if (!a.answer().retrieved().isEmpty()) {
            Label found = new Label("Found by its searches, not cited:");
            found.getStyleClass().add("text-muted");
            links.getChildren().add(found);
            for (Citation c : a.answer().retrieved()) links.getChildren().add(link(c));
        }
        if (!a.answer().searches().isEmpty() || a.answer().searchedFrom() != null) {
            // The engine's fan-out: what it searched for, and from where, to write this answer.
            Label searched = new Label(model.searchLine(a));
            searched.getStyleClass().add("text-muted");
            searched.setWrapText(true);
            links.getChildren().add(searched);
        }
        raw.setText("Request:\n" + nz(a.answer().rawRequest()) + "\n\nResponse:\n" + nz(a.answer().rawResponse()));
    }

    private Hyperlink link(Citation c) {
        Hyperlink link = new Hyperlink(c.title() == null || c.title().isBlank() ? c.url() : c.title());
        link.setTooltip(new Tooltip(c.url()));
        link.setOnAction(e -> navigation.openLink(c.url()));
        return link;
    }

    private static String nz(String s) {
        return s == null ? "(none)" : s;
    }

    private void drawTrend() {
        Map<String, XYChart.Series<String, Number>> bySurface = new TreeMap<>();
        XYChart.Series<String, Number> sov = new XYChart.Series<>();
        sov.setName("Brand share of voice (%)");
        TrendLabels labels = new TrendLabels();
        for (BatchRepository.TrendPoint p : model.trend) {
            String when = labels.next(p.createdAt()) + p.mark();
            p.visibility().forEach((surface, v) -> {
                if (v == null) return;
                XYChart.Series<String, Number> s = bySurface.computeIfAbsent(surface, k -> {
                    XYChart.Series<String, Number> n = new XYChart.Series<>();
                    n.setName("Visibility score · " + k);
                    return n;
                });
                s.getData().add(new XYChart.Data<>(when, v));
            });
            if (p.brandSOV() != null) sov.getData().add(new XYChart.Data<>(when, p.brandSOV()));
        }
        List<XYChart.Series<String, Number>> all = new ArrayList<>(bySurface.values());
        all.add(sov);
        trendChart.getData().setAll(all);
    }

    @FXML
    private void openInsights() {
        navigation.openInsights(model.selected.get().batchId());
    }

    @FXML
    private void compare() {
        List<BatchSummary> two = List.copyOf(table.getSelectionModel().getSelectedItems());
        if (two.size() != 2) return;
        model.compare(two.get(0), two.get(1));
        tabs.getSelectionModel().select(compareTab);
    }

    @FXML
    private void resume() {
        model.resume(navigation::openInsights);
    }

    @FXML
    private void exportPdf() {
        exportPdf(table.getScene().getWindow());
    }

    /** The PDF of the selected batch (Ctrl+E while History is shown). */
    public void exportPdf(javafx.stage.Window owner) {
        exports.pdf(owner, model.selected.get() == null ? null : model.selected.get().batchId());
    }

    @FXML
    private void exportCsv() {
        exports.csv(table.getScene().getWindow(), model.selected.get().batchId());
    }

    @FXML
    private void delete() {
        BatchSummary b = model.selected.get();
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "Delete the batch of " + HistoryModel.date(b) + " for "
                + b.property() + ", with its " + b.answers() + " answers? This cannot be undone.", ButtonType.YES,
                ButtonType.NO);
        a.setHeaderText("Delete batch");
        if (a.showAndWait().orElse(ButtonType.NO) == ButtonType.YES) model.delete(b);
    }
}
