package com.propertyaudit.tracking;

import com.propertyaudit.analysis.insights.Insights;
import java.util.Map;
import java.util.TreeMap;

/** A batch's headline numbers: brand mention rate and share of voice (percent), visibility per surface. */
public record BatchNumbers(Double brandMentionRate, Double brandSOV, Map<String, Double> visibility) {

    public static final BatchNumbers NONE = new BatchNumbers(null, null, Map.of());

    public BatchNumbers {
        visibility = Map.copyOf(visibility);
    }

    public static BatchNumbers of(Insights insights) {
        Insights.Summary s = insights.summary();
        Map<String, Double> vis = new TreeMap<>();
        s.visibility().forEach((surface, v) -> {
            if (v.score() != null) vis.put(surface, v.score());
        });
        return new BatchNumbers(s.brandMentionRate().percent(), s.brandSOV(), vis);
    }
}
