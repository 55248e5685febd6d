package com.propertyaudit.ui.common;

import javafx.scene.control.SpinnerValueFactory;
import javafx.util.StringConverter;

/**
 * The values of a "requests in flight per provider" spinner: Auto (0: found from the providers'
 * rate-limit headers), then fixed caps from 1 to 64. Typing "auto" or a number both work.
 */
public final class InFlightSpinner {

    private InFlightSpinner() {}

    public static SpinnerValueFactory<Integer> values(int initial) {
        SpinnerValueFactory.IntegerSpinnerValueFactory f = new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 64,
                Math.max(0, Math.min(64, initial)));
        f.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer n) {
                return n == null || n == 0 ? "Auto" : n.toString();
            }

            @Override
            public Integer fromString(String text) {
                String t = text == null ? "" : text.strip();
                if (t.isEmpty() || t.equalsIgnoreCase("auto")) return 0;
                try {
                    return Math.max(0, Math.min(64, Integer.parseInt(t)));
                } catch (NumberFormatException e) {
                    return f.getValue();
                }
            }
        });
        return f;
    }
}
