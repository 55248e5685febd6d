package com.propertyaudit.domain;

/** The status of a whole batch, derived from its runs' statuses (see ARCHITECTURE.md). */
public enum BatchStatus {
    RUNNING, PARTIAL, COMPLETE, INCOMPLETE, FAILED, INTERRUPTED;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
