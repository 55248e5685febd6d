package com.propertyaudit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A demo batch run to the end and a second one cancelled, then every screen in the light theme, a
 * live switch to dark, and every screen again: each screen must turn dark at once, and no CSS
 * warning may be logged on the way. Writes target/screenshots/{screen}-{theme}.png.
 */
class ThemeTourTest extends FxRobot {

    static final List<String> SCREENS = List.of("properties", "run-audit", "insights", "history", "settings");

    @TempDir
    Path home;

    PropertyAuditApp app;
    final List<String> cssWarnings = new CopyOnWriteArrayList<>();
    final Handler css = new Handler() {
        @Override
        public void publish(LogRecord r) {
            cssWarnings.add(r.getMessage() + (r.getThrown() == null ? "" : " " + r.getThrown()));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    @BeforeEach
    void start() throws Exception {
        Logger.getLogger("javafx.css").addHandler(css);
        FxToolkit.registerPrimaryStage();
        app = (PropertyAuditApp) FxToolkit.setupApplication(PropertyAuditApp.class, "--home", home.toString());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.context() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stop() throws Exception {
        Logger.getLogger("javafx.css").removeHandler(css);
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void aCancelledBatchReadsCancelledAndALiveThemeSwitchRestylesEveryScreen() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> lookup("#run-audit").tryQuery()
                .map(b -> !b.isDisabled()).orElse(false));
        clickOn("#run-audit");
        clickOn("#nav-insights");
        Label banner = lookup("#insights-banner").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> banner.getText().startsWith("All models complete"));

        // Drill-down: a competitor's row opens History on the answers naming it.
        javafx.scene.control.TableView<?> competitors = lookup("#competitors").queryAs(javafx.scene.control.TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !competitors.getItems().isEmpty());
        scrollTo(competitors);
        doubleClickOn(lookup("#competitors .table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        assertThat(lookup("#nav-history").queryAs(javafx.scene.control.ToggleButton.class).isSelected()).isTrue();
        Label count = lookup("#answer-count").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> count.getText().contains("· Answers naming "));
        clickOn("#filter-clear");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> count.getText().equals("36 of 36 answers"));

        clickOn("#nav-run-audit");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !lookup("#run-audit").queryButton().isDisabled());
        clickOn("#run-audit");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !lookup("#cancel").queryButton().isDisabled());
        clickOn("#cancel");
        clickOn("#nav-insights");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> banner.getText().startsWith("Stopped by you — "));
        assertThat(banner.getText()).contains(" answers; the insights cover them");

        // Every banner style resolves against the theme without a CSS warning.
        for (String style : List.of("banner-bad", "banner-ok", "banner-none", "banner-warn")) {
            interact(() -> banner.getStyleClass().setAll("label", "banner", style));
            WaitForAsyncUtils.waitForFxEvents();
        }

        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        tour(shots, "light");
        ComboBox<String> theme = lookup("#theme").queryComboBox();
        interact(() -> theme.setValue("dark"));
        tour(shots, "dark");
        interact(() -> theme.setValue("light"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cssWarnings).as("CSS warnings").isEmpty();
    }

    private void tour(Path shots, String theme) throws Exception {
        for (String screen : SCREENS) {
            clickOn("#nav-" + screen);
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(400);
            WaitForAsyncUtils.waitForFxEvents();
            Image image = capture(lookup("#nav-settings").query().getScene().getRoot()).getImage();
            robotContext().getCaptureSupport().saveImage(image, shots.resolve(screen + "-" + theme + ".png"));
            double light = lightness(image);
            if (theme.equals("dark")) assertThat(light).as("%s in the dark theme", screen).isLessThan(0.35);
            else assertThat(light).as("%s in the light theme", screen).isGreaterThan(0.65);
        }
    }

    private void scrollTo(javafx.scene.Node node) {
        interact(() -> {
            javafx.scene.Node n = node;
            while (n != null && !(n instanceof javafx.scene.control.ScrollPane)) n = n.getParent();
            if (n instanceof javafx.scene.control.ScrollPane sp) {
                double contentHeight = sp.getContent().getBoundsInLocal().getHeight();
                double y = node.localToScene(0, 0).getY() - sp.getContent().localToScene(0, 0).getY();
                sp.setVvalue(Math.min(1, y / Math.max(1, contentHeight - sp.getViewportBounds().getHeight())));
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Mean brightness of the image, 0 (black) to 1 (white), on a sparse grid. */
    private static double lightness(Image image) {
        PixelReader px = image.getPixelReader();
        double sum = 0;
        int n = 0;
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                sum += px.getColor(x, y).getBrightness();
                n++;
            }
        }
        return sum / n;
    }
}
