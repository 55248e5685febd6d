package com.propertyaudit.llm;

import static com.propertyaudit.llm.MockProvider.json;
import static com.propertyaudit.llm.MockProvider.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.propertyaudit.domain.AnswerOutcome;
import com.propertyaudit.domain.Citation;
import com.propertyaudit.domain.Provider;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Replies read as the providers mean them (shared/contracts/llm-wire-formats.md): cut-off, refused,
 * empty and failed replies, cited versus found sources, paused turns, retired models, billing and
 * region errors, long waits and slow bodies — each against MockWebServer speaking the real shape.
 */
class ReplyShapesTest {

    static final ObjectMapper JSON = new ObjectMapper();

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

    // OpenAI Chat Completions

    @Test
    void aChatAnswerCutOffWithTextIsTruncatedNotCompleted() throws Exception {
        mock.server.enqueue(json(200, """
                {"id":"chatcmpl-C1","object":"chat.completion","created":1764662400,"model":"gpt-5-mini-2025-08-07",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"1. **The Yard** - rooftop deck.\\n2. **Harb",
                 "refusal":null,"annotations":[]},"logprobs":null,"finish_reason":"length"}],
                 "usage":{"prompt_tokens":14,"completion_tokens":1024,"total_tokens":1038,
                 "completion_tokens_details":{"reasoning_tokens":960}}}
                """));
        LlmResponse r = ask("openai:gpt-5-mini");
        assertThat(r.outcome()).isEqualTo(AnswerOutcome.TRUNCATED);
        assertThat(r.text()).endsWith("**Harb");
        assertThat(r.note()).contains("token limit");
    }

    @Test
    void aContentFilterStopIsARefusal() throws Exception {
        mock.server.enqueue(json(200, """
                {"id":"chatcmpl-C2","object":"chat.completion","created":1764662400,"model":"gpt-4.1",
                 "choices":[{"index":0,"message":{"role":"assistant","content":null,"refusal":null,"annotations":[]},
                 "logprobs":null,"finish_reason":"content_filter"}],"usage":{"prompt_tokens":14,"completion_tokens":0,"total_tokens":14}}
                """));
        LlmResponse r = ask("openai:gpt-4.1");
        assertThat(r.outcome()).isEqualTo(AnswerOutcome.REFUSED);
        assertThat(r.outcome().isAnswer()).isTrue();
    }

    @Test
    void noTextAndNoRefusalIsEmpty() throws Exception {
        mock.server.enqueue(json(200, """
                {"id":"chatcmpl-C3","object":"chat.completion","created":1764662400,"model":"gpt-5",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"   ","refusal":null,"annotations":[]},
                 "logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":14,"completion_tokens":1,"total_tokens":15}}
                """));
        LlmResponse r = ask("openai:gpt-5");
        assertThat(r.outcome()).isEqualTo(AnswerOutcome.EMPTY);
        assertThat(r.outcome().isAnswer()).isFalse();
    }

    // OpenAI Responses API with web search

    @Test
    void aFailedResponseFailsTheAnswerWithTheProvidersCode() {
        mock.server.enqueue(json(200, """
                {"id":"resp_68f1","object":"response","created_at":1764662400,"status":"failed",
                 "error":{"code":"server_error","message":"The model failed to generate a response."},
                 "incomplete_details":null,"model":"gpt-5","output":[],"usage":null}
                """));
        LlmException e = failure("openai:gpt-5+web");
        assertThat(e.kind()).isEqualTo(LlmException.Kind.PROVIDER_FAILED);
        assertThat(e.kind().failsRun()).isFalse();
        assertThat(e.getMessage()).contains("server_error").contains("failed to generate");
        assertThat(e.rawResponse()).contains("resp_68f1");
    }

    @Test
    void anIncompleteResponseIsTruncatedAndKeepsItsPartialText() throws Exception {
        mock.server.enqueue(json(200, """
                {"id":"resp_68f2","object":"response","created_at":1764662400,"status":"incomplete","error":null,
                 "incomplete_details":{"reason":"max_output_tokens"},"model":"gpt-5",
                 "output":[{"type":"reasoning","id":"rs_1","summary":[]},
                  {"type":"web_search_call","id":"ws_1","status":"completed","action":{"type":"search","queries":["lofts"]}},
                  {"type":"message","id":"msg_1","status":"incomplete","role":"assistant","content":[
                   {"type":"output_text","text":"Top picks: The Yard, Harb","annotations":[],"logprobs":[]}]}],
                 "usage":{"input_tokens":320,"input_tokens_details":{"cached_tokens":0},"output_tokens":1024,
                  "output_tokens_details":{"reasoning_tokens":900},"total_tokens":1344}}
                """));
        LlmResponse r = ask("openai:gpt-5+web");
        assertThat(r.outcome()).isEqualTo(AnswerOutcome.TRUNCATED);
        assertThat(r.text()).isEqualTo("Top picks: The Yard, Harb");
        assertThat(r.finishReason()).isEqualTo("incomplete: max_output_tokens");
    }

