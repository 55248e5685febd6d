package com.propertyaudit.engine;

import com.propertyaudit.domain.Answer;
import com.propertyaudit.domain.AnswerScore;
import com.propertyaudit.domain.Batch;
import com.propertyaudit.domain.OutcomeCounts;
import com.propertyaudit.domain.Run;
import com.propertyaudit.domain.RunStatus;
import com.propertyaudit.domain.StoredAnswer;
import com.propertyaudit.llm.PriceTable;
import com.propertyaudit.store.AnswerKey;
import com.propertyaudit.store.AnswerRepository;
import com.propertyaudit.store.BatchRepository;
import com.propertyaudit.store.RunRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The engine's storage needs, met by the store's repositories. */
final class StoreBackedEngineStore implements EngineStore {

    private final BatchRepository batches;
    private final RunRepository runs;
    private final AnswerRepository answers;
    private final PriceTable prices;

    StoreBackedEngineStore(BatchRepository batches, RunRepository runs, AnswerRepository answers, PriceTable prices) {
        this.batches = batches;
        this.runs = runs;
        this.answers = answers;
        this.prices = prices;
    }

    @Override
    public void createBatch(Batch batch, List<Run> newRuns, String owner) {
        batches.create(batch, newRuns, owner);
    }

    @Override
    public Optional<Batch> batch(UUID batchId) {
        return batches.find(batchId);
    }

    @Override
    public List<Run> runs(UUID batchId) {
        return batches.runs(batchId);
    }

    @Override
    public void runStarted(UUID runId, Instant at) {
        runs.updateStatus(runId, RunStatus.RUNNING, at);
    }

    @Override
    public StoredAnswer saveAnswer(Answer answer, AnswerScore score) {
        return answers.save(answer, score);
    }

    @Override
    public Set<AnswerKey> answeredKeys(UUID runId) {
        return answers.answeredKeys(runId);
    }

    @Override
    public OutcomeCounts counts(UUID runId) {
        return answers.counts(runId);
    }

    @Override
    public Run finishRun(Run run, RunStatus status, Instant at, String error) {
        // Each reply received was one request at least; a provider's per-request search fee counts them.
        OutcomeCounts c = answers.counts(run.id());
        int replies = c.answers() + c.truncated() + c.empty();
        runs.finish(run.id(), status, at, error, (in, out) -> prices.costUsd(run.surface(), in, out)
                + prices.requestFeeUsd(run.surface()) * replies);
        return runs.find(run.id()).orElseThrow();
    }

    @Override
    public boolean heartbeat(UUID batchId, String owner) {
        return batches.heartbeat(batchId, owner);
    }

    @Override
    public Optional<String> claim(UUID batchId, String owner, Instant staleBefore) {
        return batches.claim(batchId, owner, staleBefore);
    }

    @Override
    public Optional<String> owner(UUID batchId) {
        return batches.owner(batchId);
    }

    @Override
    public void finishBatch(UUID batchId, Instant at) {
        batches.finish(batchId, at);
    }

    @Override
    public List<UUID> markInterrupted(Duration staleAfter, Instant now) {
        return batches.markInterrupted(staleAfter, now);
    }
}
