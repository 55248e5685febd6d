package com.propertyaudit.analysis.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One phase-2 request: several answers, each with the entities it names, asked for the sentiment
 * towards each. Answers are numbered 1..n inside the request and the entity names are an enum, so
 * the model can neither invent an entity nor judge an answer it was not given.
 */
public final class SentimentRequest {

    /** Answers per request: enough to share the instructions' cost, few enough to stay well under 4000 tokens out. */
    public static final int ANSWERS_PER_REQUEST = 8;
    /** Characters of an answer's text sent; entities are rarely first named later than this. */
    static final int TEXT_LIMIT = 6000;
    public static final String SCHEMA_NAME = "answer_sentiment";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One answer to judge and the canonical names of the entities it names. */
    public record Task(long answerId, String text, List<String> entities) {

        public Task {
            entities = List.copyOf(entities);
        }
    }

    private final List<Task> tasks;

    public SentimentRequest(List<Task> tasks) {
        if (tasks.isEmpty()) throw new IllegalArgumentException("A sentiment request needs at least one answer");
        this.tasks = List.copyOf(tasks);
    }

    /** The tasks in requests of at most {@link #ANSWERS_PER_REQUEST} answers. */
    public static List<SentimentRequest> chunks(List<Task> tasks) {
        List<SentimentRequest> out = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i += ANSWERS_PER_REQUEST) {
            out.add(new SentimentRequest(tasks.subList(i, Math.min(tasks.size(), i + ANSWERS_PER_REQUEST))));
        }
        return out;
    }

    public List<Task> tasks() {
        return tasks;
    }

    public String system() {
        return "You judge how answers written for apartment renters speak of the communities they name. For every"
                + " answer and every entity listed with it, say whether the answer speaks of that entity positively"
                + " (recommends it, praises it), neutrally (lists it, describes it without judgement, or says it knows"
                + " nothing about it) or negatively (warns against it, reports complaints). Quote as evidence the one"
                + " sentence of the answer your judgement rests on, word for word. Judge only the answers given.";
    }

    /** The instructions and, after the line {@code DATA:}, the answers as JSON. */
    public String prompt() {
        ObjectNode data = JSON.createObjectNode();
        ArrayNode answers = data.putArray("answers");
        for (int i = 0; i < tasks.size(); i++) {
            Task t = tasks.get(i);
            ObjectNode a = answers.addObject().put("answer", i + 1);
            t.entities().forEach(a.putArray("entities")::add);
            String text = t.text() == null ? "" : t.text();
            a.put("text", text.length() > TEXT_LIMIT ? text.substring(0, TEXT_LIMIT) : text);
        }
        return "Return one result per answer and entity listed.\n\nDATA:\n" + data;
    }

    public ObjectNode schema() {
        Set<Integer> numbers = new LinkedHashSet<>();
        Set<String> entities = new TreeSet<>();
        for (int i = 0; i < tasks.size(); i++) {
            numbers.add(i + 1);
            entities.addAll(tasks.get(i).entities());
        }
        ObjectNode result = Schemas.NODES.objectNode();
        result.set("answer", Schemas.integerEnum(numbers));
        result.set("entity", Schemas.stringEnum(entities));
        result.set("sentiment", Schemas.stringEnum(List.of("positive", "neutral", "negative")));
        result.set("evidence", Schemas.string());
        ObjectNode root = Schemas.NODES.objectNode();
        root.set("results", Schemas.array(Schemas.object(result)));
        return Schemas.object(root);
    }

    /**
     * The judgements of a reply, for the answers and entities asked about; a pair the model left out is
     * not judged (it is asked again next time). Throws {@link AnalysisFailure} when the reply is not
     * the schema's JSON.
     */
    public List<EntitySentiment> read(String reply) {
        JsonNode root;
        try {
            root = JSON.readTree(reply);
        } catch (Exception e) {
            throw new AnalysisFailure("The sentiment analysis reply was not JSON, so no sentiment was stored.");
        }
        if (root == null || !root.path("results").isArray()) {
            throw new AnalysisFailure("The sentiment analysis reply did not follow the schema (no results list),"
                    + " so no sentiment was stored.");
        }
        Map<String, EntitySentiment> judged = new TreeMap<>();
        Set<String> sentiments = new HashSet<>(List.of("positive", "neutral", "negative"));
        for (JsonNode r : root.path("results")) {
            int n = r.path("answer").asInt(0);
            String entity = r.path("entity").asText("");
            String sentiment = r.path("sentiment").asText("");
            if (n < 1 || n > tasks.size() || !sentiments.contains(sentiment)) continue;
            Task t = tasks.get(n - 1);
            if (!t.entities().contains(entity)) continue;
            judged.putIfAbsent(n + "\u0000" + entity, new EntitySentiment(t.answerId(), entity,
                    Sentiment.fromId(sentiment), r.path("evidence").asText("")));
        }
        return new ArrayList<>(judged.values());
    }
}
