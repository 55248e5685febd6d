package com.propertyaudit.llm;

import static com.propertyaudit.llm.MockProvider.json;
import static com.propertyaudit.llm.MockProvider.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.propertyaudit.domain.AnswerOutcome;
import com.propertyaudit.domain.Citation;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OpenAI's Chat Completions and Responses formats, errors and retries, against MockWebServer. */
class OpenAiClientTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static final String CHAT_OK = """
            {"id":"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT","object":"chat.completion","created":1741569952,
             "model":"gpt-5-2025-08-07","choices":[{"index":0,"message":{"role":"assistant",
             "content":"1. **The Yard** - rooftop deck.\\n2. **Harbor Point Lofts** - exposed brick.",
             "refusal":null,"annotations":[]},"logprobs":null,"finish_reason":"stop"}],
             "usage":{"prompt_tokens":19,"completion_tokens":310,"total_tokens":329,
             "prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},
             "completion_tokens_details":{"reasoning_tokens":256,"audio_tokens":0,
             "accepted_prediction_tokens":0,"rejected_prediction_tokens":0}},"service_tier":"default"}
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

    Throwable failure(String surface) {
        return mock.failure(request(surface));
    }

    @Test
    void chatSuccessGivesTextTokensAndTheRequestShapeForReasoningModels() throws Exception {
        mock.server.enqueue(json(200, CHAT_OK, "x-request-id", "req_abc123", "openai-processing-ms", "950"));
        LlmResponse r = ask("openai:gpt-5");
        assertThat(r.text()).contains("**Harbor Point Lofts**");
        assertThat(r.inputTokens()).isEqualTo(19);
        assertThat(r.outputTokens()).isEqualTo(310);
        assertThat(r.finishReason()).isEqualTo("stop");
        assertThat(r.attempts()).isEqualTo(1);

        RecordedRequest sent = mock.server.takeRequest();
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/v1/chat/completions");
        assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer " + MockProvider.OPENAI_KEY);
        JsonNode body = JSON.readTree(sent.getBody().utf8());
        assertThat(body.get("max_completion_tokens").asInt()).isEqualTo(1024);
        assertThat(body.has("max_tokens")).isFalse();
        assertThat(body.has("temperature")).isFalse();
        assertThat(r.rawRequest()).doesNotContain(MockProvider.OPENAI_KEY);
    }

    @Test
    void olderModelsGetMaxTokens() throws Exception {
        mock.server.enqueue(json(200, CHAT_OK));
        ask("openai:gpt-4o");
        JsonNode body = JSON.readTree(mock.server.takeRequest().getBody().utf8());
        assertThat(body.get("max_tokens").asInt()).isEqualTo(1024);
        assertThat(body.has("max_completion_tokens")).isFalse();
    }

    @Test
    void theTokenParameterRuleIsByModelFamily() {
        assertThat(OpenAiClient.isReasoningModel("gpt-5")).isTrue();
        assertThat(OpenAiClient.isReasoningModel("gpt-5-mini")).isTrue();
        assertThat(OpenAiClient.isReasoningModel("o1-preview")).isTrue();
        assertThat(OpenAiClient.isReasoningModel("o3-mini")).isTrue();
        assertThat(OpenAiClient.isReasoningModel("o4-mini")).isTrue();
        assertThat(OpenAiClient.isReasoningModel("gpt-4o")).isFalse();
        assertThat(OpenAiClient.isReasoningModel("gpt-4.1-mini")).isFalse();
    }

    @Test
    void responsesWithWebSearchGiveTextAndUrlCitationsAndSkipOtherItems() throws Exception {
        mock.server.enqueue(json(200, """
                {"id":"resp_67ccf18ef5fc8190b16dbee19bc54e5f087bb177ab789d5c","object":"response",
                 "created_at":1741484430,"status":"completed","error":null,"incomplete_details":null,"model":"gpt-5",
                 "output":[{"type":"reasoning","id":"rs_1","summary":[]},
                  {"type":"web_search_call","id":"ws_67cc","status":"completed",
                   "action":{"type":"search","queries":["lofts pearl district"]}},
                  {"type":"message","id":"msg_67cc","status":"completed","role":"assistant","content":[
                   {"type":"output_text","text":"Harbor Point Lofts is popular.","annotations":[
                    {"type":"url_citation","start_index":0,"end_index":18,
                     "url":"https://www.yelp.com/biz/harbor-point?utm_source=chatgpt.com","title":"Yelp"}],
                    "logprobs":[]}]}],
                 "usage":{"input_tokens":328,"input_tokens_details":{"cached_tokens":0},"output_tokens":356,
                  "output_tokens_details":{"reasoning_tokens":0},"total_tokens":684}}
                """));
        LlmResponse r = ask("openai:gpt-5+web");
        assertThat(r.text()).isEqualTo("Harbor Point Lofts is popular.");
        assertThat(r.citations()).containsExactly(
                new Citation("https://www.yelp.com/biz/harbor-point?utm_source=chatgpt.com", "Yelp"));
        assertThat(r.inputTokens()).isEqualTo(328);
        RecordedRequest sent = mock.server.takeRequest();
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/v1/responses");
        JsonNode body = JSON.readTree(sent.getBody().utf8());
        assertThat(body.get("tools").get(0).get("type").asText()).isEqualTo("web_search");
        assertThat(body.get("input").asText()).isEqualTo("best lofts in the Pearl District");
    }

    @Test
    void nullContentIsAnEmptyAnswerWithANote() throws Exception {
        mock.server.enqueue(json(200, """
                {"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"gpt-5","choices":[{"index":0,
                 "message":{"role":"assistant","content":null,"refusal":"I can't help with that."},
                 "logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":0,"total_tokens":5}}
                """));
        LlmResponse r = ask("openai:gpt-5");
        // What the renter is shown is the refusal: it counts as an answer that names no one.
        assertThat(r.outcome()).isEqualTo(AnswerOutcome.REFUSED);
        assertThat(r.text()).isEqualTo("I can't help with that.");
        assertThat(r.note()).contains("refused");
    }

    @Test
    void aReasoningModelOutOfBudgetGivesAnEmptyAnswerSayingWhy() throws Exception {
        mock.server.enqueue(json(200, """
                {"id":"chatcmpl-2","object":"chat.completion","created":1,"model":"gpt-5","choices":[{"index":0,
                 "message":{"role":"assistant","content":"","refusal":null,"annotations":[]},"logprobs":null,
                 "finish_reason":"length"}],"usage":{"prompt_tokens":12,"completion_tokens":1024,"total_tokens":1036,
                 "completion_tokens_details":{"reasoning_tokens":1024}}}
                """));
        LlmResponse r = ask("openai:gpt-5");
        assertThat(r.outcome()).isEqualTo(AnswerOutcome.TRUNCATED);
        assertThat(r.text()).isEmpty();
        assertThat(r.finishReason()).isEqualTo("length");
        assertThat(r.note()).contains("token limit before any text");
    }

    @Test
    void theMaxTokensRejectionFailsTheAnswerWithTheProvidersMessage() {
        mock.server.enqueue(json(400, """
                {"error":{"message":"Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
                 "type":"invalid_request_error","param":"max_tokens","code":"unsupported_parameter"}}
                """));
        Throwable e = failure("openai:gpt-4o");
        assertThat(e).isInstanceOf(LlmException.class);
        LlmException le = (LlmException) e;
        assertThat(le.kind()).isEqualTo(LlmException.Kind.BAD_REQUEST);
        assertThat(le.kind().failsRun()).isFalse();
        assertThat(le.getMessage()).contains("Use 'max_completion_tokens' instead");
        assertThat(mock.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aBadKeyFailsTheRunNamingTheVariableAndNeverShowsTheKey() {
        mock.server.enqueue(json(401, """
                {"error":{"message":"Incorrect API key provided: sk-proj-****1234. You can find your API key at https://platform.openai.com/account/api-keys.",
                 "type":"invalid_request_error","param":null,"code":"invalid_api_key"}}
                """));
        LlmException e = (LlmException) failure("openai:gpt-5");
        assertThat(e.kind()).isEqualTo(LlmException.Kind.AUTH);
        assertThat(e.kind().failsRun()).isTrue();
        assertThat(e.getMessage()).contains("OPENAI_API_KEY").doesNotContain(MockProvider.OPENAI_KEY);
        assertThat(mock.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void a429WithRetryAfterIsRetriedThenSucceeds() throws Exception {
        mock.server.enqueue(json(429, """
                {"error":{"message":"Rate limit reached for gpt-5 in organization org-x on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 20ms.",
                 "type":"requests","param":null,"code":"rate_limit_exceeded"}}
                """, "retry-after-ms", "50", "x-ratelimit-limit-requests", "3", "x-ratelimit-remaining-requests", "0",
                "x-ratelimit-reset-requests", "20ms"));
        mock.server.enqueue(json(200, CHAT_OK));
        LlmResponse r = ask("openai:gpt-5");
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(mock.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void insufficientQuotaIsNotRetriedAndFailsTheRun() {
        mock.server.enqueue(json(429, """
                {"error":{"message":"You exceeded your current quota, please check your plan and billing details.",
                 "type":"insufficient_quota","param":null,"code":"insufficient_quota"}}
                """));
        LlmException e = (LlmException) failure("openai:gpt-5");
        assertThat(e.kind()).isEqualTo(LlmException.Kind.QUOTA);
        assertThat(e.kind().failsRun()).isTrue();
        assertThat(mock.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void a500ThenSuccessIsRetried() throws Exception {
        mock.server.enqueue(json(500, """
                {"error":{"message":"The server had an error while processing your request. Sorry about that!",
                 "type":"server_error","param":null,"code":null}}
                """, "retry-after-ms", "10"));
        mock.server.enqueue(json(200, CHAT_OK));
        assertThat(ask("openai:gpt-5").attempts()).isEqualTo(2);
    }

    @Test
    void aBodyThatIsNotJsonFailsTheAnswerAndKeepsTheBody() {
        mock.server.enqueue(new MockResponse.Builder().code(200).body("<html><body>502 Bad Gateway</body></html>")
                .build());
        LlmException e = (LlmException) failure("openai:gpt-5");
        assertThat(e.kind()).isEqualTo(LlmException.Kind.UNREADABLE);
        assertThat(e.getMessage()).contains("unreadable response");
        assertThat(e.rawResponse()).contains("502 Bad Gateway");
    }

    @Test
    void persistentServerErrorsEndAfterThreeAttemptsAsTheSdksDo() {
        for (int i = 0; i < 3; i++) {
            mock.server.enqueue(json(503, "{\"error\":{\"message\":\"The server is overloaded or not ready yet.\","
                    + "\"type\":\"server_error\",\"param\":null,\"code\":null}}", "retry-after-ms", "5"));
        }
        LlmException e = (LlmException) failure("openai:gpt-5");
        assertThat(e.kind()).isEqualTo(LlmException.Kind.RETRIES_EXHAUSTED);
        assertThat(mock.server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void aSlowServerTimesOut() throws Exception {
        mock.close();
        mock = new MockProvider(Duration.ofMillis(200));
        for (int i = 0; i < 5; i++) {
            mock.server.enqueue(new MockResponse.Builder().code(200).body(CHAT_OK)
                    .headersDelay(2, TimeUnit.SECONDS).build());
        }
        LlmException e = (LlmException) failure("openai:gpt-5");
        assertThat(e.kind()).isEqualTo(LlmException.Kind.TIMEOUT);
        assertThat(e.getMessage()).contains("timeout");
    }

    @Test
    void aMissingKeyFailsWithoutAnyRequest() {
        LlmConfig noKeys = LlmConfig.fromEnvironment(java.util.Map.of())
                .withBaseUrl(com.propertyaudit.domain.Provider.OPENAI, mock.server.url("/v1").toString())
                .withKeys(p -> java.util.Optional.empty());
        try (LlmClients clients = new LlmClients(noKeys)) {
            CompletionException e = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                    () -> clients.forSurface(request("openai:gpt-5").surface()).ask(request("openai:gpt-5")).join());
            assertThat(((LlmException) e.getCause()).kind()).isEqualTo(LlmException.Kind.MISSING_KEY);
            assertThat(e.getCause().getMessage()).contains("OPENAI_API_KEY");
        }
        assertThat(mock.server.getRequestCount()).isZero();
    }

    @Test
    void cancellingStopsTheCallInFlight() throws Exception {
        mock.server.enqueue(new MockResponse.Builder().code(200).body(CHAT_OK).headersDelay(5, TimeUnit.SECONDS).build());
        var future = mock.clients.forSurface(request("openai:gpt-5").surface()).ask(request("openai:gpt-5"));
        mock.server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(future.cancel(true)).isTrue();
        assertThatThrownBy(future::join).isInstanceOf(java.util.concurrent.CancellationException.class);
    }
}
