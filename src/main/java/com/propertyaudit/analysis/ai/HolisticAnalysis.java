package com.propertyaudit.analysis.ai;

import java.util.List;

/**
 * The holistic cross-model analysis of a batch: where the models agree, where they diverge, what
 * to do. Every item points at queries and surfaces of the batch; {@code droppedItems} counts the
 * items the model returned whose evidence named a query or surface not in the batch, or nothing.
 */
public record HolisticAnalysis(List<Finding> consensus, List<Finding> divergences, List<Finding> recommendations,
        int droppedItems) {

    public HolisticAnalysis {
        consensus = List.copyOf(consensus);
        divergences = List.copyOf(divergences);
        recommendations = List.copyOf(recommendations);
    }
}
