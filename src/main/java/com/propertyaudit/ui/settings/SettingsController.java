package com.propertyaudit.ui.settings;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import com.propertyaudit.domain.Provider;
import com.propertyaudit.ui.AppContext;
import com.propertyaudit.ui.common.Background;
import java.time.Duration;
import com.propertyaudit.ui.common.InFlightSpinner;
import javafx.application.Application;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.control.cell.TextFieldTableCell;

/** Binds the Settings screen to its {@link SettingsModel}. */
public final class SettingsController {

    private static final Duration MODEL_LIST_WAIT = Duration.ofSeconds(15);

    private final AppContext ctx;
    private final SettingsModel model;
    @FXML private GridPane keys;
    @FXML private GridPane connections;
    @FXML private TextField defaultSurfaces;
    @FXML private Label retirements;
    @FXML private ComboBox<String> offeredModels;
    @FXML private CheckBox offeredWeb;
    @FXML private Button addModel;
    @FXML private Label modelsStatus;
    @FXML private Spinner<Integer> concurrency;
    @FXML private TextField analysisSurface;
    @FXML private CheckBox analyseAfterEachBatch;
    @FXML private Spinner<Integer> timeout;
    @FXML private TableView<SettingsModel.PriceRow> prices;
    @FXML private TableColumn<SettingsModel.PriceRow, String> pricePrefix;
    @FXML private TableColumn<SettingsModel.PriceRow, String> priceInput;
    @FXML private TableColumn<SettingsModel.PriceRow, String> priceOutput;
    @FXML private Button removePrice;
    @FXML private ComboBox<String> theme;
    @FXML private Button save;
    @FXML private Label status;
    @FXML private Label problem;
    @FXML private Label folder;

    public SettingsController(AppContext ctx, Background background) {
        this.ctx = ctx;
        this.model = new SettingsModel(ctx.workspace().settingsStore(), ctx.workspace().keys(), background,
                new SettingsModel.ModelLists() {
                    @Override
                    public java.util.Optional<java.util.List<String>> offered(Provider p) {
                        return ctx.workspace().models().offered(p, MODEL_LIST_WAIT);
                    }

                    @Override
                    public String check(Provider p) {
                        return ctx.workspace().models().check(p, MODEL_LIST_WAIT);
                    }
                });
    }

    @FXML
    private void initialize() {
        int row = 0;
        for (Provider p : Provider.remote()) {
            PasswordField field = new PasswordField();
            field.setId("key-" + p.id());
            field.setPrefWidth(300);
            Button store = new Button("Save to keychain");
            Label note = new Label();
            note.getStyleClass().add("muted");
            keys.addRow(row, new Label(p.displayName() + " API key" + (p.keyRequired() ? "" : " (optional)")), field,
                    store, note);
            keyRow(p, field, store, note);
            TextField url = new TextField();
            url.setId("url-" + p.id());
            url.setPromptText(p.defaultBaseUrl());
            url.setTooltip(new Tooltip(p.baseUrlVariable() + " overrides this; empty: " + p.defaultBaseUrl()));
            url.textProperty().bindBidirectional(model.baseUrls.get(p));
            Button test = new Button("Test connection");
            test.setTooltip(new Tooltip("Reads the provider's model list with the key above: free, and it shows"
                    + " whether the key and base URL work"));
            test.setOnAction(e -> model.testConnection(p));
            Label result = new Label();
            result.setWrapText(true);
            result.getStyleClass().add("muted");
            result.textProperty().bind(model.connection.get(p));
            result.setMaxWidth(420);
            GridPane.setHgrow(url, javafx.scene.layout.Priority.ALWAYS);
            connections.addRow(row, new Label(p.displayName() + " base URL"), url, test, result);
            row++;
        }
        model.readKeys();
        defaultSurfaces.textProperty().bindBidirectional(model.defaultSurfaces);
        retirements.textProperty().bind(model.retirements());
        retirements.visibleProperty().bind(Bindings.isNotEmpty(model.retirements()));
        retirements.managedProperty().bind(retirements.visibleProperty());
        offeredModels.setItems(model.offeredModels);
        addModel.disableProperty().bind(offeredModels.valueProperty().isNull());
        offeredModels.promptTextProperty().bind(Bindings.when(Bindings.isEmpty(model.offeredModels))
                .then("read the lists first").otherwise("choose a model"));
        modelsStatus.textProperty().bind(model.modelsStatus);
        modelsStatus.visibleProperty().bind(Bindings.isNotEmpty(model.modelsStatus));
        modelsStatus.managedProperty().bind(modelsStatus.visibleProperty());
        concurrency.setValueFactory(InFlightSpinner.values(model.concurrency.get()));
        concurrency.valueProperty().addListener((o, was, now) -> model.concurrency.set(now));
        timeout.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(5, 600, model.timeoutSeconds.get()));
        timeout.valueProperty().addListener((o, was, now) -> model.timeoutSeconds.set(now));
        analysisSurface.textProperty().bindBidirectional(model.analysisSurface);
        analyseAfterEachBatch.selectedProperty().bindBidirectional(model.analyseAfterEachBatch);
        analyseAfterEachBatch.disableProperty().bind(Bindings.isEmpty(model.analysisSurface));
        prices.setItems(model.prices);
        for (Object[] c : new Object[][] {{pricePrefix, 0}, {priceInput, 1}, {priceOutput, 2}}) {
            @SuppressWarnings("unchecked")
            TableColumn<SettingsModel.PriceRow, String> col = (TableColumn<SettingsModel.PriceRow, String>) c[0];
            int which = (Integer) c[1];
            col.setCellValueFactory(d -> which == 0 ? d.getValue().prefix : which == 1 ? d.getValue().input
                    : d.getValue().output);
            col.setCellFactory(TextFieldTableCell.forTableColumn());
        }
        removePrice.disableProperty().bind(prices.getSelectionModel().selectedItemProperty().isNull());
        theme.getItems().setAll("light", "dark");
        theme.valueProperty().bindBidirectional(model.theme);
        model.theme.addListener((o, was, now) -> applyTheme(now));
        problem.textProperty().bind(model.problem());
        save.disableProperty().bind(Bindings.isNotEmpty(model.problem()));
        status.textProperty().bind(model.status);
        folder.setText("Data folder: " + ctx.workspace().folder() + "  (database and settings; keys are never"
                + " stored here). Another folder: start with --home DIR or set PROPERTYAUDIT_HOME.");
    }

    private void keyRow(Provider p, PasswordField field, Button store, Label note) {
        show(model.keyState(p).get(), field, store, note);
        model.keyState(p).addListener((o, was, now) -> show(now, field, store, note));
        store.setOnAction(e -> model.storeKey(p, field.getText(), field::clear));
    }

    private static void show(SettingsModel.KeyState state, PasswordField field, Button store, Label note) {
        field.setPromptText(state.masked());
        note.setText(state.note());
        store.setDisable(!state.canStore());
    }

    @FXML
    private void addPrice() {
        model.addPriceRow();
        prices.getSelectionModel().selectLast();
        prices.edit(prices.getItems().size() - 1, pricePrefix);
    }

    @FXML
    private void readModels() {
        model.readModels();
    }

    @FXML
    private void addModel() {
        model.addDefaultSurface(offeredModels.getValue(), offeredWeb.isSelected());
    }

    @FXML
    private void removePrice() {
        model.prices.remove(prices.getSelectionModel().getSelectedItem());
    }

    @FXML
    private void save() {
        model.save();
    }

    public static void applyTheme(String theme) {
        Application.setUserAgentStylesheet("dark".equals(theme) ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }
}
