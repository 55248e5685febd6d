package com.propertyaudit.ui.common;

/** How view models tell the analyst something: an error to fix, or a notice with an optional action. */
public interface Feedback {

    /** A problem, with a sentence that names what to fix. */
    void error(String header, String message);

    /** A short notice; {@code action} runs when the analyst clicks {@code actionLabel} (both may be null). */
    void notice(String title, String message, String actionLabel, Runnable action);

    /** A notice about something that did not go as asked (a batch stopped or failed): shown with a warning mark. */
    default void warning(String title, String message, String actionLabel, Runnable action) {
        notice(title, message, actionLabel, action);
    }
}
