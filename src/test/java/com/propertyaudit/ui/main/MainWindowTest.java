package com.propertyaudit.ui.main;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyaudit.ui.AppContext;
import com.propertyaudit.ui.PropertyAuditApp;
import com.propertyaudit.ui.ExportActions;
import com.propertyaudit.ui.FxTasks;
import com.propertyaudit.ui.common.ControllerFactory;
import com.propertyaudit.ui.common.FxFeedback;
import com.propertyaudit.ui.common.Fxml;
import com.propertyaudit.ui.common.FxmlFile;
import com.propertyaudit.ui.common.Navigation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The main window before, while and after its data folder opens. Runs under Xvfb in CI. */
class MainWindowTest extends FxRobot {

    @TempDir
    Path home;

    Stage stage;
    MainController window;
    FxFeedback feedback;
    Navigation.Deferred navigation;
    FxTasks background;
    AppContext ctx;

    @BeforeEach
    void show() throws Exception {
        stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> {
            feedback = new FxFeedback();
            navigation = new Navigation.Deferred(url -> { });
            background = new FxTasks();
            Fxml.Loaded<MainController> main = new Fxml(new ControllerFactory(navigation, feedback, background))
                    .load(FxmlFile.MAIN);
            window = main.controller();
            window.opening(home);
            stage.setScene(new Scene(main.root(), 1200, 760));
            stage.show();
        });
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        if (ctx != null) ctx.close();
    }

    @Test
    void beforeTheDataFolderIsOpenTheWindowSaysSoAndTheNavigationWaits() {
        assertThat(lookup("#opening-text").queryAs(Label.class).getText()).isEqualTo("Opening the data folder…");
        assertThat(lookup("#nav-history").queryAs(ToggleButton.class).isDisabled()).isTrue();
        clickOn("#nav-history");
        assertThat(lookup("#history-table").tryQuery()).isEmpty();
        assertThat(lookup("#opening").tryQuery()).isPresent();
    }

    @Test
    void onceOpenOnlyTheFirstScreenIsLoadedAndTheOthersComeWhenAskedFor() throws Exception {
        ctx = AppContext.open(List.of("--home", home.toString()), Map.of());
        ExportActions exports = new ExportActions(ctx, url -> { }, feedback, background);
        interact(() -> window.opened(ctx, PropertyAuditApp.screens(ctx, background, feedback, navigation, exports)));
        // A new data folder opens on Run Audit with the sample property, whose 18 queries arrive.
        assertThat(lookup("#nav-run-audit").queryAs(ToggleButton.class).isSelected()).isTrue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !lookup("#run-audit").queryButton().isDisabled());
        assertThat(lookup("#opening").tryQuery()).isEmpty();
        assertThat(lookup("#history-table").tryQuery()).isEmpty();
        clickOn("#nav-history");
        assertThat(lookup("#history-table").tryQuery()).isPresent();
        assertThat(lookup("#nav-history").queryAs(ToggleButton.class).isSelected()).isTrue();
    }

    @Test
    void aDataFolderThatCannotBeOpenedIsNamedWhereTheScreenWouldBe() throws Exception {
        Path notAFolder = Files.writeString(home.resolve("a-file"), "not a folder");
        Throwable error = null;
        try {
            ctx = AppContext.open(List.of("--home", notAFolder.toString()), Map.of());
        } catch (RuntimeException e) {
            error = e;
        }
        assertThat(error).isNotNull();
        Throwable failure = error;
        interact(() -> window.failed(failure));
        assertThat(lookup("#opening-text").queryAs(Label.class).getText())
                .contains(notAFolder.toString()).contains("--home");
        assertThat(lookup("#nav-properties").queryAs(ToggleButton.class).isDisabled()).isTrue();
    }
}
