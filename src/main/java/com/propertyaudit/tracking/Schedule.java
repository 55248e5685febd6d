package com.propertyaudit.tracking;

import java.time.Instant;
import java.util.List;

/** A property's periodic audit; {@code lastRun} is null until it first ran. */
public record Schedule(long id, String property, Every every, List<String> surfaces, int samples, Instant nextRun,
        Instant lastRun) {

    public Schedule {
        surfaces = List.copyOf(surfaces);
    }

    public boolean isDue(Instant now) {
        return !nextRun.isAfter(now);
    }
}
