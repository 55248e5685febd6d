package com.propertyaudit.ui.settings;

import com.propertyaudit.settings.SharedDatabase;
import com.propertyaudit.ui.AppContext;
import com.propertyaudit.ui.common.Background;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;

/** Binds Settings' Shared database section to its {@link SharedDatabaseModel}. */
public final class SharedDatabaseController {

    private final SharedDatabaseModel model;
    @FXML private TextField url;
    @FXML private TextField user;
    @FXML private PasswordField password;
    @FXML private Button test;
    @FXML private Label status;
    @FXML private Label inUse;

    public SharedDatabaseController(AppContext ctx, Background background) {
        this.model = new SharedDatabaseModel(new SharedDatabase(ctx.workspace().folder()), ctx.workspace().dbLogin(),
                ctx.workspace().database().description(), background);
    }

    @FXML
    private void initialize() {
        url.textProperty().bindBidirectional(model.url);
        user.textProperty().bindBidirectional(model.user);
        password.textProperty().bindBidirectional(model.password);
        password.promptTextProperty().bind(model.passwordPrompt);
        test.disableProperty().bind(model.testing);
        status.textProperty().bind(model.status);
        status.visibleProperty().bind(Bindings.isNotEmpty(model.status));
        status.managedProperty().bind(status.visibleProperty());
        inUse.textProperty().bind(model.inUse);
    }

    @FXML
    private void test() {
        model.test();
    }

    @FXML
    private void save() {
        model.save();
    }

    @FXML
    private void useDataFolder() {
        model.useDataFolder();
    }
}
