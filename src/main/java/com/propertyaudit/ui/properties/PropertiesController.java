package com.propertyaudit.ui.properties;

import atlantafx.base.theme.Styles;
import com.propertyaudit.store.PropertySummary;
import com.propertyaudit.ui.AppContext;
import com.propertyaudit.ui.ExportActions;
import com.propertyaudit.ui.common.Background;
import com.propertyaudit.ui.common.Feedback;
import com.propertyaudit.ui.portfolio.ScheduleDialog;
import java.io.File;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.stage.FileChooser;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;

/** Binds the Properties screen (list and editor) to its {@link PropertiesModel}. */
public final class PropertiesController {

    private final PropertiesModel model;
    /** The last export folder, where file dialogs open (else the home folder). */
    private final java.util.function.Supplier<String> lastFolder;
    private final PropertyEditorModel editor;
    private boolean reverting;
    private final AppContext ctx;
    private final Background background;
    private final Feedback feedback;
    @FXML private ListView<PropertySummary> list;
    @FXML private TextField name;
    @FXML private TextField aliases;
    @FXML private TextField domains;
    @FXML private TextField neighborhood;
    @FXML private TextField city;
    @FXML private TextField region;
    @FXML private TextField country;
    @FXML private TableView<PropertyEditorModel.CompetitorRow> competitors;
    @FXML private TableColumn<PropertyEditorModel.CompetitorRow, String> competitorName;
    @FXML private TableColumn<PropertyEditorModel.CompetitorRow, String> competitorAliases;
    @FXML private TableColumn<PropertyEditorModel.CompetitorRow, String> competitorDomains;
    @FXML private Button removeCompetitor;
    @FXML private TableView<PropertyEditorModel.QueryRow> queries;
    @FXML private TableColumn<PropertyEditorModel.QueryRow, String> queryText;
    @FXML private TableColumn<PropertyEditorModel.QueryRow, String> queryTopic;
    @FXML private Button removeQuery;
    @FXML private Button moveUp;
    @FXML private Button moveDown;
    @FXML private Label queryCount;
    @FXML private Button save;
    @FXML private Button delete;
    @FXML private Button schedule;
    @FXML private Label problem;

    public PropertiesController(AppContext ctx, Background background, Feedback feedback) {
        this.ctx = ctx;
        this.background = background;
        this.feedback = feedback;
        this.lastFolder = () -> ctx.workspace().settings().lastExportFolder();
        this.model = new PropertiesModel(ctx.workspace().properties(), background, feedback);
        this.editor = model.editor;
    }

