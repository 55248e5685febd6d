package com.propertyaudit.domain;

/** Where one run (one surface of a batch) stands. */
public enum RunStatus {
    QUEUED, RUNNING, COMPLETED,
    /** Ended with some replies that are not answers (cut off, empty, failed) or missing; resumable. */
    INCOMPLETE,
    FAILED, CANCELLED, INTERRUPTED;

    /** True when the run will not change any more without a resume. */
    public boolean isEnded() {
        return this == COMPLETED || this == INCOMPLETE || this == FAILED || this == CANCELLED;
    }

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static RunStatus fromId(String id) {
        return valueOf(id.toUpperCase(java.util.Locale.ROOT));
    }
}
