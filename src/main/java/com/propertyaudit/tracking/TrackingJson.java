package com.propertyaudit.tracking;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The JSON of tracking: the portfolio and schedule objects of cli.md (numbers rounded to one decimal,
 * p-values to two significant digits), and the stored form of a batch's numbers and change (unrounded).
 */
public final class TrackingJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TrackingJson() {}

    public static ArrayNode portfolio(List<PortfolioRow> rows) {
        ArrayNode out = JSON.createArrayNode();
        rows.forEach(r -> out.add(row(r)));
        return out;
    }

    public static ObjectNode row(PortfolioRow r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("property", r.property());
        putText(o, "latestBatchId", r.latestBatchId());
        putText(o, "latestAt", r.latestAt());
        putText(o, "status", r.status() == null ? null : r.status().id());
        putText(o, "measuredBatchId", r.measuredBatchId());
        o.put("simulated", r.simulated());
        ObjectNode vis = o.putObject("visibility");
        r.numbers().visibility().forEach((s, v) -> vis.put(s, round1(v)));
        putNumber(o, "brandMentionRate", r.numbers().brandMentionRate());
        putNumber(o, "brandSOV", r.numbers().brandSOV());
        if (r.change() == null) o.putNull("change");
        else o.set("change", change(r.change(), true));
        o.put("alert", r.alert());
        putText(o, "nextRun", r.nextRun());
        ArrayNode trend = o.putArray("trend");
        r.trend().forEach(t -> trend.add(round1(t)));
        putText(o, "alertError", r.alertError());
        return o;
    }

    /** The change object of cli.md; {@code rounded} for output, unrounded for storage. */
    public static ObjectNode change(Change c, boolean rounded) {
        ObjectNode o = JSON.createObjectNode();
        putText(o, "previousBatchId", c.previousBatchId());
        putNumber(o, "mentionRateDelta", rounded ? round1(c.mentionRateDelta()) : c.mentionRateDelta());
        putNumber(o, "sovDelta", rounded ? round1(c.sovDelta()) : c.sovDelta());
        ObjectNode vis = o.putObject("visibilityDelta");
        new TreeMap<>(c.visibilityDelta()).forEach((s, v) -> vis.put(s, rounded ? round1(v) : v));
        o.put("metric", c.metric());
        putNumber(o, "delta", rounded ? round1(c.delta()) : c.delta());
        putNumber(o, "pValue", rounded ? significant2(c.pValue()) : c.pValue());
        putText(o, "test", c.test());
        o.put("significant", c.significant());
        return o;
    }

    public static ArrayNode schedules(List<Schedule> schedules) {
        ArrayNode out = JSON.createArrayNode();
        for (Schedule s : schedules) {
            ObjectNode o = out.addObject();
            o.put("id", s.id());
            o.put("property", s.property());
            o.put("every", s.every().id());
            ArrayNode surfaces = o.putArray("surfaces");
            s.surfaces().forEach(surfaces::add);
            o.put("samples", s.samples());
            putText(o, "nextRun", s.nextRun());
            putText(o, "lastRun", s.lastRun());
        }
        return out;
    }

    static String numbersToStore(BatchNumbers n) {
        ObjectNode o = JSON.createObjectNode();
        putNumber(o, "brandMentionRate", n.brandMentionRate());
        putNumber(o, "brandSOV", n.brandSOV());
        ObjectNode vis = o.putObject("visibility");
        new TreeMap<>(n.visibility()).forEach(vis::put);
        return o.toString();
    }

    static BatchNumbers numbersFromStore(String json) {
        JsonNode o = read(json);
        return new BatchNumbers(number(o.get("brandMentionRate")), number(o.get("brandSOV")), doubles(o.get("visibility")));
    }

    static String changeToStore(Change c) {
        return c == null ? null : change(c, false).toString();
    }

    static Change changeFromStore(String json) {
        if (json == null) return null;
        JsonNode o = read(json);
        JsonNode prev = o.get("previousBatchId");
        return new Change(prev == null || prev.isNull() ? null : UUID.fromString(prev.asText()),
                number(o.get("mentionRateDelta")), number(o.get("sovDelta")), doubles(o.get("visibilityDelta")),
                o.path("metric").asText(), number(o.get("delta")), number(o.get("pValue")),
                o.hasNonNull("test") ? o.get("test").asText() : null, o.path("significant").asBoolean());
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored batch change is damaged: " + e.getOriginalMessage(), e);
        }
    }

    private static Map<String, Double> doubles(JsonNode o) {
        Map<String, Double> out = new TreeMap<>();
        if (o == null) return out;
        for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().asDouble());
        }
        return out;
    }

    private static Double number(JsonNode n) {
        return n == null || n.isNull() ? null : n.asDouble();
    }

    private static void putNumber(ObjectNode o, String field, Double v) {
        if (v == null) o.putNull(field);
        else o.put(field, v);
    }

    private static void putText(ObjectNode o, String field, Object v) {
        if (v == null) o.putNull(field);
        else o.put(field, v.toString());
    }

    static Double round1(Double v) {
        return v == null ? null : Math.round(v * 10) / 10.0;
    }

    /** A p-value to two significant digits: 0.0001 stays 0.0001, 3.2e-8 stays 3.2e-8, not 0. */
    static Double significant2(Double p) {
        if (p == null || p == 0 || p.isNaN()) return p;
        return new BigDecimal(p).round(new MathContext(2)).doubleValue();
    }
}
