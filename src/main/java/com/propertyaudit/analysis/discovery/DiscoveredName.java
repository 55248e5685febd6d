package com.propertyaudit.analysis.discovery;

import java.util.Map;

/**
 * A community the answers put forward that the property does not track.
 *
 * @param answers   how many answers put it forward
 * @param bySurface those answers per surface id
 */
public record DiscoveredName(String name, int answers, Map<String, Integer> bySurface) {

    public DiscoveredName {
        bySurface = Map.copyOf(bySurface);
    }
}
