package com.propertyaudit.engine;

import com.propertyaudit.analysis.AnswerScorer;
import com.propertyaudit.analysis.insights.BatchComparison;
import com.propertyaudit.analysis.insights.Insights;
import com.propertyaudit.analysis.insights.InsightsCalculator;
import com.propertyaudit.domain.AnswerScore;
import com.propertyaudit.domain.AnswerOutcome;
import com.propertyaudit.domain.Batch;
import com.propertyaudit.domain.Property;
import com.propertyaudit.domain.Run;
import com.propertyaudit.domain.StoredAnswer;
import com.propertyaudit.store.AnswerRepository;
import com.propertyaudit.store.BatchRepository;
import com.propertyaudit.store.PropertyRepository;
import com.propertyaudit.store.RunRepository;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Insights, trends, comparisons and offline re-scoring, read from the store; no network. */
public final class InsightsService {

    private final PropertyRepository properties;
    private final BatchRepository batches;
    private final RunRepository runs;
    private final AnswerRepository answers;

    public InsightsService(PropertyRepository properties, BatchRepository batches, RunRepository runs,
            AnswerRepository answers) {
        this.properties = properties;
        this.batches = batches;
        this.runs = runs;
        this.answers = answers;
    }

    /** The insights of a batch, from its stored scores (texts are not read). */
    public Optional<Insights> insights(UUID batchId) {
        return batches.find(batchId).map(batch -> {
            List<Run> batchRuns = batches.runs(batchId);
            List<StoredAnswer> stored = answers.forBatch(batchId, AnswerRepository.Detail.SCORES);
            AnswerScorer scorer = new AnswerScorer(batch.snapshot());
            return InsightsCalculator.compute(batch, batchRuns, stored,
                    query -> scorer.score(query, List.of()).brandMentioned());
        });
    }

    public List<BatchRepository.TrendPoint> trend(String propertyName) {
        return batches.trend(propertyName);
    }

    public Optional<List<BatchComparison.Delta>> compare(UUID before, UUID after) {
        Optional<Insights> b = insights(before);
        Optional<Insights> a = insights(after);
        return b.isPresent() && a.isPresent() ? Optional.of(BatchComparison.compare(b.get(), a.get())) : Optional.empty();
    }

    /**
     * Re-scores a batch's stored answers against the property as it is now (new aliases, domains or
     * competitors), all in one transaction; the batch keeps its original snapshot and records when
     * and against which version it was re-scored. Returns the number of answers re-scored.
     */
    public int rescore(UUID batchId, String propertyName) {
        Property current = properties.findByName(propertyName).orElseThrow(
                () -> new IllegalArgumentException("No property named '" + propertyName + "'."));
        Batch batch = batches.find(batchId).orElseThrow(
                () -> new IllegalArgumentException("No batch " + batchId + "."));
        AnswerScorer scorer = new AnswerScorer(current);
        Map<Long, AnswerScore> scores = new HashMap<>();
        for (StoredAnswer a : answers.forBatch(batch.id(), AnswerRepository.Detail.FULL)) {
            if (a.answer().outcome() == AnswerOutcome.COMPLETED) {
                scores.put(a.answer().id(), scorer.score(a.answer().text(), a.answer().citations()));
            }
        }
        answers.rescoreAll(scores);
        for (Run r : batches.runs(batchId)) runs.refreshScore(r.id());
        batches.recordRescore(batchId, current, properties.versionOf(propertyName), Instant.now());
        return scores.size();
    }
}