    @Test
    void pagesTheSearchFoundAreRetrievedAndOnlyAnnotationsAreCited() throws Exception {
        mock.server.enqueue(json(200, """
                {"id":"resp_68f3","object":"response","created_at":1764662400,"status":"completed","error":null,
                 "incomplete_details":null,"model":"gpt-5",
                 "output":[{"type":"web_search_call","id":"ws_2","status":"completed","action":{"type":"search",
                   "queries":["pearl district lofts"],"sources":[{"type":"url","url":"https://www.yelp.com/biz/the-yard"},
                   {"type":"url","url":"https://www.apartments.com/harbor-point"},{"type":"url","url":"https://www.reddit.com/r/portland/x"}]}},
                  {"type":"message","id":"msg_2","status":"completed","role":"assistant","content":[
                   {"type":"output_text","text":"Harbor Point Lofts is popular.","logprobs":[],"annotations":[
                    {"type":"url_citation","start_index":0,"end_index":18,"url":"https://www.apartments.com/harbor-point","title":"Harbor Point"}]}]}],
                 "usage":{"input_tokens":300,"input_tokens_details":{"cached_tokens":0},"output_tokens":80,
                  "output_tokens_details":{"reasoning_tokens":0},"total_tokens":380}}
                """));
        LlmResponse r = ask("openai:gpt-5+web");
        assertThat(r.outcome()).isEqualTo(AnswerOutcome.COMPLETED);
        assertThat(r.citations()).containsExactly(new Citation("https://www.apartments.com/harbor-point", "Harbor Point"));
        assertThat(r.retrieved()).extracting(Citation::url)
                .containsExactly("https://www.yelp.com/biz/the-yard", "https://www.reddit.com/r/portland/x");
        JsonNode sent = JSON.readTree(mock.server.takeRequest().getBody().utf8());
        assertThat(sent.get("include").get(0).asText()).isEqualTo("web_search_call.action.sources");
    }

    // OpenAI errors

