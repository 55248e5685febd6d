package com.propertyaudit.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads an FXML file with its controller built by the {@link ControllerFactory}. */
public final class Fxml {

    /** A loaded screen: its root node and its controller. */
    public record Loaded<C>(Parent root, C controller) {}

    private final ControllerFactory factory;

    public Fxml(ControllerFactory factory) {
        this.factory = factory;
        factory.with(this);
    }

    public <C> Loaded<C> load(FxmlFile file) {
        URL url = Fxml.class.getResource(file.resource());
        if (url == null) throw new IllegalStateException("Missing " + file.resource());
        FXMLLoader loader = new FXMLLoader(url);
        loader.setControllerFactory(factory);
        try {
            Parent root = loader.load();
            return new Loaded<>(root, loader.getController());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not load " + file.resource(), e);
        }
    }
}
