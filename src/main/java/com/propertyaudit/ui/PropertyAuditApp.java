package com.propertyaudit.ui;

import com.propertyaudit.settings.AppSettings;
import com.propertyaudit.ui.common.ControllerFactory;
import com.propertyaudit.ui.common.FxFeedback;
import com.propertyaudit.ui.common.Fxml;
import com.propertyaudit.ui.common.FxmlFile;
import com.propertyaudit.ui.common.Navigation;
import com.propertyaudit.ui.main.MainController;
import com.propertyaudit.ui.settings.SettingsController;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The desktop application: opens the data folder, shows the main window, remembers where it was. */
public class PropertyAuditApp extends Application {

    private AppContext ctx;

    @Override
    public void init() {
        ctx = AppContext.open(getParameters().getRaw(), System.getenv());
    }

    @Override
    public void start(Stage stage) {
        ctx.bridge().start();
        AppSettings settings = ctx.workspace().settings();
        SettingsController.applyTheme(settings.theme());
        FxFeedback feedback = new FxFeedback();
        Navigation.Deferred navigation = new Navigation.Deferred(url -> getHostServices().showDocument(url));
        FxTasks background = new FxTasks();
        ExportActions exports = new ExportActions(ctx, navigation::openLink, feedback, background);
        ControllerFactory factory = new ControllerFactory(ctx, background, feedback, navigation, exports);
        Fxml.Loaded<MainController> main = new Fxml(factory).load(FxmlFile.MAIN);
        MainController window = main.controller();

        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        // The first window is 1280×800, or the whole usable area of a smaller (laptop) screen.
        boolean small = screen.getWidth() < 1440 || screen.getHeight() < 860;
        double width = small ? screen.getWidth() : 1280;
        double height = small ? screen.getHeight() : 800;
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
        AppSettings.WindowBounds b = settings.window();
        if (b != null && b.width() > 200 && b.height() > 200 && !Screen.getScreensForRectangle(b.x(), b.y(),
                b.width(), b.height()).isEmpty()) {
            stage.setX(b.x());
            stage.setY(b.y());
            stage.setWidth(b.width());
            stage.setHeight(b.height());
            stage.setMaximized(b.maximized());
        } else {
            stage.setWidth(width);
            stage.setHeight(height);
            stage.setX(screen.getMinX() + (screen.getWidth() - width) / 2);
            stage.setY(screen.getMinY() + (screen.getHeight() - height) / 2);
        }
        stage.setOnCloseRequest(e -> {
            if (!window.mayClose()) {
                e.consume();
                return;
            }
            ctx.workspace().settingsStore().save(ctx.workspace().settings().withWindow(new AppSettings.WindowBounds(
                    stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized())));
        });
        stage.show();
    }

    @Override
    public void stop() {
        if (ctx != null) ctx.close();
    }

    /** The context of the running app, for the UI tests. */
    AppContext context() {
        return ctx;
    }
}
