package com.propertyaudit.analysis.discovery;

import com.propertyaudit.domain.Competitor;
import com.propertyaudit.domain.Property;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Communities the answers put forward that are neither the brand nor a tracked competitor, counted
 * per surface across a batch, most-named first. No model is asked: see {@link CandidateNames}.
 */
public final class CompetitorDiscovery {

    private CompetitorDiscovery() {}

    public static List<DiscoveredName> discover(Property property, List<DiscoveryInput> answers) {
        Set<String> tracked = new HashSet<>();
        add(tracked, property.name(), property.aliases());
        for (Competitor c : property.competitors()) add(tracked, c.name(), c.aliases());
        Set<String> siteNames = new HashSet<>();
        for (DiscoveryInput a : answers) {
            for (String d : a.citedDomains()) {
                int dot = d.indexOf('.');
                siteNames.add(compact(dot < 0 ? d : d.substring(0, dot)));
            }
        }
        Set<String> place = new HashSet<>();
        for (String part : new String[] {property.location().city(), property.location().region(),
            property.location().neighborhood()}) {
            if (part != null && !part.isBlank()) place.add(key(part));
        }

        Map<String, Tally> tallies = new LinkedHashMap<>();
        for (DiscoveryInput a : answers) {
            Set<String> seen = new HashSet<>();
            for (String name : CandidateNames.in(a.text())) {
                String k = key(name);
                if (k.isEmpty() || place.contains(k) || siteNames.contains(compact(name)) || isTracked(k, tracked)) continue;
                if (!seen.add(k)) continue;
                tallies.computeIfAbsent(k, x -> new Tally()).count(name, a.surface());
            }
        }
        List<DiscoveredName> out = new ArrayList<>();
        for (Tally t : tallies.values()) out.add(new DiscoveredName(t.name(), t.answers, new TreeMap<>(t.bySurface)));
        out.sort(Comparator.comparingInt(DiscoveredName::answers).reversed().thenComparing(DiscoveredName::name));
        return out;
    }

    private static void add(Set<String> tracked, String name, List<String> aliases) {
        tracked.add(key(name));
        for (String a : aliases) tracked.add(key(a));
    }

    /** A tracked name, or a candidate that contains one ("Pinnacle on the Park Apartments") or is inside one. */
    private static boolean isTracked(String k, Set<String> tracked) {
        String padded = " " + k + " ";
        for (String t : tracked) {
            if (t.isEmpty()) continue;
            if (padded.contains(" " + t + " ") || (" " + t + " ").contains(padded)) return true;
        }
        return false;
    }

    /** Lower case, words only, without a leading "the": "The Rey" and "Rey" are one name. */
    static String key(String name) {
        String s = name.toLowerCase(Locale.ROOT).replace('&', ' ').replaceAll("[^\\p{L}\\p{Nd}]+", " ").strip();
        return s.startsWith("the ") ? s.substring(4) : s;
    }

    private static String compact(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{Nd}]", "");
    }

    /** Answers naming one discovered name, and the spelling used most. */
    private static final class Tally {
        final Map<String, Integer> spellings = new HashMap<>();
        final Map<String, Integer> bySurface = new HashMap<>();
        int answers;

        void count(String spelling, String surface) {
            answers++;
            spellings.merge(spelling, 1, Integer::sum);
            bySurface.merge(surface, 1, Integer::sum);
        }

        String name() {
            return spellings.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry::getKey,
                            Comparator.reverseOrder()))
                    .orElseThrow().getKey();
        }
    }
}
