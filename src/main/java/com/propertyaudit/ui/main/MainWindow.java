package com.propertyaudit.ui.main;

import com.propertyaudit.ui.AppContext;
import com.propertyaudit.ui.audit.RunAuditView;
import com.propertyaudit.ui.history.HistoryView;
import com.propertyaudit.ui.insights.InsightsView;
import com.propertyaudit.ui.properties.PropertiesView;
import com.propertyaudit.ui.settings.SettingsView;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The main window's content: navigation on the left, the current screen, a status line. */
public final class MainWindow extends BorderPane {

    private final Map<String, Node> screens = new LinkedHashMap<>();
    private final Map<String, ToggleButton> buttons = new LinkedHashMap<>();
    private final ToggleGroup group = new ToggleGroup();
    private final PropertiesView properties;
    private final RunAuditView audit;
    private final InsightsView insights;
    private final HistoryView history;
    private final com.propertyaudit.ui.ExportActions exports;

    public MainWindow(AppContext ctx, Consumer<String> openLink) {
        getStyleClass().add("main-window");
        properties = new PropertiesView(ctx);
        exports = new com.propertyaudit.ui.ExportActions(ctx, openLink);
        insights = new InsightsView(ctx, exports);
        history = new HistoryView(ctx, this::openInsights, openLink, exports);
        audit = new RunAuditView(ctx, this::openInsights);
        audit.model().batchId.addListener((o, was, now) -> insights.show(now));
        audit.model().finishedStatus.addListener((o, was, now) -> history.refresh());
        screens.put("Properties", properties);
        screens.put("Run Audit", audit);
        screens.put("Insights", insights);
        screens.put("History", history);
        screens.put("Settings", new SettingsView(ctx));
        Map<String, Feather> icons = Map.of("Properties", Feather.HOME, "Run Audit", Feather.PLAY_CIRCLE,
                "Insights", Feather.BAR_CHART_2, "History", Feather.CLOCK, "Settings", Feather.SETTINGS);
        Map<String, String> tips = Map.of("Run Audit", "Ctrl+R runs the audit", "Settings", "Ctrl+,",
                "Properties", "The properties you audit", "Insights", "Share of voice, visibility, agreement",
                "History", "Every past batch, offline");
        VBox nav = new VBox(4);
        nav.getStyleClass().add("nav");
        Label brand = new Label("PropertyAudit");
        brand.getStyleClass().add("app-name");
        nav.getChildren().add(brand);
        for (String name : screens.keySet()) {
            ToggleButton b = new ToggleButton(name, new FontIcon(icons.get(name)));
            b.setId("nav-" + name.toLowerCase().replace(' ', '-'));
            b.setToggleGroup(group);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setTooltip(new Tooltip(tips.get(name)));
            b.setOnAction(e -> show(name));
            buttons.put(name, b);
            nav.getChildren().add(b);
        }
        nav.setPadding(new Insets(12));
        nav.setPrefWidth(180);
        setLeft(nav);
        if (ctx.firstStart()) setTop(keysNote(ctx));
        Label status = new Label("Data: " + ctx.workspace().folder());
        status.getStyleClass().add("status-bar");
        setBottom(status);
        show(ctx.firstStart() ? "Run Audit" : "Properties");
    }

    private Node keysNote(AppContext ctx) {
        Label text = new Label("Welcome. A sample property, Domain San Diego, is ready with the offline Simulated"
                + " surface: press Run Audit to see the whole flow. For real answers from OpenAI and Claude, set"
                + " OPENAI_API_KEY and ANTHROPIC_API_KEY or enter the keys in Settings.");
        text.setWrapText(true);
        Button close = new Button("Dismiss");
        close.setMinWidth(Region.USE_PREF_SIZE);
        HBox note = new HBox(10, text, close);
        HBox.setHgrow(text, Priority.ALWAYS);
        note.getStyleClass().add("welcome");
        note.setPadding(new Insets(8, 12, 8, 12));
        close.setOnAction(e -> {
            setTop(null);
            ctx.workspace().settingsStore().save(ctx.workspace().settings().withKeysNoteDismissed(true));
        });
        if (ctx.workspace().settings().keysNoteDismissed()) return null;
        return note;
    }

    public void show(String name) {
        if (!name.equals("Properties") && getCenter() == properties && !properties.confirmDiscard()) {
            buttons.get("Properties").setSelected(true);
            return;
        }
        if (name.equals("Run Audit")) audit.refresh();
        if (name.equals("History")) history.refresh();
        Region screen = (Region) screens.get(name);
        BorderPane.setMargin(screen, new Insets(12));
        setCenter(screen);
        buttons.get(name).setSelected(true);
    }

    private void openInsights(UUID batch) {
        if (batch != null) insights.show(batch);
        show("Insights");
    }

    /** Ctrl+E: the PDF of the batch the Insights screen shows. */
    public void exportCurrent() {
        exports.pdf(getScene().getWindow(), insights.batchId());
    }

    public RunAuditView audit() {
        return audit;
    }

    public PropertiesView properties() {
        return properties;
    }

    public boolean mayClose() {
        return getCenter() != properties || properties.confirmDiscard();
    }
}
