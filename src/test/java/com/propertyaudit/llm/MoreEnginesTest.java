package com.propertyaudit.llm;

import static com.propertyaudit.llm.MockProvider.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.propertyaudit.domain.AnswerOutcome;
import com.propertyaudit.domain.Citation;
import com.propertyaudit.domain.Location;
import com.propertyaudit.domain.Property;
import com.propertyaudit.domain.Provider;
import com.propertyaudit.domain.Surface;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Gemini, Perplexity and local servers in their real wire formats (shared/contracts/llm-wire-formats.md
 * §4–6), and web searches that search from the property's city.
 */
class MoreEnginesTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Property SAN_DIEGO = new Property("Domain San Diego", List.of(), List.of(),
            new Location("San Diego", "CA", "East Village", "US"), List.of(), List.of());

    MockProvider mock;

    @BeforeEach
    void start() throws Exception {
        mock = new MockProvider();
    }

    @AfterEach
    void stop() {
        mock.close();
    }

    static LlmRequest request(String surface) {
        Surface s = Surface.parse(surface);
        return new LlmRequest(s, "pet friendly apartments in East Village", null, 1024, 1, SAN_DIEGO, null,
                SearchLocation.takenBy(s) ? SearchLocation.of(SAN_DIEGO.location()).orElseThrow() : null);
    }

    LlmResponse ask(String surface) throws Exception {
        return mock.ask(request(surface));
    }

    LlmException failure(String surface) {
        return mock.failure(request(surface));
    }

    static final String GEMINI_GROUNDED = """
            {"candidates":[{"content":{"role":"model","parts":[
               {"text":"The user wants pet-friendly options; I should search.","thought":true},
               {"text":"Pinnacle on the Park allows dogs. Domain San Diego has a dog run."}]},
              "finishReason":"STOP","index":0,
              "groundingMetadata":{"webSearchQueries":["pet friendly apartments East Village San Diego"],
               "searchEntryPoint":{"renderedContent":"<div>…</div>"},
               "groundingChunks":[
                {"web":{"uri":"https://vertexaisearch.cloud.google.com/grounding-api-redirect/AbC1","title":"apartments.com"}},
                {"web":{"uri":"https://vertexaisearch.cloud.google.com/grounding-api-redirect/AbC2","title":"Domain SD","domain":"domainsandiego.com"}},
                {"web":{"uri":"https://vertexaisearch.cloud.google.com/grounding-api-redirect/AbC3","title":"yelp.com"}}],
               "groundingSupports":[
                {"segment":{"endIndex":38,"text":"Pinnacle on the Park allows dogs."},"groundingChunkIndices":[0],"confidenceScores":[0.9]},
                {"segment":{"startIndex":39,"endIndex":70,"text":"Domain San Diego has a dog run."},"groundingChunkIndices":[1]}]}}],
             "usageMetadata":{"promptTokenCount":12,"candidatesTokenCount":20,"toolUsePromptTokenCount":80,
              "thoughtsTokenCount":64,"totalTokenCount":176},
             "modelVersion":"gemini-2.5-flash","responseId":"abc123"}
            """;

    @Test
    void geminiGroundedAnswersNameSourcesByDomainAndLeaveThoughtsOut() throws Exception {
        mock.server.enqueue(json(200, GEMINI_GROUNDED));
        LlmResponse r = ask("gemini:gemini-2.5-flash+web");
        assertThat(r.outcome()).isEqualTo(AnswerOutcome.COMPLETED);
        assertThat(r.text()).isEqualTo("Pinnacle on the Park allows dogs. Domain San Diego has a dog run.")
                .doesNotContain("I should search");
        assertThat(r.citations()).extracting(Citation::url)
                .containsExactly("https://apartments.com", "https://domainsandiego.com");
        assertThat(r.retrieved()).extracting(Citation::url).containsExactly("https://yelp.com");
        assertThat(r.citations()).noneMatch(c -> c.url().contains("vertexaisearch"));
        assertThat(r.rawResponse()).contains("vertexaisearch.cloud.google.com");
        assertThat(r.searches()).containsExactly("pet friendly apartments East Village San Diego");
        assertThat(r.outputTokens()).isEqualTo(84);
        RecordedRequest sent = mock.server.takeRequest();
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/v1beta/models/gemini-2.5-flash:generateContent");
        assertThat(sent.getUrl().toString()).doesNotContain(MockProvider.GEMINI_KEY);
        assertThat(sent.getHeaders().get("x-goog-api-key")).isEqualTo(MockProvider.GEMINI_KEY);
        JsonNode body = JSON.readTree(sent.getBody().utf8());
        assertThat(body.get("tools").get(0).has("google_search")).isTrue();
        assertThat(body.at("/generationConfig/maxOutputTokens").asInt()).isEqualTo(1024);
    }

    @Test
    void aGeminiCandidateWithNoPartsAtTheTokenLimitIsTruncated() throws Exception {
        mock.server.enqueue(json(200, """
                {"candidates":[{"content":{"role":"model"},"finishReason":"MAX_TOKENS","index":0}],
                 "usageMetadata":{"promptTokenCount":12,"thoughtsTokenCount":1024,"totalTokenCount":1036},
                 "modelVersion":"gemini-2.5-pro"}
                """));
        LlmResponse r = ask("gemini:gemini-2.5-pro");
        assertThat(r.outcome()).isEqualTo(AnswerOutcome.TRUNCATED);
        assertThat(r.note()).contains("MAX_TOKENS");
    }

    @Test
    void aGeminiSafetyStopIsARefusal() throws Exception {
        mock.server.enqueue(json(200, """
                {"candidates":[{"content":{"role":"model"},"finishReason":"SAFETY","index":0,
                  "safetyRatings":[{"category":"HARM_CATEGORY_DANGEROUS_CONTENT","probability":"HIGH"}]}],
                 "usageMetadata":{"promptTokenCount":12,"totalTokenCount":12}}
                """));
        assertThat(ask("gemini:gemini-2.5-flash").outcome()).isEqualTo(AnswerOutcome.REFUSED);
    }

    @Test
    void geminisBodyRetryDelayIsHonouredThenItAnswers() throws Exception {
        mock.server.enqueue(json(429, """
                {"error":{"code":429,"message":"You exceeded your current quota, please check your plan and billing details.",
                 "status":"RESOURCE_EXHAUSTED","details":[
                  {"@type":"type.googleapis.com/google.rpc.QuotaFailure","violations":[{"quotaMetric":"generativelanguage.googleapis.com/generate_content_free_tier_requests",
                   "quotaId":"GenerateRequestsPerMinutePerProjectPerModel-FreeTier"}]},
                  {"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"0.2s"}]}}
                """));
        mock.server.enqueue(json(200, GEMINI_GROUNDED));
        long t0 = System.nanoTime();
        assertThat(ask("gemini:gemini-2.5-flash+web").outcome()).isEqualTo(AnswerOutcome.COMPLETED);
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(200);
        assertThat(mock.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aGeminiPerDayQuotaIsNotRetriedAndStopsTheRun() {
        mock.server.enqueue(json(429, """
                {"error":{"code":429,"message":"Quota exceeded for metric: generate_content_free_tier_requests, limit: 250",
                 "status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.QuotaFailure",
                  "violations":[{"quotaId":"GenerateRequestsPerDayPerProjectPerModel-FreeTier"}]},
                  {"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"20s"}]}}
                """));
        LlmException e = failure("gemini:gemini-2.5-flash");
        assertThat(e.kind()).isEqualTo(LlmException.Kind.QUOTA);
        assertThat(mock.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void anInvalidGeminiKeyIsA400ThatNamesTheVariable() {
        mock.server.enqueue(json(400, """
                {"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT",
                 "details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID"}]}}
                """));
        LlmException e = failure("gemini:gemini-2.5-flash");
        assertThat(e.kind()).isEqualTo(LlmException.Kind.AUTH);
        assertThat(e.getMessage()).contains("GEMINI_API_KEY").doesNotContain(MockProvider.GEMINI_KEY);
    }

    @Test
    void anOverloadedGeminiIsRetried() throws Exception {
        mock.server.enqueue(json(503, "{\"error\":{\"code\":503,\"message\":\"The model is overloaded. Please try again"
                + " later.\",\"status\":\"UNAVAILABLE\"}}", "retry-after", "0.05"));
        mock.server.enqueue(json(200, GEMINI_GROUNDED));
        assertThat(ask("gemini:gemini-2.5-flash+web").outcome()).isEqualTo(AnswerOutcome.COMPLETED);
    }

    @Test
    void perplexityCitesItsCitationsAndKeepsOtherSearchResultsApart() throws Exception {
        mock.server.enqueue(json(200, """
                {"id":"3c90c3cc-0d44-4b50-8888-8dd25736052a","model":"sonar","created":1764662400,"object":"chat.completion",
                 "choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant",
                   "content":"Pinnacle on the Park is pet friendly [1]. Domain San Diego has a dog spa [2]."},
                   "delta":{"role":"assistant","content":""}}],
                 "citations":["https://www.apartments.com/pinnacle","https://domainsandiego.com/amenities"],
                 "search_results":[{"title":"Pinnacle on the Park","url":"https://www.apartments.com/pinnacle","date":"2026-11-02"},
                  {"title":"Amenities","url":"https://domainsandiego.com/amenities"},
                  {"title":"r/sandiego","url":"https://www.reddit.com/r/sandiego/x","snippet":"…","source":"web"}],
                 "usage":{"prompt_tokens":10,"completion_tokens":40,"total_tokens":50,"search_context_size":"low",
                  "cost":{"input_tokens_cost":0.0,"output_tokens_cost":0.0,"request_cost":0.005,"total_cost":0.005}}}
                """));
        LlmResponse r = ask("perplexity:sonar");
        assertThat(r.outcome()).isEqualTo(AnswerOutcome.COMPLETED);
        assertThat(r.text()).contains("[1]").contains("[2]");
        assertThat(r.citations()).containsExactly(new Citation("https://www.apartments.com/pinnacle", "Pinnacle on the Park"),
                new Citation("https://domainsandiego.com/amenities", "Amenities"));
        assertThat(r.retrieved()).extracting(Citation::url).containsExactly("https://www.reddit.com/r/sandiego/x");
        RecordedRequest sent = mock.server.takeRequest();
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/chat/completions");
        assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Bearer " + MockProvider.PERPLEXITY_KEY);
        JsonNode body = JSON.readTree(sent.getBody().utf8());
        assertThat(body.get("max_tokens").asInt()).isEqualTo(1024);
        assertThat(body.has("max_completion_tokens")).isFalse();
    }

    @Test
    void perplexitysHtmlGatewayPageIsASentenceNotAJsonError() {
        mock.server.enqueue(new MockResponse.Builder().code(401).setHeader("content-type", "text/html")
                .body("<html>\r\n<head><title>401 Authorization Required</title></head>\r\n<body>\r\n<center><h1>401"
                        + " Authorization Required</h1></center>\r\n<hr><center>openresty/1.21.4.3</center>\r\n</body>\r\n</html>")
                .build());
        LlmException e = failure("perplexity:sonar");
        assertThat(e.kind()).isEqualTo(LlmException.Kind.AUTH);
        assertThat(e.getMessage()).contains("PERPLEXITY_API_KEY").doesNotContain("<html>");
    }

    @Test
    void perplexitysReasoningModelsThinkingIsNotTheAnswer() throws Exception {
        mock.server.enqueue(json(200, """
                {"id":"x","model":"sonar-reasoning-pro","created":1,"object":"chat.completion",
                 "choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant",
                  "content":"<think>Maybe Park 12? Let me check the listings.</think>\\nPinnacle on the Park [1]."}}],
                 "citations":["https://www.apartments.com/pinnacle"],"usage":{"prompt_tokens":1,"completion_tokens":1,"total_tokens":2}}
                """));
        LlmResponse r = ask("perplexity:sonar-reasoning-pro");
        assertThat(r.text()).isEqualTo("Pinnacle on the Park [1].").doesNotContain("Park 12");
        assertThat(r.note()).contains("Thinking text");
    }

    @Test
    void aLocalServerAnswersWithoutUsageAndItsReasoningIsLeftOut() throws Exception {
        mock.server.enqueue(json(200, """
                {"id":"chatcmpl-532","object":"chat.completion","created":1764662400,"model":"llama3.2",
                 "system_fingerprint":"fp_ollama","choices":[{"index":0,"message":{"role":"assistant",
                  "content":"Domain San Diego is a good pick.","reasoning":"Park 12 might also fit."},"finish_reason":"stop"}]}
                """));
        LlmResponse r = ask("local:llama3.2");
        assertThat(r.text()).isEqualTo("Domain San Diego is a good pick.");
        assertThat(r.inputTokens()).isZero();
        RecordedRequest sent = mock.server.takeRequest();
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/local/chat/completions");
        assertThat(sent.getHeaders().get("Authorization")).isNull();
        JsonNode body = JSON.readTree(sent.getBody().utf8());
        assertThat(body.get("max_tokens").asInt()).isEqualTo(1024);
    }

    @Test
    void aModelNotLoadedOnTheLocalServerSaysSoWithANumericErrorCode() {
        mock.server.enqueue(json(404, """
                {"error":{"code":404,"message":"model \\"llama9\\" not found, try pulling it first","type":"not_found_error"}}
                """));
        LlmException e = failure("local:llama9");
        assertThat(e.kind()).isEqualTo(LlmException.Kind.MODEL_UNAVAILABLE);
        assertThat(e.getMessage()).contains("'llama9' is not loaded on the server at").contains("ollama pull llama9");
    }

    @Test
    void theLocalModelListIsOpenAiShaped() throws Exception {
        mock.server.enqueue(json(200, """
                {"object":"list","data":[{"id":"llama3.2:latest","object":"model","created":1764662400,"owned_by":"library"}]}
                """));
        assertThat(mock.clients.forProvider(Provider.LOCAL).models().get(5, TimeUnit.SECONDS))
                .containsExactly("llama3.2:latest");
    }

    @Test
    void openAiWebSearchSearchesFromThePropertysCityAndRecordsItsSearches() throws Exception {
        mock.server.enqueue(json(200, """
                {"id":"resp_1","object":"response","created_at":1,"status":"completed","error":null,"incomplete_details":null,
                 "model":"gpt-5","output":[{"type":"web_search_call","id":"ws_1","status":"completed",
                  "action":{"type":"search","queries":["pet friendly apartments east village san diego","dog park apartments 92101"]}},
                  {"type":"message","id":"m","status":"completed","role":"assistant","content":[{"type":"output_text",
                   "text":"Domain San Diego.","annotations":[],"logprobs":[]}]}],
                 "usage":{"input_tokens":1,"output_tokens":1,"total_tokens":2}}
                """));
        LlmResponse r = ask("openai:gpt-5+web");
        assertThat(r.searches()).containsExactly("pet friendly apartments east village san diego", "dog park apartments 92101");
        JsonNode location = JSON.readTree(mock.server.takeRequest().getBody().utf8()).at("/tools/0/user_location");
        assertThat(location.get("type").asText()).isEqualTo("approximate");
        assertThat(location.get("city").asText()).isEqualTo("San Diego");
        assertThat(location.get("region").asText()).isEqualTo("CA");
        assertThat(location.get("country").asText()).isEqualTo("US");
        assertThat(location.get("timezone").asText()).isEqualTo("America/Los_Angeles");
    }

    @Test
    void claudesWebSearchSearchesFromThePropertysCityAndRecordsItsSearches() throws Exception {
        mock.server.enqueue(json(200, ReplyShapesTest.FOUR_FOUND_ONE_CITED));
        LlmResponse r = ask("anthropic:claude-sonnet-4-6+web");
        assertThat(r.searches()).containsExactly("pet friendly apartments east village san diego");
        JsonNode location = JSON.readTree(mock.server.takeRequest().getBody().utf8()).at("/tools/0/user_location");
        assertThat(location.get("city").asText()).isEqualTo("San Diego");
        assertThat(location.get("timezone").asText()).isEqualTo("America/Los_Angeles");
    }

    @Test
    void onlyOpenAiAndClaudeWebSearchTakeALocation() {
        assertThat(SearchLocation.takenBy(Surface.parse("openai:gpt-5+web"))).isTrue();
        assertThat(SearchLocation.takenBy(Surface.parse("anthropic:claude-sonnet-4-6+web"))).isTrue();
        assertThat(SearchLocation.takenBy(Surface.parse("openai:gpt-5"))).isFalse();
        assertThat(SearchLocation.takenBy(Surface.parse("gemini:gemini-2.5-flash+web"))).isFalse();
        assertThat(SearchLocation.takenBy(Surface.parse("perplexity:sonar"))).isFalse();
        assertThat(SearchLocation.of(new Location(null, null, "East Village", null))).isEmpty();
        assertThat(SearchLocation.of(new Location("London", null, null, "gb")).orElseThrow().timezone())
                .isEqualTo("Europe/London");
    }

    @Test
    void keysNeverLandInTheStoredRequests() throws Exception {
        mock.server.enqueue(json(200, GEMINI_GROUNDED));
        mock.server.enqueue(json(200, """
                {"id":"x","model":"sonar","created":1,"object":"chat.completion","choices":[{"index":0,"finish_reason":"stop",
                 "message":{"role":"assistant","content":"Domain San Diego."}}],"citations":[],"usage":{}}
                """));
        for (String s : List.of("gemini:gemini-2.5-flash+web", "perplexity:sonar")) {
            LlmResponse r = ask(s);
            assertThat(r.rawRequest()).doesNotContain(MockProvider.GEMINI_KEY).doesNotContain(MockProvider.PERPLEXITY_KEY);
        }
    }

    static LlmRequest structured(String surface) {
        var schema = JSON.createObjectNode().put("type", "object");
        schema.putObject("properties").putObject("findings").put("type", "array");
        return new LlmRequest(Surface.parse(surface), "Analyse the batch.", "You are an analyst.", 4000, 1, SAN_DIEGO,
                new OutputSchema("holistic_analysis", schema));
    }

    @Test
    void geminiTakesAJsonSchemaAndItsTextIsTheJson() throws Exception {
        mock.server.enqueue(json(200, """
                {"candidates":[{"content":{"role":"model","parts":[{"text":"{\\"findings\\":[]}"}]},"finishReason":"STOP"}],
                 "usageMetadata":{"promptTokenCount":100,"candidatesTokenCount":5}}
                """));
        LlmResponse r = mock.ask(structured("gemini:gemini-2.5-flash+web"));
        assertThat(r.text()).isEqualTo("{\"findings\":[]}");
        JsonNode body = JSON.readTree(mock.server.takeRequest().getBody().utf8());
        assertThat(body.at("/generationConfig/responseMimeType").asText()).isEqualTo("application/json");
        assertThat(body.at("/generationConfig/responseJsonSchema/type").asText()).isEqualTo("object");
        assertThat(body.at("/generationConfig/maxOutputTokens").asInt()).isEqualTo(4000);
        assertThat(body.has("tools")).isFalse();
    }

    @Test
    void localServersAndPerplexityTakeResponseFormat() throws Exception {
        for (String surface : List.of("local:llama3.2", "perplexity:sonar")) {
            mock.server.enqueue(json(200, """
                    {"id":"x","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,
                     "message":{"role":"assistant","content":"{\\"findings\\":[]}"},"finish_reason":"stop"}]}
                    """));
            assertThat(mock.ask(structured(surface)).text()).isEqualTo("{\"findings\":[]}");
            JsonNode format = JSON.readTree(mock.server.takeRequest().getBody().utf8()).get("response_format");
            assertThat(format.get("type").asText()).isEqualTo("json_schema");
            assertThat(format.at("/json_schema/name").asText()).isEqualTo("holistic_analysis");
            assertThat(format.at("/json_schema/strict").asBoolean()).isTrue();
        }
    }
}
