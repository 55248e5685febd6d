package com.propertyaudit.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.propertyaudit.domain.AnswerOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The Simulated provider's analyst: answers a structured-output request offline and deterministically
 * from the JSON after the prompt's {@code DATA:} line. Sentiment comes from a small word list around
 * each entity's sentence; the holistic analysis from the per-query outcomes (who named the brand,
 * which domains were cited). It is a stand-in for the demo and tests, and every screen says so.
 */
final class SimulatedAnalyst {

    static final String SENTIMENT = "answer_sentiment";
    static final String HOLISTIC = "holistic_analysis";
    private static final int MAX_ITEMS = 5;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NEGATIVE = Pattern.compile("(?i)\\b(avoid|complain\\w*|noisy|noise|issues?|problems?|"
            + "poor|unresponsive|pests?|overpriced|worst|beware|downsides?|mixed reviews|negative)\\b");
    private static final Pattern POSITIVE = Pattern.compile("(?i)\\b(recommend\\w*|known for|popular|great|excellent|"
            + "best|standout|top pick|loved?|praised|well-reviewed|favorite|favourite|stunning|spacious)\\b");

    private SimulatedAnalyst() {}

    static LlmResponse reply(LlmRequest request) {
        JsonNode data = data(request.prompt());
        String name = request.schema().name();
        ObjectNode out = switch (name) {
            case SENTIMENT -> sentiment(data);
            case HOLISTIC -> holistic(data);
            default -> throw new LlmException(LlmException.Kind.BAD_REQUEST,
                    "The Simulated analyst does not know the schema '" + name + "'.");
        };
        String text = out.toString();
        String rawRequest = "{\"provider\":\"simulated\",\"model\":\"" + request.surface().model() + "\",\"schema\":\""
                + name + "\"}";
        return new LlmResponse(AnswerOutcome.COMPLETED, text, List.of(), List.of(), rawRequest, text, 0,
                Math.max(1, request.prompt().length() / 4), Math.max(1, text.length() / 4), "stop",
                "Written by the Simulated analyst (offline, deterministic), not by a model.", 1);
    }

    private static JsonNode data(String prompt) {
        int at = prompt.indexOf("DATA:\n");
        try {
            return at < 0 ? JSON.createObjectNode() : JSON.readTree(prompt.substring(at + "DATA:\n".length()));
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }

    private static ObjectNode sentiment(JsonNode data) {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode results = out.putArray("results");
        for (JsonNode a : data.path("answers")) {
            String text = a.path("text").asText("");
            for (JsonNode e : a.path("entities")) {
                String sentence = sentenceNaming(text, e.asText());
                String sentiment = NEGATIVE.matcher(sentence).find() ? "negative"
                        : POSITIVE.matcher(sentence).find() ? "positive" : "neutral";
                results.addObject().put("answer", a.path("answer").asInt()).put("entity", e.asText())
                        .put("sentiment", sentiment).put("evidence", sentence);
            }
        }
        return out;
    }

    private static String sentenceNaming(String text, String entity) {
        int at = text.toLowerCase(Locale.ROOT).indexOf(entity.toLowerCase(Locale.ROOT));
        if (at < 0) return "";
        int start = at;
        while (start > 0 && text.charAt(start - 1) != '\n' && !(text.charAt(start - 1) == ' ' && start > 1
                && ".!?".indexOf(text.charAt(start - 2)) >= 0)) start--;
        int end = at;
        while (end < text.length() && text.charAt(end) != '\n' && !(".!?".indexOf(text.charAt(end)) >= 0
                && (end + 1 == text.length() || text.charAt(end + 1) == ' ' || text.charAt(end + 1) == '\n'))) end++;
        return text.substring(start, Math.min(text.length(), end + 1)).strip();
    }

    /** Consensus where every surface agrees on naming the brand, divergences where they split, recommendations from gaps. */
    private static ObjectNode holistic(JsonNode data) {
        String brand = data.path("property").asText("the property");
        List<String> surfaces = new ArrayList<>();
        data.path("surfaces").forEach(s -> surfaces.add(s.asText()));
        ObjectNode out = JSON.createObjectNode();
        ArrayNode consensus = out.putArray("consensus");
        ArrayNode divergences = out.putArray("divergences");
        ArrayNode recommendations = out.putArray("recommendations");
        List<Integer> missedEverywhere = new ArrayList<>();
        for (JsonNode q : data.path("queries")) {
            int number = q.path("query").asInt();
            List<String> naming = new ArrayList<>();
            List<String> answering = new ArrayList<>();
            for (JsonNode a : q.path("answers")) {
                String s = a.path("surface").asText();
                if (!answering.contains(s)) answering.add(s);
                if (!a.path("brandRank").isNull() && !naming.contains(s)) naming.add(s);
            }
            if (answering.size() < 2) continue;
            String text = q.path("text").asText();
            if (naming.size() == answering.size() && consensus.size() < MAX_ITEMS) {
                item(consensus, "finding", "Every model names " + brand + " for \"" + text + "\".", number, answering, "high");
            } else if (naming.isEmpty()) {
                missedEverywhere.add(number);
                if (consensus.size() < MAX_ITEMS) {
                    item(consensus, "finding", "No model names " + brand + " for \"" + text + "\".", number, answering,
                            "high");
                }
            } else if (divergences.size() < MAX_ITEMS) {
                item(divergences, "finding", String.join(" and ", naming) + (naming.size() == 1 ? " names " : " name ") + brand + " for \"" + text
                        + "\", the other models do not.", number, answering, "medium");
            }
        }
        for (int number : missedEverywhere.subList(0, Math.min(MAX_ITEMS - 1, missedEverywhere.size()))) {
            ObjectNode r = item(recommendations, "action", "Publish a page that answers query " + number
                    + " directly and names " + brand + ".", number, List.of(), "medium");
            r.put("why", "None of the models names " + brand + " for it.");
        }
        JsonNode domain = data.path("numbers").path("citedDomains").path(0);
        if (domain.isObject() && recommendations.size() < MAX_ITEMS) {
            String d = domain.path("domain").asText();
            int query = firstQueryCiting(data, d);
            if (query > 0) {
                ObjectNode r = item(recommendations, "action", "Keep " + brand + "'s listing on " + d
                        + " complete and current.", query, List.of(), "medium");
                r.put("why", d + " is the most cited domain (" + domain.path("citations").asInt() + " answers).");
            }
        }
        return out;
    }

    private static int firstQueryCiting(JsonNode data, String domain) {
        for (JsonNode q : data.path("queries")) {
            for (JsonNode a : q.path("answers")) {
                for (JsonNode c : a.path("cited")) {
                    if (c.asText().equals(domain)) return q.path("query").asInt();
                }
            }
        }
        return 0;
    }

    private static ObjectNode item(ArrayNode list, String field, String text, int query, List<String> surfaces,
            String confidence) {
        ObjectNode n = list.addObject().put(field, text);
        if ("action".equals(field)) n.put("why", "");
        ObjectNode e = n.putArray("evidence").addObject().put("query", query);
        surfaces.forEach(e.putArray("surfaces")::add);
        n.put("confidence", confidence);
        return n;
    }
}
