package com.propertyaudit.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One surface working through all queries × samples of a batch.
 *
 * @param score visibility score: mean answer score of completed answers; null before any
 */
public record Run(
        UUID id,
        UUID batchId,
        int batchSize,
        Surface surface,
        RunStatus status,
        int expectedAnswers,
        Instant startedAt,
        Instant finishedAt,
        Double score,
        long inputTokens,
        long outputTokens,
        double costUsd,
        String error) {

    public Run {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(batchId, "batchId");
        Objects.requireNonNull(surface, "surface");
        Objects.requireNonNull(status, "status");
    }

    public static Run queued(UUID batchId, int batchSize, Surface surface, int expectedAnswers) {
        return new Run(UUID.randomUUID(), batchId, batchSize, surface, RunStatus.QUEUED,
                expectedAnswers, null, null, null, 0, 0, 0.0, null);
    }

    public Run withStatus(RunStatus newStatus) {
        return new Run(id, batchId, batchSize, surface, newStatus, expectedAnswers, startedAt,
                finishedAt, score, inputTokens, outputTokens, costUsd, error);
    }
}
