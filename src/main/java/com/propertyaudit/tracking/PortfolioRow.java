package com.propertyaudit.tracking;

import com.propertyaudit.domain.BatchStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One property in the portfolio.
 *
 * @param latestBatchId   its newest batch, whatever its status; null when it was never audited
 * @param measuredBatchId the newest batch that ended with answers: the numbers and the change are its
 *                        (the same as {@code latestBatchId} unless the newest is running or failed)
 * @param change          against the previous batch that asked the same surfaces; null without one
 * @param trend           mean visibility across surfaces of its ended batches, oldest first (the sparkline)
 * @param simulated       the measured batch's answers came from the offline Simulated provider only
 * @param alertError      why the alert's webhook failed, or null
 */
public record PortfolioRow(String property, UUID latestBatchId, Instant latestAt, BatchStatus status,
        UUID measuredBatchId, BatchNumbers numbers, Change change, Instant nextRun, List<Double> trend,
        boolean simulated, String alertError) {

    public PortfolioRow {
        trend = List.copyOf(trend);
    }

    public boolean alert() {
        return change != null && change.alert();
    }
}
