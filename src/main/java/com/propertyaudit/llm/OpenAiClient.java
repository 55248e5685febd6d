package com.propertyaudit.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.propertyaudit.domain.AnswerOutcome;
import com.propertyaudit.domain.Citation;
import com.propertyaudit.domain.Provider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * OpenAI: Chat Completions, or the Responses API with the {@code web_search} tool for {@code +web}
 * surfaces. Shapes as in shared/contracts/llm-wire-formats.md §1–2.
 */
final class OpenAiClient implements LlmClient {

    static final String KEY_VARIABLE = "OPENAI_API_KEY";
    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpExchange exchange;
    private final String baseUrl;
    private final Function<Provider, Optional<String>> keys;

    OpenAiClient(HttpExchange exchange, String baseUrl, Function<Provider, Optional<String>> keys) {
        this.exchange = exchange;
        this.baseUrl = baseUrl;
        this.keys = keys;
    }

    /**
     * Reasoning models (gpt-5, o1, o3, o4 families) take {@code max_completion_tokens} and only the
     * default temperature; older models take {@code max_tokens}. A fixed rule, not a retry on error.
     */
    static boolean isReasoningModel(String model) {
        String m = model.toLowerCase(Locale.ROOT);
        return m.startsWith("gpt-5") || m.startsWith("o1") || m.startsWith("o3") || m.startsWith("o4");
    }

    ObjectNode chatBody(LlmRequest r) {
        return ChatRequest.body(r, isReasoningModel(r.surface().model()) ? "max_completion_tokens" : "max_tokens");
    }

    /** The Responses API's structured output: the reply's output_text is then the JSON object. */
    private ObjectNode responsesTextFormat(OutputSchema schema) {
        ObjectNode text = json.createObjectNode();
        text.putObject("format").put("type", "json_schema").put("name", schema.name()).put("strict", true)
                .set("schema", schema.schema());
        return text;
    }

    ObjectNode responsesBody(LlmRequest r) {
        ObjectNode body = json.createObjectNode();
        body.put("model", r.surface().model());
        if (r.system() != null) body.put("instructions", r.system());
        body.put("input", r.prompt());
        ObjectNode tool = body.putArray("tools").addObject().put("type", "web_search");
        // Searching as a renter in the property's city would, since local answers depend on it.
        if (r.searchFrom() != null) r.searchFrom().toUserLocation(tool.putObject("user_location"));
        // The pages each search found, so they can be told apart from the ones the answer cites.
        body.putArray("include").add("web_search_call.action.sources");
        body.put("max_output_tokens", r.maxOutputTokens());
        if (r.schema() != null) body.set("text", responsesTextFormat(r.schema()));
        return body;
    }

    @Override
    public CompletableFuture<LlmResponse> ask(LlmRequest r) {
        Optional<String> key = key();
        if (key.isEmpty()) return CompletableFuture.failedFuture(missingKey());
        LlmException badKey = KeyText.problem(key.get(), KEY_VARIABLE);
        if (badKey != null) return CompletableFuture.failedFuture(badKey);
        boolean web = r.surface().webSearch();
        String raw = (web ? responsesBody(r) : chatBody(r)).toString();
        Request request = new Request.Builder()
                .url(baseUrl + (web ? "/responses" : "/chat/completions"))
                .header("Authorization", "Bearer " + key.get())
                .post(RequestBody.create(raw, JSON_TYPE))
                .build();
        long t0 = System.nanoTime();
        return HttpExchange.map(exchange.send(request, raw, new Errors()), reply -> {
            long latency = (System.nanoTime() - t0) / 1_000_000;
            JsonNode root = JsonReplies.object("OpenAI", raw, reply.body());
            return web ? fromResponses(root, raw, reply, latency) : fromChat(root, raw, reply, latency);
        });
    }

    @Override
    public CompletableFuture<List<String>> models() {
        Optional<String> key = key();
        if (key.isEmpty()) return CompletableFuture.failedFuture(missingKey());
        LlmException badKey = KeyText.problem(key.get(), KEY_VARIABLE);
        if (badKey != null) return CompletableFuture.failedFuture(badKey);
        Request request = new Request.Builder().url(baseUrl + "/models")
                .header("Authorization", "Bearer " + key.get()).get().build();
        return HttpExchange.map(exchange.send(request, null, new Errors()),
                reply -> ModelList.ids("OpenAI", JsonReplies.object("OpenAI", null, reply.body())));
    }

    private Optional<String> key() {
        return keys.apply(Provider.OPENAI);
    }

    private static LlmException missingKey() {
        return new LlmException(LlmException.Kind.MISSING_KEY,
                "No OpenAI API key: set " + KEY_VARIABLE + " or enter the key in Settings.");
    }

    private LlmResponse fromChat(JsonNode root, String raw, HttpExchange.Reply reply, long latency) {
        ChatReply chat = ChatReply.read(root);
        List<Citation> citations = new ArrayList<>();
        for (JsonNode a : root.path("choices").path(0).path("message").path("annotations")) {
            JsonNode c = a.path("url_citation");
            if (c.path("url").isTextual()) citations.add(new Citation(c.path("url").asText(), textOrNull(c.path("title"))));
        }
        JsonNode usage = root.path("usage");
        return new LlmResponse(chat.outcome(), chat.text(), citations, List.of(), raw, reply.body(), latency,
                usage.path("prompt_tokens").asInt(0), usage.path("completion_tokens").asInt(0), chat.finishReason(),
                chat.note(), reply.attempts());
    }

