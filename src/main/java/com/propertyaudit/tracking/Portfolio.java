package com.propertyaudit.tracking;

import com.propertyaudit.analysis.insights.Insights;
import com.propertyaudit.domain.BatchStatus;
import com.propertyaudit.domain.Provider;
import com.propertyaudit.domain.RunStatus;
import com.propertyaudit.engine.InsightsService;
import com.propertyaudit.store.BatchRepository;
import com.propertyaudit.store.PropertyRepository;
import com.propertyaudit.store.PropertySummary;
import com.propertyaudit.store.ScheduleRepository;
import com.propertyaudit.store.TrackingRepository;
import com.propertyaudit.store.TrackingRepository.BatchLine;
import com.propertyaudit.store.TrackingRepository.ChangeRow;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The portfolio read model: one row per property, from a handful of queries whatever the number of
 * properties and batches (properties, every batch's head and runs, the stored changes of the batches
 * shown, schedules). A batch's change is computed from its answers once, when it is first needed, and
 * kept; it is computed again only when either batch was finished again (resumed) or re-scored.
 */
public final class Portfolio {

    /** Batches on a row's sparkline. */
    static final int TREND_POINTS = 20;

    private final PropertyRepository properties;
    private final BatchRepository batches;
    private final TrackingRepository tracking;
    private final ScheduleRepository schedules;
    private final InsightsService insights;
    private final Clock clock;

    public Portfolio(PropertyRepository properties, BatchRepository batches, TrackingRepository tracking,
            ScheduleRepository schedules, InsightsService insights, Clock clock) {
        this.properties = properties;
        this.batches = batches;
        this.tracking = tracking;
        this.schedules = schedules;
        this.insights = insights;
        this.clock = clock;
    }

    /** Every property's row: alerts first, then the largest drop, then the newest batch. */
    public List<PortfolioRow> rows() {
        batches.markGoneOwnersInterrupted();
        Map<String, List<BatchLine>> byProperty = new LinkedHashMap<>();
        for (PropertySummary p : properties.list()) byProperty.put(p.name(), new ArrayList<>());
        for (BatchLine line : tracking.batchLines()) {
            byProperty.computeIfAbsent(line.property(), k -> new ArrayList<>()).add(line);
        }
        Map<String, Instant> nextRuns = new HashMap<>();
        for (ScheduleRepository.Stored s : schedules.list()) {
            nextRuns.merge(s.property(), s.nextRun(), (a, b) -> a.isBefore(b) ? a : b);
        }
        Map<String, Pick> picks = new LinkedHashMap<>();
        byProperty.forEach((name, lines) -> picks.put(name, Pick.of(lines)));
        Map<UUID, ChangeRow> stored = tracking.changes(picks.values().stream()
                .map(Pick::measured).filter(Objects::nonNull).map(BatchLine::batchId).toList());
        List<PortfolioRow> rows = new ArrayList<>();
        picks.forEach((name, pick) -> {
            ChangeRow change = pick.measured() == null ? null : current(pick, stored.get(pick.measured().batchId()));
            rows.add(row(name, pick, change, nextRuns.get(name), byProperty.get(name)));
        });
        rows.sort(ORDER);
        return rows;
    }

