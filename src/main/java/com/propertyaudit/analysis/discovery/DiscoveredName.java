package com.propertyaudit.analysis.discovery;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A community the answers put forward that the property does not track.
 *
 * @param answers   how many answers put it forward
 * @param bySurface those answers per surface id, in surface order
 */
public record DiscoveredName(String name, int answers, Map<String, Integer> bySurface) {

    public DiscoveredName {
        bySurface = Collections.unmodifiableMap(new TreeMap<>(bySurface));
    }
}
