package com.propertyaudit.ui.history;

import com.propertyaudit.analysis.AnswerScorer;
import com.propertyaudit.domain.AnswerStatus;
import com.propertyaudit.domain.Batch;
import com.propertyaudit.domain.Citation;
import com.propertyaudit.domain.Mention;
import com.propertyaudit.domain.Run;
import com.propertyaudit.domain.StoredAnswer;
import com.propertyaudit.store.AnswerRepository;
import com.propertyaudit.store.BatchSummary;
import com.propertyaudit.ui.AppContext;
import com.propertyaudit.ui.FxTasks;
import com.propertyaudit.ui.Views;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/** History: every batch, its answers with the names highlighted, resume and delete. */
public final class HistoryView extends BorderPane {

    private final AppContext ctx;
    private final Consumer<UUID> openInsights;
    private final Consumer<String> openLink;
    private final ObservableList<BatchSummary> all = FXCollections.observableArrayList();
    private final FilteredList<BatchSummary> shown = new FilteredList<>(all);
    private final TableView<BatchSummary> table = new TableView<>(shown);
    private final ListView<StoredAnswer> answers = new ListView<>();
    private final TextFlow text = new TextFlow();
    private final FlowPane links = new FlowPane(8, 4);
    private final TextArea raw = new TextArea();
    private final ToggleButton showRaw = new ToggleButton("Raw JSON");
    private Map<UUID, String> surfaces = new HashMap<>();
    private AnswerScorer scorer;

