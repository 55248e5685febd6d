package com.propertyaudit.domain;

import java.util.List;
import java.util.Objects;

/** Another community whose mentions are counted against the property's. */
public record Competitor(String name, List<String> aliases, List<String> domains) {

    public Competitor {
        Objects.requireNonNull(name, "name");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        domains = domains == null ? List.of() : List.copyOf(domains);
    }

    public static Competitor named(String name) {
        return new Competitor(name, List.of(), List.of());
    }
}
