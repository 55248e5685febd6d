package com.propertyaudit.ui.insights;

import com.propertyaudit.analysis.insights.AnswerFilter;
import com.propertyaudit.analysis.insights.Insights;
import com.propertyaudit.ui.AppContext;
import com.propertyaudit.ui.ExportActions;
import com.propertyaudit.ui.common.Background;
import com.propertyaudit.ui.common.Feedback;
import com.propertyaudit.ui.common.Navigation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.collections.ObservableList;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Draws the {@link InsightsModel}: banner, tiles, charts, tables and the agreement matrix. */
public final class InsightsController {

    private final InsightsModel model;
    private final ExportActions exports;
    private final Navigation navigation;
    private final XYChart.Series<Number, String> sov = new XYChart.Series<>();
    private final XYChart.Series<Number, String> visibility = new XYChart.Series<>();
    private final XYChart.Series<Number, String> cited = new XYChart.Series<>();
    @FXML private Label header;
    @FXML private Label banner;
    @FXML private Button exportPdf;
    @FXML private Button exportCsv;
    @FXML private FlowPane tiles;
    @FXML private BarChart<Number, String> sovChart;
    @FXML private BarChart<Number, String> visibilityChart;
    @FXML private BarChart<Number, String> domainChart;
    @FXML private VBox details;
    @FXML private TableView<Insights.CompetitorRow> competitors;
    @FXML private TableView<Insights.DomainRow> domains;
    @FXML private TableView<Insights.TopicRow> topics;
    @FXML private GridPane matrix;
    @FXML private Label agreement;
    @FXML private AnalysisSectionController analysisController;
    private List<String> tileTitles = List.of();
    private List<TileView> tileViews = List.of();
    private List<String> matrixSurfaces = List.of();
    private Label[][] cells = new Label[0][0];

    public InsightsController(AppContext ctx, Background background, Feedback feedback, ExportActions exports,
            Navigation navigation) {
        this.navigation = navigation;
        this.model = new InsightsModel(ctx.insights()::insights, background, feedback, System::currentTimeMillis);
        this.exports = exports;
        ctx.bridge().listen(model::onEvents);
        model.showLatest(() -> ctx.workspace().batches().latest(null));
    }

    @FXML
    private void initialize() {
        header.textProperty().bind(model.header);
        banner.textProperty().bind(model.banner);
        model.bannerStyle.addListener((o, was, now) -> {
            banner.getStyleClass().removeAll("banner-ok", "banner-warn", "banner-bad", "banner-none");
            banner.getStyleClass().add(now);
        });
        exportPdf.disableProperty().bind(model.insights.isNull());
        exportCsv.disableProperty().bind(model.insights.isNull());
        details.visibleProperty().bind(model.insights.isNotNull());
        details.managedProperty().bind(details.visibleProperty());
        // The charts keep their nodes and only their data is replaced: rebuilding them twice a
        // second while a batch runs is what stalled the FX thread.
        sovChart.getData().add(sov);
        visibilityChart.getData().add(visibility);
        domainChart.getData().add(cited);
        competitors.getColumns().setAll(List.of(text("Competitor", Insights.CompetitorRow::name, 190),
                number("Answers naming it", r -> r.mentions(), "%.0f", 130),
                number("Share of voice", Insights.CompetitorRow::sov, "%.1f%%", 110),
                number("Mean rank", Insights.CompetitorRow::avgRank, "%.1f", 90),
                text("Sentiment (phase 2)", r -> AnalysisSectionModel.sentimentText(
                        analysisController.model().sentiment.get().get(r.name())), 200),
                text("By surface", r -> bySurface(r.bySurface()), 300)));
        // The AI-analysis section follows the same batch; its sentiment fills a column and the brand tile.
        model.batchId.addListener((o, was, now) -> analysisController.show(now, this::refresh));
        analysisController.model().sentiment.addListener((o, was, now) -> {
            competitors.refresh();
            if (model.insights.get() != null) renderTiles(tiles(model.insights.get()));
        });
        domains.getColumns().setAll(List.of(text("Domain", Insights.DomainRow::domain, 190),
                number("Answers citing it", r -> r.citations(), "%.0f", 130),
                number("Share of all citations", Insights.DomainRow::share, "%.1f%%", 150),
                number("Found, not cited", r -> r.retrievedOnly(), "%.0f", 130),
                text("By surface", r -> bySurface(r.bySurface()), 300)));
        topics.getColumns().setAll(List.of(text("Topic", Insights.TopicRow::topic, 190),
                number("Queries", r -> r.queries(), "%.0f", 90),
                number("Answers", r -> r.mentionRate().n(), "%.0f", 90),
                number(InsightsModel.MENTION_RATE, r -> r.mentionRate().percent(), "%.1f%%", 120),
                text("95% interval", r -> r.mentionRate().ci() == null || r.mentionRate().n() == 0 ? "-"
                        : String.format(Locale.ROOT, "%.1f–%.1f%s", r.mentionRate().ci()[0], r.mentionRate().ci()[1],
                                r.mentionRate().directional() ? " · directional" : ""), 200)));
        // Drill-downs: the answers behind a row or a cell, in History.
        drillDown(competitors, r -> AnswerFilter.naming(r.name()));
        drillDown(domains, r -> r.citations() == 0 ? null : AnswerFilter.citing(r.domain()));
        drillDown(topics, r -> AnswerFilter.ALL.withTopic(r.topic()));
        model.insights.addListener((o, was, now) -> {
            if (now != null) render(now);
        });
    }

