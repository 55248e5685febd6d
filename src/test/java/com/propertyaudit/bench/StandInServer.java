package com.propertyaudit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A local stand-in for the OpenAI and Anthropic APIs, speaking their wire formats, with a set
 * latency per request and optional rate limits (requests and tokens per window, per provider) with
 * the providers' real rate-limit headers, answered with 429 + retry-after when exceeded.
 * It also stands in for Gemini ({@code /v1beta/models/M:generateContent}, grounded with redirect links
 * and a thought part), Perplexity ({@code /chat/completions}) and a local server ({@code /local/v1}).
 * Optionally some questions are cut off at the token limit (until asked with 8192 tokens or more)
 * or refused, as real replies sometimes are; {@code GET /v1/models} lists a current lineup.
 * Used by the engine benchmark and for trying {@code propertyaudit run} without keys or network:
 *
 * <pre>
 * ./mvnw -q test-compile exec:java -Dexec.mainClass=com.propertyaudit.bench.StandInServer \
 *     -Dexec.args="--port 18080 --latency-ms 500 --requests-per-window 20 --window-ms 5000"
 * OPENAI_BASE_URL=http://127.0.0.1:18080/v1 ANTHROPIC_BASE_URL=http://127.0.0.1:18080 \
 *   OPENAI_API_KEY=test ANTHROPIC_API_KEY=test java -jar target/propertyaudit.jar run ...
 * </pre>
 */
