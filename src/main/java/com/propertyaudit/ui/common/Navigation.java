package com.propertyaudit.ui.common;

import java.util.UUID;
import java.util.function.Consumer;

/**
 * What a screen may ask of the main window: show a batch's insights, open a link. Not an event
 * bus: two verbs, each with one receiver.
 */
public interface Navigation {

    /** Shows a batch's insights (the batch the Insights screen follows from now on). */
    void openInsights(UUID batchId);

    /** Opens a web address or a file in the system's browser or viewer. */
    void openLink(String url);

    /** A navigation whose verbs are forwarded once the main window exists. */
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
        public void openInsights(UUID batchId) {
            if (target != null) target.openInsights(batchId);
        }

        @Override
        public void openLink(String url) {
            links.accept(url);
        }
    }
}
