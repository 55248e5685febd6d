package com.propertyaudit.ui;

import com.propertyaudit.settings.AppSettings;
import com.propertyaudit.settings.SettingsStore;
import com.propertyaudit.ui.common.Background;
import com.propertyaudit.ui.common.ControllerFactory;
import com.propertyaudit.ui.common.Feedback;
import com.propertyaudit.ui.common.FxFeedback;
import com.propertyaudit.ui.common.Fxml;
import com.propertyaudit.ui.common.FxmlFile;
import com.propertyaudit.ui.common.Navigation;
import com.propertyaudit.ui.insights.AnalysisSectionController;
import com.propertyaudit.ui.main.MainController;
import com.propertyaudit.ui.settings.SettingsController;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * The desktop application: shows the main window at once, opens the data folder (database,
 * migrations, sample property) behind it, and remembers where the window was.
 */
public class PropertyAuditApp extends Application {

    /**
     * The installer's class-archive training run sets this: once the data folder is open the app
     * shows the screens a start opens on (Run Audit on a new folder, else Properties), then quits, so
     * the classes a start uses are the ones archived. The other screens load on their first click;
     * archiving their classes too would take the installed image past 160 MB.
     */
    public static final String TRAINING_RUN = "propertyaudit.trainingRun";

    private final CompletableFuture<AppContext> opening = new CompletableFuture<>();
    private Thread opener;
    private volatile AppContext ctx;
    private Path folder;
    private AppSettings settings;

    @Override
    public void init() {
        List<String> args = getParameters().getRaw();
        Map<String, String> env = System.getenv();
        // Opening the database (and migrating it) is the slow part of a start; it runs behind the
        // window, once the window's first frame is drawn (started alongside, it took the CPU the first
        // paint needs).
        opener = new Thread(() -> {
            try {
                opening.complete(AppContext.open(args, env));
            } catch (RuntimeException | Error e) {
                opening.completeExceptionally(e);
            }
        }, "open-data-folder");
        folder = AppContext.folder(args, env);
        settings = new SettingsStore(folder).load();
    }

    @Override
    public void start(Stage stage) {
        SettingsController.applyTheme(settings.theme());
        FxFeedback feedback = new FxFeedback();
        Navigation.Deferred navigation = new Navigation.Deferred(url -> getHostServices().showDocument(url));
        FxTasks background = new FxTasks();
        Fxml.Loaded<MainController> main = new Fxml(new ControllerFactory(navigation, feedback, background))
                .load(FxmlFile.MAIN);
        MainController window = main.controller();
        window.opening(folder);

        Scene scene = new Scene(main.root());
        scene.getStylesheets().add(PropertyAuditApp.class.getResource("app.css").toExternalForm());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), window::runAudit);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN),
                window::exportCurrent);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN),
                () -> window.show(MainController.Screen.SETTINGS));
        stage.setTitle("PropertyAudit");
        stage.setScene(scene);
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        place(stage, settings.window());
        stage.setOnCloseRequest(e -> {
            if (!window.mayClose()) {
                e.consume();
                return;
            }
            AppContext c = ctx;
            if (c != null) {
                c.workspace().settingsStore().save(c.workspace().settings().withWindow(new AppSettings.WindowBounds(
                        stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized())));
            }
        });
        stage.show();
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses < 2) return;
                stop();
                opener.start();
            }
        }.start();

        opening.whenComplete((context, error) -> Platform.runLater(() -> {
            if (error != null) {
                window.failed(error);
                return;
            }
            ctx = context;
            context.bridge().start();
            ExportActions exports = new ExportActions(context, navigation::openLink, feedback, background);
            window.opened(context, screens(context, background, feedback, navigation, exports));
            if (Boolean.getBoolean(TRAINING_RUN)) train(window);
        }));
    }

    /** The loader of the screens, with what their controllers are built from once the data folder is open. */
    public static Fxml screens(AppContext context, Background background, Feedback feedback, Navigation navigation,
            ExportActions exports) {
        return new Fxml(new ControllerFactory(context, background, feedback, navigation, exports,
                AnalysisSectionController.appModel(context, background, feedback)));
    }

    /** The first window is 1280×800, or the whole usable area of a smaller (laptop) screen; else where it was left. */
    private static void place(Stage stage, AppSettings.WindowBounds b) {
        if (b != null && b.width() > 200 && b.height() > 200 && !Screen.getScreensForRectangle(b.x(), b.y(),
                b.width(), b.height()).isEmpty()) {
            stage.setX(b.x());
            stage.setY(b.y());
            stage.setWidth(b.width());
            stage.setHeight(b.height());
            stage.setMaximized(b.maximized());
            return;
        }
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        boolean small = screen.getWidth() < 1440 || screen.getHeight() < 860;
        double width = small ? screen.getWidth() : 1280;
        double height = small ? screen.getHeight() : 800;
        stage.setWidth(width);
        stage.setHeight(height);
        stage.setX(screen.getMinX() + (screen.getWidth() - width) / 2);
        stage.setY(screen.getMinY() + (screen.getHeight() - height) / 2);
    }

    private static void train(MainController window) {
        window.show(MainController.Screen.PROPERTIES);
        // Time for the screens' background reads to finish, so their classes are loaded too.
        PauseTransition quit = new PauseTransition(Duration.seconds(3));
        quit.setOnFinished(e -> Platform.exit());
        quit.play();
    }

    @Override
    public void stop() {
        if (opener.getState() == Thread.State.NEW) return;
        // Closed during the opening, the data folder is still closed properly once it is open.
        AppContext c = opening.exceptionally(e -> null).join();
        if (c != null) c.close();
    }

    /** The context of the running app once the data folder is open (null before), for the UI tests. */
    AppContext context() {
        return ctx;
    }
}