    private LlmResponse fromResponses(JsonNode root, String raw, HttpExchange.Reply reply, long latency) {
        String status = textOrNull(root.path("status"));
        if (!"completed".equals(status) && !"incomplete".equals(status)) {
            // "failed" with an error, or a state a non-background request should never end in.
            JsonNode error = root.path("error");
            String code = error.path("code").asText(status == null ? "no status" : status);
            String message = error.path("message").asText("the response's status is " + status);
            throw new LlmException(LlmException.Kind.PROVIDER_FAILED, "OpenAI could not produce the answer ("
                    + code + "): " + message, 200, raw, reply.body(), null);
        }
        StringBuilder text = new StringBuilder();
        Map<String, Citation> cited = new LinkedHashMap<>();
        Map<String, Citation> found = new LinkedHashMap<>();
        List<String> searches = new ArrayList<>();
        String refusal = null;
        for (JsonNode item : root.path("output")) {
            String itemType = item.path("type").asText();
            if ("web_search_call".equals(itemType)) {
                JsonNode action = item.path("action");
                // queries[] in the current schema; the deprecated single query in older replies.
                for (JsonNode q : action.path("queries")) if (q.isTextual()) searches.add(q.asText());
                if (!action.path("queries").isArray() && action.path("query").isTextual()) {
                    searches.add(action.path("query").asText());
                }
                for (JsonNode src : item.path("action").path("sources")) {
                    if (src.path("url").isTextual()) found.putIfAbsent(src.path("url").asText(),
                            new Citation(src.path("url").asText(), textOrNull(src.path("title"))));
                }
            }
            // Reasoning items and other tools' calls carry no answer text.
            if (!"message".equals(itemType)) continue;
            for (JsonNode part : item.path("content")) {
                String type = part.path("type").asText();
                if ("output_text".equals(type)) {
                    text.append(part.path("text").asText(""));
                    for (JsonNode a : part.path("annotations")) {
                        if ("url_citation".equals(a.path("type").asText()) && a.path("url").isTextual()) {
                            cited.putIfAbsent(a.path("url").asText(),
                                    new Citation(a.path("url").asText(), textOrNull(a.path("title"))));
                        }
                    }
                } else if ("refusal".equals(type)) {
                    refusal = part.path("refusal").asText("");
                }
            }
        }
        cited.keySet().forEach(found::remove);
        String reason = textOrNull(root.path("incomplete_details").path("reason"));
        AnswerOutcome outcome;
        String note;
        if ("incomplete".equals(status) && "content_filter".equals(reason)) {
            outcome = AnswerOutcome.REFUSED;
            note = "The provider's content filter withheld the answer (incomplete: content_filter).";
        } else if ("incomplete".equals(status)) {
            outcome = AnswerOutcome.TRUNCATED;
            note = "Cut off " + (reason == null ? "before the end" : "at " + reason) + (text.length() == 0
                    ? " before any text (reasoning and searches count towards the limit)." : ".");
        } else if (refusal != null) {
            outcome = AnswerOutcome.REFUSED;
            note = "The model refused: " + refusal;
            if (text.length() == 0) text.append(refusal);
        } else if (text.toString().isBlank()) {
            outcome = AnswerOutcome.EMPTY;
            note = "The model returned no text (status " + status + ").";
        } else {
            outcome = AnswerOutcome.COMPLETED;
            note = null;
        }
        JsonNode usage = root.path("usage");
        return new LlmResponse(outcome, text.toString(), new ArrayList<>(cited.values()),
                new ArrayList<>(found.values()), raw, reply.body(), latency, usage.path("input_tokens").asInt(0),
                usage.path("output_tokens").asInt(0), reason == null ? status : status + ": " + reason, note,
                reply.attempts(), searches);
    }

    private static String textOrNull(JsonNode n) {
        return n.isTextual() ? n.asText() : null;
    }

    /** OpenAI's error envelope: {@code {"error": {"message", "type", "param", "code"}}}. */
    private static final class Errors extends ProviderErrors {
        Errors() {
            super("OpenAI", KEY_VARIABLE);
        }

        @Override
        public boolean isQuotaExhausted(int code, String body) {
            ErrorBody e = read(body);
            return code == 429 && ("insufficient_quota".equals(e.type()) || "insufficient_quota".equals(e.code()));
        }

        @Override
        LlmException specific(int code, ErrorBody e, String body, String rawRequest) {
            if (code == 404 && "model_not_found".equals(e.code())) return modelUnavailable(code, e, body, rawRequest);
            if (code == 403 && "unsupported_country_region_territory".equals(e.code())) {
                return new LlmException(LlmException.Kind.REGION, "OpenAI does not serve the country, region or"
                        + " territory this request comes from (403 unsupported_country_region_territory); the key"
                        + " itself was not rejected. Run from a supported region or through a base URL that is.",
                        code, rawRequest, body, null);
            }
            if (isQuotaExhausted(code, body)) {
                return new LlmException(LlmException.Kind.QUOTA, "OpenAI says the account has no quota left"
                        + " (insufficient_quota). Check the plan and billing of the account whose key is in "
                        + KEY_VARIABLE + ".", code, rawRequest, body, null);
            }
            return null;
        }
    }

    static String shorten(String body) {
        String b = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return b.isEmpty() ? "no details given" : b.length() > 200 ? b.substring(0, 200) + "…" : b;
    }
}