    private <R> void drillDown(TableView<R> table, Function<R, AnswerFilter> filter) {
        table.setRowFactory(t -> {
            TableRow<R> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() != 2 || row.isEmpty() || model.batchId.get() == null) return;
                AnswerFilter f = filter.apply(row.getItem());
                if (f != null) navigation.openAnswers(model.batchId.get(), f);
            });
            return row;
        });
        table.setTooltip(new Tooltip("Double-click a row: the answers behind it, in History"));
    }

    /** Shows a batch (null: nothing) and keeps it up to date while it runs. */
    public void show(UUID id) {
        model.show(id);
    }

    @FXML
    private void exportPdf() {
        exportPdf(banner.getScene().getWindow());
    }

    /** The PDF of the batch shown (Ctrl+E from any screen but History). */
    public void exportPdf(Window owner) {
        exports.pdf(owner, model.insights.get() == null ? null : model.batchId.get());
    }

    /** Reads the batch shown again (it may have been resumed, re-scored or deleted meanwhile). */
    public void refresh() {
        model.show(model.batchId.get());
    }

    @FXML
    private void exportCsv() {
        exports.csv(banner.getScene().getWindow(), model.batchId.get());
    }

    private void render(Insights in) {
        // While a batch runs this happens twice a second: nodes whose shape has not changed are
        // updated in place rather than rebuilt, so the FX thread is never held for long.
        renderTiles(tiles(in));
        List<InsightsModel.Bar> shares = InsightsModel.shareOfVoice(in);
        update(sovChart, sov, horizontal(shares, in.property()));
        scale((NumberAxis) sovChart.getXAxis(), shares);
        update(visibilityChart, visibility, horizontal(InsightsModel.visibility(in), null));
        update(domainChart, cited, horizontal(InsightsModel.citedDomains(in), null));
        competitors.getItems().setAll(in.competitors());
        domains.getItems().setAll(in.domains());
        topics.getItems().setAll(in.topics());
        competitors.sort();
        domains.sort();
        renderMatrix(in);
    }

    /** The model's tiles, the brand's with how the answers speak of it (phase 2). */
    private List<InsightsModel.Tile> tiles(Insights in) {
        var sentiment = analysisController.model().sentiment.get().get(in.property());
        List<InsightsModel.Tile> out = new ArrayList<>();
        for (InsightsModel.Tile t : InsightsModel.tiles(in)) {
            out.add(t.title().equals(InsightsModel.BRAND_TILE) && sentiment != null && sentiment.total() > 0
                    ? new InsightsModel.Tile(t.title(), t.value(), t.detail() + " · "
                            + AnalysisSectionModel.sentimentText(sentiment)) : t);
        }
        return out;
    }

    /** The tiles: rebuilt only when their titles change (a surface added), otherwise filled in place. */
    private void renderTiles(List<InsightsModel.Tile> kpis) {
        List<String> titles = kpis.stream().map(InsightsModel.Tile::title).toList();
        if (!titles.equals(tileTitles)) {
            tileTitles = titles;
            // Up to five tiles share a row equally; more wrap.
            int perRow = Math.min(kpis.size(), 5);
            tileViews = kpis.stream().map(t -> new TileView()).toList();
            for (TileView v : tileViews) {
                v.box.prefWidthProperty().bind(tiles.widthProperty().subtract(tiles.getHgap() * (perRow - 1) + 1)
                        .divide(perRow));
            }
            tiles.getChildren().setAll(tileViews.stream().map(v -> v.box).toList());
        }
        for (int i = 0; i < kpis.size(); i++) tileViews.get(i).show(kpis.get(i));
    }

    /** One KPI tile's labels. */
    private static final class TileView {
        final Label title = new Label();
        final Label value = new Label();
        final Label detail = new Label();
        final VBox box = new VBox(2, title, value, detail);

        TileView() {
            title.getStyleClass().add("tile-title");
            value.getStyleClass().add("tile-value");
            detail.getStyleClass().add("tile-detail");
            detail.setWrapText(true);
            box.getStyleClass().add("tile");
        }

        void show(InsightsModel.Tile t) {
            title.setText(t.title());
            title.setTooltip(new Tooltip(t.title()));
            value.setText(t.value());
            value.setTooltip(new Tooltip(t.value()));
            value.getStyleClass().remove("tile-value-long");
            if (t.value().length() > 16) value.getStyleClass().add("tile-value-long");
            detail.setText(t.detail());
        }
    }

    /**
     * New bars; when they are the same categories in the same order, only their lengths change.
     * Otherwise the axis is given the new order outright: left to itself it keeps the order of the
     * categories it has already seen, so a refreshed chart would stay sorted as the previous batch.
     */
    private static void update(BarChart<Number, String> chart, XYChart.Series<Number, String> series,
            List<XYChart.Data<Number, String>> bars) {
        ObservableList<XYChart.Data<Number, String>> have = series.getData();
        boolean same = have.size() == bars.size();
        for (int i = 0; same && i < bars.size(); i++) same = have.get(i).getYValue().equals(bars.get(i).getYValue());
        if (!same) {
            have.clear();
            CategoryAxis axis = (CategoryAxis) chart.getYAxis();
            axis.setAutoRanging(false);
            axis.getCategories().setAll(bars.stream().map(XYChart.Data::getYValue).distinct().toList());
            have.setAll(bars);
            return;
        }
        for (int i = 0; i < bars.size(); i++) {
            if (!have.get(i).getXValue().equals(bars.get(i).getXValue())) have.get(i).setXValue(bars.get(i).getXValue());
        }
    }

    /** An axis from 0 to a round number above the largest bar, with four readable ticks. */
    private static void scale(NumberAxis axis, List<InsightsModel.Bar> bars) {
        double max = bars.stream().mapToDouble(InsightsModel.Bar::value).max().orElse(0);
        double top = Math.max(10, Math.ceil(max / 10) * 10);
        axis.setAutoRanging(false);
        axis.setLowerBound(0);
        axis.setUpperBound(top);
        axis.setTickUnit(top / 4);
    }

    /** Bars of a horizontal chart, largest at the top; the brand's bar (if any) in its own colour. */
    private static List<XYChart.Data<Number, String>> horizontal(List<InsightsModel.Bar> bars, String brand) {
        List<XYChart.Data<Number, String>> out = new ArrayList<>();
        for (int i = bars.size() - 1; i >= 0; i--) {
            InsightsModel.Bar b = bars.get(i);
            XYChart.Data<Number, String> d = new XYChart.Data<>(b.value(), shorten(b.label()));
            if (b.label().equals(brand)) {
                // The chart keeps a node it is given and adds its own classes to it.
                // (it resets the node's style classes, so the colour goes inline).
                StackPane bar = new StackPane();
                bar.setStyle("-fx-bar-fill: -color-success-emphasis;");
                d.setNode(bar);
            }
            out.add(d);
        }
        return out;
    }

    private void renderMatrix(Insights in) {
        List<String> surfaces = List.copyOf(in.summary().visibility().keySet());
        List<Insights.QueryAgreement> rows = in.agreement().perQuery();
        if (!surfaces.equals(matrixSurfaces) || cells.length != rows.size()) {
            buildMatrix(surfaces, rows);
        }
        for (int i = 0; i < rows.size(); i++) {
            Insights.QueryAgreement a = rows.get(i);
            for (int j = 0; j < surfaces.size(); j++) {
                Boolean named = a.mentions().get(surfaces.get(j));
                Insights.Rate r = a.rates().get(surfaces.get(j));
                Label cell = cells[i][j];
                cell.setText(named == null ? "·" : named ? "✓" : "✗");
                cell.getStyleClass().setAll("label", named == null ? "cell-none" : named ? "cell-yes" : "cell-no");
                cell.setTooltip(new Tooltip((r == null || r.n() == 0 ? "No answer yet" : r.k() + " of " + r.n()
                        + " samples name the brand") + " · click: these answers in History"));
            }
        }
        agreement.setText(InsightsModel.agreementSentence(in.agreement()));
    }

    /** The matrix's header, one row per query and one empty cell per surface, filled by renderMatrix. */
    private void buildMatrix(List<String> surfaces, List<Insights.QueryAgreement> rows) {
        matrix.getChildren().clear();
        matrixSurfaces = surfaces;
        cells = new Label[rows.size()][surfaces.size()];
        Label q = new Label("Query");
        q.getStyleClass().add("matrix-head");
        matrix.add(q, 0, 0);
        for (int j = 0; j < surfaces.size(); j++) {
            Label h = new Label(surfaces.get(j));
            h.getStyleClass().add("matrix-head");
            matrix.add(h, j + 1, 0);
        }
        for (int i = 0; i < rows.size(); i++) {
            Insights.QueryAgreement a = rows.get(i);
            Label text = new Label((a.queryIndex() + 1) + ". " + a.query() + (a.namesBrand() ? "  (names the brand)" : ""));
            text.setMaxWidth(520);
            matrix.add(text, 0, i + 1);
            for (int j = 0; j < surfaces.size(); j++) {
                Label cell = new Label();
                AnswerFilter f = AnswerFilter.cell(a.queryIndex(), surfaces.get(j));
                cell.setCursor(javafx.scene.Cursor.HAND);
                cell.setOnMouseClicked(e -> {
                    if (model.batchId.get() != null) navigation.openAnswers(model.batchId.get(), f);
                });
                cells[i][j] = cell;
                matrix.add(cell, j + 1, i + 1);
            }
        }
    }

    private static <R> TableColumn<R, String> text(String title, Function<R, String> f, double width) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** A numeric column: sorts as numbers, shows them formatted. */
    private static <R> TableColumn<R, Number> number(String title, Function<R, Number> f, String format, double width) {
        TableColumn<R, Number> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Number v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty ? null : v == null ? "-" : String.format(Locale.ROOT, format, v.doubleValue()));
            }
        });
        c.setComparator((a, b) -> Double.compare(a == null ? -1 : a.doubleValue(), b == null ? -1 : b.doubleValue()));
        c.getStyleClass().add("number-column");
        c.setPrefWidth(width);
        return c;
    }

    private static String shorten(String s) {
        return s.length() > 26 ? s.substring(0, 25) + "…" : s;
    }

    private static String bySurface(Map<String, Integer> m) {
        StringBuilder sb = new StringBuilder();
        m.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
        return sb.toString();
    }
}
