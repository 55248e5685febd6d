package com.propertyaudit.ui;

import com.propertyaudit.settings.AppSettings;
import com.propertyaudit.ui.main.MainWindow;
import com.propertyaudit.ui.settings.SettingsView;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
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
        AppSettings settings = ctx.workspace().settings();
        SettingsView.applyTheme(settings.theme());
        MainWindow window = new MainWindow(ctx, url -> getHostServices().showDocument(url));
        Scene scene = new Scene(window, 1280, 800);
        scene.getStylesheets().add(PropertyAuditApp.class.getResource("app.css").toExternalForm());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), () -> {
            window.show("Run Audit");
            window.audit().start();
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN),
                window::exportCurrent);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.COMMA, KeyCombination.SHORTCUT_DOWN),
                () -> window.show("Settings"));
        stage.setTitle("PropertyAudit");
        stage.setScene(scene);
        AppSettings.WindowBounds b = settings.window();
        if (b != null && b.width() > 200 && b.height() > 200) {
            stage.setX(b.x());
            stage.setY(b.y());
            stage.setWidth(b.width());
            stage.setHeight(b.height());
            stage.setMaximized(b.maximized());
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