    @FXML
    private void initialize() {
        list.setItems(model.items);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(PropertySummary s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null
                        : s.name() + "\n" + s.competitors() + " competitors · " + s.queries() + " queries");
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (reverting || now == null || now.name().equals(editor.originalName())) return;
            Choice c = askDiscard();
            if (c == Choice.SAVE) {
                model.save(() -> model.open(now.name()));
            } else if (c == Choice.DISCARD) {
                model.open(now.name());
            } else {
                // Back to the property being edited, without asking again.
                reverting = true;
                list.getSelectionModel().select(was);
                reverting = false;
            }
        });
        model.toSelect.addListener((o, was, now) -> {
            if (now != null) list.getSelectionModel().select(now);
        });
        bind(name, editor.name);
        bind(aliases, editor.aliases);
        bind(domains, editor.domains);
        bind(neighborhood, editor.neighborhood);
        bind(city, editor.city);
        bind(region, editor.region);
        bind(country, editor.country);
        // Each field shows its own problem where it is; the line beside Save says the first one.
        ValidationSupport validation = new ValidationSupport();
        validate(validation, name, PropertyEditorModel::nameProblem);
        validate(validation, domains, PropertyEditorModel::domainsProblem);

        competitors.setItems(editor.competitors);
        column(competitorName, r -> r.name);
        column(competitorAliases, r -> r.aliases);
        column(competitorDomains, r -> r.domains);
        removeCompetitor.disableProperty().bind(competitors.getSelectionModel().selectedItemProperty().isNull());
        queries.setItems(editor.queries);
        column(queryText, r -> r.text);
        column(queryTopic, r -> r.topic);
        removeQuery.disableProperty().bind(queries.getSelectionModel().selectedItemProperty().isNull());
        moveUp.disableProperty().bind(queries.getSelectionModel().selectedIndexProperty().lessThan(1));
        moveDown.disableProperty().bind(queries.getSelectionModel().selectedIndexProperty().lessThan(0)
                .or(queries.getSelectionModel().selectedIndexProperty().greaterThanOrEqualTo(
                        Bindings.size(editor.queries).subtract(1))));
        queryCount.textProperty().bind(Bindings.size(editor.queries).asString("%d queries"));

        save.disableProperty().bind(Bindings.isNotEmpty(editor.problem()).or(editor.dirty.not()));
        delete.disableProperty().bind(editor.originalNameProperty().isEmpty());
        schedule.disableProperty().bind(editor.originalNameProperty().isEmpty());
        problem.textProperty().bind(editor.problem());
        model.refresh(null);
    }

    private static void bind(TextField field, StringProperty property) {
        field.textProperty().bindBidirectional(property);
    }

    /** ControlsFX's mark and the theme's red outline on a field while its text has a problem. */
    private static void validate(ValidationSupport support, TextField field, Function<String, String> problem) {
        support.registerValidator(field, false, (Validator<String>) (control, value) -> {
            String p = problem.apply(value);
            field.pseudoClassStateChanged(Styles.STATE_DANGER, p != null);
            return ValidationResult.fromMessageIf(control, p, Severity.ERROR, p != null);
        });
    }

    private static <R> void column(TableColumn<R, String> c, Function<R, StringProperty> prop) {
        c.setCellValueFactory(d -> prop.apply(d.getValue()));
        c.setCellFactory(TextFieldTableCell.forTableColumn());
    }

    @FXML
    private void newProperty() {
        Choice c = askDiscard();
        if (c == Choice.CANCEL) return;
        Runnable fresh = () -> {
            list.getSelectionModel().clearSelection();
            model.startNew();
            name.requestFocus();
        };
        if (c == Choice.SAVE) model.save(fresh);
        else fresh.run();
    }

    @FXML
    private void importProperty() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Import a property file");
        fc.setInitialDirectory(ExportActions.startFolder(lastFolder.get()));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Property file (JSON)", "*.json"));
        File f = fc.showOpenDialog(list.getScene().getWindow());
        if (f != null) model.importFile(f.toPath());
    }

    @FXML
    private void exportProperty() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Export the property");
        fc.setInitialDirectory(ExportActions.startFolder(lastFolder.get()));
        fc.setInitialFileName(editor.name.get().replaceAll("[^A-Za-z0-9]+", "-").toLowerCase() + ".json");
        File f = fc.showSaveDialog(list.getScene().getWindow());
        if (f != null) model.exportFile(f.toPath());
    }

    @FXML
    private void save() {
        model.save();
    }

    /** The saved property's schedule (a schedule is kept by name, so an unsaved property has none yet). */
    @FXML
    private void schedule() {
        ScheduleDialog.edit(schedule.getScene().getWindow(), ctx, background, feedback, editor.originalName(), () -> { });
    }

    @FXML
    private void delete() {
        String n = editor.originalName();
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "Delete '" + n + "'? Its past batches stay in History.",
                ButtonType.YES, ButtonType.NO);
        a.setHeaderText("Delete property");
        if (a.showAndWait().orElse(ButtonType.NO) == ButtonType.YES) model.delete(n);
    }

    @FXML
    private void addCompetitor() {
        editor.competitors.add(new PropertyEditorModel.CompetitorRow("New competitor", "", ""));
        competitors.getSelectionModel().selectLast();
        competitors.edit(editor.competitors.size() - 1, competitorName);
    }

    @FXML
    private void removeCompetitor() {
        editor.competitors.remove(competitors.getSelectionModel().getSelectedItem());
    }

    @FXML
    private void addQuery() {
        editor.queries.add(new PropertyEditorModel.QueryRow("New question", "discovery"));
        queries.getSelectionModel().selectLast();
        queries.scrollTo(editor.queries.size() - 1);
        queries.edit(editor.queries.size() - 1, queryText);
    }

    @FXML
    private void removeQuery() {
        editor.queries.remove(queries.getSelectionModel().getSelectedItem());
    }

    @FXML
    private void moveUp() {
        queries.getSelectionModel().select(editor.move(queries.getSelectionModel().getSelectedIndex(), -1));
    }

    @FXML
    private void moveDown() {
        queries.getSelectionModel().select(editor.move(queries.getSelectionModel().getSelectedIndex(), 1));
    }

    @FXML
    private void generateQueries() {
        editor.queries.addAll(editor.generatedQueries());
    }

    /** Bad rows are shown with their lines; nothing is added until the analyst accepts. */
    @FXML
    private void importQueries() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Import queries");
        fc.setInitialDirectory(ExportActions.startFolder(lastFolder.get()));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Queries (CSV: text, then an optional topic)", "*.csv"));
        File f = fc.showOpenDialog(list.getScene().getWindow());
        if (f == null) return;
        model.readQueries(f.toPath(), result -> {
            String text = PropertiesModel.describe(result);
            if (result.queries().isEmpty()) {
                Alert a = new Alert(Alert.AlertType.ERROR, text);
                a.setHeaderText("No query to import from " + f.getName());
                a.show();
                return;
            }
            Alert a = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.OK, ButtonType.CANCEL);
            a.setHeaderText("Import queries from " + f.getName());
            if (a.showAndWait().orElse(ButtonType.CANCEL) == ButtonType.OK) model.addQueries(result);
        });
    }

    /** Unsaved changes are never dropped silently; when the analyst drops them, the form shows the stored property again. */
    public boolean confirmDiscard() {
        Choice c = askDiscard();
        if (c == Choice.SAVE) model.save();
        if (c == Choice.DISCARD) model.revert();
        return c != Choice.CANCEL;
    }

    /** What to do with unsaved changes; no change asks nothing (and goes on, as a discard would). */
    enum Choice { SAVE, DISCARD, CANCEL }

    /**
     * Save / Discard / Cancel, with Cancel the default so a stray Enter loses nothing. Save is offered
     * only when the property can be saved; otherwise the dialog says what stops it.
     */
    private Choice askDiscard() {
        if (!editor.dirty.get()) return Choice.DISCARD;
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard", ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        String problem = editor.problem().get();
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, problem.isEmpty()
                ? "The property has unsaved changes. Save them, discard them, or go back to editing?"
                : "The property has unsaved changes that cannot be saved yet: " + problem
                        + " Discard them, or go back to editing?", problem.isEmpty()
                ? new ButtonType[] {save, discard, cancel} : new ButtonType[] {discard, cancel});
        a.setHeaderText("Unsaved changes");
        for (ButtonType t : a.getButtonTypes()) {
            ((Button) a.getDialogPane().lookupButton(t)).setDefaultButton(t == cancel);
        }
        Choice c = a.showAndWait().map(t -> t == save ? Choice.SAVE : t == discard ? Choice.DISCARD : Choice.CANCEL)
                .orElse(Choice.CANCEL);
        if (c == Choice.DISCARD) editor.dirty.set(false);
        return c;
    }
}
