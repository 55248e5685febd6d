package com.propertyaudit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** The real window on a temporary data folder, driven as an analyst would. Runs under Xvfb in CI. */
class AppWindowTest extends RealWindowTest {

    /** The earlier Simulated batches a new data folder starts with (two per sample property). */
    static final int SAMPLE_BATCHES = 4;

    @Test
    void aSimulatedBatchRunsToCompleteWithLiveProgress() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !lookup("#run-audit").queryButton().isDisabled());
        clickOn("#nav-insights");
        Label banner = lookup("#insights-banner").queryAs(Label.class);
        List<String> banners = new CopyOnWriteArrayList<>();
        interact(() -> banner.textProperty().addListener((o, was, now) -> banners.add(now)));
        clickOn("#nav-run-audit");
        clickOn("#run-audit");
        clickOn("#nav-insights");
        // The banner follows the batch while it runs: the quick Simulated surface ends first, so the
        // batch is partial for a while, then complete when the slower web-search surface ends.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> banner.getText().startsWith("All models complete"));
        int partial = indexOf(banners, "Some models still running - insights may be partial");
        int complete = indexOf(banners, "All models complete");
        assertThat(partial).as("banners seen: %s", banners).isGreaterThanOrEqualTo(0);
        assertThat(complete).isGreaterThan(partial);
        clickOn("#nav-run-audit");
        for (String id : List.of("#progress-simulated-demo", "#progress-simulated-demo-web")) {
            ProgressBar bar = lookup(id).queryAs(ProgressBar.class);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> bar.getProgress() >= 1.0);
        }
        TableView<?> table = lookup("#query-table").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(18);
        // The notice of the finished batch leads to its insights.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#notice-action").tryQuery().isPresent());
        clickOn("#notice-action");
        assertThat(lookup("#nav-insights").queryAs(javafx.scene.control.ToggleButton.class).isSelected()).isTrue();
    }

    private static int indexOf(List<String> seen, String prefix) {
        for (int i = 0; i < seen.size(); i++) {
            if (seen.get(i).startsWith(prefix)) return i;
        }
        return -1;
    }

    @Test
    void twoPastBatchesAreComparedInHistory() throws Exception {
        for (int i = 0; i < 2; i++) {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !lookup("#run-audit").queryButton().isDisabled());
            clickOn("#run-audit");
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> lookup("#run-audit").queryButton().isDisabled());
        }
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !lookup("#run-audit").queryButton().isDisabled());
        clickOn("#nav-history");
        TableView<?> table = lookup("#history-table").queryAs(TableView.class);
        // The sample's earlier Simulated batches are listed too; the two just run are the newest.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == SAMPLE_BATCHES + 2);
        interact(() -> table.getSelectionModel().selectIndices(0, 1));
        clickOn("#compare-batches");
        TableView<?> comparison = lookup("#comparison-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !comparison.getItems().isEmpty());
        assertThat(comparison.getItems().toString()).contains("Brand share of voice");
    }

    /** Prints the longest FX-thread stall during a 504-answer batch; a number for the notes, not a timed assertion. */
    @Test
    void aFiveHundredAnswerBatchKeepsTheWindowResponsive() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !lookup("#run-audit").queryButton().isDisabled());
        interact(() -> {
            lookup("#samples").queryAs(javafx.scene.control.Spinner.class).getValueFactory().setValue(28);
            lookup("#concurrency").queryAs(javafx.scene.control.Spinner.class).getValueFactory().setValue(64);
            lookup("#surface-simulated-demo-web").queryAs(javafx.scene.control.CheckBox.class).setSelected(false);
        });
        clickOn("#nav-insights");
        clickOn("#nav-run-audit");
        // Measured from the press of Run Audit on, with every screen already laid out once.
        interact(() -> app.context().bridge().resetStall());
        clickOn("#run-audit");
        clickOn("#nav-insights");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS,
                () -> lookup("#insights-banner").queryAs(Label.class).getText().startsWith("All models complete"));
        System.out.printf("504-answer Simulated batch: longest FX-thread stall %.1f ms, longest event apply %.1f ms%n",
                app.context().bridge().longestStallMillis(), app.context().bridge().longestApplyMillis());
        assertThat(app.context().workspace().answers().count(
                app.context().workspace().batches().latest(null).orElseThrow())).isEqualTo(504);
    }

    @Test
    void anInvalidDomainDisablesSaveWithTheReason() throws Exception {
        clickOn("#nav-properties");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !lookup("#property-name").queryAs(TextField.class).getText().isEmpty());
        TextField domains = lookup("#property-domains").queryAs(TextField.class);
        interact(() -> domains.setText("http://domainsandiego.com/home"));
        Button save = lookup("#save-property").queryButton();
        assertThat(save.isDisabled()).isTrue();
        assertThat(lookup("#property-problem").queryAs(Label.class).getText())
                .contains("'http://domainsandiego.com/home' is not a web domain");
        interact(() -> domains.setText("domainsandiego.com"));
        assertThat(save.isDisabled()).isFalse();
    }

    @Test
    void aPastBatchOpensInHistoryWithHighlightedMentions() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !lookup("#run-audit").queryButton().isDisabled());
        clickOn("#run-audit");
        clickOn("#nav-insights");
        // Looked up once: a lookup from this thread while the screen redraws can see its children change.
        Label banner = lookup("#insights-banner").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> banner.getText().startsWith("All models complete"));
        clickOn("#nav-history");
        TableView<?> table = lookup("#history-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == SAMPLE_BATCHES + 1);
        interact(() -> table.getSelectionModel().select(0));
        ListView<?> answers = lookup("#answer-list").queryAs(ListView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> answers.getItems().size() == 36);
        TextFlow text = lookup("#answer-text").queryAs(TextFlow.class);
        // The answer's text is rebuilt on the FX thread, so it is read there too.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> text.getChildren()
                .stream().anyMatch(n -> n.getStyleClass().contains("mention-competitor")
                        || n.getStyleClass().contains("mention-brand"))).get());
        String highlighted = WaitForAsyncUtils.asyncFx(() -> text.getChildren().stream()
                .filter(n -> n.getStyleClass().contains("mention-competitor") || n.getStyleClass().contains("mention-brand"))
                .map(n -> ((Text) n).getText()).findFirst().orElseThrow()).get();
        assertThat(highlighted).isNotBlank();
    }
}
