package com.propertyaudit.ui;

import javafx.application.Application;

/** Starts the JavaFX application; the only way {@code Main} reaches JavaFX. */
public final class Gui {

    private Gui() {}

    public static void launch(String[] args) {
        Application.launch(PropertyAuditApp.class, args);
    }
}
