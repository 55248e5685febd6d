package com.propertyaudit.ui.main;

import com.propertyaudit.ui.AppContext;
import com.propertyaudit.ui.FxTasks;
import com.propertyaudit.ui.audit.RunAuditController;
import com.propertyaudit.ui.common.Background;
import com.propertyaudit.ui.common.FxFeedback;
import com.propertyaudit.ui.common.Fxml;
import com.propertyaudit.ui.common.FxmlFile;
import com.propertyaudit.ui.common.Navigation;
import com.propertyaudit.ui.history.HistoryController;
import com.propertyaudit.ui.insights.InsightsController;
import com.propertyaudit.ui.properties.PropertiesController;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import javafx.fxml.FXML;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;

/** The main window: navigation on the left, the current screen, notices, a status line. */
public final class MainController implements Navigation {

    /** The screens of the navigation bar. */
    public enum Screen { PROPERTIES, RUN_AUDIT, INSIGHTS, HISTORY, SETTINGS }

    private final AppContext ctx;
    private final Fxml fxml;
    private final Navigation.Deferred navigation;
    private final FxFeedback feedback;
    private final Background background;
    private final Map<Screen, Parent> screens = new EnumMap<>(Screen.class);
    private final Map<Screen, ToggleButton> buttons = new EnumMap<>(Screen.class);
    private PropertiesController properties;
    private RunAuditController audit;
    private InsightsController insights;
    private HistoryController history;
    private Screen current;
    @FXML private StackPane root;
    @FXML private BorderPane layout;
    @FXML private Label status;
    @FXML private ToggleButton navProperties;
    @FXML private ToggleButton navRunAudit;
    @FXML private ToggleButton navInsights;
    @FXML private ToggleButton navHistory;
    @FXML private ToggleButton navSettings;

    public MainController(AppContext ctx, Fxml fxml, Navigation.Deferred navigation, FxFeedback feedback,
            Background background) {
        this.ctx = ctx;
        this.background = background;
        this.fxml = fxml;
        this.navigation = navigation;
        this.feedback = feedback;
    }

    @FXML
    private void initialize() {
        navigation.attach(this);
        Fxml.Loaded<PropertiesController> p = fxml.load(FxmlFile.PROPERTIES);
        Fxml.Loaded<RunAuditController> a = fxml.load(FxmlFile.RUN_AUDIT);
        Fxml.Loaded<InsightsController> i = fxml.load(FxmlFile.INSIGHTS);
        Fxml.Loaded<HistoryController> h = fxml.load(FxmlFile.HISTORY);
        properties = p.controller();
        audit = a.controller();
        insights = i.controller();
        history = h.controller();
        screens.put(Screen.PROPERTIES, p.root());
        screens.put(Screen.RUN_AUDIT, a.root());
        screens.put(Screen.INSIGHTS, i.root());
        screens.put(Screen.HISTORY, h.root());
        screens.put(Screen.SETTINGS, fxml.load(FxmlFile.SETTINGS).root());
        buttons.put(Screen.PROPERTIES, navProperties);
        buttons.put(Screen.RUN_AUDIT, navRunAudit);
        buttons.put(Screen.INSIGHTS, navInsights);
        buttons.put(Screen.HISTORY, navHistory);
        buttons.put(Screen.SETTINGS, navSettings);
        buttons.forEach((screen, b) -> b.setOnAction(e -> show(screen)));
        // The Insights screen follows the batch that was just started.
        audit.batchIdProperty().addListener((o, was, now) -> insights.show(now));
        StackPane.setAlignment(feedback.overlay(), Pos.BOTTOM_RIGHT);
        StackPane.setMargin(feedback.overlay(), new Insets(0, 16, 36, 0));
        root.getChildren().add(feedback.overlay());
        status.setText("Data: " + ctx.workspace().folder());
        boolean showWelcome = ctx.firstStart() && !ctx.workspace().settings().keysNoteDismissed();
        if (!showWelcome) layout.setTop(null);
        show(ctx.firstStart() ? Screen.RUN_AUDIT : Screen.PROPERTIES);
    }

    @FXML
    private void dismissWelcome() {
        layout.setTop(null);
        background.run(() -> {
            ctx.workspace().settingsStore().save(ctx.workspace().settings().withKeysNoteDismissed(true));
            return true;
        }, ok -> { }, e -> feedback.error("The settings could not be saved", FxTasks.describe(e)));
    }

    /** Shows a screen with its data read afresh; leaving Properties asks first about unsaved changes. */
    public void show(Screen screen) {
        if (!mayLeaveFor(screen)) return;
        if (screen == Screen.RUN_AUDIT) audit.refresh();
        if (screen == Screen.HISTORY) history.refresh();
        if (screen == Screen.INSIGHTS && screen != current) insights.refresh();
        display(screen);
    }

    @Override
    public void openInsights(UUID batchId) {
        if (!mayLeaveFor(Screen.INSIGHTS)) return;
        if (batchId != null) insights.show(batchId);
        else if (current != Screen.INSIGHTS) insights.refresh();
        display(Screen.INSIGHTS);
    }

    @Override
    public void openAnswers(UUID batchId, int queryIndex, java.util.List<String> surfaceIds) {
        if (!mayLeaveFor(Screen.HISTORY)) return;
        history.openAnswers(batchId, queryIndex, surfaceIds);
        display(Screen.HISTORY);
    }

    private boolean mayLeaveFor(Screen screen) {
        if (current == Screen.PROPERTIES && screen != Screen.PROPERTIES && !properties.confirmDiscard()) {
            buttons.get(Screen.PROPERTIES).setSelected(true);
            return false;
        }
        return true;
    }

    private void display(Screen screen) {
        Parent node = screens.get(screen);
        BorderPane.setMargin(node, new Insets(12));
        layout.setCenter(node);
        buttons.get(screen).setSelected(true);
        current = screen;
    }

    @Override
    public void openLink(String url) {
        navigation.openLink(url);
    }

    /** Ctrl+R: to Run Audit, and start once the property is read afresh (it may just have been saved). */
    public void runAudit() {
        if (current == Screen.RUN_AUDIT) {
            audit.start();
            return;
        }
        show(Screen.RUN_AUDIT);
        if (current == Screen.RUN_AUDIT) audit.refreshThenStart();
    }

    /** Ctrl+E: the PDF of the batch selected in History, else of the batch on the Insights screen. */
    public void exportCurrent() {
        if (current == Screen.HISTORY) history.exportPdf(root.getScene().getWindow());
        else insights.exportPdf(root.getScene().getWindow());
    }

    /** Closing asks first when a property has unsaved changes or a batch is running (it is stopped, and can be resumed). */
    public boolean mayClose() {
        if (current == Screen.PROPERTIES && !properties.confirmDiscard()) return false;
        if (!audit.isRunning()) return true;
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "A batch is still running. Closing stops it; the answers"
                + " received so far are kept, and History can resume it later.", ButtonType.OK, ButtonType.CANCEL);
        a.setHeaderText("Stop the running batch and close?");
        a.initOwner(root.getScene().getWindow());
        if (a.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) return false;
        audit.cancelRun();
        return true;
    }
}
