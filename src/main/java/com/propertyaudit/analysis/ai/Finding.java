package com.propertyaudit.analysis.ai;

import java.util.List;

/**
 * One item of the holistic analysis: a consensus finding, a divergence, or a recommendation
 * ({@code text} is then the action and {@code why} its reason; null otherwise).
 *
 * @param confidence high, medium or low, as the model judged it
 */
public record Finding(String text, String why, List<Evidence> evidence, String confidence) {

    public Finding {
        evidence = List.copyOf(evidence);
    }
}
