package com.propertyaudit.llm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.propertyaudit.domain.Location;
import com.propertyaudit.domain.Provider;
import com.propertyaudit.domain.Surface;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a web search searches from: a renter in the property's city, as the providers' web search
 * tools take it ({@code user_location} of type approximate).
 *
 * @param timezone IANA zone ("America/Los_Angeles") when it follows from the country and region, else null
 */
public record SearchLocation(String city, String region, String country, String timezone) {

    /** US states and DC to their main IANA zone; states split across zones get the zone of most residents. */
    private static final Map<String, String> US_ZONES = usZones();
    /** Countries with one zone for nearly everyone. */
    private static final Map<String, String> COUNTRY_ZONES = Map.ofEntries(Map.entry("GB", "Europe/London"),
            Map.entry("IE", "Europe/Dublin"), Map.entry("FR", "Europe/Paris"), Map.entry("DE", "Europe/Berlin"),
            Map.entry("ES", "Europe/Madrid"), Map.entry("IT", "Europe/Rome"), Map.entry("NL", "Europe/Amsterdam"),
            Map.entry("BE", "Europe/Brussels"), Map.entry("PT", "Europe/Lisbon"), Map.entry("CH", "Europe/Zurich"),
            Map.entry("AT", "Europe/Vienna"), Map.entry("SE", "Europe/Stockholm"), Map.entry("NO", "Europe/Oslo"),
            Map.entry("DK", "Europe/Copenhagen"), Map.entry("FI", "Europe/Helsinki"), Map.entry("PL", "Europe/Warsaw"),
            Map.entry("JP", "Asia/Tokyo"), Map.entry("SG", "Asia/Singapore"), Map.entry("NZ", "Pacific/Auckland"),
            Map.entry("AE", "Asia/Dubai"), Map.entry("IL", "Asia/Jerusalem"), Map.entry("IN", "Asia/Kolkata"));

    /** The location to search from for a property, or empty when it has neither a city nor a country. */
    public static Optional<SearchLocation> of(Location l) {
        if (l == null || (blank(l.city()) && l.country() == null)) return Optional.empty();
        String region = blank(l.region()) ? null : l.region().strip();
        String zone = null;
        if ("US".equals(l.country()) && region != null) zone = US_ZONES.get(region.toUpperCase(Locale.ROOT));
        else if (l.country() != null) zone = COUNTRY_ZONES.get(l.country());
        return Optional.of(new SearchLocation(blank(l.city()) ? null : l.city().strip(), region, l.country(), zone));
    }

    /**
     * Whether a surface's web search takes a searcher's location: OpenAI's and Anthropic's web search
     * tools do ({@code user_location}); Gemini's grounding, Perplexity and local models take none.
     */
    public static boolean takenBy(Surface surface) {
        return surface.webSearch() && (surface.provider() == Provider.OPENAI || surface.provider() == Provider.ANTHROPIC);
    }

    /** The {@code user_location} object of OpenAI's and Anthropic's web search tools. */
    ObjectNode toUserLocation(ObjectNode into) {
        into.put("type", "approximate");
        if (city != null) into.put("city", city);
        if (region != null) into.put("region", region);
        if (country != null) into.put("country", country);
        if (timezone != null) into.put("timezone", timezone);
        return into;
    }

    /** "San Diego, CA, US", as stored with each answer. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        for (String p : new String[] {city, region, country}) if (p != null) parts.add(p);
        return String.join(", ", parts);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Map<String, String> usZones() {
        String[][] z = {{"America/New_York", "CT DE DC FL GA IN KY ME MD MA MI NH NJ NY NC OH PA RI SC VT VA WV"},
            {"America/Chicago", "AL AR IL IA KS LA MN MS MO NE ND OK SD TN TX WI"},
            {"America/Denver", "CO MT NM UT WY ID"}, {"America/Phoenix", "AZ"},
            {"America/Los_Angeles", "CA NV OR WA"}, {"America/Anchorage", "AK"}, {"Pacific/Honolulu", "HI"}};
        Map<String, String> m = new java.util.HashMap<>();
        for (String[] row : z) for (String st : row[1].split(" ")) m.put(st, row[0]);
        return Map.copyOf(m);
    }
}
