package com.propertyaudit.engine.pacing;

import java.time.Duration;
import java.time.Instant;

/** A clock the test moves by hand; the wall clock and the monotonic count move together. */
final class FakeClock implements PacingClock {

    private long nanos = 1_000_000_000L;
    private Instant wall = Instant.parse("2026-12-08T12:00:00Z");

    @Override
    public long nanos() {
        return nanos;
    }

    @Override
    public Instant instant() {
        return wall;
    }

    void advance(Duration d) {
        nanos += d.toNanos();
        wall = wall.plus(d);
    }
}
