package com.propertyaudit.engine.pacing;

/**
 * A provider's pacing at one moment.
 *
 * @param inFlight  requests sent and not yet answered
 * @param limit     the in-flight limit in force (found by Auto, or the fixed cap)
 * @param auto      whether the limit adapts (Auto) or is a fixed cap
 * @param waiting   requests are held back for the rate limit (pacing to a reset, or after a 429)
 * @param peak      the most requests in flight at once so far
 * @param waitedMs  time spent waiting for the rate limit so far
 */
public record PacingState(int inFlight, int limit, boolean auto, boolean waiting, int peak, long waitedMs) {

    /** "6 in flight, limit 16" with ", waiting for the rate limit" while it paces. */
    public String describe() {
        return inFlight + " in flight, limit " + limit + (auto ? "" : " (fixed)")
                + (waiting ? ", waiting for the rate limit" : "");
    }
}
