package com.propertyaudit.analysis.insights;

import com.propertyaudit.analysis.AnswerScorer;
import com.propertyaudit.domain.AnswerScore;
import com.propertyaudit.domain.Batch;
import com.propertyaudit.domain.BatchStatus;
import com.propertyaudit.domain.EntityRank;
import com.propertyaudit.domain.OutcomeCounts;
import com.propertyaudit.domain.Run;
import com.propertyaudit.domain.RunStatus;
import com.propertyaudit.domain.StoredAnswer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Computes a batch's {@link Insights} from its runs and stored answers, in one pass over them. */
public final class InsightsCalculator {

    private InsightsCalculator() {}

    /**
     * @param queryNamesBrand whether a query's own text names the brand (same matching rules as
     *                        answers); such queries are set apart for the unbranded view
     */
    public static Insights compute(Batch batch, List<Run> runs, List<StoredAnswer> answers,
            Predicate<String> queryNamesBrand) {
        Map<UUID, String> surfaceOf = new HashMap<>();
        for (Run r : runs) surfaceOf.put(r.id(), r.surface().id());
        List<String> surfaces = runs.stream().map(r -> r.surface().id()).sorted().toList();

        List<StoredAnswer> done = new ArrayList<>();
        OutcomeCounts outcomes = OutcomeCounts.NONE;
        for (StoredAnswer a : answers) {
            if (!surfaceOf.containsKey(a.answer().runId())) continue;
            outcomes = outcomes.plus(a.answer().outcome());
            if (a.answer().outcome().isAnswer()) done.add(a);
        }
        Map<Integer, Boolean> branded = new HashMap<>();
        for (int q = 0; q < batch.snapshot().queries().size(); q++) {
            branded.put(q, queryNamesBrand.test(batch.snapshot().queries().get(q).text()));
        }

        Counts all = new Counts();
        Counts unbranded = new Counts();
        Map<String, List<Double>> scoresBySurface = new TreeMap<>();
        Map<String, CompetitorAcc> competitors = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> domains = new TreeMap<>();
        Map<String, Integer> retrievedOnly = new TreeMap<>();
        for (StoredAnswer a : done) {
            String surface = surfaceOf.get(a.answer().runId());
            AnswerScore s = a.score();
            all.add(s);
            if (!branded.getOrDefault(a.answer().queryIndex(), false)) unbranded.add(s);
            scoresBySurface.computeIfAbsent(surface, k -> new ArrayList<>()).add(s.score());
            for (EntityRank c : s.competitors()) {
                competitors.computeIfAbsent(c.name(), CompetitorAcc::new).add(surface, c.rank());
            }
            for (String d : s.citedDomains()) domains.computeIfAbsent(d, k -> new TreeMap<>()).merge(surface, 1, Integer::sum);
            for (String d : AnswerScorer.domainsOf(a.answer().retrieved())) {
                if (!s.citedDomains().contains(d)) retrievedOnly.merge(d, 1, Integer::sum);
            }
        }

        Map<String, Insights.Visibility> visibility = new LinkedHashMap<>();
        for (String surface : surfaces) visibility.put(surface, visibility(scoresBySurface.get(surface)));

        List<Insights.CompetitorRow> competitorRows = new ArrayList<>();
        for (CompetitorAcc c : competitors.values()) {
            competitorRows.add(new Insights.CompetitorRow(c.name, c.mentions, pct(c.mentions, all.entityMentions()),
                    c.rankSum / (double) c.mentions, c.bySurface));
        }
        competitorRows.sort(Comparator.comparingInt(Insights.CompetitorRow::mentions).reversed()
                .thenComparing(Insights.CompetitorRow::avgRank).thenComparing(Insights.CompetitorRow::name));

        int citationTotal = domains.values().stream().mapToInt(m -> m.values().stream().mapToInt(i -> i).sum()).sum();
        List<Insights.DomainRow> domainRows = new ArrayList<>();
        domains.forEach((d, by) -> {
            int n = by.values().stream().mapToInt(i -> i).sum();
            domainRows.add(new Insights.DomainRow(d, n, pct(n, citationTotal), by, retrievedOnly.getOrDefault(d, 0)));
        });
        // Pages the engines found but never cited are listed too, after the cited ones.
        retrievedOnly.forEach((d, n) -> {
            if (!domains.containsKey(d)) domainRows.add(new Insights.DomainRow(d, 0, null, Map.of(), n));
        });
        domainRows.sort(Comparator.comparingInt(Insights.DomainRow::citations).reversed()
                .thenComparing(Comparator.comparingInt(Insights.DomainRow::retrievedOnly).reversed())
                .thenComparing(Insights.DomainRow::domain));

        // Queries that do not name the brand and have at least one answer: mid-run, unasked ones are not counted.
        java.util.Set<Integer> answered = new java.util.HashSet<>();
        for (StoredAnswer a : done) answered.add(a.answer().queryIndex());
        int unbrandedQueries = (int) branded.entrySet().stream().filter(e -> !e.getValue() && answered.contains(e.getKey()))
                .count();
        Insights.Summary summary = new Insights.Summary(pct(all.brand, all.entityMentions()),
                Insights.Rate.of(all.brand, all.answers),
                competitorRows.isEmpty() ? null : competitorRows.get(0).name(), done.size(), outcomes, visibility,
                new Insights.Unbranded(unbrandedQueries, unbranded.answers, pct(unbranded.brand, unbranded.entityMentions()),
                        Insights.Rate.of(unbranded.brand, unbranded.answers)));

        return new Insights(batch.id(), batch.propertyName(), batch.createdAt(), status(runs, outcomes,
                batch.snapshot().queries().size() * batch.samples() * runs.size()), summary,
                competitorRows,
                domainRows, Agreements.of(batch, surfaces, surfaceOf, done, branded), topics(batch, done));
    }

