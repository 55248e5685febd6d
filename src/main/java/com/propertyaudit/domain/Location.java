package com.propertyaudit.domain;

import java.util.Locale;
import java.util.Set;

/**
 * Where a property is; every part may be null.
 *
 * @param country ISO 3166-1 alpha-2 code in upper case ("US"), or null
 */
public record Location(String city, String region, String neighborhood, String country) {

    public static final Location NONE = new Location(null, null, null, null);

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public Location {
        if (country != null) {
            country = country.strip().toUpperCase(Locale.ROOT);
            if (country.isEmpty()) country = null;
        }
    }

    public Location(String city, String region, String neighborhood) {
        this(city, region, neighborhood, null);
    }

    /** Whether a text is an ISO 3166-1 alpha-2 country code, in any case. */
    public static boolean isCountryCode(String code) {
        return code != null && COUNTRIES.contains(code.strip().toUpperCase(Locale.ROOT));
    }

    /** "Pearl District, Portland, OR" — the parts that are present, joined. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (String part : new String[] {neighborhood, city, region}) {
            if (part != null && !part.isBlank()) {
                if (sb.length() > 0) sb.append(", ");
                sb.append(part.strip());
            }
        }
        return sb.toString();
    }

    /** True when no part is given. */
    public boolean isEmpty() {
        return describe().isEmpty() && country == null;
    }
}