    public HistoryView(AppContext ctx, Consumer<UUID> openInsights, Consumer<String> openLink,
            com.propertyaudit.ui.ExportActions exports) {
        this.ctx = ctx;
        this.openInsights = openInsights;
        this.openLink = openLink;
        getStyleClass().add("screen");
        table.setId("history-table");
        table.setPlaceholder(new Label("No batches yet. Run an audit: every batch is kept here for offline review."));
        table.getColumns().addAll(List.of(
                col("Date", b -> b.createdAt().toString().substring(0, 16).replace('T', ' '), 150),
                col("Property", BatchSummary::property, 170), col("Status", b -> b.status().id(), 90),
                col("Answers", b -> b.answers() + "/" + b.expectedAnswers(), 80),
                col("Surfaces and visibility", HistoryView::scores, 380)));
        TextField filter = new TextField();
        filter.setPromptText("Filter by property, status or surface");
        filter.textProperty().addListener((o, was, now) -> shown.setPredicate(b -> now == null || now.isBlank()
                || (b.property() + " " + b.status().id() + " " + String.join(" ", b.surfaces())).toLowerCase(Locale.ROOT)
                        .contains(now.toLowerCase(Locale.ROOT))));
        Button insights = new Button("Open insights");
        insights.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        insights.setOnAction(e -> openInsights.accept(table.getSelectionModel().getSelectedItem().batchId()));
        Button resume = new Button("Resume");
        resume.setDisable(true);
        resume.setOnAction(e -> resume());
        Button delete = new Button("Delete…");
        delete.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        delete.setOnAction(e -> delete());
        Button pdf = new Button("Export PDF…");
        pdf.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        pdf.setOnAction(e -> exports.pdf(getScene().getWindow(), table.getSelectionModel().getSelectedItem().batchId()));
        Button csv = new Button("Export CSV…");
        csv.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        csv.setOnAction(e -> exports.csv(getScene().getWindow(), table.getSelectionModel().getSelectedItem().batchId()));
        Button refresh = new Button("Refresh");
        refresh.setOnAction(e -> refresh());
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            resume.setDisable(now == null || now.status().isLive() || now.answers() >= now.expectedAnswers());
            loadAnswers(now);
        });
        HBox.setHgrow(filter, Priority.ALWAYS);
        VBox top = new VBox(8, Views.title("History"), new HBox(8, filter, insights, resume, pdf, csv, delete, refresh), table);
        table.setPrefHeight(260);

        answers.setId("answer-list");
        answers.setPlaceholder(new Label("Select a batch to browse its answers."));
        answers.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(StoredAnswer a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? null : (a.answer().queryIndex() + 1) + ". " + a.answer().queryText() + "\n"
                        + surfaces.getOrDefault(a.answer().runId(), "?") + " · sample " + a.answer().sample() + " · "
                        + (a.answer().status() == AnswerStatus.FAILED ? "failed"
                                : String.format(Locale.ROOT, "score %.1f", a.score().score())));
            }
        });
        answers.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> showAnswer(now));
        text.setId("answer-text");
        text.setLineSpacing(3);
        raw.setEditable(false);
        raw.setWrapText(true);
        raw.visibleProperty().bind(showRaw.selectedProperty());
        raw.managedProperty().bind(showRaw.selectedProperty());
        ScrollPane textScroll = new ScrollPane(text);
        textScroll.setFitToWidth(true);
        VBox detail = new VBox(8, textScroll, Views.subtitle("Sources"), links, showRaw, raw);
        detail.setPadding(new Insets(0, 0, 0, 8));
        VBox.setVgrow(textScroll, Priority.ALWAYS);
        SplitPane split = new SplitPane(answers, detail);
        split.setDividerPositions(0.38);
        setTop(top);
        setCenter(split);
        BorderPane.setMargin(split, new Insets(10, 0, 0, 0));
        refresh();
    }

    private static <R> TableColumn<R, String> col(String title, java.util.function.Function<R, String> f, double w) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new SimpleStringProperty(f.apply(d.getValue())));
        c.setPrefWidth(w);
        return c;
    }

    private static String scores(BatchSummary b) {
        StringBuilder sb = new StringBuilder();
        for (String s : b.surfaces()) {
            Double v = b.scores().get(s);
            sb.append(sb.length() == 0 ? "" : ", ").append(s)
                    .append(v == null ? "" : String.format(Locale.ROOT, " %.1f", v));
        }
        return sb.toString();
    }

    public void refresh() {
        FxTasks.run(() -> ctx.workspace().batches().list(null), list -> {
            UUID keep = table.getSelectionModel().getSelectedItem() == null ? null
                    : table.getSelectionModel().getSelectedItem().batchId();
            all.setAll(list);
            shown.stream().filter(b -> keep == null || b.batchId().equals(keep)).findFirst()
                    .ifPresent(b -> table.getSelectionModel().select(b));
        }, e -> Views.error("History could not be read", FxTasks.describe(e)));
    }

    private void loadAnswers(BatchSummary b) {
        answers.getItems().clear();
        text.getChildren().clear();
        links.getChildren().clear();
        raw.clear();
        if (b == null) return;
        FxTasks.run(() -> {
            Batch batch = ctx.workspace().batches().find(b.batchId()).orElseThrow();
            Map<UUID, String> names = new HashMap<>();
            for (Run r : ctx.workspace().batches().runs(b.batchId())) names.put(r.id(), r.surface().label());
            return new Object[] {new AnswerScorer(batch.snapshot()), names,
                    ctx.workspace().answers().forBatch(b.batchId(), AnswerRepository.Detail.FULL)};
        }, loaded -> {
            scorer = (AnswerScorer) loaded[0];
            @SuppressWarnings("unchecked")
            Map<UUID, String> names = (Map<UUID, String>) loaded[1];
            surfaces = names;
            @SuppressWarnings("unchecked")
            List<StoredAnswer> list = (List<StoredAnswer>) loaded[2];
            answers.getItems().setAll(list);
            if (!list.isEmpty()) answers.getSelectionModel().select(0);
        }, e -> Views.error("The answers could not be read", FxTasks.describe(e)));
    }

    /** The answer with every name highlighted: the brand in one colour, competitors in another. */
    private void showAnswer(StoredAnswer a) {
        text.getChildren().clear();
        links.getChildren().clear();
        if (a == null) return;
        if (a.answer().status() == AnswerStatus.FAILED) {
            Text t = new Text("This request failed: " + a.answer().error());
            t.getStyleClass().add("answer-error");
            text.getChildren().add(t);
        } else {
            String body = a.answer().text() == null ? "" : a.answer().text();
            if (body.isEmpty()) body = "(empty answer" + (a.answer().note() == null ? ")" : ": " + a.answer().note() + ")");
            List<Mention> mentions = scorer.score(a.answer().text(), a.answer().citations()).mentions();
            int at = 0;
            for (Mention m : mentions) {
                if (m.start() < at || m.end() > body.length()) continue;
                text.getChildren().add(new Text(body.substring(at, m.start())));
                Text hit = new Text(body.substring(m.start(), m.end()));
                hit.getStyleClass().add(m.brand() ? "mention-brand" : "mention-competitor");
                text.getChildren().add(hit);
                at = m.end();
            }
            text.getChildren().add(new Text(body.substring(Math.min(at, body.length()))));
        }
        for (Citation c : a.answer().citations()) {
            Hyperlink link = new Hyperlink(c.title() == null ? c.url() : c.title());
            link.setOnAction(e -> openLink.accept(c.url()));
            links.getChildren().add(link);
        }
        if (links.getChildren().isEmpty()) links.getChildren().add(new Label("No sources returned beside the text."));
        raw.setText("Request:\n" + nz(a.answer().rawRequest()) + "\n\nResponse:\n" + nz(a.answer().rawResponse()));
    }

    private static String nz(String s) {
        return s == null ? "(none)" : s;
    }

    private void resume() {
        BatchSummary b = table.getSelectionModel().getSelectedItem();
        if (b == null) return;
        FxTasks.run(() -> ctx.engine().resume(b.batchId(), ctx.bridge().sink()), h -> {
            openInsights.accept(b.batchId());
            h.done().thenRun(() -> javafx.application.Platform.runLater(this::refresh));
        }, e -> Views.error("The batch could not be resumed", FxTasks.describe(e)));
    }

    private void delete() {
        BatchSummary b = table.getSelectionModel().getSelectedItem();
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "Delete the batch of " + b.createdAt().toString()
                .substring(0, 16).replace('T', ' ') + " for " + b.property() + ", with its " + b.answers()
                + " answers? This cannot be undone.", ButtonType.YES, ButtonType.NO);
        a.setHeaderText("Delete batch");
        if (a.showAndWait().orElse(ButtonType.NO) != ButtonType.YES) return;
        FxTasks.run(() -> {
            ctx.workspace().batches().delete(b.batchId());
            return true;
        }, ok -> refresh(), e -> Views.error("The batch could not be deleted", FxTasks.describe(e)));
    }
}
