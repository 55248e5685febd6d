package com.propertyaudit.engine.pacing;

import java.time.Instant;

/** Time for pacing: a monotonic count for waits and the wall clock for RFC 3339 resets; tests move both. */
public interface PacingClock {

    long nanos();

    Instant instant();

    PacingClock SYSTEM = new PacingClock() {
        @Override
        public long nanos() {
            return System.nanoTime();
        }

        @Override
        public Instant instant() {
            return Instant.now();
        }
    };
}
