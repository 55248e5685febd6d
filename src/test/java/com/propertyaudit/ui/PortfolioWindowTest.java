package com.propertyaudit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyaudit.tracking.Every;
import com.propertyaudit.tracking.PortfolioRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The sample data folder's Portfolio: two properties with two earlier Simulated batches each, the one
 * that lost ground first with the red badge, the other grey; a double-click opens its insights.
 * Writes target/screenshots/portfolio.png.
 */
class PortfolioWindowTest extends RealWindowTest {

    @Test
    @SuppressWarnings("unchecked")
    void theSamplePortfolioShowsTheSignificantDropFirstWithItsBadge() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !lookup("#nav-portfolio").queryAs(ToggleButton.class)
                .getParent().isDisabled());
        clickOn("#nav-portfolio");
        TableView<PortfolioRow> table = lookup("#portfolio-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        PortfolioRow top = table.getItems().get(0);
        assertThat(top.property()).isEqualTo("Harborview Lofts");
        assertThat(top.alert()).isTrue();
        assertThat(top.simulated()).isTrue();
        assertThat(table.getItems().get(1).alert()).isFalse();
        WaitForAsyncUtils.waitForFxEvents();
        Label badge = lookup(".badge-alert").queryAs(Label.class);
        assertThat(badge.getText()).contains("Drop");
        assertThat(lookup(".badge-alert").queryAll()).hasSize(1);
        assertThat(lookup("#portfolio-status").queryAs(Label.class).getText()).contains("1 significant drop");

        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        Node window = lookup("#nav-portfolio").query().getScene().getRoot();
        robotContext().getCaptureSupport().saveImage(capture(window).getImage(), shots.resolve("portfolio.png"));

        doubleClickOn(badge);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#nav-insights").queryAs(ToggleButton.class).isSelected());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aScheduleSetFromTheRowMenuRunsAtOnceAndSaysWhenTheNextRunIs() throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !lookup("#nav-portfolio").queryAs(ToggleButton.class)
                .getParent().isDisabled());
        clickOn("#nav-portfolio");
        TableView<PortfolioRow> table = lookup("#portfolio-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        WaitForAsyncUtils.waitForFxEvents();
        Node name = lookup("#portfolio-table").lookup("Domain San Diego").query();
        rightClickOn(name);
        clickOn("Schedule…");
        ChoiceBox<Every> period = lookup("#schedule-period").queryAs(ChoiceBox.class);
        interact(() -> period.setValue(Every.DAY));
        clickOn(lookup((Node n) -> n instanceof Button b && "OK".equals(b.getText())).queryButton());
        // Due at once: it runs (Simulated, offline), then its next run is a day on.
        Instant tomorrow = Instant.now().plus(Duration.ofHours(23));
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> table.getItems().stream()
                .anyMatch(r -> r.property().equals("Domain San Diego") && r.nextRun() != null && r.nextRun().isAfter(tomorrow)
                        && r.trend().size() == 3));
        assertThat(lookup("#portfolio-status").queryAs(Label.class).getText()).contains("Next scheduled audit");
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        Node window = lookup("#nav-portfolio").query().getScene().getRoot();
        robotContext().getCaptureSupport().saveImage(capture(window).getImage(), shots.resolve("portfolio-scheduled.png"));
    }
}
