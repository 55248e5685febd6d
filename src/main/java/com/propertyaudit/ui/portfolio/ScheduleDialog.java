package com.propertyaudit.ui.portfolio;

import com.propertyaudit.domain.Surface;
import com.propertyaudit.tracking.Every;
import com.propertyaudit.tracking.Schedule;
import com.propertyaudit.tracking.Tracking;
import com.propertyaudit.ui.AppContext;
import com.propertyaudit.ui.FxTasks;
import com.propertyaudit.ui.common.Background;
import com.propertyaudit.ui.common.Feedback;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * A property's schedule: not scheduled, every 12 hours, daily or weekly, with the samples; the
 * surfaces are those "Run now" uses (the current schedule's, else the newest batch's, else the
 * settings'). Saving replaces the property's schedule; a new one is due at once.
 */
public final class ScheduleDialog {

    private ScheduleDialog() {}

    /** Reads the property's schedule off the FX thread, then shows the dialog; {@code saved} runs after a change. */
    public static void edit(Window owner, AppContext ctx, Background background, Feedback feedback, String property,
            Runnable saved) {
        background.run(() -> new Current(ctx.tracking().schedules().of(property), ctx.tracking().surfacesFor(property),
                ctx.workspace().settings().samples()), current -> show(owner, ctx, background, feedback, property, current,
                        saved), e -> feedback.error("The schedule could not be read", FxTasks.describe(e)));
    }

    private record Current(List<Schedule> schedules, List<Surface> surfaces, int defaultSamples) {}

    private static void show(Window owner, AppContext ctx, Background background, Feedback feedback, String property,
            Current current, Runnable saved) {
        Schedule existing = current.schedules().isEmpty() ? null : current.schedules().get(0);
        ChoiceBox<Every> period = new ChoiceBox<>();
        period.setId("schedule-period");
        period.getItems().add(null);
        period.getItems().addAll(Every.values());
        period.setConverter(new StringConverter<>() {
            @Override
            public String toString(Every e) {
                return e == null ? "Not scheduled" : e.label().substring(0, 1).toUpperCase() + e.label().substring(1);
            }

            @Override
            public Every fromString(String s) {
                return null;
            }
        });
        period.setValue(existing == null ? null : existing.every());
        Spinner<Integer> samples = new Spinner<>(1, 50, existing == null ? current.defaultSamples() : existing.samples());
        List<String> surfaces = existing != null ? existing.surfaces() : current.surfaces().stream().map(Surface::id).toList();
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(12));
        grid.addRow(0, new Label("Audit"), period);
        grid.addRow(1, new Label("Samples"), samples);
        grid.addRow(2, new Label("Surfaces"), new Label(String.join(", ", surfaces)));
        grid.addRow(3, new Label("Next run"), new Label(existing == null ? "at once, once saved"
                : PortfolioModel.WHEN.format(existing.nextRun()) + (existing.lastRun() == null ? ""
                        : "  (last " + PortfolioModel.WHEN.format(existing.lastRun()) + ")")));
        Label note = new Label("Due schedules run while PropertyAudit is open, or with the app closed through"
                + " 'propertyaudit run-due' from cron, a systemd timer or Task Scheduler (see the README).");
        note.setWrapText(true);
        note.setMaxWidth(420);
        grid.add(note, 0, 4, 2, 1);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Schedule");
        dialog.setHeaderText("Schedule for " + property);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        if (dialog.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) return;
        Every chosen = period.getValue();
        int n = samples.getValue();
        boolean unchanged = existing == null ? chosen == null
                : chosen == existing.every() && n == existing.samples();
        if (unchanged) return;
        background.run(() -> {
            Tracking t = ctx.tracking();
            for (Schedule s : current.schedules()) t.schedules().remove(s.id());
            if (chosen != null) t.schedules().add(property, chosen, surfaces.stream().map(Surface::parse).toList(), n);
            return true;
        }, ok -> saved.run(), e -> feedback.error("The schedule could not be saved", FxTasks.describe(e)));
    }
}
