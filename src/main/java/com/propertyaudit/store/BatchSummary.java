package com.propertyaudit.store;

import com.propertyaudit.domain.BatchStatus;
import com.propertyaudit.domain.RunStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A line of the batch list.
 *
 * @param runStatuses how many runs are in each status
 * @param scores      visibility per surface id, for runs that have one
 */
public record BatchSummary(
        UUID batchId,
        String property,
        Instant createdAt,
        BatchStatus status,
        List<String> surfaces,
        Map<RunStatus, Integer> runStatuses,
        Map<String, Double> scores,
        int answers,
        int expectedAnswers) {}
