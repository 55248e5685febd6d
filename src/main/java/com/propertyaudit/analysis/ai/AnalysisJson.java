package com.propertyaudit.analysis.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** The {@code analysis} object of cli.md, and the items as stored (the same lists). */
public final class AnalysisJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AnalysisJson() {}

    public static ObjectNode toJson(AnalysisRecord r) {
        ObjectNode o = NODES.objectNode();
        o.put("status", r.status().id());
        o.put("surface", r.surface());
        o.put("model", r.model());
        o.put("simulated", r.simulated());
        o.put("createdAt", r.createdAt().toString());
        HolisticAnalysis a = r.analysis() == null ? new HolisticAnalysis(List.of(), List.of(), List.of(), 0) : r.analysis();
        o.setAll(items(a));
        o.put("inputTokens", r.inputTokens());
        o.put("outputTokens", r.outputTokens());
        o.put("costUsd", BigDecimal.valueOf(r.costUsd()).setScale(4, RoundingMode.HALF_UP).doubleValue());
        if (r.error() == null) o.putNull("error");
        else o.put("error", r.error());
        return o;
    }

    /** consensus, divergences, recommendations and droppedItems. */
    public static ObjectNode items(HolisticAnalysis a) {
        ObjectNode o = NODES.objectNode();
        ArrayNode consensus = o.putArray("consensus");
        a.consensus().forEach(f -> consensus.add(finding(f)));
        ArrayNode divergences = o.putArray("divergences");
        a.divergences().forEach(f -> divergences.add(finding(f)));
        ArrayNode recommendations = o.putArray("recommendations");
        for (Finding f : a.recommendations()) {
            ObjectNode n = recommendations.addObject().put("action", f.text()).put("why", f.why());
            n.set("evidence", evidence(f.evidence()));
            n.put("confidence", f.confidence());
        }
        o.put("droppedItems", a.droppedItems());
        return o;
    }

    /** The items as {@link #items} wrote them. */
    public static HolisticAnalysis readItems(JsonNode o) {
        return new HolisticAnalysis(findings(o.path("consensus"), "finding", false),
                findings(o.path("divergences"), "finding", false), findings(o.path("recommendations"), "action", true),
                o.path("droppedItems").asInt(0));
    }

    private static ObjectNode finding(Finding f) {
        ObjectNode n = NODES.objectNode().put("finding", f.text());
        n.set("evidence", evidence(f.evidence()));
        n.put("confidence", f.confidence());
        return n;
    }

    private static ArrayNode evidence(List<Evidence> evidence) {
        ArrayNode arr = NODES.arrayNode();
        for (Evidence e : evidence) {
            ObjectNode n = arr.addObject().put("query", e.query());
            e.surfaces().forEach(n.putArray("surfaces")::add);
        }
        return arr;
    }

    private static List<Finding> findings(JsonNode list, String textField, boolean withWhy) {
        List<Finding> out = new ArrayList<>();
        for (JsonNode n : list) {
            List<Evidence> ev = new ArrayList<>();
            for (JsonNode e : n.path("evidence")) {
                List<String> surfaces = new ArrayList<>();
                e.path("surfaces").forEach(s -> surfaces.add(s.asText()));
                ev.add(new Evidence(e.path("query").asInt(), surfaces));
            }
            out.add(new Finding(n.path(textField).asText(), withWhy ? n.path("why").asText() : null, ev,
                    n.path("confidence").isTextual() ? n.path("confidence").asText() : null));
        }
        return out;
    }
}
