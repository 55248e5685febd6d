package com.propertyaudit.analysis.ai;

import java.util.List;

/**
 * What a finding rests on: a query of the property (numbered from 1) and the surfaces whose answers to
 * it show it; no surfaces means the query across the batch.
 */
public record Evidence(int query, List<String> surfaces) {

    public Evidence {
        surfaces = List.copyOf(surfaces);
    }
}
