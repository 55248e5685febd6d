package com.propertyaudit.ui.properties;

import com.propertyaudit.domain.Property;
import com.propertyaudit.store.OptimisticLock;
import com.propertyaudit.store.PropertyJson;
import com.propertyaudit.store.PropertyRepository;
import com.propertyaudit.store.PropertySummary;
import com.propertyaudit.store.QueryCsv;
import com.propertyaudit.ui.FxTasks;
import com.propertyaudit.ui.common.Background;
import com.propertyaudit.ui.common.Feedback;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Properties screen's state: the list of properties and the one being edited, and the
 * services behind New, Save, Delete, Import and Export. Blocking work goes through {@link Background}.
 */
public final class PropertiesModel {

    private final PropertyRepository repository;
    private final Background background;
    private final Feedback feedback;
    public final ObservableList<PropertySummary> items = FXCollections.observableArrayList();
    public final PropertyEditorModel editor = new PropertyEditorModel();
    /** The list entry that should be selected after a reload (the saved or imported property). */
    public final ObjectProperty<PropertySummary> toSelect = new SimpleObjectProperty<>();
    /** Counts the opens asked for, so a slow answer to an earlier one is not shown. */
    private int opening;
    /** The stored version the editor's property was read at (0: a new one); a save goes over it only. */
    private int readVersion;

    public PropertiesModel(PropertyRepository repository, Background background, Feedback feedback) {
        this.repository = repository;
        this.background = background;
        this.feedback = feedback;
    }

    /** Reloads the list, then asks for {@code name} (or the first property) to be selected. */
    public void refresh(String name) {
        background.run(repository::list, (List<PropertySummary> all) -> {
            items.setAll(all);
            toSelect.set(null);
            all.stream().filter(s -> name == null || s.name().equals(name)).findFirst().ifPresent(toSelect::set);
        }, e -> feedback.error("Properties could not be read", FxTasks.describe(e)));
    }

    public void open(String name) {
        int mine = ++opening;
        background.run(() -> repository.findVersioned(name).orElseThrow(() -> new IllegalStateException(
                "'" + name + "' is no longer stored (deleted in another window?): press New or pick another.")), v -> {
                    if (mine == opening) { // only the last one asked for
                        editor.load(v.property());
                        readVersion = v.version();
                    }
                }, e -> feedback.error("The property could not be opened", FxTasks.describe(e)));
    }

    public void startNew() {
        editor.clear();
        readVersion = 0;
    }

    /**
     * Saves the property. A new property may not take a stored property's name (that would
     * overwrite it); a property saved under a new name is renamed (its past batches keep the name
     * they were run under).
     */
    public void save() {
        save(() -> { });
    }

    /** Saves, then runs {@code then} once the property is stored (not when the save fails). */
    public void save(Runnable then) {
        if (!editor.problem().get().isEmpty()) return;
        Property p = editor.toProperty();
        String original = editor.originalName();
        int version = readVersion;
        background.run(() -> {
            boolean renamed = !original.isEmpty() && !original.equals(p.name());
            if ((original.isEmpty() || renamed) && repository.findByName(p.name()).isPresent()) {
                throw new IllegalArgumentException("A property named '" + p.name() + "' is already stored: choose"
                        + " another name, or open that property from the list to change it.");
            }
            if (renamed) {
                // The rename is a save over the original: refused if someone else changed it meanwhile.
                repository.save(repository.findByName(original).orElseThrow(() -> new IllegalStateException(
                        "'" + original + "' is no longer stored (deleted by someone else?): save it as new.")), version);
                repository.save(p);
                repository.delete(original);
            } else if (original.isEmpty()) {
                repository.save(p);
            } else {
                repository.save(p, version);
            }
            return repository.findVersioned(p.name()).orElseThrow();
        }, saved -> {
            editor.load(saved.property());
            readVersion = saved.version();
            refresh(saved.property().name());
            then.run();
        }, e -> {
            if (e instanceof OptimisticLock.Conflict conflict) {
                feedback.notice("Changed by someone else", conflict.getMessage(), "Reload", () -> open(original));
            } else {
                feedback.error("The property could not be saved", FxTasks.describe(e));
            }
        });
    }

    /** Drops unsaved changes: the stored property again, or an empty form for a new one. */
    public void revert() {
        if (editor.originalName().isEmpty()) startNew();
        else open(editor.originalName());
    }

    public void delete(String name) {
        background.run(() -> {
            repository.delete(name);
            return true;
        }, ok -> {
            startNew();
            refresh(null);
        }, e -> feedback.error("The property could not be deleted", FxTasks.describe(e)));
    }

    /** Imports a property file; one with a stored property's name replaces it (the file is the newer version). */
    public void importFile(Path file) {
        background.run(() -> {
            Property p = PropertyJson.read(file);
            boolean replaced = repository.findByName(p.name()).isPresent();
            repository.save(p);
            return new Imported(p.name(), replaced);
        }, imported -> {
            feedback.notice("Property imported", (imported.replaced() ? "Replaced '" : "Added '") + imported.name()
                    + "' from " + file.getFileName() + ".", null, null);
            refresh(imported.name());
        }, e -> feedback.error("The file could not be imported", FxTasks.describe(e)));
    }

    private record Imported(String name, boolean replaced) {
    }

    public void exportFile(Path file) {
        Property p = editor.toProperty();
        background.run(() -> Files.writeString(file, PropertyJson.write(p)),
                path -> feedback.notice("Property exported", "Saved " + path.getFileName(), null, null),
                e -> feedback.error("The file could not be written", FxTasks.describe(e)));
    }

    /** Reads a CSV of queries; the caller shows the result and calls {@link #addQueries} if accepted. */
    public void readQueries(Path file, Consumer<QueryCsv.Result> then) {
        background.run(() -> QueryCsv.read(file), then,
                e -> feedback.error("The file could not be read", FxTasks.describe(e)));
    }

    public void addQueries(QueryCsv.Result result) {
        result.queries().forEach(q -> editor.queries.add(new PropertyEditorModel.QueryRow(q.text(), q.topic())));
    }

    /** "12 queries can be added. 2 rows are left out: line 3 …" */
    public static String describe(QueryCsv.Result result) {
        StringBuilder text = new StringBuilder(result.queries().size() + " queries can be added.");
        if (result.separator() != ',') {
            text.append(" (Columns read as separated by ").append(result.separator() == ';' ? "semicolons" : "tabs")
                    .append(".)");
        }
        if (!result.problems().isEmpty()) {
            text.append("\n\n").append(result.problems().size()).append(" rows are left out:\n");
            result.problems().stream().limit(20).forEach(p -> text.append("line ").append(p.line()).append(' ')
                    .append(p.message()).append('\n'));
            if (result.problems().size() > 20) text.append("… and ").append(result.problems().size() - 20).append(" more");
        }
        return text.toString();
    }
}
