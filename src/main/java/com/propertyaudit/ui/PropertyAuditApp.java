package com.propertyaudit.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The desktop application window. */
public class PropertyAuditApp extends Application {

    @Override
    public void start(Stage stage) {
        Label label = new Label("PropertyAudit");
        stage.setTitle("PropertyAudit");
        stage.setScene(new Scene(new StackPane(label), 1280, 800));
        stage.show();
    }
}
