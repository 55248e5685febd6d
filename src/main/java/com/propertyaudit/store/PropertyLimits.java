package com.propertyaudit.store;

import com.propertyaudit.domain.AuditQuery;
import com.propertyaudit.domain.Competitor;
import com.propertyaudit.domain.Location;
import com.propertyaudit.domain.Property;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a property may hold, checked before it reaches the database, so that a file or a form gets
 * a sentence naming the field instead of a database error. The lengths are those of the schema's
 * columns (V1) where a column holds the field, and generous bounds elsewhere; the README lists them.
 * A name must have a letter or a digit: one made only of spaces, no-break or zero-width spaces
 * would be audited as a blank brand. No field may hold control characters (PostgreSQL refuses
 * NUL; the others act on terminals).
 */
public final class PropertyLimits {

    public static final int NAME = 300;
    public static final int ALIAS = 300;
    public static final int DOMAIN = 253;
    public static final int LOCATION_PART = 200;
    public static final int QUERY_TEXT = 500;
    public static final int TOPIC = 100;

    /** A field that breaks a rule: its path in the property file ({@code competitors[0].name}) and what is wrong. */
    public record Problem(String path, String what) {
        /** {@code Field "name" is 412 characters long; the limit is 300.} */
        public String describe() {
            return "Field \"" + path + "\" " + what;
        }
    }

    private PropertyLimits() {}

    /** The first field that breaks a rule, in file order; empty when the property can be stored. */
    public static Optional<Problem> check(Property p) {
        String problem = name(p.name(), NAME);
        if (problem != null) return Optional.of(new Problem("name", problem));
        Optional<Problem> found = names(p.aliases(), "aliases");
        if (found.isEmpty()) found = domains(p.domains(), "domains");
        if (found.isPresent()) return found;
        String[][] location = {{"city", p.location().city()}, {"region", p.location().region()},
            {"neighborhood", p.location().neighborhood()}};
        for (String[] part : location) {
            problem = part[1] == null ? null : text(part[1], LOCATION_PART);
            if (problem != null) return Optional.of(new Problem("location." + part[0], problem));
        }
        if (p.location().country() != null && !Location.isCountryCode(p.location().country())) {
            return Optional.of(new Problem("location.country", "must be a two-letter ISO 3166-1 country code such as US"));
        }
        List<Competitor> competitors = p.competitors();
        for (int i = 0; i < competitors.size(); i++) {
            String at = "competitors[" + i + "]";
            Competitor c = competitors.get(i);
            problem = name(c.name(), NAME);
            if (problem != null) return Optional.of(new Problem(at + ".name", problem));
            found = names(c.aliases(), at + ".aliases");
            if (found.isEmpty()) found = domains(c.domains(), at + ".domains");
            if (found.isPresent()) return found;
        }
        List<AuditQuery> queries = p.queries();
        for (int i = 0; i < queries.size(); i++) {
            AuditQuery q = queries.get(i);
            problem = text(q.text(), QUERY_TEXT);
            if (problem != null) return Optional.of(new Problem("queries[" + i + "].text", problem));
            problem = q.topic() == null ? null : text(q.topic(), TOPIC);
            if (problem != null) return Optional.of(new Problem("queries[" + i + "].topic", problem));
        }
        return Optional.empty();
    }

    /** What is wrong with a name (a property's, a competitor's, an alias), or null. */
    public static String name(String value, int limit) {
        String problem = lengthOrControl(value, limit);
        if (problem != null) return problem;
        return value.codePoints().anyMatch(Character::isLetterOrDigit) ? null
                : "has no letter or digit (only spaces, punctuation or invisible characters); write the name.";
    }

    /** What is wrong with a text field, or null: too long, blank-looking, or holding a control character. */
    public static String text(String value, int limit) {
        String problem = lengthOrControl(value, limit);
        if (problem != null) return problem;
        return visible(value) ? null : "is blank (only spaces or invisible characters); write the text or leave the field out.";
    }

    private static String lengthOrControl(String value, int limit) {
        if (value.length() > limit) {
            return "is " + value.length() + " characters long; the limit is " + limit + ".";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.getType(c) == Character.CONTROL) {
                return String.format(Locale.ROOT, "holds a control character (U+%04X); remove it.", (int) c);
            }
        }
        return null;
    }

    /** True when some character shows: not white space, a space separator or an invisible format mark. */
    public static boolean visible(String value) {
        return value.codePoints().anyMatch(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)
                && Character.getType(c) != Character.FORMAT && Character.getType(c) != Character.CONTROL);
    }

    private static Optional<Problem> names(List<String> values, String path) {
        for (int i = 0; i < values.size(); i++) {
            String problem = name(values.get(i), ALIAS);
            if (problem != null) return Optional.of(new Problem(path + "[" + i + "]", problem));
        }
        return Optional.empty();
    }

    private static Optional<Problem> domains(List<String> values, String path) {
        for (int i = 0; i < values.size(); i++) {
            String problem = text(values.get(i), DOMAIN);
            if (problem != null) return Optional.of(new Problem(path + "[" + i + "]", problem));
        }
        return Optional.empty();
    }
}
