package com.propertyaudit.domain;

import java.util.List;
import java.util.Objects;

/** The brand being audited. Immutable; collections are never null. */
public record Property(
        String name,
        List<String> aliases,
        List<String> domains,
        Location location,
        List<Competitor> competitors,
        List<AuditQuery> queries) {

    public Property {
        Objects.requireNonNull(name, "name");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        domains = domains == null ? List.of() : List.copyOf(domains);
        location = location == null ? Location.NONE : location;
        competitors = competitors == null ? List.of() : List.copyOf(competitors);
        queries = queries == null ? List.of() : List.copyOf(queries);
    }

    public static Property named(String name) {
        return new Property(name, List.of(), List.of(), Location.NONE, List.of(), List.of());
    }

    public Property withQueries(List<AuditQuery> newQueries) {
        return new Property(name, aliases, domains, location, competitors, newQueries);
    }

    public Property withCompetitors(List<Competitor> newCompetitors) {
        return new Property(name, aliases, domains, location, newCompetitors, queries);
    }
}
