package com.propertyaudit.analysis.insights;

import com.propertyaudit.domain.Batch;
import com.propertyaudit.domain.StoredAnswer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Where the surfaces agree on naming the brand, query by query. */
final class Agreements {

    private Agreements() {}

    static Insights.Agreement of(Batch batch, List<String> surfaces, Map<UUID, String> surfaceOf,
            List<StoredAnswer> completed, Map<Integer, Boolean> branded) {
        int queries = batch.snapshot().queries().size();
        // [query][surface] -> {mentioning samples, completed samples}
        Map<String, int[][]> tally = new LinkedHashMap<>();
        for (String s : surfaces) tally.put(s, new int[queries][2]);
        for (StoredAnswer a : completed) {
            int[][] t = tally.get(surfaceOf.get(a.answer().runId()));
            int q = a.answer().queryIndex();
            if (t == null || q < 0 || q >= queries) continue;
            t[q][1]++;
            if (a.score().brandMentioned()) t[q][0]++;
        }
        List<String> answering = surfaces.stream()
                .filter(s -> java.util.Arrays.stream(tally.get(s)).anyMatch(c -> c[1] > 0)).toList();

        List<Insights.QueryAgreement> perQuery = new ArrayList<>();
        List<boolean[]> labels = new ArrayList<>();
        int both = 0;
        int neither = 0;
        int agreeing = 0;
        Map<String, Integer> onlyBy = new LinkedHashMap<>();
        for (String s : answering) onlyBy.put(s, 0);
        for (int q = 0; q < queries; q++) {
            Map<String, Insights.Rate> rates = new LinkedHashMap<>();
            Map<String, Boolean> mentions = new LinkedHashMap<>();
            boolean complete = !answering.isEmpty();
            for (String s : answering) {
                int[] c = tally.get(s)[q];
                rates.put(s, Insights.Rate.of(c[0], c[1]));
                if (c[1] == 0) complete = false;
                // A surface names the brand for a query when at least half of its samples do.
                else mentions.put(s, 2 * c[0] >= c[1]);
            }
            boolean agree = complete && (mentions.values().stream().allMatch(b -> b)
                    || mentions.values().stream().noneMatch(b -> b));
            perQuery.add(new Insights.QueryAgreement(q, batch.snapshot().queries().get(q).text(),
                    branded.getOrDefault(q, false), rates, mentions, agree));
            if (!complete) continue;
            boolean[] row = new boolean[answering.size()];
            for (int i = 0; i < row.length; i++) row[i] = mentions.get(answering.get(i));
            labels.add(row);
            long yes = mentions.values().stream().filter(b -> b).count();
            if (yes == row.length) both++;
            if (yes == 0) neither++;
            if (agree) agreeing++;
            if (yes == 1 && row.length > 1) {
                for (int i = 0; i < row.length; i++) if (row[i]) onlyBy.merge(answering.get(i), 1, Integer::sum);
            }
        }
        int counted = labels.size();
        Double kappa = null;
        String method = null;
        if (answering.size() == 2) {
            boolean[] a = new boolean[counted];
            boolean[] b = new boolean[counted];
            for (int i = 0; i < counted; i++) {
                a[i] = labels.get(i)[0];
                b[i] = labels.get(i)[1];
            }
            kappa = Stats.cohenKappa(a, b);
            method = "cohen";
        } else if (answering.size() > 2) {
            int[][] counts = new int[counted][2];
            for (int i = 0; i < counted; i++) {
                for (boolean v : labels.get(i)) counts[i][v ? 1 : 0]++;
            }
            kappa = Stats.fleissKappa(counts);
            method = "fleiss";
        }
        Double rate = answering.size() < 2 || counted == 0 ? null : 100.0 * agreeing / counted;
        return new Insights.Agreement(counted, both, neither, onlyBy, rate, kappa, method, perQuery);
    }
}