public final class StandInServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MockWebServer server = new MockWebServer();
    private final long latencyMs;
    private final List<String> names;
    /** OpenAI's and Anthropic's rate limits, each its own account; Gemini, Perplexity and local have none. */
    private volatile RateWindow openAiLimits;
    private volatile RateWindow anthropicLimits;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger served = new AtomicInteger();
    private final AtomicInteger limited = new AtomicInteger();
    private final AtomicInteger openAiInFlight = new AtomicInteger();
    private final AtomicInteger anthropicInFlight = new AtomicInteger();
    private final AtomicInteger bothInFlightSeen = new AtomicInteger();
    private final int cutEvery;
    private final int refuseEvery;
    /** A completion budget at least this large is never cut off. */
    private int enoughTokens = 8192;

    /**
     * @param names community names the answers mention, in an order that varies per question
     */
    public StandInServer(int port, long latencyMs, int requestsPerMinute, List<String> names) throws IOException {
        this(port, latencyMs, requestsPerMinute, names, 0, 0);
    }

    /**
     * @param cutEvery    about one question in this many is cut off below {@link #enoughTokens(int)}; 0 for none
     * @param refuseEvery about one question in this many is refused; 0 for none
     */
    public StandInServer(int port, long latencyMs, int requestsPerMinute, List<String> names, int cutEvery,
            int refuseEvery) throws IOException {
        this.cutEvery = cutEvery;
        this.refuseEvery = refuseEvery;
        this.latencyMs = latencyMs;
        if (requestsPerMinute > 0) limits(requestsPerMinute, 0, Duration.ofMinutes(1));
        this.names = List.copyOf(names);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                return answer(request);
            }
        });
        server.start(port);
    }

    /**
     * OpenAI and Anthropic each allow this many requests and tokens per window (0: no such limit);
     * answers carry their real rate-limit headers, and what does not fit gets a 429 with retry-after.
     */
    public StandInServer limits(int requestsPerWindow, long tokensPerWindow, Duration window) {
        openAiLimits = new RateWindow(requestsPerWindow, tokensPerWindow, window);
        anthropicLimits = new RateWindow(requestsPerWindow, tokensPerWindow, window);
        return this;
    }

    /** Questions that are cut off are answered whole only with this completion budget (8192 by default). */
    public StandInServer enoughTokens(int tokens) {
        this.enoughTokens = tokens;
        return this;
    }

    public String openAiBaseUrl() {
        return server.url("/v1").toString();
    }

    public String anthropicBaseUrl() {
        String u = server.url("/").toString();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }

    /** Highest number of requests being answered at once. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    /** Requests answered with 200. */
    public int served() {
        return served.get();
    }

    /** Requests answered with 429 because of the rate limits. */
    public int limited() {
        return limited.get();
    }

    /** How many requests arrived while the other provider also had one in flight. */
    public int overlapping() {
        return bothInFlightSeen.get();
    }

    private MockResponse answer(RecordedRequest request) throws InterruptedException {
        String path = request.getUrl().encodedPath();
        if ("GET".equals(request.getMethod()) && path.endsWith("/models")) {
            return ok(path.startsWith("/v1beta") ? GEMINI_MODELS : path.startsWith("/local") ? LOCAL_MODELS
                    : request.getHeaders().get("anthropic-version") != null ? CLAUDE_MODELS : OPENAI_MODELS,
                    "request-id", "req_models");
        }
        JsonNode body;
        try {
            body = JSON.readTree(request.getBody() == null ? "{}" : request.getBody().utf8());
        } catch (IOException e) {
            return new MockResponse.Builder().code(400).body("{\"error\":{\"message\":\"bad json\"}}").build();
        }
        boolean openAiAccount = path.startsWith("/v1/") && (path.endsWith("/chat/completions") || path.endsWith("/responses"));
        RateWindow account = openAiAccount ? openAiLimits : path.equals("/v1/messages") ? anthropicLimits : null;
        RateWindow.Admission admission = account == null ? null : account.admit(cost(body, path));
        if (admission != null && !admission.admitted()) {
            limited.incrementAndGet();
            return account.withHeaders(rateLimited(path, admission), admission, openAiAccount);
        }
        MockResponse answer = answer(request, path, body);
        return admission == null ? answer : account.withHeaders(answer, admission, openAiAccount);
    }

    /** What a request counts against a tokens limit: its prompt (about four characters a token) and its budget. */
    private static long cost(JsonNode body, String path) {
        int budget = Math.max(body.path("max_tokens").asInt(0), Math.max(body.path("max_completion_tokens").asInt(0),
                body.path("max_output_tokens").asInt(0)));
        return (question(body, path).length() + 3) / 4 + 8 + budget;
    }

    private MockResponse answer(RecordedRequest request, String path, JsonNode body) throws InterruptedException {
        boolean openAi = path.endsWith("/chat/completions") || path.endsWith("/responses");
        AtomicInteger mine = openAi ? openAiInFlight : anthropicInFlight;
        AtomicInteger other = openAi ? anthropicInFlight : openAiInFlight;
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        mine.incrementAndGet();
        if (other.get() > 0) bothInFlightSeen.incrementAndGet();
        try {
            // Sleeping here rather than with headersDelay keeps the in-flight count honest.
            Thread.sleep(latencyMs);
            String question = question(body, path);
            served.incrementAndGet();
            if (path.startsWith("/v1beta/models/")) return ok(gemini(body, question), "x-request-id", "g" + served.get());
            if (path.equals("/chat/completions")) return ok(perplexity(body, question), "x-request-id", "p" + served.get());
            if (path.startsWith("/local/")) return ok(local(body, question), "x-request-id", "l" + served.get());
            if (path.endsWith("/chat/completions")) return ok(chat(body, question), "x-request-id", "req_" + served.get());
            if (path.endsWith("/responses")) return ok(responses(body, question), "x-request-id", "req_" + served.get());
            if (path.endsWith("/v1/messages")) return ok(messages(body, question), "request-id", "req_01" + served.get());
            return new MockResponse.Builder().code(404)
                    .body("{\"error\":{\"message\":\"Unknown path " + path + "\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}")
                    .build();
        } catch (IOException e) {
            return new MockResponse.Builder().code(500).body("{\"error\":{\"message\":\"stand-in failed\"}}").build();
        } finally {
            mine.decrementAndGet();
            inFlight.decrementAndGet();
        }
    }

    private static MockResponse rateLimited(String path, RateWindow.Admission a) {
        String retry = Long.toString(RateWindow.retryAfterSeconds(a));
        boolean anthropic = path.endsWith("/v1/messages");
        String body = anthropic
                ? "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"This request would exceed"
                        + " the rate limit for your organization on " + a.exceeded() + ".\"},\"request_id\":\"req_011CRL\"}"
                : "{\"error\":{\"message\":\"Rate limit reached on " + a.exceeded() + ". Please try again in " + retry
                        + "s.\",\"type\":\"" + a.exceeded() + "\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}";
        return new MockResponse.Builder().code(429).body(body)
                .setHeader("content-type", "application/json").setHeader("retry-after", retry)
                .build();
    }

    private static final String OPENAI_MODELS = "{\"object\":\"list\",\"data\":["
            + "{\"id\":\"gpt-5\",\"object\":\"model\",\"created\":1754425777,\"owned_by\":\"system\"},"
            + "{\"id\":\"gpt-5-mini\",\"object\":\"model\",\"created\":1754425867,\"owned_by\":\"system\"},"
            + "{\"id\":\"gpt-5.4\",\"object\":\"model\",\"created\":1772000000,\"owned_by\":\"system\"}]}";
    private static final String CLAUDE_MODELS = "{\"data\":["
            + "{\"type\":\"model\",\"id\":\"claude-sonnet-4-6\",\"display_name\":\"Claude Sonnet 4.6\"},"
            + "{\"type\":\"model\",\"id\":\"claude-haiku-4-5-20251001\",\"display_name\":\"Claude Haiku 4.5\"}],"
            + "\"has_more\":false,\"first_id\":\"claude-sonnet-4-6\",\"last_id\":\"claude-haiku-4-5-20251001\"}";

    /** Whether this question, asked with this budget, is cut off. */
    private boolean cut(String question, JsonNode body) {
        int budget = Math.max(body.path("max_tokens").asInt(0), Math.max(body.path("max_completion_tokens").asInt(0),
                body.path("max_output_tokens").asInt(0)));
        return cutEvery > 0 && Math.floorMod(question.hashCode(), cutEvery) == 0 && budget < enoughTokens;
    }

    private boolean refused(String question) {
        return refuseEvery > 0 && Math.floorMod(question.hashCode() * 31 + 7, refuseEvery) == 0;
    }

    private static String half(String text) {
        return text.substring(0, text.length() / 2);
    }

    private static MockResponse ok(String body, String idHeader, String id) {
        // setHeader, not headers(): replacing the headers would drop Content-Length.
        return new MockResponse.Builder().code(200).body(body)
                .setHeader("content-type", "application/json").setHeader(idHeader, id)
                .build();
    }

    private static String question(JsonNode body, String path) {
        if (path.endsWith("/responses")) return body.path("input").asText("");
        if (path.startsWith("/v1beta")) return body.at("/contents/0/parts/0/text").asText("");
        JsonNode messages = body.path("messages");
        JsonNode last = messages.isArray() && messages.size() > 0 ? messages.get(messages.size() - 1) : null;
        return last == null ? "" : last.path("content").asText("");
    }

    /** A recommendation list whose order depends on the question, so ranks vary across queries. */
    private String recommendation(String question) {
        StringBuilder sb = new StringBuilder("Here are a few places renters like for \"").append(question).append("\":\n\n");
        int shift = Math.floorMod(question.hashCode(), Math.max(1, names.size()));
        for (int i = 0; i < names.size(); i++) {
            String n = names.get((i + shift) % names.size());
            sb.append(i + 1).append(". **").append(n).append("** – well reviewed for its amenities.\n");
        }
        sb.append("\nListings and reviews: Apartments.com and https://www.yelp.com/search?find_desc=apartments.");
        return sb.toString();
    }

    private String chat(JsonNode body, String question) throws IOException {
        boolean cut = cut(question, body);
        boolean refused = !cut && refused(question);
        String text = refused ? null : cut ? half(recommendation(question)) : recommendation(question);
        String finish = cut ? "length" : "stop";
        String refusal = refused ? JSON.writeValueAsString("I can't recommend specific apartment communities.") : "null";
        return "{\"id\":\"chatcmpl-standin" + served.get() + "\",\"object\":\"chat.completion\",\"created\":1764320000,"
                + "\"model\":" + JSON.writeValueAsString(body.path("model").asText("gpt-5")) + ","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + JSON.writeValueAsString(text)
                + ",\"refusal\":" + refusal + ",\"annotations\":[]},\"logprobs\":null,\"finish_reason\":\"" + finish + "\"}],"
                + "\"usage\":{\"prompt_tokens\":24,\"completion_tokens\":" + tokens(text) + ",\"total_tokens\":"
                + (24 + tokens(text)) + "},\"service_tier\":\"default\"}";
    }

    private String gemini(JsonNode body, String question) throws IOException {
        String text = recommendation(question);
        boolean web = body.path("tools").isArray();
        String grounding = !web ? "" : ",\"groundingMetadata\":{\"webSearchQueries\":[" + JSON.writeValueAsString(question)
                + "],\"groundingChunks\":[{\"web\":{\"uri\":\"https://vertexaisearch.cloud.google.com/grounding-api-redirect/AbF9\","
                + "\"title\":\"apartments.com\"}},{\"web\":{\"uri\":\"https://vertexaisearch.cloud.google.com/grounding-api-redirect/AbG7\","
                + "\"title\":\"zillow.com\"}}],\"groundingSupports\":[{\"segment\":{\"endIndex\":40},\"groundingChunkIndices\":[0]}]}";
        return "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"Thinking: Park 12 is nice.\",\"thought\":true},"
                + "{\"text\":" + JSON.writeValueAsString(text) + "}]},\"finishReason\":\"STOP\",\"index\":0" + grounding + "}],"
                + "\"usageMetadata\":{\"promptTokenCount\":20,\"candidatesTokenCount\":" + tokens(text)
                + ",\"thoughtsTokenCount\":30},\"modelVersion\":\"gemini\"}";
    }

    private String perplexity(JsonNode body, String question) throws IOException {
        String text = recommendation(question) + " [1]";
        return "{\"id\":\"pplx" + served.get() + "\",\"model\":" + JSON.writeValueAsString(body.path("model").asText("sonar"))
                + ",\"created\":1764320000,\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"finish_reason\":\"stop\","
                + "\"message\":{\"role\":\"assistant\",\"content\":" + JSON.writeValueAsString(text) + "},"
                + "\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}],"
                + "\"citations\":[\"https://www.apartments.com/san-diego-ca/\"],"
                + "\"search_results\":[{\"title\":\"Apartments\",\"url\":\"https://www.apartments.com/san-diego-ca/\"},"
                + "{\"title\":\"r/sandiego\",\"url\":\"https://www.reddit.com/r/sandiego/\"}],"
                + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":" + tokens(text) + ",\"total_tokens\":"
                + (10 + tokens(text)) + ",\"search_context_size\":\"low\"}}";
    }

    private String local(JsonNode body, String question) throws IOException {
        String text = recommendation(question);
        return "{\"id\":\"chatcmpl-" + served.get() + "\",\"object\":\"chat.completion\",\"created\":1764320000,"
                + "\"model\":" + JSON.writeValueAsString(body.path("model").asText("llama3.2"))
                + ",\"system_fingerprint\":\"fp_ollama\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                + "\"content\":" + JSON.writeValueAsString(text) + ",\"reasoning\":\"Park 12 could be first.\"},"
                + "\"finish_reason\":\"stop\"}]}";
    }

    private static final String GEMINI_MODELS = "{\"models\":[{\"name\":\"models/gemini-2.5-flash\"},"
            + "{\"name\":\"models/gemini-2.5-pro\"}]}";
    private static final String LOCAL_MODELS = "{\"object\":\"list\",\"data\":[{\"id\":\"llama3.2:latest\","
            + "\"object\":\"model\",\"owned_by\":\"library\"}]}";

    private static int tokens(String text) {
        return text == null ? 0 : text.length() / 4;
    }

    private String responses(JsonNode body, String question) throws IOException {
        boolean cut = cut(question, body);
        String text = cut ? half(recommendation(question)) : recommendation(question);
        return "{\"id\":\"resp_standin" + served.get() + "\",\"object\":\"response\",\"created_at\":1764320000,"
                + (cut ? "\"status\":\"incomplete\",\"error\":null,\"incomplete_details\":{\"reason\":\"max_output_tokens\"},"
                        : "\"status\":\"completed\",\"error\":null,\"incomplete_details\":null,")
                + "\"model\":" + JSON.writeValueAsString(body.path("model").asText("gpt-5")) + ","
                + "\"output\":[{\"type\":\"reasoning\",\"id\":\"rs_1\",\"summary\":[]},"
                + "{\"type\":\"web_search_call\",\"id\":\"ws_1\",\"status\":\"completed\"},"
                + "{\"type\":\"message\",\"id\":\"msg_1\",\"status\":\"completed\",\"role\":\"assistant\",\"content\":["
                + "{\"type\":\"output_text\",\"text\":" + JSON.writeValueAsString(text) + ",\"annotations\":["
                + "{\"type\":\"url_citation\",\"start_index\":0,\"end_index\":10,\"url\":\"https://www.apartments.com/san-diego-ca/?utm_source=chatgpt.com\",\"title\":\"Apartments\"}],"
                + "\"logprobs\":[]}]}],"
                + "\"usage\":{\"input_tokens\":30,\"input_tokens_details\":{\"cached_tokens\":0},\"output_tokens\":"
                + text.length() / 4 + ",\"output_tokens_details\":{\"reasoning_tokens\":0},\"total_tokens\":"
                + (30 + text.length() / 4) + "}}";
    }

    private String messages(JsonNode body, String question) throws IOException {
        boolean cut = cut(question, body);
        boolean refused = !cut && refused(question);
        String text = cut ? half(recommendation(question))
                : refused ? "I'd rather not rank specific communities, but" : recommendation(question);
        String stop = cut ? "max_tokens" : refused ? "refusal" : "end_turn";
        boolean web = body.path("tools").isArray() && body.path("tools").size() > 0;
        StringBuilder content = new StringBuilder("[");
        if (web) {
            content.append("{\"type\":\"text\",\"text\":\"Let me look that up.\"},")
                    .append("{\"type\":\"server_tool_use\",\"id\":\"srvtoolu_01\",\"name\":\"web_search\",\"input\":{\"query\":")
                    .append(JSON.writeValueAsString(question)).append("}},")
                    .append("{\"type\":\"web_search_tool_result\",\"tool_use_id\":\"srvtoolu_01\",\"content\":[")
                    .append("{\"type\":\"web_search_result\",\"url\":\"https://www.reddit.com/r/sandiego/\",\"title\":\"r/sandiego\",\"encrypted_content\":\"EqgfCio\",\"page_age\":\"2 days\"},")
                    .append("{\"type\":\"web_search_result\",\"url\":\"https://www.zillow.com/san-diego-ca/rentals/\",\"title\":\"Rentals\",\"encrypted_content\":\"EqgfCiq\",\"page_age\":null}]},");
        }
        content.append("{\"type\":\"text\",\"text\":").append(JSON.writeValueAsString(text));
        if (web) {
            content.append(",\"citations\":[{\"type\":\"web_search_result_location\",\"url\":\"https://www.reddit.com/r/sandiego/\",")
                    .append("\"title\":\"r/sandiego\",\"cited_text\":\"…\",\"encrypted_index\":\"Eo8B\"}]");
        }
        content.append("}]");
        return "{\"id\":\"msg_01standin" + served.get() + "\",\"type\":\"message\",\"role\":\"assistant\","
                + "\"model\":" + JSON.writeValueAsString(body.path("model").asText("claude-sonnet-4-5")) + ","
                + "\"content\":" + content + ",\"stop_reason\":\"" + stop + "\",\"stop_sequence\":null,"
                + "\"usage\":{\"input_tokens\":40,\"output_tokens\":" + text.length() / 4
                + (web ? ",\"server_tool_use\":{\"web_search_requests\":1}" : "") + "}}";
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    public static void main(String[] args) throws Exception {
        int port = 18080;
        long latency = 500;
        int rpm = 0;
        int requests = 0;
        long tokens = 0;
        long windowMs = 60_000;
        int cutEvery = 0;
        int refuseEvery = 0;
        int enough = 8192;
        for (int i = 0; i < args.length - 1; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--latency-ms" -> latency = Long.parseLong(args[i + 1]);
                case "--rpm" -> rpm = Integer.parseInt(args[i + 1]);
                case "--requests-per-window" -> requests = Integer.parseInt(args[i + 1]);
                case "--tokens-per-window" -> tokens = Long.parseLong(args[i + 1]);
                case "--window-ms" -> windowMs = Long.parseLong(args[i + 1]);
                case "--cut-every" -> cutEvery = Integer.parseInt(args[i + 1]);
                case "--refuse-every" -> refuseEvery = Integer.parseInt(args[i + 1]);
                case "--enough-tokens" -> enough = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]);
            }
        }
        StandInServer s = new StandInServer(port, latency, rpm,
                List.of("Domain San Diego", "Pinnacle on the Park", "Alexan Fashion District", "Park 12", "Pacific Heights"),
                cutEvery, refuseEvery).enoughTokens(enough);
        if (requests > 0 || tokens > 0) s.limits(requests, tokens, Duration.ofMillis(windowMs));
        System.out.println("OPENAI_BASE_URL=" + s.openAiBaseUrl());
        System.out.println("ANTHROPIC_BASE_URL=" + s.anthropicBaseUrl());
        System.out.println("GEMINI_BASE_URL=" + s.anthropicBaseUrl());
        System.out.println("PERPLEXITY_BASE_URL=" + s.anthropicBaseUrl());
        System.out.println("LOCAL_BASE_URL=" + s.anthropicBaseUrl() + "/local/v1");
        String limit = requests > 0 || tokens > 0
                ? requests + " requests and " + tokens + " tokens (0: no limit) per " + windowMs + " ms per provider"
                : rpm <= 0 ? "none" : rpm + "/min";
        System.out.println("latency " + latency + " ms, limit " + limit + ", cut off 1 in "
                + cutEvery + ", refused 1 in " + refuseEvery + "; Ctrl-C to stop");
        Thread.currentThread().join();
    }
}
