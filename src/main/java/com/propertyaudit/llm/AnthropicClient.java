package com.propertyaudit.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.propertyaudit.domain.AnswerOutcome;
import com.propertyaudit.domain.Citation;
import com.propertyaudit.domain.Provider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Anthropic's Messages API, with the {@code web_search_20250305} server tool for {@code +web}
 * surfaces. Shapes as in shared/contracts/llm-wire-formats.md §3. A turn the API pauses
 * ({@code pause_turn}, long server-tool work) is sent back as the assistant turn and continued.
 */
final class AnthropicClient implements LlmClient {

    static final String KEY_VARIABLE = "ANTHROPIC_API_KEY";
    static final String VERSION = "2023-06-01";
    /** Continuations of a paused turn before the reply is taken as cut off. */
    static final int MAX_CONTINUATIONS = 3;
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
        if (r.schema() != null) {
            forceSchemaTool(body, r.schema());
        } else if (r.surface().webSearch()) {
            ObjectNode tool = body.putArray("tools").addObject()
                    .put("type", "web_search_20250305").put("name", "web_search").put("max_uses", 5);
            if (r.searchFrom() != null) r.searchFrom().toUserLocation(tool.putObject("user_location"));
        }
        return body;
    }

    /**
     * Structured output: one tool whose input is the schema, and a forced {@code tool_choice}, so the
     * reply is that tool_use block's {@code input}. A forced tool leaves no turn for web search.
     */
    private void forceSchemaTool(ObjectNode body, OutputSchema schema) {
        body.putArray("tools").addObject().put("name", schema.name())
                .put("description", "Record the result, following the schema exactly.")
                .set("input_schema", schema.schema());
        body.putObject("tool_choice").put("type", "tool").put("name", schema.name());
    }

    /** The input of the forced tool's tool_use block, as JSON text; empty when there is none. */
    private static String toolInput(ArrayNode blocks, String toolName) {
        for (JsonNode b : blocks) {
            if ("tool_use".equals(b.path("type").asText()) && toolName.equals(b.path("name").asText())
                    && b.path("input").isObject()) {
                return b.path("input").toString();
            }
        }
        return "";
    }

    @Override
    public CompletableFuture<LlmResponse> ask(LlmRequest r) {
        Optional<String> key = checkedKey();
        if (key.isEmpty()) return CompletableFuture.failedFuture(keyProblem());
        Turns turns = new Turns(body(r), key.get(), r.schema());
        turns.next(turns.first);
        return turns.result;
    }

    @Override
    public CompletableFuture<List<String>> models() {
        Optional<String> key = checkedKey();
        if (key.isEmpty()) return CompletableFuture.failedFuture(keyProblem());
        Request request = new Request.Builder().url(baseUrl + "/v1/models?limit=1000")
                .header("x-api-key", key.get()).header("anthropic-version", VERSION).get().build();
        return HttpExchange.map(exchange.send(request, null, new Errors()),
                reply -> ModelList.ids("Anthropic", JsonReplies.object("Anthropic", null, reply.body())));
    }

    private Optional<String> checkedKey() {
        return keys.apply(Provider.ANTHROPIC).filter(k -> KeyText.problem(k, KEY_VARIABLE) == null);
    }

    private LlmException keyProblem() {
        return keys.apply(Provider.ANTHROPIC).map(k -> KeyText.problem(k, KEY_VARIABLE))
                .orElseGet(() -> new LlmException(LlmException.Kind.MISSING_KEY,
                        "No Anthropic API key: set " + KEY_VARIABLE + " or enter the key in Settings."));
    }

    private Request post(String raw, String key) {
        return new Request.Builder()
                .url(baseUrl + "/v1/messages")
                .header("x-api-key", key)
                .header("anthropic-version", VERSION)
                .post(RequestBody.create(raw, JSON_TYPE))
                .build();
    }

    /** One question's requests: the first, then a continuation for each paused turn. */
    private final class Turns {
        final CompletableFuture<LlmResponse> result = new CompletableFuture<>();
        final AtomicReference<CompletableFuture<?>> inFlight = new AtomicReference<>();
        final ObjectNode first;
        final String key;
        final OutputSchema schema;
        final long t0 = System.nanoTime();
        final ArrayNode blocks = json.createArrayNode();
        final List<String> bodies = new ArrayList<>();
        long inputTokens;
        int outputTokens;
        int attempts;

        Turns(ObjectNode first, String key, OutputSchema schema) {
            this.first = first;
            this.key = key;
            this.schema = schema;
            result.whenComplete((r, e) -> {
                CompletableFuture<?> f = inFlight.get();
                if (result.isCancelled() && f != null) f.cancel(true);
            });
        }

        void next(ObjectNode body) {
            String raw = body.toString();
            CompletableFuture<JsonNode> sent = HttpExchange.map(exchange.send(post(raw, key), raw, new Errors()), reply -> {
                attempts += reply.attempts();
                bodies.add(reply.body());
                return JsonReplies.object("Anthropic", raw, reply.body());
            });
            inFlight.set(sent);
            if (result.isCancelled()) sent.cancel(true);
            sent.whenComplete((root, error) -> {
                if (error != null) {
                    result.completeExceptionally(error instanceof CompletionException && error.getCause() != null
                            ? error.getCause() : error);
                    return;
                }
                try {
                    take(root);
                    if ("pause_turn".equals(root.path("stop_reason").asText()) && bodies.size() <= MAX_CONTINUATIONS) {
                        next(continuation());
                    } else {
                        result.complete(reply(root.path("stop_reason")));
                    }
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            });
        }

        void take(JsonNode root) {
            for (JsonNode b : root.path("content")) blocks.add(b);
            JsonNode usage = root.path("usage");
            inputTokens += usage.path("input_tokens").asLong(0) + usage.path("cache_creation_input_tokens").asLong(0)
                    + usage.path("cache_read_input_tokens").asLong(0);
            outputTokens += usage.path("output_tokens").asInt(0);
        }

        /** The first request with everything received so far as the assistant's turn, as the Messages API documents. */
        ObjectNode continuation() {
            ObjectNode body = first.deepCopy();
            ArrayNode messages = body.putArray("messages");
            messages.add(first.path("messages").path(0));
            messages.addObject().put("role", "assistant").set("content", blocks.deepCopy());
            return body;
        }

        LlmResponse reply(JsonNode stopNode) {
            String stop = stopNode.isTextual() ? stopNode.asText() : null;
            Read read = read(blocks);
            String text = schema == null ? read.text : toolInput(blocks, schema.name());
            AnswerOutcome outcome;
            List<String> notes = new ArrayList<>();
            int continued = bodies.size() - 1;
            if (continued > 0) notes.add("A paused web-search turn was continued " + continued + " time(s).");
            switch (stop == null ? "" : stop) {
                case "max_tokens" -> {
                    outcome = AnswerOutcome.TRUNCATED;
                    notes.add(text.isEmpty() ? "Cut off at max_tokens before any text." : "Cut off at max_tokens.");
                }
                case "model_context_window_exceeded" -> {
                    outcome = AnswerOutcome.TRUNCATED;
                    notes.add("Cut off: the conversation filled the model's context window.");
                }
                case "pause_turn" -> {
                    outcome = AnswerOutcome.TRUNCATED;
                    notes.add("Still paused after " + MAX_CONTINUATIONS + " continuations: the answer is unfinished.");
                }
                case "refusal" -> {
                    outcome = AnswerOutcome.REFUSED;
                    notes.add("The model declined to answer (stop_reason refusal).");
                }
                default -> {
                    outcome = text.isBlank() ? AnswerOutcome.EMPTY : AnswerOutcome.COMPLETED;
                    if (text.isBlank()) notes.add("The model returned no text (stop_reason " + stop + ").");
                }
            }
            if (!read.toolErrors.isEmpty()) notes.add("Web search failed: " + String.join(", ", read.toolErrors) + ".");
            String rawResponse = bodies.size() == 1 ? bodies.get(0) : "[" + String.join(",", bodies) + "]";
            return new LlmResponse(outcome, text, read.cited, read.retrieved, first.toString(), rawResponse,
                    (System.nanoTime() - t0) / 1_000_000, (int) inputTokens, outputTokens, stop,
                    notes.isEmpty() ? null : String.join(" ", notes), attempts, read.searches);
        }
    }

    /** The text of a turn's content blocks, the sources its text cites, and the pages its searches found. */
    private record Read(String text, List<Citation> cited, List<Citation> retrieved, List<String> toolErrors,
            List<String> searches) {}

    private static Read read(ArrayNode blocks) {
        StringBuilder text = new StringBuilder();
        // Keyed by URL so a source cited twice is listed once, with the first title seen.
        Map<String, Citation> cited = new LinkedHashMap<>();
        Map<String, Citation> found = new LinkedHashMap<>();
        List<String> toolErrors = new ArrayList<>();
        List<String> searches = new ArrayList<>();
        boolean afterTool = false;
        for (JsonNode block : blocks) {
            switch (block.path("type").asText()) {
                case "server_tool_use" -> {
                    afterTool = true;
                    if ("web_search".equals(block.path("name").asText()) && block.path("input").path("query").isTextual()) {
                        searches.add(block.path("input").path("query").asText());
                    }
                }
                case "text" -> {
                    String t = block.path("text").asText("");
                    // A text block after a tool block is a new paragraph: gluing "…options." to
                    // "Here…" would invent a domain such as "options.Here".
                    if (afterTool && text.length() > 0 && !t.isEmpty()) text.append("\n\n");
                    text.append(t);
                    afterTool = false;
                    for (JsonNode c : block.path("citations")) {
                        if (c.path("url").isTextual()) {
                            cited.putIfAbsent(c.path("url").asText(),
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
                                found.putIfAbsent(res.path("url").asText(),
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
        // A search result the text cites is a citation; the rest were found, not cited.
        cited.keySet().forEach(found::remove);
        return new Read(text.toString(), new ArrayList<>(cited.values()), new ArrayList<>(found.values()), toolErrors,
                searches);
    }

    private static String textOrNull(JsonNode n) {
        return n.isTextual() ? n.asText() : null;
    }

    /** Anthropic's envelope: {@code {"type":"error","error":{"type","message"},"request_id"}}. */
    private static final class Errors extends ProviderErrors {
        Errors() {
            super("Anthropic", KEY_VARIABLE);
        }

        @Override
        public boolean isQuotaExhausted(int code, String body) {
            JsonNode e = JsonReplies.errorObject(body);
            return code == 429 && "enforced_spend_limit_reached".equals(e.path("details").path("error_code").asText())
                    || "billing_error".equals(e.path("type").asText()) || code == 402;
        }

        @Override
        LlmException specific(int code, ErrorBody e, String body, String rawRequest) {
            if (code == 404 && "not_found_error".equals(e.type()) && rawRequest != null) {
                return modelUnavailable(code, e, body, rawRequest);
            }
            if (code == 400 && e.message().toLowerCase(java.util.Locale.ROOT).contains("credit balance is too low")) {
                return new LlmException(LlmException.Kind.QUOTA, "Anthropic says the account's credit balance is too"
                        + " low. Add credits under Plans & Billing in the Anthropic console for the account whose key"
                        + " is in " + KEY_VARIABLE + ", then resume the batch.", code, rawRequest, body, null);
            }
            return null;
        }
    }
}
