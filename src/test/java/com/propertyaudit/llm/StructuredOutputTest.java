package com.propertyaudit.llm;

import static com.propertyaudit.llm.MockProvider.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.propertyaudit.domain.AnswerOutcome;
import com.propertyaudit.domain.Surface;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Structured output on the wire: each provider's schema request, its JSON reply, a cut-off, a refusal, a 500. */
class StructuredOutputTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String SERVER_ERROR = "{\"error\":{\"message\":\"The server had an error.\",\"type\":\"server_error\"}}";

    MockProvider mock;

    @BeforeEach
    void start() throws Exception {
        mock = new MockProvider();
    }

    @AfterEach
    void stop() {
        mock.close();
    }

    static OutputSchema schema() {
        ObjectNode s = JSON.createObjectNode().put("type", "object").put("additionalProperties", false);
        s.putObject("properties").putObject("verdict").put("type", "string");
        s.putArray("required").add("verdict");
        return new OutputSchema("verdict", s);
    }

    static LlmRequest request(String surface) {
        return new LlmRequest(Surface.parse(surface), "Judge the batch.", "You are an analyst.", 4000, 1, null, schema());
    }

    LlmResponse ask(String surface) throws Exception {
        return mock.clients.forSurface(Surface.parse(surface)).ask(request(surface)).get(30, TimeUnit.SECONDS);
    }

    JsonNode sentBody() throws Exception {
        return JSON.readTree(mock.server.takeRequest().getBody().utf8());
    }

    @Test
    void openAiChatSendsAStrictJsonSchemaAndFourThousandCompletionTokens() throws Exception {
        mock.server.enqueue(json(200, """
                {"id":"chatcmpl-1","object":"chat.completion","model":"gpt-5","choices":[{"index":0,
                 "message":{"role":"assistant","content":"{\\"verdict\\":\\"fine\\"}","refusal":null},
                 "finish_reason":"stop"}],"usage":{"prompt_tokens":50,"completion_tokens":9}}"""));
        LlmResponse r = ask("openai:gpt-5");
        JsonNode body = sentBody();
        assertThat(body.path("max_completion_tokens").asInt()).isEqualTo(4000);
        assertThat(body.has("max_tokens")).isFalse();
        JsonNode format = body.path("response_format");
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        assertThat(format.path("json_schema").path("name").asText()).isEqualTo("verdict");
        assertThat(format.path("json_schema").path("strict").asBoolean()).isTrue();
        assertThat(format.path("json_schema").path("schema")).isEqualTo(schema().schema());
        assertThat(r.outcome()).isEqualTo(AnswerOutcome.COMPLETED);
        assertThat(JSON.readTree(r.text()).path("verdict").asText()).isEqualTo("fine");
    }

    @Test
    void olderOpenAiModelsGetMaxTokens() throws Exception {
        mock.server.enqueue(json(200, """
                {"choices":[{"message":{"role":"assistant","content":"{\\"verdict\\":\\"ok\\"}"},"finish_reason":"stop"}]}"""));
        ask("openai:gpt-4o");
        JsonNode body = sentBody();
        assertThat(body.path("max_tokens").asInt()).isEqualTo(4000);
        assertThat(body.has("max_completion_tokens")).isFalse();
    }

    @Test
    void openAiChatCutOffJsonIsTruncated() throws Exception {
        mock.server.enqueue(json(200, """
                {"choices":[{"message":{"role":"assistant","content":"{\\"verdict\\":\\"fi"},"finish_reason":"length"}],
                 "usage":{"prompt_tokens":50,"completion_tokens":4000}}"""));
        assertThat(ask("openai:gpt-5").outcome()).isEqualTo(AnswerOutcome.TRUNCATED);
    }

    @Test
    void openAiChatRefusalIsRefused() throws Exception {
        mock.server.enqueue(json(200, """
                {"choices":[{"message":{"role":"assistant","content":null,"refusal":"I can't help with that."},
                 "finish_reason":"stop"}]}"""));
        LlmResponse r = ask("openai:gpt-5");
        assertThat(r.outcome()).isEqualTo(AnswerOutcome.REFUSED);
    }

    @Test
    void openAiResponsesSendsTextFormatAndReadsTheOutputText() throws Exception {
        mock.server.enqueue(json(200, """
                {"id":"resp_1","object":"response","status":"completed","output":[{"type":"message","role":"assistant",
                 "content":[{"type":"output_text","text":"{\\"verdict\\":\\"fine\\"}","annotations":[]}]}],
                 "usage":{"input_tokens":40,"output_tokens":8}}"""));
        LlmResponse r = ask("openai:gpt-5+web");
        JsonNode body = sentBody();
        assertThat(body.path("max_output_tokens").asInt()).isEqualTo(4000);
        JsonNode format = body.path("text").path("format");
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        assertThat(format.path("name").asText()).isEqualTo("verdict");
        assertThat(format.path("strict").asBoolean()).isTrue();
        assertThat(format.path("schema")).isEqualTo(schema().schema());
        assertThat(JSON.readTree(r.text()).path("verdict").asText()).isEqualTo("fine");
    }

    @Test
    void openAiResponsesIncompleteAtMaxOutputTokensIsTruncated() throws Exception {
        mock.server.enqueue(json(200, """
                {"id":"resp_2","status":"incomplete","incomplete_details":{"reason":"max_output_tokens"},
                 "output":[{"type":"message","content":[{"type":"output_text","text":"{\\"verd","annotations":[]}]}]}"""));
        assertThat(ask("openai:gpt-5+web").outcome()).isEqualTo(AnswerOutcome.TRUNCATED);
    }

    @Test
    void openAiServerErrorsFailTheRequest() {
        for (int i = 0; i < 3; i++) mock.server.enqueue(json(500, SERVER_ERROR));
        CompletionException e = Assertions.assertThrows(CompletionException.class,
                () -> mock.clients.forSurface(Surface.parse("openai:gpt-5")).ask(request("openai:gpt-5")).join());
        assertThat(((LlmException) e.getCause()).kind()).isEqualTo(LlmException.Kind.RETRIES_EXHAUSTED);
    }

    @Test
    void anthropicForcesOneToolAndTheReplyIsItsInput() throws Exception {
        mock.server.enqueue(json(200, """
                {"id":"msg_1","type":"message","role":"assistant","model":"claude-sonnet-4-5",
                 "content":[{"type":"tool_use","id":"toolu_1","name":"verdict","input":{"verdict":"fine"}}],
                 "stop_reason":"tool_use","usage":{"input_tokens":60,"output_tokens":12}}"""));
        LlmResponse r = ask("anthropic:claude-sonnet-4-5");
        JsonNode body = sentBody();
        assertThat(body.path("max_tokens").asInt()).isEqualTo(4000);
        assertThat(body.path("tools")).hasSize(1);
        assertThat(body.path("tools").path(0).path("name").asText()).isEqualTo("verdict");
        assertThat(body.path("tools").path(0).path("input_schema")).isEqualTo(schema().schema());
        assertThat(body.path("tool_choice").path("type").asText()).isEqualTo("tool");
        assertThat(body.path("tool_choice").path("name").asText()).isEqualTo("verdict");
        assertThat(r.outcome()).isEqualTo(AnswerOutcome.COMPLETED);
        assertThat(JSON.readTree(r.text())).isEqualTo(JSON.readTree("{\"verdict\":\"fine\"}"));
        assertThat(r.outputTokens()).isEqualTo(12);
    }

    @Test
    void anthropicWebSurfaceWithASchemaSendsOnlyTheForcedTool() throws Exception {
        mock.server.enqueue(json(200, """
                {"content":[{"type":"tool_use","id":"toolu_1","name":"verdict","input":{"verdict":"x"}}],
                 "stop_reason":"tool_use","usage":{"input_tokens":1,"output_tokens":1}}"""));
        ask("anthropic:claude-sonnet-4-5+web");
        JsonNode tools = sentBody().path("tools");
        assertThat(tools).hasSize(1);
        assertThat(tools.path(0).path("name").asText()).isEqualTo("verdict");
    }

    @Test
    void anthropicCutOffAtMaxTokensIsTruncated() throws Exception {
        mock.server.enqueue(json(200, """
                {"content":[{"type":"tool_use","id":"toolu_1","name":"verdict","input":{}}],
                 "stop_reason":"max_tokens","usage":{"input_tokens":60,"output_tokens":4000}}"""));
        assertThat(ask("anthropic:claude-sonnet-4-5").outcome()).isEqualTo(AnswerOutcome.TRUNCATED);
    }

    @Test
    void anthropicRefusalIsRefused() throws Exception {
        mock.server.enqueue(json(200, """
                {"content":[],"stop_reason":"refusal","usage":{"input_tokens":60,"output_tokens":0}}"""));
        assertThat(ask("anthropic:claude-sonnet-4-5").outcome()).isEqualTo(AnswerOutcome.REFUSED);
    }

    @Test
    void anthropicTextWithoutTheToolIsEmpty() throws Exception {
        mock.server.enqueue(json(200, """
                {"content":[{"type":"text","text":"Here is my verdict: fine."}],"stop_reason":"end_turn",
                 "usage":{"input_tokens":60,"output_tokens":6}}"""));
        assertThat(ask("anthropic:claude-sonnet-4-5").outcome()).isEqualTo(AnswerOutcome.EMPTY);
    }

    @Test
    void anthropicServerErrorsFailTheRequest() {
        for (int i = 0; i < 3; i++) {
            mock.server.enqueue(json(500, "{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"Internal\"}}"));
        }
        CompletionException e = Assertions.assertThrows(CompletionException.class, () -> mock.clients
                .forSurface(Surface.parse("anthropic:claude-sonnet-4-5")).ask(request("anthropic:claude-sonnet-4-5")).join());
        assertThat(((LlmException) e.getCause()).kind()).isEqualTo(LlmException.Kind.RETRIES_EXHAUSTED);
    }
}
