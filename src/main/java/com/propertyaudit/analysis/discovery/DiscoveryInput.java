package com.propertyaudit.analysis.discovery;

import java.util.List;

/** One answer as discovery reads it: which surface gave it, its text, the registrable domains it cites. */
public record DiscoveryInput(String surface, String text, List<String> citedDomains) {

    public DiscoveryInput {
        text = text == null ? "" : text;
        citedDomains = citedDomains == null ? List.of() : List.copyOf(citedDomains);
    }
}
