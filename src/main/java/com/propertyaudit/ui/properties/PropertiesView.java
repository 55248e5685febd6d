package com.propertyaudit.ui.properties;

import com.propertyaudit.domain.Property;
import com.propertyaudit.store.PropertyJson;
import com.propertyaudit.store.PropertySummary;
import com.propertyaudit.ui.AppContext;
import com.propertyaudit.ui.FxTasks;
import com.propertyaudit.ui.Views;
import java.io.File;
import java.nio.file.Files;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** Properties: the list on the left, the editor on the right. */
public final class PropertiesView extends BorderPane {

    private final AppContext ctx;
    private final PropertyEditorModel model = new PropertyEditorModel();
    private final ObservableList<PropertySummary> items = FXCollections.observableArrayList();
    private final ListView<PropertySummary> list = new ListView<>(items);
    private final Label problem = new Label();
    private final Button save = new Button("Save");

    public PropertiesView(AppContext ctx) {
        this.ctx = ctx;
        getStyleClass().add("screen");
        list.setPrefWidth(240);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(PropertySummary s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.name() + "\n" + s.competitors() + " competitors · " + s.queries()
                        + " queries");
            }
        });
        list.setPlaceholder(new Label("No properties yet.\nPress New or Import to add one."));
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) open(now.name());
        });
        Button add = new Button("New");
        add.setOnAction(e -> {
            list.getSelectionModel().clearSelection();
            model.clear();
        });
        Button importJson = new Button("Import…");
        importJson.setTooltip(new Tooltip("Import a property file (JSON)"));
        importJson.setOnAction(e -> importFile());
        HBox listButtons = new HBox(6, add, importJson);
        VBox left = new VBox(8, Views.title("Properties"), list, listButtons);
        VBox.setVgrow(list, Priority.ALWAYS);
        left.setPadding(new Insets(0, 12, 0, 0));
        setLeft(left);
        setCenter(editor());
        refresh(null);
    }

    PropertyEditorModel model() {
        return model;
    }

    private VBox editor() {
        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        int row = 0;
        for (Object[] f : new Object[][] {{"Name", model.name, "Harbor Point Lofts"},
                {"Aliases", model.aliases, "Other names, comma-separated: Harbor Point, HPL"},
                {"Domains", model.domains, "Web domains, comma-separated: harborpointlofts.com"},
                {"Neighborhood", model.neighborhood, "Pearl District"}, {"City", model.city, "Portland"},
                {"Region", model.region, "OR"}}) {
            TextField field = new TextField();
            field.setId("property-" + ((String) f[0]).toLowerCase());
            field.setPromptText((String) f[2]);
            field.textProperty().bindBidirectional((javafx.beans.property.StringProperty) f[1]);
            GridPane.setHgrow(field, Priority.ALWAYS);
            form.addRow(row++, new Label((String) f[0]), field);
        }

        TableView<PropertyEditorModel.CompetitorRow> comps = new TableView<>(model.competitors);
        comps.setEditable(true);
        comps.getColumns().add(column("Competitor", r -> r.name, 200));
        comps.getColumns().add(column("Aliases", r -> r.aliases, 180));
        comps.getColumns().add(column("Domains", r -> r.domains, 200));
        comps.setPlaceholder(new Label("No competitors: add the communities renters compare you with."));
        comps.setMinHeight(150);
        comps.setPrefHeight(170);
        Button addComp = new Button("Add competitor");
        addComp.setOnAction(e -> model.competitors.add(new PropertyEditorModel.CompetitorRow("New competitor", "", "")));
        Button removeComp = new Button("Remove");
        removeComp.disableProperty().bind(comps.getSelectionModel().selectedItemProperty().isNull());
        removeComp.setOnAction(e -> model.competitors.remove(comps.getSelectionModel().getSelectedItem()));

        TableView<PropertyEditorModel.QueryRow> queries = new TableView<>(model.queries);
        queries.setEditable(true);
        queries.getColumns().add(column("Query", r -> r.text, 440));
        queries.getColumns().add(column("Topic", r -> r.topic, 120));
        queries.setMinHeight(150);
        queries.setPlaceholder(new Label("No queries: press Generate queries, or add the questions renters ask."));
        Button addQuery = new Button("Add query");
        addQuery.setOnAction(e -> model.queries.add(new PropertyEditorModel.QueryRow("New question", "discovery")));
        Button removeQuery = new Button("Remove");
        removeQuery.disableProperty().bind(queries.getSelectionModel().selectedItemProperty().isNull());
        removeQuery.setOnAction(e -> model.queries.remove(queries.getSelectionModel().getSelectedItem()));
        Button up = new Button("Up");
        up.setOnAction(e -> move(queries, -1));
        Button down = new Button("Down");
        down.setOnAction(e -> move(queries, 1));
        Button generate = new Button("Generate queries");
        generate.setTooltip(new Tooltip("Add discovery, amenity, persona, price, brand and comparison questions"
                + " built from the location and competitors"));
        generate.setOnAction(e -> model.queries.addAll(model.generatedQueries()));
        Button importCsv = new Button("Import CSV…");
        importCsv.setTooltip(new Tooltip("Queries from a CSV file: text, then an optional topic"));
        importCsv.setOnAction(e -> importQueries());

        save.setId("save-property");
        save.getStyleClass().add("accent");
        save.disableProperty().bind(Bindings.isNotEmpty(model.problem()));
        save.setOnAction(e -> save());
        problem.setId("property-problem");
        problem.getStyleClass().add("problem");
        problem.textProperty().bind(model.problem());
        Button export = new Button("Export…");
        export.setOnAction(e -> exportFile());
        Button delete = new Button("Delete");
        delete.setOnAction(e -> delete());
        HBox actions = new HBox(8, save, export, delete, problem);
        actions.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        VBox box = new VBox(10, Views.title("Property"), form, Views.subtitle("Competitors"), comps,
                new HBox(6, addComp, removeComp), Views.subtitle("Queries"), queries,
                new HBox(6, addQuery, removeQuery, up, down, generate, importCsv), actions);
        VBox.setVgrow(queries, Priority.ALWAYS);
        return box;
    }

    private static <R> TableColumn<R, String> column(String title,
            java.util.function.Function<R, javafx.beans.property.StringProperty> prop, double width) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> prop.apply(d.getValue()));
        c.setCellFactory(TextFieldTableCell.forTableColumn());
        c.setPrefWidth(width);
        return c;
    }

    private void move(TableView<PropertyEditorModel.QueryRow> table, int by) {
        int i = table.getSelectionModel().getSelectedIndex();
        int j = i + by;
        if (i < 0 || j < 0 || j >= model.queries.size()) return;
        PropertyEditorModel.QueryRow row = model.queries.remove(i);
        model.queries.add(j, row);
        table.getSelectionModel().select(j);
    }

    private void open(String name) {
        if (!confirmDiscard()) return;
        FxTasks.run(() -> ctx.workspace().properties().findByName(name).orElseThrow(), model::load,
                e -> Views.error("The property could not be opened", FxTasks.describe(e)));
    }

    /** Unsaved changes are never dropped silently. */
    public boolean confirmDiscard() {
        if (!model.dirty.get()) return true;
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "The property has unsaved changes. Discard them?",
                ButtonType.YES, ButtonType.NO);
        a.setHeaderText("Unsaved changes");
        boolean discard = a.showAndWait().orElse(ButtonType.NO) == ButtonType.YES;
        if (discard) model.dirty.set(false);
        return discard;
    }

    private void save() {
        Property p = model.toProperty();
        FxTasks.run(() -> ctx.workspace().properties().save(p), id -> {
            model.dirty.set(false);
            refresh(p.name());
        }, e -> Views.error("The property could not be saved", FxTasks.describe(e)));
    }

    private void delete() {
        String name = model.name.get();
        if (name.isBlank()) return;
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "Delete '" + name + "'? Its past batches stay in History.",
                ButtonType.YES, ButtonType.NO);
        if (a.showAndWait().orElse(ButtonType.NO) != ButtonType.YES) return;
        FxTasks.run(() -> {
            ctx.workspace().properties().delete(name);
            return true;
        }, ok -> {
            model.clear();
            refresh(null);
        }, e -> Views.error("The property could not be deleted", FxTasks.describe(e)));
    }

    private void importFile() {
        FileChooser fc = new FileChooser();
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Property file", "*.json"));
        File f = fc.showOpenDialog(getScene().getWindow());
        if (f == null) return;
        FxTasks.run(() -> {
            Property p = PropertyJson.read(f.toPath());
            ctx.workspace().properties().save(p);
            return p.name();
        }, this::refresh, e -> Views.error("The file could not be imported", FxTasks.describe(e)));
    }

    /** Bad rows are shown with their lines; nothing is added until the analyst accepts. */
    private void importQueries() {
        FileChooser fc = new FileChooser();
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Queries (CSV)", "*.csv"));
        File f = fc.showOpenDialog(getScene().getWindow());
        if (f == null) return;
        FxTasks.run(() -> com.propertyaudit.store.QueryCsv.parse(Files.readString(f.toPath())), result -> {
            StringBuilder text = new StringBuilder(result.queries().size() + " queries can be added.");
            if (!result.problems().isEmpty()) {
                text.append("\n\n").append(result.problems().size()).append(" rows are left out:\n");
                result.problems().stream().limit(20).forEach(p -> text.append("line ").append(p.line()).append(' ')
                        .append(p.message()).append('\n'));
            }
            Alert a = new Alert(Alert.AlertType.CONFIRMATION, text.toString(), ButtonType.OK, ButtonType.CANCEL);
            a.setHeaderText("Import queries from " + f.getName());
            if (!result.queries().isEmpty() && a.showAndWait().orElse(ButtonType.CANCEL) == ButtonType.OK) {
                result.queries().forEach(q -> model.queries.add(new PropertyEditorModel.QueryRow(q.text(), q.topic())));
            } else if (result.queries().isEmpty()) {
                Views.error("No query to import", text.toString());
            }
        }, e -> Views.error("The file could not be read", FxTasks.describe(e)));
    }

    private void exportFile() {
        FileChooser fc = new FileChooser();
        fc.setInitialFileName(model.name.get().replaceAll("[^A-Za-z0-9]+", "-").toLowerCase() + ".json");
        File f = fc.showSaveDialog(getScene().getWindow());
        if (f == null) return;
        Property p = model.toProperty();
        FxTasks.run(() -> Files.writeString(f.toPath(), PropertyJson.write(p)), path -> { },
                e -> Views.error("The file could not be written", FxTasks.describe(e)));
    }

    /** Reloads the list, then selects {@code name} (or the first property). */
    public void refresh(String name) {
        FxTasks.run(() -> ctx.workspace().properties().list(), (List<PropertySummary> all) -> {
            items.setAll(all);
            all.stream().filter(s -> name == null || s.name().equals(name)).findFirst()
                    .ifPresent(s -> list.getSelectionModel().select(s));
        }, e -> Views.error("Properties could not be read", FxTasks.describe(e)));
    }
}
