package com.propertyaudit.analysis;

import com.propertyaudit.domain.AnswerScore;
import com.propertyaudit.domain.Competitor;
import com.propertyaudit.domain.Location;
import com.propertyaudit.domain.Mention;
import com.propertyaudit.domain.Property;
import java.util.Arrays;
import java.util.List;

/** Small builders shared by the scoring tests. */
final class Scoring {

    private Scoring() {}

    static Property property(String name, List<String> aliases, List<String> domains, Competitor... competitors) {
        return new Property(name, aliases, domains, Location.NONE, Arrays.asList(competitors), List.of());
    }

    static Property brandOnly(String name, String... aliases) {
        return property(name, List.of(aliases), List.of());
    }

    static Property competitorsOnly(String... names) {
        return property("Harbor Point Lofts", List.of(), List.of(),
                Arrays.stream(names).map(Competitor::named).toArray(Competitor[]::new));
    }

    static Competitor competitor(String name, String... aliases) {
        return new Competitor(name, List.of(aliases), List.of());
    }

    static AnswerScore score(Property property, String text) {
        return new AnswerScorer(property).score(text, List.of());
    }

    /** The canonical names of all mentions, in text order. */
    static List<String> mentioned(Property property, String text) {
        return score(property, text).mentions().stream().map(Mention::entity).toList();
    }

    /** The original text under each mention, in text order. */
    static List<String> highlighted(Property property, String text) {
        return score(property, text).mentions().stream()
                .map(m -> text.substring(m.start(), m.end()))
                .toList();
    }
}
