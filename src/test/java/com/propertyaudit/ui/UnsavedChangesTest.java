package com.propertyaudit.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** Leaving a property with unsaved changes asks Save / Discard / Cancel; Enter is Cancel and keeps the edit. */
class UnsavedChangesTest extends RealWindowTest {

    @Test
    void cancelIsTheDefaultAndDiscardLeaves() throws Exception {
        clickOn("#nav-properties");
        TextField name = lookup("#property-name").queryAs(TextField.class);
        javafx.scene.control.ListView<?> list = lookup("#list").queryAs(javafx.scene.control.ListView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !list.getItems().isEmpty());
        interact(() -> list.getSelectionModel().select(0));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !name.getText().isEmpty());
        String before = name.getText();
        interact(() -> name.setText(before + " West"));
        clickOn("#nav-insights");
        DialogPane dialog = lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(dialog.getButtonTypes()).extracting(b -> b.getText()).containsExactly("Save", "Discard", "Cancel");
        Button cancel = (Button) dialog.lookupButton(dialog.getButtonTypes().get(2));
        assertThat(cancel.isDefaultButton()).isTrue();
        push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#nav-properties").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(name.getText()).isEqualTo(before + " West");

        clickOn("#nav-insights");
        Node discard = lookup(".dialog-pane .button").match(n -> "Discard".equals(((Button) n).getText())).query();
        clickOn(discard);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(lookup("#nav-insights").queryAs(ToggleButton.class).isSelected()).isTrue();
    }
}