    /**
     * The banner: the batch status with what it means for the numbers below it, and what was left
     * out of them ("3 answers cut off at the token limit — excluded").
     *
     * @param expected the answers the batch asks for: queries × samples × runs
     */
    public static Insights.StatusView status(List<Run> runs, OutcomeCounts outcomes, int expected) {
        int completed = 0;
        int incomplete = 0;
        int running = 0;
        int failed = 0;
        int cancelled = 0;
        int interrupted = 0;
        for (Run r : runs) {
            switch (r.status()) {
                case COMPLETED -> completed++;
                case INCOMPLETE -> incomplete++;
                case QUEUED, RUNNING -> running++;
                case FAILED -> failed++;
                case CANCELLED -> cancelled++;
                case INTERRUPTED -> interrupted++;
            }
        }
        BatchStatus status = BatchStatus.of(runs.stream().map(Run::status).toList());
        String covered = runs.stream()
                .filter(r -> r.status() == RunStatus.COMPLETED || r.status() == RunStatus.INCOMPLETE)
                .map(r -> r.surface().id()).collect(Collectors.joining(", "));
        String notCompleted = runs.stream()
                .filter(r -> r.status() == RunStatus.FAILED || r.status() == RunStatus.CANCELLED)
                .map(r -> r.surface().id() + " " + r.status().id() + (r.error() == null ? "" : ": " + r.error()))
                .collect(Collectors.joining("; "));
        String message = switch (status) {
            case RUNNING -> "Models still running - no model has finished yet, insights are partial";
            case PARTIAL -> "Some models still running - insights may be partial";
            case COMPLETE -> "All models complete - insights reflect full cross-model analysis";
            case INCOMPLETE -> failed + cancelled == 0
                    ? "Every model ended, some with replies left out - insights cover the answers received"
                    : (failed + cancelled) + " of " + runs.size() + " models did not complete (" + notCompleted
                            + ") - insights cover " + covered + " only";
            case FAILED -> "No model completed (" + notCompleted + ") - " + (outcomes.answers() == 0
                    ? "there is nothing to analyse" : "insights cover the " + outcomes.answers() + " answers received");
            case CANCELLED -> "Stopped by you — " + outcomes.answers() + " of " + expected
                    + " answers; the insights cover them. Resume the batch in History to finish it";
            case INTERRUPTED -> "The app stopped while " + interrupted + " model(s) were running - insights cover"
                    + " the answers received; resume the batch to finish it";
        };
        String excluded = outcomes.exclusionSentence();
        if (excluded != null) message += "; " + excluded;
        return new Insights.StatusView(status, message, runs.size(), completed, incomplete, running, failed, cancelled,
                interrupted);
    }

    /** Topic rows in the order the topics first appear among the queries. */
    static List<Insights.TopicRow> topics(Batch batch, List<StoredAnswer> done) {
        Map<String, int[]> acc = new LinkedHashMap<>(); // topic -> {queries, answers, naming}
        List<String> topicOf = new ArrayList<>();
        for (var q : batch.snapshot().queries()) {
            String t = q.topic() == null || q.topic().isBlank() ? NO_TOPIC : q.topic().strip();
            topicOf.add(t);
            acc.computeIfAbsent(t, k -> new int[3])[0]++;
        }
        for (StoredAnswer a : done) {
            int q = a.answer().queryIndex();
            if (q < 0 || q >= topicOf.size()) continue;
            int[] c = acc.get(topicOf.get(q));
            c[1]++;
            if (a.score().brandMentioned()) c[2]++;
        }
        List<Insights.TopicRow> out = new ArrayList<>();
        acc.forEach((t, c) -> out.add(new Insights.TopicRow(t, c[0], Insights.Rate.of(c[2], c[1]))));
        return out;
    }

    /** The topic of queries that have none. */
    public static final String NO_TOPIC = "(no topic)";

    private static Insights.Visibility visibility(List<Double> scores) {
        if (scores == null || scores.isEmpty()) return new Insights.Visibility(null, 0, null);
        double mean = scores.stream().mapToDouble(d -> d).average().orElse(0);
        if (scores.size() < 2) return new Insights.Visibility(mean, 1, null);
        double var = scores.stream().mapToDouble(d -> (d - mean) * (d - mean)).sum() / (scores.size() - 1);
        double half = Stats.Z95 * Math.sqrt(var / scores.size());
        return new Insights.Visibility(mean, scores.size(),
                new double[] {Math.max(0, mean - half), Math.min(100, mean + half)});
    }

    static Double pct(int k, int n) {
        return n == 0 ? null : 100.0 * k / n;
    }

    /** Mentioning answers of the brand and of all entities, over some answers. */
    private static final class Counts {
        int answers;
        int brand;
        int competitorMentions;

        void add(AnswerScore s) {
            answers++;
            if (s.brandMentioned()) brand++;
            competitorMentions += s.competitors().size();
        }

        /** The denominator of share of voice: mentioning answers summed over every entity. */
        int entityMentions() {
            return brand + competitorMentions;
        }
    }

    private static final class CompetitorAcc {
        final String name;
        int mentions;
        long rankSum;
        final Map<String, Integer> bySurface = new TreeMap<>();

        CompetitorAcc(String name) {
            this.name = name;
        }

        void add(String surface, int rank) {
            mentions++;
            rankSum += rank;
            bySurface.merge(surface, 1, Integer::sum);
        }
    }
}
