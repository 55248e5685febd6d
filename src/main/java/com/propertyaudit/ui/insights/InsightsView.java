package com.propertyaudit.ui.insights;

import com.propertyaudit.analysis.insights.Insights;
import com.propertyaudit.domain.BatchStatus;
import com.propertyaudit.engine.EngineEvent;
import com.propertyaudit.ui.AppContext;
import com.propertyaudit.ui.FxTasks;
import com.propertyaudit.ui.Views;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Insights of one batch: the status banner, KPI tiles, charts, tables and the agreement matrix. */
public final class InsightsView extends ScrollPane {

    private final AppContext ctx;
    private final Label banner = new Label("Run an audit or open a batch in History to see its insights.");
    private final FlowPane tiles = new FlowPane(10, 10);
    private final HBox charts = new HBox(10);
    private final TableView<Insights.CompetitorRow> competitors = new TableView<>();
    private final TableView<Insights.DomainRow> domains = new TableView<>();
    private final GridPane matrix = new GridPane();
    private final Label header = Views.title("Insights");
    private final XYChart.Series<String, Number> sov = new XYChart.Series<>();
    private final XYChart.Series<String, Number> visibility = new XYChart.Series<>();
    private final XYChart.Series<String, Number> cited = new XYChart.Series<>();
    private UUID batchId;
    private long lastLoad;
    private boolean loading;
    private boolean stale;

    public InsightsView(AppContext ctx, com.propertyaudit.ui.ExportActions exports) {
        this.ctx = ctx;
        banner.setId("insights-banner");
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.getStyleClass().addAll("banner");
        competitors.setPlaceholder(new Label("No competitor named yet."));
        domains.setPlaceholder(new Label("No domain cited yet."));
        competitors.getColumns().addAll(List.of(
                col("Competitor", r -> r.name()), col("Answers naming it", r -> String.valueOf(r.mentions())),
                col("Share of voice", r -> pct(r.sov())), col("Mean rank", r -> fmt(r.avgRank())),
                col("By surface", r -> bySurface(r.bySurface()))));
        domains.getColumns().addAll(List.of(col("Domain", r -> r.domain()),
                col("Answers citing it", r -> String.valueOf(r.citations())), col("Share", r -> pct(r.share())),
                col("By surface", r -> bySurface(r.bySurface()))));
        competitors.setPrefHeight(220);
        domains.setPrefHeight(220);
        for (Object[] c : new Object[][] {{"Share of voice (%)", sov}, {"Visibility per surface", visibility},
                {"Top cited domains (answers)", cited}}) {
            BarChart<String, Number> chart = chart((String) c[0]);
            @SuppressWarnings("unchecked")
            XYChart.Series<String, Number> series = (XYChart.Series<String, Number>) c[1];
            chart.getData().add(series);
            HBox.setHgrow(chart, Priority.ALWAYS);
            charts.getChildren().add(chart);
        }
        matrix.setHgap(14);
        matrix.setVgap(3);
        VBox tables = new VBox(8, Views.subtitle("Competitors"), competitors, Views.subtitle("Cited domains"), domains);
        javafx.scene.control.Button pdf = new javafx.scene.control.Button("Export PDF…");
        pdf.setTooltip(new Tooltip("Ctrl+E"));
        pdf.setOnAction(e -> exports.pdf(getScene().getWindow(), batchId));
        javafx.scene.control.Button csv = new javafx.scene.control.Button("Export CSV…");
        csv.setOnAction(e -> exports.csv(getScene().getWindow(), batchId));
        HBox top = new HBox(10, header, new javafx.scene.layout.Region(), pdf, csv);
        HBox.setHgrow(top.getChildren().get(1), Priority.ALWAYS);
        VBox box = new VBox(12, top, banner, tiles, charts, tables, Views.subtitle("Where the models agree"
                + " (brand named per query and surface)"), matrix);
        box.setPadding(new Insets(0, 12, 12, 0));
        setContent(box);
        setFitToWidth(true);
        getStyleClass().add("screen");
        ctx.bridge().listen(this::onEvents);
    }

