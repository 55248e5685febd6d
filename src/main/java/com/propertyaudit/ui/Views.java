package com.propertyaudit.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.Label;

/** Small pieces every screen uses. */
public final class Views {

    private Views() {}

    public static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("title-3");
        return l;
    }

    public static Label subtitle(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("title-4");
        return l;
    }

    public static void error(String header, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, message);
        a.setHeaderText(header);
        a.show();
    }
}