    @Test
    void aModelThatDoesNotExistStopsTheRunAfterOneRequest() {
        mock.server.enqueue(json(404, """
                {"error":{"message":"The model `gpt-4.5-preview` does not exist or you do not have access to it.",
                 "type":"invalid_request_error","param":null,"code":"model_not_found"}}
                """));
        LlmException e = failure("openai:gpt-4.5-preview");
        assertThat(e.kind()).isEqualTo(LlmException.Kind.MODEL_UNAVAILABLE);
        assertThat(e.kind().failsRun()).isTrue();
        assertThat(e.getMessage()).contains("'gpt-4.5-preview'").contains("retired or misspelt");
        assertThat(mock.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void anUnsupportedRegionSaysSoInsteadOfBlamingTheKey() {
        mock.server.enqueue(json(403, """
                {"error":{"code":"unsupported_country_region_territory","message":"Country, region, or territory not supported",
                 "param":null,"type":"request_forbidden"}}
                """));
        LlmException e = failure("openai:gpt-5");
        assertThat(e.kind()).isEqualTo(LlmException.Kind.REGION);
        assertThat(e.getMessage()).contains("region").doesNotContain("rejected the API key");
    }

    @Test
    void aServerErrorTheProviderSaysNotToRetryIsNotRetried() {
        mock.server.enqueue(json(500, """
                {"error":{"message":"The server had an error while processing your request. Sorry about that!",
                 "type":"server_error","param":null,"code":null}}
                """, "x-should-retry", "false"));
        LlmException e = failure("openai:gpt-5");
        assertThat(e.getMessage()).contains("declined a retry");
        assertThat(mock.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aWaitLongerThanTwoMinutesIsNotHammeredButSaid() {
        mock.server.enqueue(json(429, """
                {"error":{"message":"Rate limit reached for gpt-5 in organization org-x on requests per day (RPD): Limit 10000, Used 10000.",
                 "type":"requests","param":null,"code":"rate_limit_exceeded"}}
                """, "retry-after", "300"));
        LlmException e = failure("openai:gpt-5");
        assertThat(e.kind()).isEqualTo(LlmException.Kind.ASKED_TO_WAIT);
        assertThat(e.getMessage()).contains("provider asked to wait 300 s");
        assertThat(mock.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aBodySlowerThanTheReadTimeoutIsATimeoutAfterThreeAttempts() throws Exception {
        mock.close();
        mock = new MockProvider(Duration.ofMillis(300));
        for (int i = 0; i < 3; i++) {
            mock.server.enqueue(new MockResponse.Builder().code(200).setHeader("content-type", "application/json")
                    .body(OpenAiClientTest.CHAT_OK).throttleBody(16, 1, TimeUnit.SECONDS).build());
        }
        LlmException e = failure("openai:gpt-5");
        assertThat(e.kind()).isEqualTo(LlmException.Kind.TIMEOUT);
        assertThat(e.getMessage()).contains("(3 attempts)");
    }

    @Test
    void theModelListIsReadFromTheProvider() throws Exception {
        mock.server.enqueue(json(200, """
                {"object":"list","data":[{"id":"gpt-5","object":"model","created":1754425777,"owned_by":"system"},
                 {"id":"gpt-5-mini","object":"model","created":1754425867,"owned_by":"system"}]}
                """));
        List<String> ids = mock.clients.forProvider(Provider.OPENAI).models().get(10, TimeUnit.SECONDS);
        assertThat(ids).containsExactly("gpt-5", "gpt-5-mini");
        RecordedRequest sent = mock.server.takeRequest();
        assertThat(sent.getMethod()).isEqualTo("GET");
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/v1/models");
        assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer " + MockProvider.OPENAI_KEY);
    }

    // Anthropic Messages

    @Test
    void aRefusalWithPartialTextIsARefusalThatKeepsWhatWasShown() throws Exception {
        mock.server.enqueue(json(200, """
                {"id":"msg_01R","type":"message","role":"assistant","model":"claude-sonnet-4-6",
                 "content":[{"type":"text","text":"I can share some general tips, but"}],
                 "stop_reason":"refusal","stop_sequence":null,"usage":{"input_tokens":20,"output_tokens":9}}
                """));
        LlmResponse r = ask("anthropic:claude-sonnet-4-6");
        assertThat(r.outcome()).isEqualTo(AnswerOutcome.REFUSED);
        assertThat(r.text()).isEqualTo("I can share some general tips, but");
        assertThat(r.note()).contains("declined");
    }

    @Test
    void aCutOffAtMaxTokensIsTruncated() throws Exception {
        mock.server.enqueue(json(200, """
                {"id":"msg_01T","type":"message","role":"assistant","model":"claude-sonnet-4-6",
                 "content":[{"type":"text","text":"1. **The Yard** – rooftop.\\n2. **Harbor"}],
                 "stop_reason":"max_tokens","stop_sequence":null,"usage":{"input_tokens":20,"output_tokens":1024}}
                """));
        LlmResponse r = ask("anthropic:claude-sonnet-4-6");
        assertThat(r.outcome()).isEqualTo(AnswerOutcome.TRUNCATED);
        assertThat(r.note()).contains("max_tokens");
    }

    @Test
    void aFullContextWindowIsTruncatedWithItsReason() throws Exception {
        mock.server.enqueue(json(200, """
                {"id":"msg_01W","type":"message","role":"assistant","model":"claude-sonnet-4-6",
                 "content":[{"type":"text","text":"Based on the listings I found"}],
                 "stop_reason":"model_context_window_exceeded","stop_sequence":null,
                 "usage":{"input_tokens":199000,"output_tokens":1000}}
                """));
        LlmResponse r = ask("anthropic:claude-sonnet-4-6+web");
        assertThat(r.outcome()).isEqualTo(AnswerOutcome.TRUNCATED);
        assertThat(r.finishReason()).isEqualTo("model_context_window_exceeded");
        assertThat(r.note()).contains("context window");
    }

    @Test
    void endTurnWithNoTextIsEmpty() throws Exception {
        mock.server.enqueue(json(200, """
                {"id":"msg_01E","type":"message","role":"assistant","model":"claude-sonnet-4-6","content":[],
                 "stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":20,"output_tokens":1}}
                """));
        assertThat(ask("anthropic:claude-sonnet-4-6").outcome()).isEqualTo(AnswerOutcome.EMPTY);
    }

    static final String FOUR_FOUND_ONE_CITED = """
            {"id":"msg_01S","type":"message","role":"assistant","model":"claude-sonnet-4-6","content":[
             {"type":"server_tool_use","id":"srvtoolu_01A","name":"web_search","input":{"query":"pet friendly apartments east village san diego"}},
             {"type":"web_search_tool_result","tool_use_id":"srvtoolu_01A","content":[
              {"type":"web_search_result","url":"https://www.apartments.com/pinnacle-on-the-park","title":"Pinnacle on the Park","encrypted_content":"EqQB1","page_age":"2 days ago"},
              {"type":"web_search_result","url":"https://www.yelp.com/biz/domain-san-diego","title":"Domain - Yelp","encrypted_content":"EqQB2","page_age":null},
              {"type":"web_search_result","url":"https://www.reddit.com/r/sandiego/comments/x","title":"Pet friendly?","encrypted_content":"EqQB3","page_age":"1 month ago"},
              {"type":"web_search_result","url":"https://www.zillow.com/san-diego-ca/rentals","title":"Rentals","encrypted_content":"EqQB4","page_age":null}]},
             {"type":"text","text":"Pinnacle on the Park allows dogs and cats.","citations":[
              {"type":"web_search_result_location","url":"https://www.apartments.com/pinnacle-on-the-park","title":"Pinnacle on the Park",
               "cited_text":"Dogs and cats allowed","encrypted_index":"Eo8BCio"}]},
             {"type":"text","text":" Domain San Diego is also worth a look."}],
             "stop_reason":"end_turn","stop_sequence":null,
             "usage":{"input_tokens":2100,"output_tokens":140,"server_tool_use":{"web_search_requests":1}}}
            """;

    @Test
    void fourSearchResultsAndOneCitationAreOneCitedAndThreeRetrieved() throws Exception {
        mock.server.enqueue(json(200, FOUR_FOUND_ONE_CITED));
        LlmResponse r = ask("anthropic:claude-sonnet-4-6+web");
        assertThat(r.citations()).extracting(Citation::url)
                .containsExactly("https://www.apartments.com/pinnacle-on-the-park");
        assertThat(r.retrieved()).extracting(Citation::url).containsExactly("https://www.yelp.com/biz/domain-san-diego",
                "https://www.reddit.com/r/sandiego/comments/x", "https://www.zillow.com/san-diego-ca/rentals");
    }

    @Test
    void aPausedTurnIsSentBackAndContinuedUntilItEnds() throws Exception {
        mock.server.enqueue(json(200, """
                {"id":"msg_01P","type":"message","role":"assistant","model":"claude-sonnet-4-6","content":[
                 {"type":"text","text":"Let me search for current listings."},
                 {"type":"server_tool_use","id":"srvtoolu_01P","name":"web_search","input":{"query":"lofts pearl district"}}],
                 "stop_reason":"pause_turn","stop_sequence":null,"usage":{"input_tokens":500,"output_tokens":40}}
                """));
        mock.server.enqueue(json(200, """
                {"id":"msg_01Q","type":"message","role":"assistant","model":"claude-sonnet-4-6","content":[
                 {"type":"web_search_tool_result","tool_use_id":"srvtoolu_01P","content":[
                  {"type":"web_search_result","url":"https://www.yelp.com/biz/harbor-point","title":"Harbor Point","encrypted_content":"Eq1","page_age":null}]},
                 {"type":"text","text":"Harbor Point Lofts stands out.","citations":[{"type":"web_search_result_location",
                  "url":"https://www.yelp.com/biz/harbor-point","title":"Harbor Point","cited_text":"…","encrypted_index":"Eo1"}]}],
                 "stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":900,"output_tokens":60}}
                """));
        LlmResponse r = ask("anthropic:claude-sonnet-4-6+web");
        assertThat(r.outcome()).isEqualTo(AnswerOutcome.COMPLETED);
        assertThat(r.text()).isEqualTo("Let me search for current listings.\n\nHarbor Point Lofts stands out.");
        assertThat(r.citations()).extracting(Citation::url).containsExactly("https://www.yelp.com/biz/harbor-point");
        assertThat(r.inputTokens()).isEqualTo(1400);
        assertThat(r.outputTokens()).isEqualTo(100);
        assertThat(r.note()).contains("continued 1 time");
        assertThat(mock.server.getRequestCount()).isEqualTo(2);
        mock.server.takeRequest();
        JsonNode second = JSON.readTree(mock.server.takeRequest().getBody().utf8());
        JsonNode messages = second.get("messages");
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0).get("role").asText()).isEqualTo("user");
        assertThat(messages.get(1).get("role").asText()).isEqualTo("assistant");
        assertThat(messages.get(1).get("content").get(1).get("type").asText()).isEqualTo("server_tool_use");
        assertThat(second.get("tools").get(0).get("type").asText()).isEqualTo("web_search_20250305");
    }

    @Test
    void aTurnStillPausedAfterThreeContinuationsIsTruncated() throws Exception {
        for (int i = 0; i < 4; i++) {
            mock.server.enqueue(json(200, "{\"id\":\"msg_0" + i + "\",\"type\":\"message\",\"role\":\"assistant\","
                    + "\"model\":\"claude-sonnet-4-6\",\"content\":[{\"type\":\"text\",\"text\":\"Searching " + i + ".\"}],"
                    + "\"stop_reason\":\"pause_turn\",\"usage\":{\"input_tokens\":10,\"output_tokens\":5}}"));
        }
        LlmResponse r = ask("anthropic:claude-sonnet-4-6+web");
        assertThat(r.outcome()).isEqualTo(AnswerOutcome.TRUNCATED);
        assertThat(r.note()).contains("Still paused after 3 continuations");
        assertThat(mock.server.getRequestCount()).isEqualTo(4);
        assertThat(r.outputTokens()).isEqualTo(20);
    }

    @Test
    void aRetiredClaudeModelStopsTheRunWithOneSentence() {
        mock.server.enqueue(json(404, """
                {"type":"error","error":{"type":"not_found_error","message":"model: claude-sonnet-4-5"},"request_id":"req_011CVs"}
                """));
        LlmException e = failure("anthropic:claude-sonnet-4-5");
        assertThat(e.kind()).isEqualTo(LlmException.Kind.MODEL_UNAVAILABLE);
        assertThat(e.getMessage()).contains("'claude-sonnet-4-5'").contains("Settings");
        assertThat(mock.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aCreditBalanceTooLowStopsTheRunNamingTheAccountProblem() {
        mock.server.enqueue(json(400, """
                {"type":"error","error":{"type":"invalid_request_error","message":"Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits."},"request_id":"req_011CVt"}
                """));
        LlmException e = failure("anthropic:claude-sonnet-4-6");
        assertThat(e.kind()).isEqualTo(LlmException.Kind.QUOTA);
        assertThat(e.kind().failsRun()).isTrue();
        assertThat(e.getMessage()).contains("credit balance").contains("Plans & Billing");
    }

    @Test
    void anOverloadedAnthropicIsRetriedThenAnswers() throws Exception {
        mock.server.enqueue(json(529, """
                {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"req_011CVu"}
                """, "retry-after", "0.05"));
        mock.server.enqueue(json(200, FOUR_FOUND_ONE_CITED));
        assertThat(ask("anthropic:claude-sonnet-4-6+web").outcome()).isEqualTo(AnswerOutcome.COMPLETED);
        assertThat(mock.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void theClaudeModelListIsReadWithTheVersionHeader() throws Exception {
        mock.server.enqueue(json(200, """
                {"data":[{"type":"model","id":"claude-sonnet-4-6","display_name":"Claude Sonnet 4.6","created_at":"2026-02-17T00:00:00Z"},
                 {"type":"model","id":"claude-haiku-4-5-20251001","display_name":"Claude Haiku 4.5","created_at":"2025-10-01T00:00:00Z"}],
                 "has_more":false,"first_id":"claude-sonnet-4-6","last_id":"claude-haiku-4-5-20251001"}
                """));
        List<String> ids = mock.clients.forProvider(Provider.ANTHROPIC).models().get(10, TimeUnit.SECONDS);
        assertThat(ids).containsExactly("claude-sonnet-4-6", "claude-haiku-4-5-20251001");
        RecordedRequest sent = mock.server.takeRequest();
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/v1/models");
        assertThat(sent.getHeaders().get("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(sent.getHeaders().get("x-api-key")).isEqualTo(MockProvider.ANTHROPIC_KEY);
    }
}
