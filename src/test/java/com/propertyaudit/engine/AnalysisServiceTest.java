package com.propertyaudit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.propertyaudit.analysis.ai.AnalysisRecord;
import com.propertyaudit.analysis.ai.SentimentCounts;
import com.propertyaudit.analysis.discovery.DiscoveredName;
import com.propertyaudit.analysis.insights.InsightsJson;
import com.propertyaudit.domain.AuditQuery;
import com.propertyaudit.domain.Batch;
import com.propertyaudit.domain.BatchStatus;
import com.propertyaudit.domain.Competitor;
import com.propertyaudit.domain.Location;
import com.propertyaudit.domain.Property;
import com.propertyaudit.domain.Run;
import com.propertyaudit.domain.Surface;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analysis of a batch against stand-ins speaking OpenAI's and Anthropic's wire formats: a batch on
 * two surfaces, then phase 2 and the holistic analysis with structured output; evidence outside the
 * batch dropped; a cut-off reply failing the analysis and leaving the insights as they were; a batch
 * still running refused.
 */
class AnalysisServiceTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Surface GPT = Surface.parse("openai:gpt-5");
    static final Surface CLAUDE = Surface.parse("anthropic:claude-sonnet-4-5");
    static final Property PROPERTY = new Property("Domain San Diego", List.of(), List.of("domainsandiego.com"),
            new Location("San Diego", "CA", "East Village"), List.of(Competitor.named("Pinnacle on the Park")),
            List.of(new AuditQuery("best luxury apartments in East Village San Diego", null),
                    new AuditQuery("pet friendly apartments downtown San Diego", null)));

    @TempDir
    Path home;

    final MockWebServer server = new MockWebServer();
    final List<JsonNode> analysisRequests = new CopyOnWriteArrayList<>();
    volatile boolean cutOff;
    Workspace ws;

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                try {
                    return reply(request);
                } catch (Exception e) {
                    return new MockResponse.Builder().code(500).body(e.toString()).build();
                }
            }
        });
        server.start();
        String base = server.url("/").toString().replaceAll("/$", "");
        ws = Workspace.open(home, null, Map.of("OPENAI_BASE_URL", base + "/v1", "ANTHROPIC_BASE_URL", base,
                "OPENAI_API_KEY", "sk-proj-SECRETopenai1234", "ANTHROPIC_API_KEY", "sk-ant-api03-SECRETclaude5678"));
    }

    @AfterEach
    void stop() {
        ws.close();
        server.close();
    }

    MockResponse reply(RecordedRequest request) throws Exception {
        JsonNode body = JSON.readTree(request.getBody().utf8());
        boolean anthropic = request.getUrl().encodedPath().endsWith("/v1/messages");
        boolean structured = anthropic ? body.has("tool_choice") : body.has("response_format");
        if (!structured) return ok(anthropic ? anthropicText(body) : openAiText(body, answerText(body, false)));
        analysisRequests.add(body);
        String schema = anthropic ? body.path("tool_choice").path("name").asText()
                : body.path("response_format").path("json_schema").path("name").asText();
        String prompt = anthropic ? body.path("messages").path(0).path("content").asText()
                : body.path("messages").path(1).path("content").asText();
        JsonNode data = JSON.readTree(prompt.substring(prompt.indexOf("DATA:\n") + 6));
        ObjectNode result = schema.equals("answer_sentiment") ? sentiment(data) : holistic();
        if (anthropic) {
            ObjectNode msg = JSON.createObjectNode().put("id", "msg_1").put("type", "message").put("role", "assistant");
            msg.putArray("content").addObject().put("type", "tool_use").put("id", "toolu_1").put("name", schema)
                    .set("input", result);
            msg.put("stop_reason", "tool_use");
            msg.putObject("usage").put("input_tokens", 900).put("output_tokens", 300);
            return ok(msg.toString());
        }
        String content = result.toString();
        ObjectNode chat = JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion");
        ObjectNode choice = chat.putArray("choices").addObject();
        choice.putObject("message").put("role", "assistant").put("content",
                cutOff && schema.equals("holistic_analysis") ? content.substring(0, content.length() / 2) : content);
        choice.put("finish_reason", cutOff && schema.equals("holistic_analysis") ? "length" : "stop");
        chat.putObject("usage").put("prompt_tokens", 1000).put("completion_tokens", 400);
        return ok(chat.toString());
    }

    static String answerText(JsonNode body, boolean anthropic) {
        String q = anthropic ? body.path("messages").path(0).path("content").asText()
                : body.path("messages").path(body.path("messages").size() - 1).path("content").asText();
        if (q.contains("luxury")) {
            return "Top luxury picks:\n\n1. **Domain San Diego** – a rooftop deck and great views.\n"
                    + "2. **Pinnacle on the Park** – residents report noise complaints on game days.\n"
                    + "3. **The Rey** – two towers with a huge pool deck.\n";
        }
        return anthropic ? "I couldn't find information about Domain San Diego. Pet-friendly options:\n\n"
                + "- **Park 12** – dog run on the roof.\n- **The Rey** – pet spa.\n"
                : "Pet-friendly options:\n\n- **Park 12** – dog run.\n- **Pinnacle on the Park** – allows two pets.\n";
    }

    static String openAiText(JsonNode body, String text) {
        ObjectNode chat = JSON.createObjectNode();
        ObjectNode choice = chat.putArray("choices").addObject();
        choice.putObject("message").put("role", "assistant").put("content", text);
        choice.put("finish_reason", "stop");
        chat.putObject("usage").put("prompt_tokens", 20).put("completion_tokens", 60);
        return chat.toString();
    }

    static String anthropicText(JsonNode body) {
        ObjectNode msg = JSON.createObjectNode().put("type", "message").put("stop_reason", "end_turn");
        msg.putArray("content").addObject().put("type", "text").put("text", answerText(body, true));
        msg.putObject("usage").put("input_tokens", 20).put("output_tokens", 60);
        return msg.toString();
    }

    static ObjectNode sentiment(JsonNode data) {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode results = out.putArray("results");
        for (JsonNode a : data.path("answers")) {
            for (JsonNode e : a.path("entities")) {
                boolean negative = a.path("text").asText().contains("noise complaints") && e.asText().startsWith("Pinnacle");
                results.addObject().put("answer", a.path("answer").asInt()).put("entity", e.asText())
                        .put("sentiment", negative ? "negative" : "positive").put("evidence", "quoted sentence");
            }
        }
        return out;
    }

    /** One item of each kind that holds, one naming a query not in the batch, one naming a surface not in it. */
    static ObjectNode holistic() throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"consensus":[{"finding":"Both models name Domain San Diego for luxury queries",
                   "evidence":[{"query":1,"surfaces":["openai:gpt-5","anthropic:claude-sonnet-4-5"]}],"confidence":"high"},
                  {"finding":"Invented","evidence":[{"query":9,"surfaces":["openai:gpt-5"]}],"confidence":"high"}],
                 "divergences":[{"finding":"Only GPT names Pinnacle for pets","evidence":[{"query":2,"surfaces":["openai:gpt-5"]}],
                   "confidence":"medium"},
                  {"finding":"Gemini disagrees","evidence":[{"query":2,"surfaces":["gemini:gemini-2.5-flash"]}],"confidence":"low"}],
                 "recommendations":[{"action":"Publish a pet policy page","why":"Claude does not know the property",
                   "evidence":[{"query":2,"surfaces":[]}],"confidence":"medium"}]}""");
    }

    static MockResponse ok(String body) {
        return new MockResponse.Builder().code(200).setHeader("content-type", "application/json").body(body).build();
    }

    UUID runBatch() throws Exception {
        ws.properties().save(PROPERTY);
        BatchHandle h = ws.engine(EngineOptions.defaults()).start(PROPERTY, List.of(GPT, CLAUDE), 1, "{}", e -> { });
        assertThat(h.done().get(60, TimeUnit.SECONDS)).isEqualTo(BatchStatus.COMPLETE);
        return h.batchId();
    }

    @Test
    void oneStructuredRequestWithTheComputedNumbersAndEvidenceOutsideTheBatchDropped() throws Exception {
        UUID batch = runBatch();
        AnalysisRecord r = ws.analysis().analyze(batch, GPT);

        assertThat(r.status()).isEqualTo(AnalysisRecord.Status.COMPLETED);
        assertThat(r.error()).isNull();
        assertThat(r.analysis().consensus()).hasSize(1);
        assertThat(r.analysis().divergences()).hasSize(1);
        assertThat(r.analysis().recommendations()).hasSize(1);
        assertThat(r.analysis().droppedItems()).isEqualTo(2);
        // One sentiment request (four answers fit in one), then the holistic one: both structured, 4000 tokens.
        assertThat(analysisRequests).hasSize(2);
        for (JsonNode body : analysisRequests) {
            assertThat(body.path("max_completion_tokens").asInt()).isEqualTo(4000);
            assertThat(body.path("response_format").path("json_schema").path("strict").asBoolean()).isTrue();
        }
        String holistic = analysisRequests.get(1).path("messages").path(1).path("content").asText();
        JsonNode data = JSON.readTree(holistic.substring(holistic.indexOf("DATA:\n") + 6));
        assertThat(data.at("/numbers/brandMentionRate").asDouble()).isEqualTo(75.0);
        assertThat(data.at("/numbers/brandMentionRateCI").isArray()).isTrue();
        assertThat(data.at("/numbers/bySurface/openai:gpt-5/visibility").isNumber()).isTrue();
        assertThat(data.at("/numbers/agreement/rate").isNumber()).isTrue();
        assertThat(data.at("/queries/0/answers").size()).isEqualTo(2);
        assertThat(data.at("/queries/0/answers/0/excerpt").asText().length()).isLessThanOrEqualTo(241);
        assertThat(r.inputTokens()).isEqualTo(2000);
        assertThat(r.outputTokens()).isEqualTo(800);
        assertThat(r.costUsd()).isPositive();

        Map<String, SentimentCounts> sentiment = ws.analysis().sentiment(batch);
        // Claude's answer says it does not know the property: neutral-unknown, never asked of a model.
        assertThat(sentiment.get("Domain San Diego")).isEqualTo(new SentimentCounts(2, 1, 0));
        assertThat(sentiment.get("Pinnacle on the Park")).isEqualTo(new SentimentCounts(1, 0, 2));
        List<DiscoveredName> found = ws.discovery().discovered(batch);
        assertThat(found).extracting(DiscoveredName::name).containsExactly("The Rey", "Park 12");
        assertThat(found.get(0).answers()).isEqualTo(3);

        // Asked once: a second analysis asks only for the holistic analysis again.
        ws.analysis().analyze(batch, GPT);
        assertThat(analysisRequests).hasSize(3);
        assertThat(ws.analysis().sentiment(batch)).isEqualTo(sentiment);

        JsonNode insights = InsightsJson.toJson(ws.insights().insights(batch).orElseThrow(),
                new InsightsJson.Why(ws.analysis().latest(batch).orElse(null), found, sentiment));
        assertThat(insights.at("/analysis/status").asText()).isEqualTo("completed");
        assertThat(insights.at("/analysis/droppedItems").asInt()).isEqualTo(2);
        assertThat(insights.at("/discovered/0/name").asText()).isEqualTo("The Rey");
        assertThat(insights.at("/discovered/0/bySurface/anthropic:claude-sonnet-4-5").asInt()).isEqualTo(2);
        assertThat(insights.at("/competitors/0/sentiment/negative").asInt()).isEqualTo(2);
        assertThat(insights.at("/summary/brandSentiment/neutral").asInt()).isEqualTo(1);
    }

    @Test
    void anthropicWritesTheAnalysisThroughToolUse() throws Exception {
        UUID batch = runBatch();
        AnalysisRecord r = ws.analysis().analyze(batch, CLAUDE);
        assertThat(r.status()).isEqualTo(AnalysisRecord.Status.COMPLETED);
        assertThat(r.surface()).isEqualTo("anthropic:claude-sonnet-4-5");
        assertThat(analysisRequests.get(analysisRequests.size() - 1).path("tool_choice").path("name").asText())
                .isEqualTo("holistic_analysis");
        assertThat(r.analysis().consensus()).hasSize(1);
    }

    @Test
    void aCutOffReplyFailsWithASentenceAndLeavesTheInsightsAsTheyWere() throws Exception {
        UUID batch = runBatch();
        String before = InsightsJson.toJson(ws.insights().insights(batch).orElseThrow()).toString();
        List<Run> runsBefore = ws.batches().runs(batch);
        cutOff = true;
        AnalysisRecord r = ws.analysis().analyze(batch, GPT);
        assertThat(r.status()).isEqualTo(AnalysisRecord.Status.FAILED);
        assertThat(r.error()).contains("cut off at the token limit");
        assertThat(r.analysis()).isNull();
        assertThat(InsightsJson.toJson(ws.insights().insights(batch).orElseThrow()).toString()).isEqualTo(before);
        assertThat(ws.batches().runs(batch)).isEqualTo(runsBefore);

        // A later completed attempt replaces the failure; a failure after it keeps its items.
        cutOff = false;
        assertThat(ws.analysis().analyze(batch, GPT).status()).isEqualTo(AnalysisRecord.Status.COMPLETED);
        cutOff = true;
        AnalysisRecord again = ws.analysis().analyze(batch, GPT);
        assertThat(again.status()).isEqualTo(AnalysisRecord.Status.FAILED);
        assertThat(again.analysis().consensus()).hasSize(1);
    }

    @Test
    void aBatchWithARunNotEndedIsNotAnalysedAndNothingIsAsked() {
        ws.properties().save(PROPERTY);
        Batch batch = new Batch(UUID.randomUUID(), PROPERTY.name(), PROPERTY, 1, "{}", Instant.now(), null);
        List<Run> runs = new ArrayList<>(List.of(Run.queued(batch.id(), 2, GPT, 2), Run.queued(batch.id(), 2, CLAUDE, 2)));
        ws.batches().create(batch, runs, "test");
        AnalysisService.NotAnalysable e = assertThrows(AnalysisService.NotAnalysable.class,
                () -> ws.analysis().analyze(batch.id(), GPT));
        assertThat(e.getMessage()).contains("2 run(s) that have not ended");
        assertThat(analysisRequests).isEmpty();
        assertThat(ws.analysis().latest(batch.id())).isEmpty();
    }

    @Test
    void theEstimateBeforeARunGrowsWithTheAnswersAndIsFreeWithoutAPrice() {
        var prices = com.propertyaudit.llm.PriceTable.defaults();
        double small = AnalysisService.estimateUsd(prices, GPT, 36);
        assertThat(small).isPositive();
        assertThat(AnalysisService.estimateUsd(prices, GPT, 72)).isGreaterThan(small);
        assertThat(AnalysisService.estimateUsd(prices, Surface.parse("simulated:demo"), 36)).isZero();
    }
}
