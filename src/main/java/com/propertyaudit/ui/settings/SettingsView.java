package com.propertyaudit.ui.settings;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import com.propertyaudit.domain.Provider;
import com.propertyaudit.settings.ApiKeys;
import com.propertyaudit.settings.AppSettings;
import com.propertyaudit.ui.AppContext;
import com.propertyaudit.ui.Views;
import java.util.Arrays;
import java.util.List;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Settings: API keys (OS keychain), endpoints, defaults, limits and the theme. */
public final class SettingsView extends VBox {

    private final AppContext ctx;
    private final Label saved = new Label();

    public SettingsView(AppContext ctx) {
        super(12);
        this.ctx = ctx;
        getStyleClass().add("screen");
        AppSettings s = ctx.workspace().settings();
        GridPane keys = new GridPane();
        keys.setHgap(10);
        keys.setVgap(8);
        int row = 0;
        for (Provider p : List.of(Provider.OPENAI, Provider.ANTHROPIC)) {
            Label label = new Label(p.displayName() + " API key");
            label.setMinWidth(Label.USE_PREF_SIZE);
            keys.addRow(row++, label, keyRow(p));
        }
        TextField openAi = new TextField(s.openAiBaseUrl() == null ? "" : s.openAiBaseUrl());
        openAi.setPromptText(AppSettings.DEFAULT_OPENAI_BASE_URL);
        TextField anthropic = new TextField(s.anthropicBaseUrl() == null ? "" : s.anthropicBaseUrl());
        anthropic.setPromptText(AppSettings.DEFAULT_ANTHROPIC_BASE_URL);
        TextField surfaces = new TextField(String.join(", ", s.defaultSurfaces()));
        Spinner<Integer> concurrency = new Spinner<>(1, 64, s.concurrency());
        Spinner<Integer> timeout = new Spinner<>(5, 600, s.requestTimeoutSeconds());
        GridPane general = new GridPane();
        general.setHgap(10);
        general.setVgap(8);
        general.addRow(0, new Label("OpenAI base URL"), openAi);
        general.addRow(1, new Label("Anthropic base URL"), anthropic);
        general.addRow(2, new Label("Default surfaces"), surfaces);
        general.addRow(3, new Label("Requests in flight per provider"), concurrency);
        general.addRow(4, new Label("Request timeout (s)"), timeout);
        GridPane.setHgrow(openAi, Priority.ALWAYS);
        CheckBox dark = new CheckBox("Dark theme");
        dark.setSelected("dark".equals(s.theme()));
        dark.selectedProperty().addListener((o, was, now) -> {
            applyTheme(now ? "dark" : "light");
            ctx.workspace().settingsStore().save(ctx.workspace().settings().withTheme(now ? "dark" : "light"));
        });
        Button save = new Button("Save settings");
        save.getStyleClass().add("accent");
        save.setOnAction(e -> {
            String problem = problem(openAi.getText(), anthropic.getText(), surfaces.getText());
            if (problem != null) {
                saved.setText(problem);
                return;
            }
            ctx.workspace().settingsStore().save(ctx.workspace().settings().withConnection(openAi.getText(),
                    anthropic.getText(), Arrays.stream(surfaces.getText().split(",")).map(String::strip)
                            .filter(x -> !x.isEmpty()).toList(), concurrency.getValue(), timeout.getValue(), s.samples()));
            saved.setText("Saved. New settings apply to the next batch (endpoints after a restart).");
        });
        Label folder = new Label("Data folder: " + ctx.workspace().folder() + "  (database, settings; keys are"
                + " never stored here)");
        folder.setWrapText(true);
        getChildren().addAll(Views.title("Settings"), Views.subtitle("API keys"), keys, Views.subtitle("Connections"),
                general, Views.subtitle("Appearance"), dark, new HBox(10, save, saved), folder);
        setPadding(new Insets(0, 12, 12, 0));
    }

    private HBox keyRow(Provider p) {
        ApiKeys keys = ctx.workspace().keys();
        PasswordField field = new PasswordField();
        field.setPromptText(keys.key(p).map(ApiKeys::masked).orElse("not set"));
        field.setPrefWidth(320);
        Label note = new Label(note(p));
        Button store = new Button("Save to keychain");
        store.setDisable(!keys.keychainAvailable());
        store.setOnAction(e -> {
            if (field.getText().isBlank()) return;
            try {
                keys.store(p, field.getText());
                field.clear();
                field.setPromptText(keys.key(p).map(ApiKeys::masked).orElse("not set"));
                note.setText(note(p));
            } catch (RuntimeException ex) {
                note.setText(ex.getMessage());
            }
        });
        return new HBox(8, field, store, note);
    }

    private String note(Provider p) {
        ApiKeys keys = ctx.workspace().keys();
        return switch (keys.source(p)) {
            case ENVIRONMENT -> "From " + ApiKeys.variable(p) + " (the environment variable overrides the keychain)";
            case KEYCHAIN -> "Stored in the OS keychain";
            case NONE -> keys.keychainAvailable() ? "Not set" : "No OS keychain on this machine: set "
                    + ApiKeys.variable(p) + " before starting";
        };
    }

    static String problem(String openAi, String anthropic, String surfaces) {
        for (String url : List.of(openAi, anthropic)) {
            if (!url.isBlank() && !url.strip().matches("(?i)https?://\\S+")) {
                return "'" + url + "' is not a URL: it must start with http:// or https://.";
            }
        }
        for (String s : surfaces.split(",")) {
            if (s.isBlank()) continue;
            try {
                com.propertyaudit.domain.Surface.parse(s);
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }
        return null;
    }

    public static void applyTheme(String theme) {
        Application.setUserAgentStylesheet("dark".equals(theme) ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }
}
