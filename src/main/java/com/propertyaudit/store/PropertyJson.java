package com.propertyaudit.store;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.propertyaudit.domain.AuditQuery;
import com.propertyaudit.domain.Competitor;
import com.propertyaudit.domain.Location;
import com.propertyaudit.domain.Property;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The property file format of score-cli.md, which is also the import/export format of a property
 * everywhere in the app. Reading is strict: an unknown field (a typo such as {@code competitor})
 * or a wrong type is an error naming the field and its line, never silently ignored.
 */
public final class PropertyJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);

    private static final Set<String> PROPERTY_FIELDS =
            Set.of("name", "aliases", "domains", "location", "competitors", "queries");
    private static final Set<String> LOCATION_FIELDS = Set.of("city", "region", "neighborhood", "country");
    private static final Set<String> COMPETITOR_FIELDS = Set.of("name", "aliases", "domains");
    private static final Set<String> QUERY_FIELDS = Set.of("text", "topic");

    private PropertyJson() {}

    /** A property file that cannot be used; the message names the source, line and field. */
    public static final class InvalidPropertyException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidPropertyException(String message) {
            super(message);
        }
    }

    /**
     * A property file, strictly: besides the format (one JSON object, no field twice, no unknown
     * field, the right types), every field within {@link PropertyLimits}.
     */
    public static Property read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidPropertyException(file + ": cannot be read (" + e.getMessage() + ").");
        }
        return parseFile(decodeUtf8(bytes, file.toString()), file.toString());
    }

    public static Property read(InputStream in, String sourceName) {
        try {
            return parseFile(decodeUtf8(in.readAllBytes(), sourceName), sourceName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of a property file, checked as {@link #read(Path)} checks it. */
    public static Property parseFile(String json, String sourceName) {
        Property p = parse(json, sourceName);
        PropertyLimits.check(p).ifPresent(problem -> {
            throw new Ctx(sourceName, Lines.of(json)).error(problem.path(), problem.what());
        });
        return p;
    }

    /**
     * Parses the JSON text of one property; {@code sourceName} is used in error messages. The
     * format is checked, not the limits of {@link PropertyLimits}: stored snapshots of past
     * batches are read here too, and stay readable whatever rules came later.
     */
    public static Property parse(String json, String sourceName) {
        JsonNode root = tree(json, sourceName);
        if (root == null || root.isMissingNode()) {
            throw new InvalidPropertyException(sourceName + ": the file is empty; expected a JSON object with a \"name\".");
        }
        return toProperty(root, new Ctx(sourceName, Lines.of(json)));
    }

    /**
     * The one JSON value of the text. A field given twice in one object would silently keep its
     * last value, and text after the object would be ignored: both are errors here.
     */
    private static JsonNode tree(String json, String sourceName) {
        try (JsonParser parser = MAPPER.createParser(json)) {
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            JsonNode root;
            try {
                root = MAPPER.readTree(parser);
            } catch (JsonParseException e) {
                if (isDuplicate(json, e.getLocation())) {
                    throw new InvalidPropertyException(sourceName + ", line " + e.getLocation().getLineNr()
                            + ": the field \"" + parser.currentName() + "\" is given twice in one object; keep one.");
                }
                throw new InvalidPropertyException(sourceName + ", line " + e.getLocation().getLineNr()
                        + ": not valid JSON (" + e.getOriginalMessage() + ").");
            }
            JsonLocation end = parser.currentLocation();
            boolean more;
            try {
                more = parser.nextToken() != null;
            } catch (JsonParseException e) {
                more = true;
            }
            if (more) {
                throw new InvalidPropertyException(sourceName + ", line " + end.getLineNr() + ": there is more"
                        + " text after the property's closing brace; a property file holds exactly one JSON object.");
            }
            return root;
        } catch (InvalidPropertyException e) {
            throw e;
        } catch (JsonProcessingException e) {
            throw new InvalidPropertyException(sourceName + ": not valid JSON (" + e.getOriginalMessage() + ").");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when the error at {@code at} was a repeated field: the text reads past that point without the check. */
    private static boolean isDuplicate(String json, JsonLocation at) {
        try (JsonParser parser = MAPPER.createParser(json)) {
            while (parser.nextToken() != null) {
                if (parser.currentLocation().getCharOffset() > at.getCharOffset()) return true;
            }
            return true;
        } catch (IOException e) {
            return e instanceof JsonProcessingException p && p.getLocation() != null
                    && p.getLocation().getCharOffset() > at.getCharOffset();
        }
    }

    public static String write(Property p) {
        try {
            return MAPPER.writeValueAsString(toNode(p)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Compact one-line JSON, for storing snapshots. */
    public static String writeCompact(Property p) {
        try {
            return new ObjectMapper().writeValueAsString(toNode(p));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode toNode(Property p) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("name", p.name());
        strings(o.putArray("aliases"), p.aliases());
        strings(o.putArray("domains"), p.domains());
        ObjectNode loc = o.putObject("location");
        if (p.location().city() != null) loc.put("city", p.location().city());
        if (p.location().region() != null) loc.put("region", p.location().region());
        if (p.location().neighborhood() != null) loc.put("neighborhood", p.location().neighborhood());
        if (p.location().country() != null) loc.put("country", p.location().country());
        ArrayNode comps = o.putArray("competitors");
        for (Competitor c : p.competitors()) {
            ObjectNode co = comps.addObject();
            co.put("name", c.name());
            strings(co.putArray("aliases"), c.aliases());
            strings(co.putArray("domains"), c.domains());
        }
        ArrayNode qs = o.putArray("queries");
        for (AuditQuery q : p.queries()) {
            ObjectNode qo = qs.addObject();
            qo.put("text", q.text());
            if (q.topic() != null) qo.put("topic", q.topic());
        }
        return o;
    }

    private static void strings(ArrayNode arr, List<String> values) {
        values.forEach(arr::add);
    }

    static String decodeUtf8(byte[] bytes, String sourceName) {
        try {
            return Utf8.decode(bytes);
        } catch (Utf8.NotUtf8 e) {
            throw new InvalidPropertyException(sourceName + ", line " + e.line
                    + ": the file is not UTF-8 text; save it as UTF-8 and try again.");
        }
    }

    // --- tree to record, with messages that name the field and its line ---

    private record Ctx(String source, Lines lines) {
        InvalidPropertyException error(String path, String what) {
            int line = lines.lineOf(path);
            return new InvalidPropertyException(source + (line > 0 ? ", line " + line : "")
                    + ", field \"" + path + "\": " + what);
        }
    }

    private static Property toProperty(JsonNode root, Ctx ctx) {
        if (!root.isObject()) {
            throw new InvalidPropertyException(ctx.source() + ", line 1: expected a JSON object with a \"name\".");
        }
        checkFields(root, PROPERTY_FIELDS, "", ctx);
        String name = requiredText(root, "name", "name", ctx);
        List<String> aliases = stringList(root.get("aliases"), "aliases", ctx);
        List<String> domains = stringList(root.get("domains"), "domains", ctx);
        Location location = Location.NONE;
        JsonNode loc = root.get("location");
        if (loc != null && !loc.isNull()) {
            if (!loc.isObject()) {
                throw ctx.error("location", "must be an object with city, region, neighborhood, country.");
            }
            checkFields(loc, LOCATION_FIELDS, "location.", ctx);
            String country = optionalText(loc, "country", "location.country", ctx);
            if (country != null && !country.isBlank() && !Location.isCountryCode(country)) {
                throw ctx.error("location.country", "must be a two-letter ISO 3166-1 country code such as US or GB, not '"
                        + country + "'.");
            }
            location = new Location(optionalText(loc, "city", "location.city", ctx),
                    optionalText(loc, "region", "location.region", ctx),
                    optionalText(loc, "neighborhood", "location.neighborhood", ctx), country);
        }
        List<Competitor> competitors = new ArrayList<>();
        JsonNode comps = root.get("competitors");
        if (comps != null && !comps.isNull()) {
            if (!comps.isArray()) throw ctx.error("competitors", "must be a list of objects with a \"name\".");
            for (int i = 0; i < comps.size(); i++) {
                JsonNode c = comps.get(i);
                String path = "competitors[" + i + "]";
                if (!c.isObject()) throw ctx.error(path, "must be an object with a \"name\".");
                checkFields(c, COMPETITOR_FIELDS, path + ".", ctx);
                competitors.add(new Competitor(requiredText(c, "name", path + ".name", ctx),
                        stringList(c.get("aliases"), path + ".aliases", ctx),
                        stringList(c.get("domains"), path + ".domains", ctx)));
            }
        }
        List<AuditQuery> queries = new ArrayList<>();
        JsonNode qs = root.get("queries");
        if (qs != null && !qs.isNull()) {
            if (!qs.isArray()) throw ctx.error("queries", "must be a list of objects with a \"text\".");
            for (int i = 0; i < qs.size(); i++) {
                JsonNode q = qs.get(i);
                String path = "queries[" + i + "]";
                if (q.isTextual()) {
                    if (q.asText().isBlank()) throw ctx.error(path, "must not be blank.");
                    queries.add(new AuditQuery(q.asText().strip(), null));
                    continue;
                }
                if (!q.isObject()) throw ctx.error(path, "must be an object with a \"text\".");
                checkFields(q, QUERY_FIELDS, path + ".", ctx);
                queries.add(new AuditQuery(requiredText(q, "text", path + ".text", ctx),
                        optionalText(q, "topic", path + ".topic", ctx)));
            }
        }
        return new Property(name, aliases, domains, location, competitors, queries);
    }

    private static void checkFields(JsonNode obj, Set<String> allowed, String prefix, Ctx ctx) {
        for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
            String field = it.next().getKey();
            if (!allowed.contains(field)) {
                throw ctx.error(prefix + field, "is not a known field (known: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ").");
            }
        }
    }

    private static String requiredText(JsonNode obj, String field, String path, Ctx ctx) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) throw ctx.error(path, "is required.");
        if (!v.isTextual()) throw ctx.error(path, "must be a string.");
        if (v.asText().isBlank()) throw ctx.error(path, "must not be blank.");
        return v.asText().strip();
    }

    private static String optionalText(JsonNode obj, String field, String path, Ctx ctx) {
        JsonNode v = obj.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw ctx.error(path, "must be a string.");
        return v.asText().isBlank() ? null : v.asText().strip();
    }

    private static List<String> stringList(JsonNode v, String path, Ctx ctx) {
        if (v == null || v.isNull()) return List.of();
        if (!v.isArray()) throw ctx.error(path, "must be a list of strings.");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (!e.isTextual()) throw ctx.error(path + "[" + i + "]", "must be a string.");
            if (e.asText().isBlank()) throw ctx.error(path + "[" + i + "]", "must not be blank.");
            out.add(e.asText().strip());
        }
        return out;
    }

    /**
     * Line numbers of JSON paths, found by a second streaming pass; Jackson's tree keeps none.
     * Only used when building an error message.
     */
    private record Lines(String json) {
        static Lines of(String json) {
            return new Lines(json);
        }

        int lineOf(String path) {
            try (JsonParser p = MAPPER.createParser(json)) {
                List<String> stack = new ArrayList<>();
                List<Integer> index = new ArrayList<>();
                String pendingField = null;
                JsonLocation best = null;
                JsonToken t;
                while ((t = p.nextToken()) != null) {
                    if (t == JsonToken.FIELD_NAME) {
                        pendingField = p.currentName();
                        String here = join(stack, pendingField);
                        if (here.equals(path)) return p.currentTokenLocation().getLineNr();
                        if (path.startsWith(here)) best = p.currentTokenLocation();
                        continue;
                    }
                    String segment = null;
                    if (!index.isEmpty() && index.get(index.size() - 1) >= 0 && pendingField == null) {
                        int i = index.get(index.size() - 1);
                        segment = "[" + i + "]";
                        index.set(index.size() - 1, i + 1);
                    } else if (pendingField != null) {
                        segment = pendingField;
                    }
                    String here = segment == null ? "" : join(stack, segment);
                    if (!here.isEmpty() && here.equals(path)) return p.currentTokenLocation().getLineNr();
                    pendingField = null;
                    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                        stack.add(segment == null ? "" : segment);
                        index.add(t == JsonToken.START_ARRAY ? 0 : -1);
                    } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                        stack.remove(stack.size() - 1);
                        index.remove(index.size() - 1);
                    }
                }
                return best == null ? 0 : best.getLineNr();
            } catch (IOException e) {
                return 0;
            }
        }

        private static String join(List<String> stack, String last) {
            StringBuilder sb = new StringBuilder();
            for (String s : stack) append(sb, s);
            append(sb, last);
            return sb.toString();
        }

        private static void append(StringBuilder sb, String segment) {
            if (segment.isEmpty()) return;
            if (segment.startsWith("[") || sb.length() == 0) sb.append(segment);
            else sb.append('.').append(segment);
        }
    }
}
