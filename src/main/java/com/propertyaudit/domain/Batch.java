package com.propertyaudit.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One press of Run Audit. {@code snapshot} is the property exactly as it was when the batch
 * started, so past batches can be re-read and re-scored as they were.
 *
 * @param settingsJson JSON of the options the batch ran with (concurrency, timeouts…); never a key
 */
public record Batch(
        UUID id,
        String propertyName,
        Property snapshot,
        int samples,
        String settingsJson,
        Instant createdAt,
        Instant finishedAt) {

    public Batch {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(propertyName, "propertyName");
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(createdAt, "createdAt");
        if (samples < 1) throw new IllegalArgumentException("samples must be at least 1");
        settingsJson = settingsJson == null ? "{}" : settingsJson;
    }

    /** Number of answers one run of this batch should end with: queries × samples. */
    public int expectedAnswersPerRun() {
        return snapshot.queries().size() * samples;
    }
}
