package com.propertyaudit.analysis.insights;

import com.propertyaudit.domain.BatchStatus;
import com.propertyaudit.domain.OutcomeCounts;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a batch says, across surfaces: the object of {@code propertyaudit insights} (cli.md) and of
 * the Insights screen. Only answers count (completed or refused); cut-off, empty and failed replies
 * are left out and counted in {@link Summary#outcomes()}. Percentages are 0–100, not rounded.
 */
public record Insights(
        UUID batchId,
        String property,
        Instant createdAt,
        StatusView batchStatus,
        Summary summary,
        List<CompetitorRow> competitors,
        List<DomainRow> domains,
        Agreement agreement,
        List<TopicRow> topics) {

    public Insights {
        topics = topics == null ? List.of() : List.copyOf(topics);
    }

    /** Insights without the breakdown by topic. */
    public Insights(UUID batchId, String property, Instant createdAt, StatusView batchStatus, Summary summary,
            List<CompetitorRow> competitors, List<DomainRow> domains, Agreement agreement) {
        this(batchId, property, createdAt, batchStatus, summary, competitors, domains, agreement, List.of());
    }

    /**
     * The brand's mention rate over the answers to one topic's queries ("price", "pets"; queries
     * without a topic are "(no topic)").
     */
    public record TopicRow(String topic, int queries, Rate mentionRate) {}

    /** Rates from fewer answers than this are directional: a hint, not a finding. */
    public static final int DIRECTIONAL_BELOW = 10;

    /** The batch status with its banner message and the runs behind it. */
    public record StatusView(BatchStatus status, String message, int total, int completed, int incomplete,
            int running, int failed, int cancelled, int interrupted) {

        public boolean complete() {
            return status == BatchStatus.COMPLETE;
        }
    }

    /** k of n, as a percentage with its 95% Wilson interval; {@code percent} is null when n is 0. */
    public record Rate(int k, int n, Double percent, double[] ci) {

        public static Rate of(int k, int n) {
            return new Rate(k, n, n == 0 ? null : 100.0 * k / n, Stats.wilson(k, n));
        }

        public boolean directional() {
            return n < DIRECTIONAL_BELOW;
        }
    }

    /**
     * @param score mean answer score of the surface's answers; null when it has none
     * @param ci    95% interval of that mean (normal approximation, clipped to 0–100)
     */
    public record Visibility(Double score, int answers, double[] ci) {}

    public record Unbranded(int queries, int answers, Double brandSOV, Rate brandMentionRate) {}

    /**
     * @param answers  replies that count: completed and refused
     * @param outcomes every stored reply by outcome, so what was left out is shown, not hidden
     */
    public record Summary(Double brandSOV, Rate brandMentionRate, String topCompetitor, int answers,
            OutcomeCounts outcomes, Map<String, Visibility> visibility, Unbranded unbranded) {}

    public record CompetitorRow(String name, int mentions, Double sov, Double avgRank, Map<String, Integer> bySurface) {}

    /**
     * @param citations      answers whose text cites the domain
     * @param share          those answers over all domains' citing answers, percent; null when none cite any
     * @param retrievedOnly  answers whose engine's search found the domain without citing it
     */
    public record DomainRow(String domain, int citations, Double share, Map<String, Integer> bySurface,
            int retrievedOnly) {}

    /**
     * One query across surfaces. A surface "mentions" the brand for a query when at least half of
     * its completed samples do; {@code rates} are the per-surface shares across samples.
     */
    public record QueryAgreement(int queryIndex, String query, boolean namesBrand, Map<String, Rate> rates,
            Map<String, Boolean> mentions, boolean agree) {

        /** Every surface has at least one completed answer to this query: only then can they disagree. */
        public boolean complete() {
            return !rates.isEmpty() && mentions.size() == rates.size();
        }
    }

    /**
     * @param kappa Cohen's for two surfaces, Fleiss' for more; null when undefined or one surface
     */
    public record Agreement(int queries, int bothMention, int neither, Map<String, Integer> onlyBy, Double rate,
            Double kappa, String kappaMethod, List<QueryAgreement> perQuery) {

        /** Queries the surfaces answered and disagree on; a query missing answers is not a disagreement. */
        public List<QueryAgreement> disagreements() {
            return perQuery.stream().filter(q -> q.complete() && !q.agree()).toList();
        }
    }
}
