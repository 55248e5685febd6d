package com.propertyaudit.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.propertyaudit.domain.Provider;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * A local OpenAI-compatible server (Ollama, LM Studio, llama.cpp, vLLM) at {@code LOCAL_BASE_URL}:
 * Chat Completions with {@code max_tokens} (Ollama ignores {@code max_completion_tokens}), a key
 * only if one is set, usage that may be absent, errors whose {@code code} may be a number.
 * Shapes as in shared/contracts/llm-wire-formats.md §6.
 */
final class LocalClient implements LlmClient {

    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    private final HttpExchange exchange;
    private final String baseUrl;
    private final Function<Provider, Optional<String>> keys;

    LocalClient(HttpExchange exchange, String baseUrl, Function<Provider, Optional<String>> keys) {
        this.exchange = exchange;
        this.baseUrl = baseUrl;
        this.keys = keys;
    }

    ObjectNode body(LlmRequest r) {
        return ChatRequest.body(r, "max_tokens");
    }

    private Request.Builder authorised(Request.Builder b) {
        keys.apply(Provider.LOCAL).filter(k -> KeyText.problem(k, Provider.LOCAL.keyVariable()) == null)
                .ifPresent(k -> b.header("Authorization", "Bearer " + k));
        return b;
    }

    @Override
    public CompletableFuture<LlmResponse> ask(LlmRequest r) {
        String raw = body(r).toString();
        Request request = authorised(new Request.Builder().url(baseUrl + "/chat/completions"))
                .post(RequestBody.create(raw, JSON_TYPE)).build();
        long t0 = System.nanoTime();
        return HttpExchange.map(exchange.send(request, raw, new Errors(baseUrl)), reply -> {
            long latency = (System.nanoTime() - t0) / 1_000_000;
            JsonNode root = JsonReplies.object("The local server", raw, reply.body());
            ChatReply chat = ChatReply.read(root);
            JsonNode usage = root.path("usage");
            return new LlmResponse(chat.outcome(), chat.text(), List.of(), List.of(), raw, reply.body(), latency,
                    usage.path("prompt_tokens").asInt(0), usage.path("completion_tokens").asInt(0),
                    chat.finishReason(), chat.note(), reply.attempts());
        });
    }

    @Override
    public CompletableFuture<List<String>> models() {
        Request request = authorised(new Request.Builder().url(baseUrl + "/models")).get().build();
        return HttpExchange.map(exchange.send(request, null, new Errors(baseUrl)),
                reply -> ModelList.ids("The local server", JsonReplies.object("The local server", null, reply.body())));
    }

    /** Errors as Ollama, llama.cpp and vLLM send them; a 404 is a model not loaded on the server. */
    private static final class Errors extends ProviderErrors {
        private final String baseUrl;

        Errors(String baseUrl) {
            super("The local server at " + baseUrl, Provider.LOCAL.keyVariable());
            this.baseUrl = baseUrl;
        }

        @Override
        public boolean isQuotaExhausted(int code, String body) {
            return false;
        }

        @Override
        LlmException specific(int code, ErrorBody e, String body, String rawRequest) {
            if (code == 404 && rawRequest != null) {
                String model = JsonReplies.textField(rawRequest, "model");
                return new LlmException(LlmException.Kind.MODEL_UNAVAILABLE, "Model '" + model + "' is not loaded on"
                        + " the server at " + baseUrl + (e.message().isEmpty() ? "" : " (" + e.message() + ")")
                        + ": load or pull it there (for Ollama: ollama pull " + model + "), or choose another local model.",
                        code, rawRequest, body, null);
            }
            return null;
        }
    }
}
