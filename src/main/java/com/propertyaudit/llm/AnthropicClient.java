package com.propertyaudit.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.propertyaudit.domain.Citation;
import com.propertyaudit.domain.Provider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Anthropic's Messages API, with the {@code web_search_20250305} server tool for {@code +web}
 * surfaces. Shapes as in shared/contracts/llm-wire-formats.md §3.
 */
final class AnthropicClient implements LlmClient {

    static final String KEY_VARIABLE = "ANTHROPIC_API_KEY";
    static final String VERSION = "2023-06-01";
    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpExchange exchange;
    private final String baseUrl;
    private final Function<Provider, Optional<String>> keys;

    AnthropicClient(HttpExchange exchange, String baseUrl, Function<Provider, Optional<String>> keys) {
        this.exchange = exchange;
        this.baseUrl = baseUrl;
        this.keys = keys;
    }

    /** max_tokens is required; no temperature or top_p (newer models refuse both together). */
    ObjectNode body(LlmRequest r) {
        ObjectNode body = json.createObjectNode();
        body.put("model", r.surface().model());
        body.put("max_tokens", r.maxOutputTokens());
        if (r.system() != null) body.put("system", r.system());
        body.putArray("messages").addObject().put("role", "user").put("content", r.prompt());
        if (r.surface().webSearch()) {
            body.putArray("tools").addObject()
                    .put("type", "web_search_20250305").put("name", "web_search").put("max_uses", 5);
        }
        return body;
    }

    @Override
    public CompletableFuture<LlmResponse> ask(LlmRequest r) {
        Optional<String> key = keys.apply(Provider.ANTHROPIC);
        if (key.isEmpty()) {
            return CompletableFuture.failedFuture(new LlmException(LlmException.Kind.MISSING_KEY,
                    "No Anthropic API key: set " + KEY_VARIABLE + " or enter the key in Settings."));
        }
        LlmException badKey = KeyText.problem(key.get(), KEY_VARIABLE);
        if (badKey != null) return CompletableFuture.failedFuture(badKey);
        String raw = body(r).toString();
        Request request = new Request.Builder()
                .url(baseUrl + "/v1/messages")
                .header("x-api-key", key.get())
                .header("anthropic-version", VERSION)
                .post(RequestBody.create(raw, JSON_TYPE))
                .build();
        long t0 = System.nanoTime();
        return HttpExchange.map(exchange.send(request, raw, new Errors()), reply -> {
            long latency = (System.nanoTime() - t0) / 1_000_000;
            JsonNode root = JsonReplies.object("Anthropic", raw, reply.body());
            return fromMessage(root, raw, reply, latency);
        });
    }

    private LlmResponse fromMessage(JsonNode root, String raw, HttpExchange.Reply reply, long latency) {
        StringBuilder text = new StringBuilder();
        // Keyed by URL so a source cited twice is listed once, with the first title seen.
        Map<String, Citation> citations = new LinkedHashMap<>();
        List<String> toolErrors = new ArrayList<>();
        boolean afterTool = false;
        for (JsonNode block : root.path("content")) {
            String type = block.path("type").asText();
            switch (type) {
                case "text" -> {
                    String t = block.path("text").asText("");
                    // A text block after a tool block is a new paragraph: gluing "…options." to
                    // "Here…" would invent a domain such as "options.Here".
                    if (afterTool && text.length() > 0 && !t.isEmpty()) text.append("\n\n");
                    text.append(t);
                    afterTool = false;
                    for (JsonNode c : block.path("citations")) {
                        if (c.path("url").isTextual()) {
                            citations.putIfAbsent(c.path("url").asText(),
                                    new Citation(c.path("url").asText(), textOrNull(c.path("title"))));
                        }
                    }
                }
                case "web_search_tool_result" -> {
                    afterTool = true;
                    JsonNode content = block.path("content");
                    if (content.isArray()) {
                        for (JsonNode res : content) {
                            if (res.path("url").isTextual()) {
                                citations.putIfAbsent(res.path("url").asText(),
                                        new Citation(res.path("url").asText(), textOrNull(res.path("title"))));
                            }
                        }
                    } else if (content.isObject()) {
                        toolErrors.add(content.path("error_code").asText("unknown error"));
                    }
                }
                default -> afterTool = true;
            }
        }
        String stop = textOrNull(root.path("stop_reason"));
        List<String> notes = new ArrayList<>();
        if (text.length() == 0) {
            notes.add("max_tokens".equals(stop) ? "The model reached max_tokens before writing any text."
                    : "refusal".equals(stop) ? "The model refused to answer."
                    : "The model returned no text (stop_reason " + stop + ").");
        } else if ("pause_turn".equals(stop)) {
            notes.add("The model paused a long web-search turn: the answer may be unfinished.");
        } else if ("max_tokens".equals(stop)) {
            notes.add("The answer was cut off at max_tokens.");
        }
        if (!toolErrors.isEmpty()) notes.add("Web search failed: " + String.join(", ", toolErrors) + ".");
        JsonNode usage = root.path("usage");
        long input = usage.path("input_tokens").asLong(0) + usage.path("cache_creation_input_tokens").asLong(0)
                + usage.path("cache_read_input_tokens").asLong(0);
        return new LlmResponse(text.toString(), new ArrayList<>(citations.values()), raw, reply.body(), latency,
                (int) input, usage.path("output_tokens").asInt(0), stop, notes.isEmpty() ? null : String.join(" ", notes),
                reply.attempts());
    }

    private static String textOrNull(JsonNode n) {
        return n.isTextual() ? n.asText() : null;
    }

    /** Anthropic's envelope: {@code {"type":"error","error":{"type","message"},"request_id"}}. */
    private final class Errors implements HttpExchange.Classifier {
        @Override
        public boolean isQuotaExhausted(int code, String body) {
            JsonNode e = JsonReplies.errorObject(body);
            return code == 429 && "enforced_spend_limit_reached".equals(e.path("details").path("error_code").asText())
                    || "billing_error".equals(e.path("type").asText());
        }

        @Override
        public LlmException failure(int code, String body, String rawRequest) {
            JsonNode e = JsonReplies.errorObject(body);
            String message = e.path("message").isTextual() ? e.path("message").asText() : OpenAiClient.shorten(body);
            String type = e.path("type").asText("");
            LlmException.Kind kind;
            String sentence;
            if (code == 401 || code == 403) {
                kind = LlmException.Kind.AUTH;
                sentence = "Anthropic rejected the API key (" + code + (type.isEmpty() ? "" : " " + type)
                        + "). Set a valid " + KEY_VARIABLE + " or enter the key in Settings.";
            } else if (isQuotaExhausted(code, body) || code == 402) {
                kind = LlmException.Kind.QUOTA;
                sentence = "Anthropic refuses more requests on this account (" + message + "). Check the spend"
                        + " limit and billing of the account whose key is in " + KEY_VARIABLE + ".";
            } else if (RetryPolicy.retryableStatus(code)) {
                kind = LlmException.Kind.RETRIES_EXHAUSTED;
                sentence = "Anthropic kept failing (" + code + (type.isEmpty() ? "" : " " + type) + "): " + message;
            } else {
                kind = LlmException.Kind.BAD_REQUEST;
                sentence = "Anthropic rejected the request (" + code + "): " + message;
            }
            return new LlmException(kind, sentence, code, rawRequest, body, null);
        }

    }
}
