package com.propertyaudit.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.propertyaudit.domain.Citation;
import com.propertyaudit.domain.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.Optional;
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
        ObjectNode body = json.createObjectNode();
        body.put("model", r.surface().model());
        var messages = body.putArray("messages");
        if (r.system() != null) messages.addObject().put("role", "system").put("content", r.system());
        messages.addObject().put("role", "user").put("content", r.prompt());
        body.put(isReasoningModel(r.surface().model()) ? "max_completion_tokens" : "max_tokens", r.maxOutputTokens());
        return body;
    }

    ObjectNode responsesBody(LlmRequest r) {
        ObjectNode body = json.createObjectNode();
        body.put("model", r.surface().model());
        if (r.system() != null) body.put("instructions", r.system());
        body.put("input", r.prompt());
        body.putArray("tools").addObject().put("type", "web_search");
        body.put("max_output_tokens", r.maxOutputTokens());
        return body;
    }

    @Override
    public CompletableFuture<LlmResponse> ask(LlmRequest r) {
        Optional<String> key = keys.apply(Provider.OPENAI);
        if (key.isEmpty()) {
            return CompletableFuture.failedFuture(new LlmException(LlmException.Kind.MISSING_KEY,
                    "No OpenAI API key: set " + KEY_VARIABLE + " or enter the key in Settings."));
        }
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

    private LlmResponse fromChat(JsonNode root, String raw, HttpExchange.Reply reply, long latency) {
        JsonNode choice = root.path("choices").path(0);
        JsonNode message = choice.path("message");
        String text = message.path("content").isTextual() ? message.path("content").asText() : "";
        String finish = choice.path("finish_reason").isTextual() ? choice.path("finish_reason").asText() : null;
        List<Citation> citations = new ArrayList<>();
        for (JsonNode a : message.path("annotations")) {
            JsonNode c = a.path("url_citation");
            if (c.path("url").isTextual()) citations.add(new Citation(c.path("url").asText(), textOrNull(c.path("title"))));
        }
        String note = null;
        if (text.isEmpty()) {
            if (message.path("refusal").isTextual()) note = "The model refused: " + message.path("refusal").asText();
            else if (choice.isMissingNode()) note = "The response had no choices.";
            else if ("length".equals(finish)) {
                note = "The model used its whole token budget (finish_reason length) and returned no text.";
            } else note = "The model returned no text (finish_reason " + finish + ").";
        }
        JsonNode usage = root.path("usage");
        return new LlmResponse(text, citations, raw, reply.body(), latency, usage.path("prompt_tokens").asInt(0),
                usage.path("completion_tokens").asInt(0), finish, note, reply.attempts());
    }

    private LlmResponse fromResponses(JsonNode root, String raw, HttpExchange.Reply reply, long latency) {
        StringBuilder text = new StringBuilder();
        List<Citation> citations = new ArrayList<>();
        String refusal = null;
        for (JsonNode item : root.path("output")) {
            // Reasoning and web_search_call items carry no answer text.
            if (!"message".equals(item.path("type").asText())) continue;
            for (JsonNode part : item.path("content")) {
                String type = part.path("type").asText();
                if ("output_text".equals(type)) {
                    text.append(part.path("text").asText(""));
                    for (JsonNode a : part.path("annotations")) {
                        if ("url_citation".equals(a.path("type").asText()) && a.path("url").isTextual()) {
                            citations.add(new Citation(a.path("url").asText(), textOrNull(a.path("title"))));
                        }
                    }
                } else if ("refusal".equals(type)) {
                    refusal = part.path("refusal").asText("");
                }
            }
        }
        String status = textOrNull(root.path("status"));
        String note = null;
        if (text.length() == 0) {
            String reason = textOrNull(root.path("incomplete_details").path("reason"));
            note = refusal != null ? "The model refused: " + refusal
                    : reason != null ? "The response is incomplete (" + reason + ") and has no text."
                    : "The model returned no text (status " + status + ").";
        }
        JsonNode usage = root.path("usage");
        return new LlmResponse(text.toString(), citations, raw, reply.body(), latency,
                usage.path("input_tokens").asInt(0), usage.path("output_tokens").asInt(0), status, note,
                reply.attempts());
    }

    private static String textOrNull(JsonNode n) {
        return n.isTextual() ? n.asText() : null;
    }

    /** OpenAI's error envelope: {@code {"error": {"message", "type", "param", "code"}}}. */
    private final class Errors implements HttpExchange.Classifier {
        @Override
        public boolean isQuotaExhausted(int code, String body) {
            JsonNode e = JsonReplies.errorObject(body);
            return code == 429 && ("insufficient_quota".equals(e.path("type").asText())
                    || "insufficient_quota".equals(e.path("code").asText()));
        }

        @Override
        public LlmException failure(int code, String body, String rawRequest) {
            JsonNode e = JsonReplies.errorObject(body);
            String message = e.path("message").isTextual() ? e.path("message").asText() : shorten(body);
            String errorCode = e.path("code").isTextual() ? e.path("code").asText() : e.path("type").asText("");
            LlmException.Kind kind;
            String sentence;
            if (code == 401 || code == 403) {
                kind = LlmException.Kind.AUTH;
                sentence = "OpenAI rejected the API key (" + code + (errorCode.isEmpty() ? "" : " " + errorCode)
                        + "). Set a valid " + KEY_VARIABLE + " or enter the key in Settings.";
            } else if (isQuotaExhausted(code, body)) {
                kind = LlmException.Kind.QUOTA;
                sentence = "OpenAI says the account has no quota left (insufficient_quota). Check the plan and"
                        + " billing of the account whose key is in " + KEY_VARIABLE + ".";
            } else if (RetryPolicy.retryableStatus(code)) {
                kind = LlmException.Kind.RETRIES_EXHAUSTED;
                sentence = "OpenAI kept failing (" + code + "): " + message;
            } else {
                kind = LlmException.Kind.BAD_REQUEST;
                sentence = "OpenAI rejected the request (" + code + "): " + message;
            }
            return new LlmException(kind, sentence, code, rawRequest, body, null);
        }

    }

    static String shorten(String body) {
        String b = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return b.isEmpty() ? "no details given" : b.length() > 200 ? b.substring(0, 200) + "…" : b;
    }
}
