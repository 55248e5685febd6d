package com.propertyaudit.engine;

import com.propertyaudit.domain.AnswerOutcome;
import com.propertyaudit.domain.BatchStatus;
import com.propertyaudit.domain.Provider;
import com.propertyaudit.domain.RunStatus;
import com.propertyaudit.domain.Surface;
import com.propertyaudit.engine.pacing.PacingState;
import java.util.UUID;

/** Progress of a batch, as the engine reports it. Listeners are called from engine threads. */
public sealed interface EngineEvent {

    UUID batchId();

    /** A request for one (query, sample) left for the provider. */
    record QueryStarted(UUID batchId, UUID runId, Surface surface, int queryIndex, int sample)
            implements EngineEvent {}

    /**
     * A reply arrived and was stored. Only when {@code outcome} {@link AnswerOutcome#isAnswer() is an
     * answer} does it count; {@code note} says what the analyst should know (cut off, refused …).
     */
    record QueryFinished(UUID batchId, UUID runId, Surface surface, int queryIndex, int sample,
            long latencyMs, AnswerOutcome outcome, boolean brandMentioned, Integer brandRank, double score,
            String note, int done, int total) implements EngineEvent {}

    /** The request failed; the failed answer was stored with this error. */
    record QueryFailed(UUID batchId, UUID runId, Surface surface, int queryIndex, int sample,
            long latencyMs, String error, int done, int total) implements EngineEvent {}

    /** A run ended: completed, failed (with the reason) or cancelled. */
    record RunFinished(UUID batchId, UUID runId, Surface surface, RunStatus status, Double score,
            int answers, int failed, String error) implements EngineEvent {}

    /** Every run of the batch has ended. */
    record BatchFinished(UUID batchId, BatchStatus status, long elapsedMs) implements EngineEvent {}

    /**
     * How a provider's requests go while the batch runs: in flight, the limit found (or the fixed
     * cap) and whether they wait for the rate limit. Sent when it changes.
     */
    record Pacing(UUID batchId, Provider provider, PacingState state) implements EngineEvent {}

    /** At the batch's end, per provider: the most requests in flight at once and the time spent waiting. */
    record PacingSummary(UUID batchId, Provider provider, int peakInFlight, int limit, boolean auto, long waitedMs)
            implements EngineEvent {}

    /** A line for the engine's log pane and the CLI's standard error. */
    record Log(UUID batchId, String line) implements EngineEvent {}
}
