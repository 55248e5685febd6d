package com.propertyaudit.engine;

import com.propertyaudit.domain.Answer;
import com.propertyaudit.domain.AnswerScore;
import com.propertyaudit.domain.Batch;
import com.propertyaudit.domain.OutcomeCounts;
import com.propertyaudit.domain.Run;
import com.propertyaudit.domain.RunStatus;
import com.propertyaudit.domain.StoredAnswer;
import com.propertyaudit.store.AnswerKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** What the engine needs from storage; every method commits before it returns. */
interface EngineStore {

    void createBatch(Batch batch, List<Run> runs, String owner);

    Optional<Batch> batch(UUID batchId);

    List<Run> runs(UUID batchId);

    void runStarted(UUID runId, Instant at);

    StoredAnswer saveAnswer(Answer answer, AnswerScore score);

    /** The (query, sample) pairs that have an answer (completed or refused). */
    Set<AnswerKey> answeredKeys(UUID runId);

    OutcomeCounts counts(UUID runId);

    /** Marks the run ended and stores its score, token sums and cost; returns it as stored. */
    Run finishRun(Run run, RunStatus status, Instant at, String error);

    /** False when another process has taken the batch over. */
    boolean heartbeat(UUID batchId, String owner);

    /** Takes the batch over to resume it; empty when taken, else the owner that still holds it. */
    Optional<String> claim(UUID batchId, String owner, Instant staleBefore);

    /** The process that last ran the batch, as its heartbeat names it. */
    Optional<String> owner(UUID batchId);

    void finishBatch(UUID batchId, Instant at);

    List<UUID> markInterrupted(Duration staleAfter, Instant now);
}
