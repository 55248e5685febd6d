package com.propertyaudit.domain;

/** Where a property is; every part may be null. */
public record Location(String city, String region, String neighborhood) {

    public static final Location NONE = new Location(null, null, null);

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
}
