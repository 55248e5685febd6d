package com.propertyaudit.ui.common;

import java.util.UUID;
import java.util.function.Consumer;

/**
 * Moving between screens: the main window implements it, the screens receive it. Not an event
 * bus: three verbs, each with one receiver.
 */
public interface Navigation {

    enum Screen {
        PROPERTIES("Properties"), RUN_AUDIT("Run Audit"), INSIGHTS("Insights"), HISTORY("History"),
        SETTINGS("Settings");

        private final String title;

        Screen(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    void show(Screen screen);

    /** Shows a batch's insights (the batch the Insights screen follows from now on). */
    void openInsights(UUID batchId);

    /** Opens a web address or a file in the system's browser or viewer. */
    void openLink(String url);

    /** A navigation whose every verb is forwarded once the main window exists. */
    final class Deferred implements Navigation {
        private Navigation target;
        private final Consumer<String> links;

        public Deferred(Consumer<String> links) {
            this.links = links;
        }

        public void attach(Navigation navigation) {
            target = navigation;
        }

        @Override
        public void show(Screen screen) {
            if (target != null) target.show(screen);
        }

        @Override
        public void openInsights(UUID batchId) {
            if (target != null) target.openInsights(batchId);
        }

        @Override
        public void openLink(String url) {
            links.accept(url);
        }
    }
}
