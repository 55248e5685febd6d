package com.propertyaudit.llm;

import static com.propertyaudit.llm.MockProvider.json;
import static com.propertyaudit.llm.MockProvider.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.propertyaudit.domain.Citation;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Anthropic's Messages format, web search blocks, errors and retries, against MockWebServer. */
class AnthropicClientTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static final String OK = """
            {"id":"msg_01XFDUDYJgAACzvnptvVoYEL","type":"message","role":"assistant",
             "model":"claude-sonnet-4-5-20250929","content":[{"type":"text","text":"Try **Harbor Point Lofts**."}],
             "stop_reason":"end_turn","stop_sequence":null,
             "usage":{"input_tokens":12,"output_tokens":6,"cache_creation_input_tokens":0,"cache_read_input_tokens":0}}
            """;

    MockProvider mock;

    @BeforeEach
    void start() throws Exception {
        mock = new MockProvider();
    }

    @AfterEach
    void stop() {
        mock.close();
    }

    LlmResponse ask(String surface) throws Exception {
        return mock.ask(request(surface));
    }

    LlmException failure(String surface) {
        return mock.failure(request(surface));
    }

    @Test
    void successSendsTheRequiredHeadersAndMaxTokensOnly() throws Exception {
        mock.server.enqueue(json(200, OK, "request-id", "req_011CUe", "anthropic-ratelimit-requests-limit", "1000",
                "anthropic-ratelimit-requests-remaining", "999", "anthropic-ratelimit-requests-reset",
                "2025-08-21T12:40:59Z"));
        LlmResponse r = ask("anthropic:claude-sonnet-4-6");
        assertThat(r.text()).isEqualTo("Try **Harbor Point Lofts**.");
        assertThat(r.inputTokens()).isEqualTo(12);
        assertThat(r.outputTokens()).isEqualTo(6);
        assertThat(r.finishReason()).isEqualTo("end_turn");

        RecordedRequest sent = mock.server.takeRequest();
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/v1/messages");
        assertThat(sent.getHeaders().get("x-api-key")).isEqualTo(MockProvider.ANTHROPIC_KEY);
        assertThat(sent.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
        JsonNode body = JSON.readTree(sent.getBody().utf8());
        assertThat(body.get("max_tokens").asInt()).isEqualTo(1024);
        assertThat(body.has("temperature") && body.has("top_p")).isFalse();
        assertThat(body.has("tools")).isFalse();
        assertThat(r.rawRequest()).doesNotContain(MockProvider.ANTHROPIC_KEY);
    }

    @Test
    void webSearchStartsANewParagraphAfterToolBlocksAndCollectsCitations() throws Exception {
        mock.server.enqueue(json(200, """
                {"id":"msg_01","type":"message","role":"assistant","model":"claude-sonnet-4-5-20250929","content":[
                 {"type":"text","text":"Let me look at the options."},
                 {"type":"server_tool_use","id":"srvtoolu_01","name":"web_search","input":{"query":"pearl district lofts"}},
                 {"type":"web_search_tool_result","tool_use_id":"srvtoolu_01","content":[
                  {"type":"web_search_result","url":"https://www.apartments.com/portland-or/","title":"Apartments",
                   "encrypted_content":"EqgfCio","page_age":"1 day"}]},
                 {"type":"text","text":"Here are two: Harbor Point Lofts","citations":[
                  {"type":"web_search_result_location","url":"https://news.bbc.co.uk/x","title":"BBC",
                   "cited_text":"...","encrypted_index":"Eo8B"}]},
                 {"type":"text","text":" and The Yard."}],
                 "stop_reason":"end_turn","stop_sequence":null,
                 "usage":{"input_tokens":900,"output_tokens":120,"server_tool_use":{"web_search_requests":1}}}
                """));
        LlmResponse r = ask("anthropic:claude-sonnet-4-6+web");
        assertThat(r.text()).isEqualTo("Let me look at the options.\n\nHere are two: Harbor Point Lofts and The Yard.");
        // Only what the text cites is a citation; the other search result was found, not cited.
        assertThat(r.citations()).containsExactly(new Citation("https://news.bbc.co.uk/x", "BBC"));
        assertThat(r.retrieved()).containsExactly(new Citation("https://www.apartments.com/portland-or/", "Apartments"));
        JsonNode tool = JSON.readTree(mock.server.takeRequest().getBody().utf8()).get("tools").get(0);
        assertThat(tool.get("type").asText()).isEqualTo("web_search_20250305");
        assertThat(tool.get("name").asText()).isEqualTo("web_search");
    }

    @Test
    void aSearchErrorObjectInsteadOfResultsIsNoted() throws Exception {
        mock.server.enqueue(json(200, """
                {"id":"msg_02","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[
                 {"type":"server_tool_use","id":"srvtoolu_02","name":"web_search","input":{"query":"x"}},
                 {"type":"web_search_tool_result","tool_use_id":"srvtoolu_02",
                  "content":{"type":"web_search_tool_result_error","error_code":"max_uses_exceeded"}},
                 {"type":"text","text":"From memory: The Yard."}],
                 "stop_reason":"end_turn","usage":{"input_tokens":10,"output_tokens":5}}
                """));
        LlmResponse r = ask("anthropic:claude-sonnet-4-6+web");
        assertThat(r.text()).isEqualTo("From memory: The Yard.");
        assertThat(r.citations()).isEmpty();
        assertThat(r.note()).contains("max_uses_exceeded");
    }

    @Test
    void emptyContentAndMaxTokensWithoutTextAreEmptyAnswersWithNotes() throws Exception {
        mock.server.enqueue(json(200, """
                {"id":"msg_03","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[],
                 "stop_reason":"end_turn","usage":{"input_tokens":10,"output_tokens":0}}
                """));
        LlmResponse empty = ask("anthropic:claude-sonnet-4-6");
        assertThat(empty.text()).isEmpty();
        assertThat(empty.note()).contains("no text");

        mock.server.enqueue(json(200, """
                {"id":"msg_04","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[
                 {"type":"thinking","thinking":"...","signature":"x"}],
                 "stop_reason":"max_tokens","usage":{"input_tokens":10,"output_tokens":1024}}
                """));
        LlmResponse cut = ask("anthropic:claude-sonnet-4-6");
        assertThat(cut.text()).isEmpty();
        assertThat(cut.note()).contains("max_tokens");
    }

    @Test
    void overloaded529IsRetriedThenSucceeds() throws Exception {
        mock.server.enqueue(json(529, """
                {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"req_011CUe"}
                """, "retry-after", "0.05"));
        mock.server.enqueue(json(200, OK));
        assertThat(ask("anthropic:claude-sonnet-4-6").attempts()).isEqualTo(2);
    }

    @Test
    void a429WithRetryAfterHoldsTheProviderThenSucceeds() throws Exception {
        mock.server.enqueue(json(429, """
                {"type":"error","error":{"type":"rate_limit_error","message":"This request would exceed the rate limit for your organization of 20,000 input tokens per minute."},"request_id":"req_1"}
                """, "retry-after", "0.1"));
        mock.server.enqueue(json(200, OK));
        assertThat(ask("anthropic:claude-sonnet-4-6").attempts()).isEqualTo(2);
    }

    @Test
    void aSpendLimitIsNotRetried() {
        mock.server.enqueue(json(429, """
                {"type":"error","error":{"type":"rate_limit_error","message":"Spend limit reached",
                 "details":{"error_code":"enforced_spend_limit_reached"}},"request_id":"req_2"}
                """));
        LlmException e = failure("anthropic:claude-sonnet-4-6");
        assertThat(e.kind()).isEqualTo(LlmException.Kind.QUOTA);
        assertThat(mock.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aBadKeyNamesTheVariable() {
        mock.server.enqueue(json(401, """
                {"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key"},"request_id":"req_3"}
                """));
        LlmException e = failure("anthropic:claude-sonnet-4-6");
        assertThat(e.kind()).isEqualTo(LlmException.Kind.AUTH);
        assertThat(e.getMessage()).contains("ANTHROPIC_API_KEY").doesNotContain(MockProvider.ANTHROPIC_KEY);
    }

    @Test
    void aRejectedRequestKeepsTheProvidersMessage() {
        mock.server.enqueue(json(400, """
                {"type":"error","error":{"type":"invalid_request_error","message":"`temperature` and `top_p` cannot both be specified for this model. Please use only one."},"request_id":"req_4"}
                """));
        LlmException e = failure("anthropic:claude-sonnet-4-6");
        assertThat(e.kind()).isEqualTo(LlmException.Kind.BAD_REQUEST);
        assertThat(e.getMessage()).contains("cannot both be specified");
    }

    @Test
    void aKeyWithAnInvisibleCharacterIsRefusedWithoutQuotingIt() throws Exception {
        String pasted = "sk-ant-api03-SECRET\u00a0claude5678";
        try (LlmClients clients = new LlmClients(LlmConfig.fromEnvironment(java.util.Map.of())
                .withBaseUrl(com.propertyaudit.domain.Provider.ANTHROPIC, mock.server.url("/").toString())
                .withKeys(p -> java.util.Optional.of(pasted)))) {
            CompletionException e = Assertions.assertThrows(CompletionException.class, () -> clients
                    .forSurface(request("anthropic:claude-sonnet-4-6").surface()).ask(request("anthropic:claude-sonnet-4-6"))
                    .join());
            LlmException le = (LlmException) e.getCause();
            assertThat(le.kind()).isEqualTo(LlmException.Kind.AUTH);
            assertThat(le.getMessage()).contains("ANTHROPIC_API_KEY").contains("position 20").doesNotContain("SECRET");
            assertThat(mock.server.getRequestCount()).isZero();
        }
    }

    @Test
    void cancellingAnAnswerStopsItsRetries() throws Exception {
        mock.server.enqueue(json(503, """
                {"type":"error","error":{"type":"api_error","message":"Internal server error"}}
                """, "retry-after", "0.3"));
        mock.server.enqueue(json(200, OK));
        java.util.concurrent.CompletableFuture<LlmResponse> f = mock.clients
                .forSurface(request("anthropic:claude-sonnet-4-6").surface()).ask(request("anthropic:claude-sonnet-4-6"));
        assertThat(mock.server.takeRequest(5, TimeUnit.SECONDS)).isNotNull();
        f.cancel(true);
        // The retry was due 0.3 s later; well after that, still only the first request arrived.
        assertThat(mock.server.takeRequest(1, TimeUnit.SECONDS)).isNull();
        assertThat(mock.server.getRequestCount()).isEqualTo(1);
    }
}