    static final Comparator<PortfolioRow> ORDER = Comparator
            .comparing((PortfolioRow r) -> !r.alert())
            .thenComparing(r -> r.change() == null ? 0 : -r.change().drop())
            .thenComparing(r -> r.latestAt(), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(PortfolioRow::property, String.CASE_INSENSITIVE_ORDER);

    /** The stored change of the pick's measured batch for property {@code name}; computed and stored if stale. */
    Optional<ChangeRow> changeOf(String name) {
        List<BatchLine> lines = tracking.batchLines(name);
        Pick pick = Pick.of(lines);
        if (pick.measured() == null) return Optional.empty();
        return Optional.of(current(pick, tracking.changes(List.of(pick.measured().batchId())).get(pick.measured().batchId())));
    }

    /** The stored row when it was computed from the batches as they are now, else a fresh one, stored. */
    private ChangeRow current(Pick pick, ChangeRow stored) {
        String basis = pick.basis();
        if (stored != null && stored.basis().equals(basis)) return stored;
        Insights after = insights.insights(pick.measured().batchId()).orElseThrow();
        Change change = null;
        if (pick.previous() != null) {
            Insights before = insights.insights(pick.previous().batchId()).orElseThrow();
            change = ChangeRule.change(pick.previous().batchId(), before, after);
        }
        ChangeRow row = new ChangeRow(pick.measured().batchId(), pick.previous() == null ? null : pick.previous().batchId(),
                basis, TrackingJson.numbersToStore(BatchNumbers.of(after)), TrackingJson.changeToStore(change),
                change != null && change.alert(), clock.instant(),
                stored == null ? null : stored.alertedAt(), stored == null ? null : stored.alertError());
        tracking.save(row);
        return row;
    }

    private static PortfolioRow row(String name, Pick pick, ChangeRow change, Instant nextRun, List<BatchLine> lines) {
        BatchLine latest = lines.isEmpty() ? null : lines.get(lines.size() - 1);
        List<Double> trend = new ArrayList<>();
        for (BatchLine l : lines) {
            if (ended(l) && !l.scores().isEmpty()) {
                trend.add(l.scores().values().stream().mapToDouble(Double::doubleValue).average().orElse(0));
            }
        }
        List<Double> recent = trend.subList(Math.max(0, trend.size() - TREND_POINTS), trend.size());
        BatchLine shown = pick.measured() != null ? pick.measured() : latest;
        return new PortfolioRow(name, latest == null ? null : latest.batchId(), latest == null ? null : latest.createdAt(),
                latest == null ? null : status(latest), pick.measured() == null ? null : pick.measured().batchId(),
                change == null ? BatchNumbers.NONE : TrackingJson.numbersFromStore(change.summary()),
                change == null ? null : TrackingJson.changeFromStore(change.change()), nextRun, recent,
                shown != null && simulated(shown), change == null ? null : change.alertError());
    }

    static BatchStatus status(BatchLine line) {
        return BatchStatus.of(line.runs().values());
    }

    /** A batch whose runs have all ended with answers in: it has numbers to compare. */
    static boolean ended(BatchLine line) {
        BatchStatus s = status(line);
        return !line.runs().isEmpty() && (s == BatchStatus.COMPLETE || s == BatchStatus.INCOMPLETE);
    }

    private static boolean simulated(BatchLine line) {
        return !line.runs().isEmpty() && line.runs().keySet().stream()
                .allMatch(s -> s.startsWith(Provider.SIMULATED.id() + ":"));
    }

    /**
     * A property's measured batch (its newest ended one) and the previous ended batch that asked the
     * same surfaces. Pure: from the batch lines, oldest first.
     */
    record Pick(BatchLine measured, BatchLine previous) {

        static Pick of(List<BatchLine> oldestFirst) {
            BatchLine measured = null;
            int at = -1;
            for (int i = oldestFirst.size() - 1; i >= 0; i--) {
                if (ended(oldestFirst.get(i))) {
                    measured = oldestFirst.get(i);
                    at = i;
                    break;
                }
            }
            if (measured == null) return new Pick(null, null);
            TreeSet<String> surfaces = new TreeSet<>(measured.runs().keySet());
            for (int i = at - 1; i >= 0; i--) {
                BatchLine b = oldestFirst.get(i);
                if (ended(b) && new TreeSet<>(b.runs().keySet()).equals(surfaces)) return new Pick(measured, b);
            }
            return new Pick(measured, null);
        }

        /** What a stored change was computed from: a resumed or re-scored batch, or new rules, compute it again. */
        String basis() {
            return "r" + ChangeRule.RULES + "|" + stamp(measured) + "|"
                    + (previous == null ? "-" : previous.batchId() + "@" + stamp(previous));
        }

        private static String stamp(BatchLine l) {
            return l.finishedAt() + "/" + l.rescoredAt() + "/" + runsKey(l);
        }

        private static String runsKey(BatchLine l) {
            StringBuilder sb = new StringBuilder();
            l.runs().forEach((s, st) -> sb.append(st == RunStatus.COMPLETED ? 'c' : 'x'));
            return sb.toString();
        }
    }
}
