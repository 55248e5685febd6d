package com.propertyaudit.tracking;

import com.propertyaudit.analysis.insights.BatchComparison;
import java.util.Map;
import java.util.UUID;

/**
 * A batch's change against the previous batch of its property that asked the same surfaces.
 *
 * @param mentionRateDelta brand mention rate, later minus earlier, in points; null when either has none
 * @param sovDelta         brand share of voice, in points; null when either has none
 * @param visibilityDelta  per surface, in points
 * @param metric           the change the verdict rests on: a significant drop of the brand mention rate,
 *                         else the clearest significant drop of a surface's visibility, else the
 *                         clearest significant rise, else the brand mention rate
 * @param delta            that metric's change, in points
 * @param pValue           its test's p-value; null when no test applies
 * @param test             {@code mcnemar} (paired queries), {@code two-proportion} or {@code z-test}
 */
public record Change(UUID previousBatchId, Double mentionRateDelta, Double sovDelta, Map<String, Double> visibilityDelta,
        String metric, Double delta, Double pValue, String test, boolean significant) {

    public Change {
        visibilityDelta = Map.copyOf(visibilityDelta);
    }

    /** The surface id when the verdict rests on a surface's visibility score; null otherwise. */
    public String surface() {
        return BatchComparison.visibilitySurface(metric);
    }

    /** A significant drop: the alert. A change that is not significant never alerts. */
    public boolean alert() {
        return significant && delta != null && delta < 0;
    }

    /** The drop in points (positive), 0 when the change is not a drop: rows sort by it. */
    public double drop() {
        return delta != null && delta < 0 ? -delta : 0;
    }
}
