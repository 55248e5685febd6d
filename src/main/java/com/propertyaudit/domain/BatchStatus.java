package com.propertyaudit.domain;

import java.util.Collection;

/** The status of a whole batch, derived from its runs' statuses (see ARCHITECTURE.md). */
public enum BatchStatus {
    /** No run has completed yet and some are still working. */
    RUNNING,
    /** Some runs completed, others are still working. */
    PARTIAL,
    /** Every run completed. */
    COMPLETE,
    /** All runs ended; some answers are in, but some runs failed, were cancelled or left replies out. */
    INCOMPLETE,
    /** All runs ended and none completed. */
    FAILED,
    /** The app stopped while runs were in progress; resumable. */
    INTERRUPTED,
    /** All runs ended, at least one stopped by the user, none failed by an error; resumable. */
    CANCELLED;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The batch status for these run statuses; an empty batch counts as complete. */
    public static BatchStatus of(Collection<RunStatus> runs) {
        int completed = 0;
        int incomplete = 0;
        int active = 0;
        int interrupted = 0;
        int cancelled = 0;
        int failed = 0;
        for (RunStatus s : runs) {
            switch (s) {
                case COMPLETED -> completed++;
                case INCOMPLETE -> incomplete++;
                case QUEUED, RUNNING -> active++;
                case INTERRUPTED -> interrupted++;
                case CANCELLED -> cancelled++;
                case FAILED -> failed++;
            }
        }
        if (active > 0) return completed + incomplete > 0 ? PARTIAL : RUNNING;
        if (interrupted > 0) return INTERRUPTED;
        if (completed == runs.size()) return COMPLETE;
        if (cancelled > 0 && failed == 0) return CANCELLED;
        return completed + incomplete > 0 ? INCOMPLETE : FAILED;
    }

    /** True while some run may still add answers. */
    public boolean isLive() {
        return this == RUNNING || this == PARTIAL;
    }
}
