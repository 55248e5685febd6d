package com.propertyaudit.llm;

import com.fasterxml.jackson.databind.JsonNode;
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
 * Perplexity's Sonar models, which always search the web: {@code POST {base}/chat/completions} (no
 * {@code /v1}), {@code max_tokens}; the answer's sources are {@code citations} (its {@code [n]}
 * markers point into them), other {@code search_results} were found, not cited.
 * Shapes as in shared/contracts/llm-wire-formats.md §5.
 */
final class PerplexityClient implements LlmClient {

    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    private final HttpExchange exchange;
    private final String baseUrl;
    private final Function<Provider, Optional<String>> keys;

    PerplexityClient(HttpExchange exchange, String baseUrl, Function<Provider, Optional<String>> keys) {
        this.exchange = exchange;
        this.baseUrl = baseUrl;
        this.keys = keys;
    }

    ObjectNode body(LlmRequest r) {
        return ChatRequest.body(r, "max_tokens");
    }

    @Override
    public CompletableFuture<LlmResponse> ask(LlmRequest r) {
        Optional<String> key = keys.apply(Provider.PERPLEXITY);
        if (key.isEmpty()) return CompletableFuture.failedFuture(missingKey());
        LlmException badKey = KeyText.problem(key.get(), Provider.PERPLEXITY.keyVariable());
        if (badKey != null) return CompletableFuture.failedFuture(badKey);
        String raw = body(r).toString();
        Request request = new Request.Builder().url(baseUrl + "/chat/completions")
                .header("Authorization", "Bearer " + key.get())
                .post(RequestBody.create(raw, JSON_TYPE)).build();
        long t0 = System.nanoTime();
        return HttpExchange.map(exchange.send(request, raw, new Errors()), reply -> {
            long latency = (System.nanoTime() - t0) / 1_000_000;
            return read(JsonReplies.object("Perplexity", raw, reply.body()), raw, reply, latency);
        });
    }

    /** Perplexity publishes no model list; the first request of a run tells instead. */
    @Override
    public CompletableFuture<List<String>> models() {
        return CompletableFuture.failedFuture(new LlmException(LlmException.Kind.BAD_REQUEST,
                "Perplexity offers no model list; its models are sonar, sonar-pro, sonar-reasoning-pro and"
                        + " sonar-deep-research."));
    }

    private static LlmException missingKey() {
        return new LlmException(LlmException.Kind.MISSING_KEY, "No Perplexity API key: set "
                + Provider.PERPLEXITY.keyVariable() + " or enter the key in Settings.");
    }

    private static LlmResponse read(JsonNode root, String raw, HttpExchange.Reply reply, long latency) {
        ChatReply chat = ChatReply.read(root);
        Map<String, Citation> cited = new LinkedHashMap<>();
        for (JsonNode c : root.path("citations")) {
            if (c.isTextual()) cited.putIfAbsent(c.asText(), new Citation(c.asText(), null));
        }
        Map<String, Citation> found = new LinkedHashMap<>();
        for (JsonNode s : root.path("search_results")) {
            if (!s.path("url").isTextual()) continue;
            String url = s.path("url").asText();
            String title = s.path("title").isTextual() ? s.path("title").asText() : null;
            // A cited source gets the title its search result gives it.
            if (cited.containsKey(url)) cited.put(url, new Citation(url, title));
            else found.putIfAbsent(url, new Citation(url, title));
        }
        JsonNode usage = root.path("usage");
        return new LlmResponse(chat.outcome(), chat.text(), new ArrayList<>(cited.values()),
                new ArrayList<>(found.values()), raw, reply.body(), latency, usage.path("prompt_tokens").asInt(0),
                usage.path("completion_tokens").asInt(0), chat.finishReason(), chat.note(), reply.attempts());
    }

    /** Perplexity's envelope: {@code {"error": {"message", "type", "code": 400}}}; its gateway may send HTML. */
    private static final class Errors extends ProviderErrors {
        Errors() {
            super("Perplexity", Provider.PERPLEXITY.keyVariable());
        }

        @Override
        public boolean isQuotaExhausted(int code, String body) {
            return code == 402;
        }

        @Override
        LlmException specific(int code, ErrorBody e, String body, String rawRequest) {
            if (code == 400 && "invalid_model".equals(e.type())) return modelUnavailable(code, e, body, rawRequest);
            return null;
        }
    }
}
