package com.propertyaudit.domain;

/** Whether an answer was received (possibly empty) or the request for it failed. */
public enum AnswerStatus {
    COMPLETED, FAILED;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static AnswerStatus fromId(String id) {
        return valueOf(id.toUpperCase(java.util.Locale.ROOT));
    }
}
