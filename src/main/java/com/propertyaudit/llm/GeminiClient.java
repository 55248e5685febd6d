package com.propertyaudit.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.propertyaudit.domain.AnswerOutcome;
import com.propertyaudit.domain.Citation;
import com.propertyaudit.domain.Provider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Google's Gemini: {@code POST {base}/v1beta/models/{model}:generateContent}, the key in
 * {@code x-goog-api-key} (never in the URL, so it never reaches a log), the Google Search tool for
 * {@code +web}. Shapes as in shared/contracts/llm-wire-formats.md §4. Grounding links are
 * {@code vertexaisearch} redirects, so a source is named by its domain (the chunk's {@code domain},
 * else its title, which is the domain in practice); the redirect stays in the raw response.
 */
final class GeminiClient implements LlmClient {

    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    /** Finish reasons that withhold the answer: what the renter is shown is a refusal. */
    private static final Set<String> WITHHELD = Set.of("SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT",
            "SPII", "IMAGE_SAFETY", "LANGUAGE");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpExchange exchange;
    private final String baseUrl;
    private final Function<Provider, Optional<String>> keys;

    GeminiClient(HttpExchange exchange, String baseUrl, Function<Provider, Optional<String>> keys) {
        this.exchange = exchange;
        this.baseUrl = baseUrl;
        this.keys = keys;
    }

    ObjectNode body(LlmRequest r) {
        ObjectNode body = json.createObjectNode();
        if (r.system() != null) body.putObject("systemInstruction").putArray("parts").addObject().put("text", r.system());
        body.putArray("contents").addObject().put("role", "user").putArray("parts").addObject().put("text", r.prompt());
        ObjectNode config = body.putObject("generationConfig").put("maxOutputTokens", r.maxOutputTokens());
        if (r.schema() != null) {
            // Structured output: the candidate's text is then the JSON object. Not combined with search.
            config.put("responseMimeType", "application/json").set("responseJsonSchema", r.schema().schema());
        } else if (r.surface().webSearch()) {
            body.putArray("tools").addObject().putObject("google_search");
        }
        return body;
    }

    @Override
    public CompletableFuture<LlmResponse> ask(LlmRequest r) {
        Optional<String> key = keys.apply(Provider.GEMINI);
        if (key.isEmpty()) return CompletableFuture.failedFuture(missingKey());
        LlmException badKey = KeyText.problem(key.get(), Provider.GEMINI.keyVariable());
        if (badKey != null) return CompletableFuture.failedFuture(badKey);
        String raw = body(r).toString();
        Request request = new Request.Builder()
                .url(baseUrl + "/v1beta/models/" + r.surface().model() + ":generateContent")
                .header("x-goog-api-key", key.get())
                .post(RequestBody.create(raw, JSON_TYPE)).build();
        long t0 = System.nanoTime();
        return HttpExchange.map(exchange.send(request, raw, new Errors(r.surface().model())), reply -> {
            long latency = (System.nanoTime() - t0) / 1_000_000;
            return read(JsonReplies.object("Gemini", raw, reply.body()), raw, reply, latency);
        });
    }

    @Override
    public CompletableFuture<List<String>> models() {
        Optional<String> key = keys.apply(Provider.GEMINI);
        if (key.isEmpty()) return CompletableFuture.failedFuture(missingKey());
        Request request = new Request.Builder().url(baseUrl + "/v1beta/models?pageSize=1000")
                .header("x-goog-api-key", key.get()).get().build();
        return HttpExchange.map(exchange.send(request, null, new Errors(null)), reply -> {
            List<String> ids = new ArrayList<>();
            for (JsonNode m : JsonReplies.object("Gemini", null, reply.body()).path("models")) {
                String name = m.path("name").asText("");
                if (!name.isEmpty()) ids.add(name.startsWith("models/") ? name.substring("models/".length()) : name);
            }
            return ids;
        });
    }

    private static LlmException missingKey() {
        return new LlmException(LlmException.Kind.MISSING_KEY, "No Gemini API key: set "
                + Provider.GEMINI.keyVariable() + " or enter the key in Settings.");
    }