    private static <R> TableColumn<R, String> col(String title, java.util.function.Function<R, String> f) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new SimpleStringProperty(f.apply(d.getValue())));
        c.setPrefWidth(title.equals("By surface") ? 320 : 150);
        return c;
    }

    /** Shows a batch (null: nothing) and keeps it up to date while it runs. */
    public void show(UUID id) {
        batchId = id;
        reload();
    }

    public UUID batchId() {
        return batchId;
    }

    private void onEvents(List<EngineEvent> events) {
        if (batchId == null) return;
        boolean mine = events.stream().anyMatch(e -> batchId.equals(e.batchId())
                && (e instanceof EngineEvent.QueryFinished || e instanceof EngineEvent.RunFinished
                        || e instanceof EngineEvent.BatchFinished));
        boolean finished = events.stream().anyMatch(e -> batchId.equals(e.batchId()) && e instanceof EngineEvent.BatchFinished);
        // While a batch runs, at most two reloads a second; its end always reloads.
        if (mine && (finished || System.currentTimeMillis() - lastLoad > 500)) reload();
    }

    private void reload() {
        if (batchId == null) return;
        if (loading) {
            stale = true;
            return;
        }
        loading = true;
        lastLoad = System.currentTimeMillis();
        UUID id = batchId;
        FxTasks.run(() -> ctx.insights().insights(id).orElse(null), in -> {
            loading = false;
            if (in != null && id.equals(batchId)) render(in);
            if (stale) {
                stale = false;
                reload();
            }
        }, e -> {
            loading = false;
            Views.error("Insights could not be computed", FxTasks.describe(e));
        });
    }

    private void render(Insights in) {
        header.setText("Insights - " + in.property() + " - " + in.createdAt().toString().substring(0, 16).replace('T', ' '));
        boolean simulated = in.summary().visibility().keySet().stream().anyMatch(s -> s.startsWith("simulated:"));
        banner.setText(in.batchStatus().message() + (simulated ? "   ·   Simulated data" : ""));
        banner.getStyleClass().removeAll("banner-ok", "banner-warn", "banner-bad");
        BatchStatus st = in.batchStatus().status();
        banner.getStyleClass().add(st == BatchStatus.COMPLETE ? "banner-ok"
                : st == BatchStatus.FAILED ? "banner-bad" : "banner-warn");

        Insights.Summary s = in.summary();
        tiles.getChildren().clear();
        in.summary().visibility().forEach((surface, v) -> tiles.getChildren().add(tile("Visibility " + surface,
                v.score() == null ? "-" : fmt(v.score()), v.ci() == null ? "n=" + v.answers()
                        : String.format(Locale.ROOT, "95%% CI %.1f-%.1f, n=%d", v.ci()[0], v.ci()[1], v.answers())
                                + (v.answers() < Insights.DIRECTIONAL_BELOW ? " · directional" : ""))));
        tiles.getChildren().add(tile("Brand share of voice", pct(s.brandSOV()), "mention rate " + rate(s.brandMentionRate())));
        tiles.getChildren().add(tile("Unbranded share of voice", pct(s.unbranded().brandSOV()),
                s.unbranded().queries() + " queries that do not name the brand"));
        tiles.getChildren().add(tile("Top competitor", s.topCompetitor() == null ? "-" : s.topCompetitor(),
                s.answers() + " answers" + (s.failedAnswers() > 0 ? ", " + s.failedAnswers() + " failed" : "")));

        // The charts are built once and only their data replaced: rebuilding them twice a second
        // while a batch runs is what stalled the FX thread.
        sov.getData().setAll(sovData(in));
        visibility.getData().setAll(visibilityData(in));
        cited.getData().setAll(domainData(in));
        competitors.setItems(FXCollections.observableArrayList(in.competitors()));
        domains.setItems(FXCollections.observableArrayList(in.domains()));
        renderMatrix(in);
    }

    private static VBox tile(String title, String value, String detail) {
        Label t = new Label(title);
        t.getStyleClass().add("tile-title");
        Label v = new Label(value);
        v.getStyleClass().add("tile-value");
        Label d = new Label(detail);
        d.getStyleClass().add("tile-detail");
        d.setWrapText(true);
        VBox box = new VBox(2, t, v, d);
        box.getStyleClass().add("tile");
        box.setPrefWidth(250);
        return box;
    }

    private static BarChart<String, Number> chart(String title) {
        BarChart<String, Number> c = new BarChart<>(new CategoryAxis(), new NumberAxis());
        c.setTitle(title);
        c.setLegendVisible(false);
        c.setAnimated(false);
        c.setPrefHeight(260);
        c.setMinWidth(300);
        return c;
    }

    private List<XYChart.Data<String, Number>> sovData(Insights in) {
        List<XYChart.Data<String, Number>> series = new java.util.ArrayList<>();
        if (in.summary().brandSOV() != null) series.add(new XYChart.Data<>(short_(in.property()), in.summary().brandSOV()));
        in.competitors().stream().limit(6).forEach(r -> series.add(new XYChart.Data<>(short_(r.name()), r.sov())));
        return series;
    }

    private List<XYChart.Data<String, Number>> visibilityData(Insights in) {
        List<XYChart.Data<String, Number>> series = new java.util.ArrayList<>();
        in.summary().visibility().forEach((s, v) -> {
            if (v.score() != null) series.add(new XYChart.Data<>(short_(s), v.score()));
        });
        return series;
    }

    private List<XYChart.Data<String, Number>> domainData(Insights in) {
        List<XYChart.Data<String, Number>> series = new java.util.ArrayList<>();
        in.domains().stream().limit(6).forEach(d -> series.add(new XYChart.Data<>(d.domain(), d.citations())));
        return series;
    }

    private void renderMatrix(Insights in) {
        matrix.getChildren().clear();
        List<String> surfaces = List.copyOf(in.summary().visibility().keySet());
        matrix.add(new Label("Query"), 0, 0);
        for (int j = 0; j < surfaces.size(); j++) {
            Label h = new Label(surfaces.get(j));
            h.getStyleClass().add("matrix-head");
            matrix.add(h, j + 1, 0);
        }
        int row = 1;
        for (Insights.QueryAgreement q : in.agreement().perQuery()) {
            Label text = new Label(q.query() + (q.namesBrand() ? "  (names the brand)" : ""));
            text.setMaxWidth(460);
            matrix.add(text, 0, row);
            for (int j = 0; j < surfaces.size(); j++) {
                Boolean named = q.mentions().get(surfaces.get(j));
                Insights.Rate r = q.rates().get(surfaces.get(j));
                Label cell = new Label(named == null ? "·" : named ? "✓" : "✗");
                cell.getStyleClass().add(named == null ? "cell-none" : named ? "cell-yes" : "cell-no");
                if (r != null && r.n() > 0) cell.setTooltip(new Tooltip(r.k() + " of " + r.n() + " samples name the brand"));
                matrix.add(cell, j + 1, row);
            }
            row++;
        }
        Insights.Agreement a = in.agreement();
        if (a.rate() != null) {
            matrix.add(new Label(String.format(Locale.ROOT, "Agreement %.1f%% on %d queries, kappa %s", a.rate(),
                    a.queries(), a.kappa() == null ? "undefined" : String.format(Locale.ROOT, "%.2f", a.kappa()))),
                    0, row, surfaces.size() + 1, 1);
        }
    }

    private static String short_(String s) {
        return s.length() > 22 ? s.substring(0, 21) + "…" : s;
    }

    private static String bySurface(Map<String, Integer> m) {
        StringBuilder sb = new StringBuilder();
        m.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
        return sb.toString();
    }

    static String pct(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.1f%%", v);
    }

    static String fmt(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String rate(Insights.Rate r) {
        if (r.percent() == null) return "-";
        return String.format(Locale.ROOT, "%.1f%% (%.1f-%.1f, n=%d)%s", r.percent(), r.ci()[0], r.ci()[1], r.n(),
                r.directional() ? " directional" : "");
    }

}
