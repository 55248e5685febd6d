package com.propertyaudit.engine;

import com.propertyaudit.analysis.AnswerScorer;
import com.propertyaudit.analysis.insights.BatchComparison;
import com.propertyaudit.analysis.insights.Comparability;
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

    /** The deltas of {@link #comparison}: on what both batches share when they are not like for like. */
    public Optional<List<BatchComparison.Delta>> compare(UUID before, UUID after) {
        return comparison(before, after).map(BatchComparison.Result::deltas);
    }

    /**
     * Compares a batch with an earlier one. When they asked different surfaces, queries or samples,
     * both sides are first cut down to the answers they share (same query text, surface and sample),
     * so a delta and its test never weigh one batch's extra questions against nothing.
     */
    public Optional<BatchComparison.Result> comparison(UUID before, UUID after) {
        Optional<Batch> b = batches.find(before);
        Optional<Batch> a = batches.find(after);
        if (b.isEmpty() || a.isEmpty()) return Optional.empty();
        List<Run> runsBefore = batches.runs(before);
        List<Run> runsAfter = batches.runs(after);
        Comparability c = Comparability.of(b.get(), runsBefore, a.get(), runsAfter);
        return Optional.of(new BatchComparison.Result(c,
                BatchComparison.compare(shared(b.get(), runsBefore, c), shared(a.get(), runsAfter, c))));
    }

    private Insights shared(Batch batch, List<Run> batchRuns, Comparability c) {
        List<StoredAnswer> stored = answers.forBatch(batch.id(), AnswerRepository.Detail.SCORES);
        List<Run> kept = batchRuns;
        if (!c.comparable()) {
            Map<UUID, String> surfaceOf = new HashMap<>();
            for (Run r : batchRuns) surfaceOf.put(r.id(), r.surface().id());
            kept = batchRuns.stream().filter(r -> c.sharedSurfaces().contains(r.surface().id())).toList();
            stored = stored.stream().filter(s -> c.shares(s.answer().queryText(),
                    surfaceOf.get(s.answer().runId()), s.answer().sample())).toList();
        }
        AnswerScorer scorer = new AnswerScorer(batch.snapshot());
        return InsightsCalculator.compute(batch, kept, stored, query -> scorer.score(query, List.of()).brandMentioned());
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