    static LlmResponse read(JsonNode root, String raw, HttpExchange.Reply reply, long latency) {
        JsonNode candidate = root.path("candidates").path(0);
        StringBuilder text = new StringBuilder();
        for (JsonNode part : candidate.path("content").path("parts")) {
            // Thought summaries are the model's thinking, not its answer.
            if (part.path("thought").asBoolean(false)) continue;
            text.append(part.path("text").asText(""));
        }
        String finish = candidate.path("finishReason").isTextual() ? candidate.path("finishReason").asText() : null;
        String blocked = root.path("promptFeedback").path("blockReason").isTextual()
                ? root.path("promptFeedback").path("blockReason").asText() : null;
        AnswerOutcome outcome;
        String note = null;
        if (blocked != null) {
            outcome = AnswerOutcome.REFUSED;
            note = "Gemini blocked the question (" + blocked + ").";
        } else if ("MAX_TOKENS".equals(finish)) {
            outcome = AnswerOutcome.TRUNCATED;
            note = text.length() == 0 ? "Cut off at the token limit before any text (MAX_TOKENS; thinking counts"
                    + " towards it)." : "Cut off at the token limit (MAX_TOKENS).";
        } else if (finish != null && WITHHELD.contains(finish)) {
            outcome = AnswerOutcome.REFUSED;
            note = "Gemini withheld the answer (finishReason " + finish + ").";
        } else if (text.toString().isBlank()) {
            outcome = AnswerOutcome.EMPTY;
            note = "Gemini returned no text (finishReason " + finish + ").";
        } else {
            outcome = AnswerOutcome.COMPLETED;
        }
        JsonNode grounding = candidate.path("groundingMetadata");
        List<JsonNode> chunks = new ArrayList<>();
        grounding.path("groundingChunks").forEach(chunks::add);
        Set<Integer> supported = new HashSet<>();
        for (JsonNode s : grounding.path("groundingSupports")) {
            for (JsonNode i : s.path("groundingChunkIndices")) supported.add(i.asInt());
        }
        Map<String, Citation> cited = new LinkedHashMap<>();
        Map<String, Citation> found = new LinkedHashMap<>();
        for (int i = 0; i < chunks.size(); i++) {
            Citation c = source(chunks.get(i).path("web"));
            if (c == null) continue;
            if (supported.contains(i)) cited.putIfAbsent(c.url(), c);
            else found.putIfAbsent(c.url(), c);
        }
        cited.keySet().forEach(found::remove);
        List<String> searches = new ArrayList<>();
        for (JsonNode q : grounding.path("webSearchQueries")) if (q.isTextual()) searches.add(q.asText());
        JsonNode usage = root.path("usageMetadata");
        // Thinking tokens are billed as output.
        int out = usage.path("candidatesTokenCount").asInt(0) + usage.path("thoughtsTokenCount").asInt(0);
        int in = usage.path("promptTokenCount").asInt(0) + usage.path("toolUsePromptTokenCount").asInt(0);
        return new LlmResponse(outcome, text.toString(), new ArrayList<>(cited.values()),
                new ArrayList<>(found.values()), raw, reply.body(), latency, in, out, blocked != null ? blocked : finish,
                note, reply.attempts(), searches);
    }

    /** A grounding chunk as its site: {@code https://DOMAIN} named by its title; never the redirect host. */
    private static Citation source(JsonNode web) {
        String domain = web.path("domain").isTextual() && !web.path("domain").asText().isBlank()
                ? web.path("domain").asText() : web.path("title").asText("");
        domain = domain.strip().toLowerCase(java.util.Locale.ROOT);
        if (domain.isEmpty() || domain.contains(" ") || !domain.contains(".")) return null;
        String title = web.path("title").isTextual() ? web.path("title").asText() : domain;
        return new Citation("https://" + domain, title);
    }

    /** Google's envelope: {@code {"error": {"code", "message", "status", "details"}}}. */
    private static final class Errors extends ProviderErrors {
        private final String model;

        Errors(String model) {
            super("Gemini", Provider.GEMINI.keyVariable());
            this.model = model;
        }

        @Override
        ErrorBody read(String body) {
            JsonNode e = JsonReplies.errorObject(body);
            return new ErrorBody(e.path("message").asText(""), e.path("status").asText(""), e.path("status").asText(""));
        }

        /** A per-day quota does not come back within any wait worth making. */
        @Override
        public boolean isQuotaExhausted(int code, String body) {
            if (code != 429) return false;
            for (JsonNode d : JsonReplies.errorObject(body).path("details")) {
                for (JsonNode v : d.path("violations")) {
                    if (v.path("quotaId").asText("").contains("PerDay")) return true;
                }
            }
            return false;
        }

        /** The retry delay Google puts in the body ({@code RetryInfo.retryDelay}, "37s"). */
        @Override
        public Optional<Duration> advisedWait(int code, String body) {
            for (JsonNode d : JsonReplies.errorObject(body).path("details")) {
                String delay = d.path("retryDelay").asText("");
                if (delay.matches("\\d+(\\.\\d+)?s")) {
                    return Optional.of(Duration.ofMillis(Math.round(Double.parseDouble(
                            delay.substring(0, delay.length() - 1)) * 1000)));
                }
            }
            return Optional.empty();
        }

        @Override
        LlmException specific(int code, ErrorBody e, String body, String rawRequest) {
            if (code == 400 && e.message().contains("API key not valid")) {
                return new LlmException(LlmException.Kind.AUTH, "Gemini rejected the API key (400 INVALID_ARGUMENT)."
                        + " Set a valid " + keyVariable + " or enter the key in Settings.", code, rawRequest, body, null);
            }
            if (code == 404 && rawRequest != null && model != null) {
                return new LlmException(LlmException.Kind.MODEL_UNAVAILABLE, "Gemini has no model '" + model + "' for"
                        + " this key (404 " + e.type() + "); it may be retired or misspelt. Choose a model from the"
                        + " provider's list in Settings, or another --surface.", code, rawRequest, body, null);
            }
            if (isQuotaExhausted(code, body)) {
                return new LlmException(LlmException.Kind.QUOTA, "Gemini's daily quota for this key is used up ("
                        + e.message() + "). Wait for it to reset or raise it in Google AI Studio.", code, rawRequest,
                        body, null);
            }
            return null;
        }
    }
}
