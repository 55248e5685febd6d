package com.propertyaudit.analysis.insights;

import com.propertyaudit.domain.AuditQuery;
import com.propertyaudit.domain.Batch;
import com.propertyaudit.domain.Run;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether two batches asked the same thing — the same surfaces, the same query texts and the same
 * number of samples — and, when they did not, what they share: a comparison then tests only the
 * answers to the same query text, from the same surface, for the same sample number.
 *
 * @param differences one line per way they differ ("queries: 18 vs 30 (18 shared)", "samples: 1 vs 3"), empty when alike
 */
public record Comparability(boolean comparable, List<String> differences, Set<String> sharedQueries,
        Set<String> sharedSurfaces, int sharedSamples) {

    public static final Comparability ALIKE = new Comparability(true, List.of(), Set.of(), Set.of(), 0);

    public Comparability {
        differences = List.copyOf(differences);
        sharedQueries = Set.copyOf(sharedQueries);
        sharedSurfaces = Set.copyOf(sharedSurfaces);
    }

    public static Comparability of(Batch before, List<Run> beforeRuns, Batch after, List<Run> afterRuns) {
        Set<String> qb = queryKeys(before);
        Set<String> qa = queryKeys(after);
        Set<String> sb = new TreeSet<>(beforeRuns.stream().map(r -> r.surface().id()).toList());
        Set<String> sa = new TreeSet<>(afterRuns.stream().map(r -> r.surface().id()).toList());
        Set<String> sharedQ = new LinkedHashSet<>(qb);
        sharedQ.retainAll(qa);
        Set<String> sharedS = new TreeSet<>(sb);
        sharedS.retainAll(sa);
        List<String> diff = new ArrayList<>();
        if (!sb.equals(sa)) {
            diff.add("surfaces: " + String.join(", ", sb) + " vs " + String.join(", ", sa) + " (" + sharedS.size()
                    + " shared)");
        }
        if (!qb.equals(qa)) diff.add("queries: " + qb.size() + " vs " + qa.size() + " (" + sharedQ.size() + " shared)");
        if (before.samples() != after.samples()) diff.add("samples: " + before.samples() + " vs " + after.samples());
        return new Comparability(diff.isEmpty(), diff, sharedQ, sharedS, Math.min(before.samples(), after.samples()));
    }

    /** Whether an answer to this query text, from this surface, with this sample number, is in both batches' design. */
    public boolean shares(String queryText, String surfaceId, int sample) {
        return comparable || sharedSurfaces.contains(surfaceId) && sample <= sharedSamples
                && sharedQueries.contains(key(queryText));
    }

    /** One sentence for a screen: empty when alike. */
    public String sentence() {
        return comparable ? "" : "Not like for like (" + String.join("; ", differences)
                + "): the comparison tests only the answers both batches share - same query text, surface and sample.";
    }

    private static Set<String> queryKeys(Batch b) {
        Set<String> out = new LinkedHashSet<>();
        for (AuditQuery q : b.snapshot().queries()) out.add(key(q.text()));
        return out;
    }

    /** Query texts match whatever their case or spacing: a re-typed query is the same question. */
    static String key(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
