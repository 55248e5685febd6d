package com.propertyaudit.ui.common;

import com.propertyaudit.analysis.insights.AnswerFilter;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * What a screen may ask of the main window: show a batch's insights, open a link, show answers in History.
 * Not an event bus: a few verbs, each with one receiver.
 */
public interface Navigation {

    /** Shows a batch's insights (the batch the Insights screen follows from now on). */
    void openInsights(UUID batchId);

    /** Opens a web address or a file in the system's browser or viewer. */
    void openLink(String url);

    /** Shows in History a batch's first answer to a query (0-based) from one of the surfaces (ids; empty: any). */
    void openAnswers(UUID batchId, int queryIndex, List<String> surfaceIds);

    /** Shows in History the answers of a batch that pass a filter: a drill-down from Insights. */
    void openAnswers(UUID batchId, AnswerFilter filter);

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

        @Override
        public void openAnswers(UUID batchId, int queryIndex, List<String> surfaceIds) {
            if (target != null) target.openAnswers(batchId, queryIndex, surfaceIds);
        }

        @Override
        public void openAnswers(UUID batchId, AnswerFilter filter) {
            if (target != null) target.openAnswers(batchId, filter);
        }
    }
}
