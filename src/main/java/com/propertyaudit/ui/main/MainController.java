package com.propertyaudit.ui.main;

import com.propertyaudit.engine.Workspace;
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
import com.propertyaudit.ui.portfolio.PortfolioController;
import com.propertyaudit.ui.portfolio.PortfolioModel;
import com.propertyaudit.ui.properties.PropertiesController;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import javafx.fxml.FXML;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The main window: navigation on the left, the current screen, notices, a status line. It is shown
 * before the data folder is open, with a quiet "opening" in place of a screen and the navigation
 * disabled; {@link #opened} brings the screens, each loaded the first time it is shown.
 */
public final class MainController implements Navigation {

    /** The screens of the navigation bar. */
    public enum Screen { PORTFOLIO, PROPERTIES, RUN_AUDIT, INSIGHTS, HISTORY, SETTINGS }

    private final Navigation.Deferred navigation;
    private final FxFeedback feedback;
    private final Background background;
    private final Map<Screen, Parent> screens = new EnumMap<>(Screen.class);
    private final Map<Screen, ToggleButton> buttons = new EnumMap<>(Screen.class);
    private AppContext ctx;
    private Fxml fxml;
    private PropertiesController properties;
    private RunAuditController audit;
    private InsightsController insights;
    private HistoryController history;
    private PortfolioController portfolio;
    private PortfolioModel tracker;
    private Screen current;
    @FXML private StackPane root;
    @FXML private BorderPane layout;
    @FXML private VBox nav;
    @FXML private Node welcome;
    @FXML private Node opening;
    @FXML private ProgressIndicator openingSpinner;
    @FXML private Label openingText;
    @FXML private Label status;
    @FXML private ToggleButton navPortfolio;
    @FXML private ToggleButton navProperties;
    @FXML private ToggleButton navRunAudit;
    @FXML private ToggleButton navInsights;
    @FXML private ToggleButton navHistory;
    @FXML private ToggleButton navSettings;

    public MainController(Navigation.Deferred navigation, FxFeedback feedback, Background background) {
        this.background = background;
        this.navigation = navigation;
        this.feedback = feedback;
    }

    @FXML
    private void initialize() {
        navigation.attach(this);
        buttons.put(Screen.PORTFOLIO, navPortfolio);
        buttons.put(Screen.PROPERTIES, navProperties);
        buttons.put(Screen.RUN_AUDIT, navRunAudit);
        buttons.put(Screen.INSIGHTS, navInsights);
        buttons.put(Screen.HISTORY, navHistory);
        buttons.put(Screen.SETTINGS, navSettings);
        buttons.forEach((screen, b) -> b.setOnAction(e -> show(screen)));
        StackPane.setAlignment(feedback.overlay(), Pos.BOTTOM_RIGHT);
        StackPane.setMargin(feedback.overlay(), new Insets(0, 16, 36, 0));
        root.getChildren().add(feedback.overlay());
        layout.setTop(null);
        nav.setDisable(true);
    }

    /** Before the data folder is open: the status line names it. */
    public void opening(Path folder) {
        status.setText("Data: " + folder);
    }

    /** The data folder is open: the navigation works and the first screen is shown. */
    public void opened(AppContext context, Fxml screenLoader) {
        this.ctx = context;
        this.fxml = screenLoader;
        status.setText("Data: " + ctx.workspace().folder() + (ctx.workspace().database().isPostgres()
                ? "  ·  shared database " + ctx.workspace().database().description() : ""));
        if (ctx.firstStart() && !ctx.workspace().settings().keysNoteDismissed()) layout.setTop(welcome);
        nav.setDisable(false);
        // Whatever screen is shown, ended batches raise their alerts and due schedules run.
        tracker = new PortfolioModel(ctx, background, feedback, this);
        tracker.start();
        show(ctx.firstStart() ? Screen.RUN_AUDIT : Screen.PROPERTIES);
    }

    /** The data folder could not be opened: the reason, and what to do, stay where a screen would be. */
    public void failed(Throwable error) {
        // Opening says what is wrong in its own sentence (folder, database, lock); other errors are described.
        String why = error instanceof Workspace.NotReadyException && error.getMessage() != null ? error.getMessage()
                : FxTasks.describe(error);
        openingSpinner.setVisible(false);
        openingSpinner.setManaged(false);
        openingText.setText("PropertyAudit could not open its data. " + why);
        openingText.getStyleClass().add("problem");
    }

    /** True once the data folder is open and the screens can be shown. */
    public boolean isOpen() {
        return ctx != null;
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
        if (!isOpen() || !mayLeaveFor(screen)) return;
        // A screen loaded just now has read its data; one loaded before is read again.
        boolean loaded = screens.containsKey(screen);
        Parent node = screens.computeIfAbsent(screen, this::load);
        if (loaded && screen == Screen.RUN_AUDIT) audit.refresh();
        if (loaded && screen == Screen.HISTORY) history.refresh();
        if (loaded && screen == Screen.PORTFOLIO && screen != current) portfolio.refresh();
        if (loaded && screen == Screen.INSIGHTS && screen != current) insights.refresh();
        display(screen, node);
    }

    @Override
    public void openInsights(UUID batchId) {
        if (!isOpen() || !mayLeaveFor(Screen.INSIGHTS)) return;
        boolean loaded = screens.containsKey(Screen.INSIGHTS);
        Parent node = screens.computeIfAbsent(Screen.INSIGHTS, this::load);
        if (batchId != null) insights.show(batchId);
        else if (loaded && current != Screen.INSIGHTS) insights.refresh();
        display(Screen.INSIGHTS, node);
    }

    private Parent load(Screen screen) {
        switch (screen) {
            case PORTFOLIO -> {
                Fxml.Loaded<PortfolioController> p = fxml.load(FxmlFile.PORTFOLIO);
                portfolio = p.controller();
                portfolio.attach(tracker);
                return p.root();
            }
            case PROPERTIES -> {
                Fxml.Loaded<PropertiesController> p = fxml.load(FxmlFile.PROPERTIES);
                properties = p.controller();
                return p.root();
            }
            case RUN_AUDIT -> {
                Fxml.Loaded<RunAuditController> a = fxml.load(FxmlFile.RUN_AUDIT);
                audit = a.controller();
                // The Insights screen follows the batch that was just started.
                audit.batchIdProperty().addListener((o, was, now) -> {
                    if (insights != null) insights.show(now);
                });
                return a.root();
            }
            case INSIGHTS -> {
                Fxml.Loaded<InsightsController> i = fxml.load(FxmlFile.INSIGHTS);
                insights = i.controller();
                if (audit != null && audit.batchIdProperty().get() != null) insights.show(audit.batchIdProperty().get());
                return i.root();
            }
            case HISTORY -> {
                Fxml.Loaded<HistoryController> h = fxml.load(FxmlFile.HISTORY);
                history = h.controller();
                return h.root();
            }
            case SETTINGS -> {
                return fxml.load(FxmlFile.SETTINGS).root();
            }
            default -> throw new IllegalArgumentException(screen.toString());
        }
    }

    @Override
    public void openAnswers(UUID batchId, int queryIndex, java.util.List<String> surfaceIds) {
        if (!isOpen() || !mayLeaveFor(Screen.HISTORY)) return;
        // History loads the first time it is needed, as every screen does.
        Parent node = screens.computeIfAbsent(Screen.HISTORY, this::load);
        history.openAnswers(batchId, queryIndex, surfaceIds);
        display(Screen.HISTORY, node);
    }

    @Override
    public void openAnswers(UUID batchId, com.propertyaudit.analysis.insights.AnswerFilter filter) {
        if (!isOpen() || !mayLeaveFor(Screen.HISTORY)) return;
        Parent node = screens.computeIfAbsent(Screen.HISTORY, this::load);
        history.openFiltered(batchId, filter);
        display(Screen.HISTORY, node);
    }

    private boolean mayLeaveFor(Screen screen) {
        if (current == Screen.PROPERTIES && screen != Screen.PROPERTIES && !properties.confirmDiscard()) {
            buttons.get(Screen.PROPERTIES).setSelected(true);
            return false;
        }
        return true;
    }

    private void display(Screen screen, Parent node) {
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
        if (!isOpen()) return;
        if (current == Screen.RUN_AUDIT) {
            audit.start();
            return;
        }
        show(Screen.RUN_AUDIT);
        if (current == Screen.RUN_AUDIT) audit.refreshThenStart();
    }

    /** Ctrl+E: the PDF of the batch selected in History, else of the batch on the Insights screen. */
    public void exportCurrent() {
        if (!isOpen()) return;
        if (current == Screen.HISTORY) {
            history.exportPdf(root.getScene().getWindow());
            return;
        }
        screens.computeIfAbsent(Screen.INSIGHTS, this::load);
        insights.exportPdf(root.getScene().getWindow());
    }

    /** Closing asks first when a property has unsaved changes or a batch is running (it is stopped, and can be resumed). */
    public boolean mayClose() {
        if (current == Screen.PROPERTIES && !properties.confirmDiscard()) return false;
        if (audit == null || !audit.isRunning()) return true;
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "A batch is still running. Closing stops it; the answers"
                + " received so far are kept, and History can resume it later.", ButtonType.OK, ButtonType.CANCEL);
        a.setHeaderText("Stop the running batch and close?");
        a.initOwner(root.getScene().getWindow());
        if (a.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) return false;
        audit.cancelRun();
        return true;
    }
}
