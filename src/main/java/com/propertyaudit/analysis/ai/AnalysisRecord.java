package com.propertyaudit.analysis.ai;

import java.time.Instant;
import java.util.Objects;

/**
 * The latest holistic analysis attempt of a batch, as stored. A failed attempt keeps the items of
 * the last completed one (if any) and says why it failed.
 *
 * @param status    {@code completed} or {@code failed}: that of the latest attempt
 * @param surface   the analysis surface id, e.g. {@code openai:gpt-5}
 * @param model     the model that wrote it
 * @param analysis  the items; null when no attempt has completed
 * @param error     a sentence when the latest attempt failed, else null
 */
public record AnalysisRecord(Status status, String surface, String model, Instant createdAt,
        HolisticAnalysis analysis, long inputTokens, long outputTokens, double costUsd, String error) {

    public enum Status {
        COMPLETED, FAILED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public AnalysisRecord {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(surface, "surface");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** True when the Simulated analyst wrote it: screens and reports say so. */
    public boolean simulated() {
        return surface.startsWith("simulated:");
    }
}
