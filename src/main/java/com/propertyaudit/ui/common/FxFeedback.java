package com.propertyaudit.ui.common;

import javafx.animation.PauseTransition;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Errors as dialogs; notices as cards in the window's lower right corner that stay until dismissed
 * (or 15 s), so a finished batch is noticed even when the analyst is on another screen.
 */
public final class FxFeedback implements Feedback {

    private final VBox cards = new VBox(8);

    public FxFeedback() {
        cards.setId("notices");
        cards.setAlignment(Pos.BOTTOM_RIGHT);
        cards.setPickOnBounds(false);
        cards.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
    }

    /** The node the main window lays over its content. */
    public Node overlay() {
        return cards;
    }

    @Override
    public void error(String header, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, message);
        a.setHeaderText(header);
        if (cards.getScene() != null) a.initOwner(cards.getScene().getWindow());
        a.show();
    }

    @Override
    public void notice(String title, String message, String actionLabel, Runnable action) {
        card(Feather.CHECK_CIRCLE, title, message, actionLabel, action);
    }

    @Override
    public void warning(String title, String message, String actionLabel, Runnable action) {
        card(Feather.ALERT_TRIANGLE, title, message, actionLabel, action).getStyleClass().add("notice-warning");
    }

    private HBox card(Feather mark, String title, String message, String actionLabel, Runnable action) {
        Label t = new Label(title);
        t.getStyleClass().add("notice-title");
        Label m = new Label(message);
        m.setWrapText(true);
        Button close = new Button(null, new FontIcon(Feather.X));
        close.getStyleClass().addAll("flat", "notice-close");
        VBox body = new VBox(4, t, m);
        HBox card = new HBox(10, new FontIcon(mark), body, close);
        card.getStyleClass().add("notice");
        card.setPrefWidth(380);
        card.setMaxWidth(380);
        if (actionLabel != null && action != null) {
            Hyperlink link = new Hyperlink(actionLabel);
            link.setId("notice-action");
            link.setOnAction(e -> {
                cards.getChildren().remove(card);
                action.run();
            });
            body.getChildren().add(link);
        }
        close.setOnAction(e -> cards.getChildren().remove(card));
        cards.getChildren().add(card);
        PauseTransition life = new PauseTransition(Duration.seconds(15));
        life.setOnFinished(e -> cards.getChildren().remove(card));
        life.play();
        return card;
    }
}
