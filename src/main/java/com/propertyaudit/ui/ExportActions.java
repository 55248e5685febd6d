package com.propertyaudit.ui;

import com.propertyaudit.ui.common.Background;
import com.propertyaudit.ui.common.Feedback;
import java.io.File;
import java.nio.file.Path;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ProgressIndicator;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** Export of a batch from any screen: choose a file, write it in the background, offer to open it. */
public final class ExportActions {

    private final AppContext ctx;
    private final Consumer<String> open;
    private final Feedback feedback;
    private final Background background;

    /**
     * Where a file dialog opens: the last export folder, else the home folder — never the folder
     * the app happened to be started from.
     */
    public static File startFolder(String lastExportFolder) {
        if (lastExportFolder != null && new File(lastExportFolder).isDirectory()) return new File(lastExportFolder);
        File home = new File(System.getProperty("user.home"));
        return home.isDirectory() ? home : null;
    }

    public ExportActions(AppContext ctx, Consumer<String> open, Feedback feedback, Background background) {
        this.ctx = ctx;
        this.open = open;
        this.feedback = feedback;
        this.background = background;
    }

    public void pdf(Window owner, UUID batch) {
        export(owner, batch, "PDF report", "*.pdf", ".pdf", true);
    }

    public void csv(Window owner, UUID batch) {
        export(owner, batch, "CSV files in a zip", "*.zip", ".zip", false);
    }

    private void export(Window owner, UUID batch, String what, String pattern, String ext, boolean pdf) {
        if (batch == null) {
            feedback.error("Nothing to export", "Open a batch first: run an audit or pick one in History.");
            return;
        }
        FileChooser fc = new FileChooser();
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, pattern));
        fc.setInitialFileName("propertyaudit-" + batch.toString().substring(0, 8) + ext);
        fc.setInitialDirectory(startFolder(ctx.workspace().settings().lastExportFolder()));
        File f = fc.showSaveDialog(owner);
        if (f == null) return;
        Path target = f.toPath();
        // Large batches take seconds: a non-blocking window says the export is under way.
        Alert working = new Alert(Alert.AlertType.NONE, "Writing " + f.getName() + "…");
        working.setHeaderText("Exporting");
        working.setGraphic(new ProgressIndicator());
        working.initOwner(owner);
        working.getButtonTypes().setAll(ButtonType.CLOSE);
        working.show();
        background.run(() -> {
            ctx.workspace().settingsStore().save(ctx.workspace().settings().withLastExportFolder(f.getParent()));
            if (pdf) ctx.workspace().reports().pdf(batch, target);
            else ctx.workspace().reports().csv(batch, target);
            return target;
        }, path -> {
            working.close();
            done(path);
        }, e -> {
            working.close();
            feedback.error("The export failed", FxTasks.describe(e));
        });
    }

    private void done(Path file) {
        ButtonType openIt = new ButtonType("Open", ButtonBar.ButtonData.OK_DONE);
        ButtonType folder = new ButtonType("Show in folder", ButtonBar.ButtonData.OTHER);
        Alert a = new Alert(Alert.AlertType.INFORMATION, "Saved " + file, openIt, folder, ButtonType.CLOSE);
        a.setHeaderText("Export complete");
        a.showAndWait().ifPresent(b -> {
            if (b == openIt) open.accept(file.toUri().toString());
            if (b == folder) open.accept(file.toAbsolutePath().getParent().toUri().toString());
        });
    }
}
