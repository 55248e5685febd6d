package com.propertyaudit.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.propertyaudit.domain.AnswerOutcome;
import com.propertyaudit.domain.Surface;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

/** The Simulated analyst: offline, deterministic, reading the prompt's DATA, saying it is simulated. */
class SimulatedAnalystTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Surface DEMO = Surface.parse("simulated:demo");

    static LlmResponse ask(String schema, String data) throws Exception {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            ObjectNode s = JSON.createObjectNode().put("type", "object");
            return new SimulatedClient(timer, Duration.ZERO).ask(new LlmRequest(DEMO, "Instructions.\n\nDATA:\n" + data,
                    null, 4000, 0, null, new OutputSchema(schema, s))).get();
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void judgesSentimentFromTheEntitysSentence() throws Exception {
        String data = """
                {"answers":[{"answer":1,"entities":["The Rey","Park 12"],
                  "text":"1. **The Rey** – known for a rooftop pool.\\n2. **Park 12** – residents complain about noise."}]}""";
        LlmResponse r = ask("answer_sentiment", data);
        assertThat(r.outcome()).isEqualTo(AnswerOutcome.COMPLETED);
        assertThat(r.note()).contains("Simulated analyst");
        JsonNode results = JSON.readTree(r.text()).path("results");
        assertThat(results.path(0).path("sentiment").asText()).isEqualTo("positive");
        assertThat(results.path(1).path("sentiment").asText()).isEqualTo("negative");
        assertThat(results.path(1).path("evidence").asText()).contains("complain about noise");
        assertThat(ask("answer_sentiment", data).text()).isEqualTo(r.text());
    }

    @Test
    void findsConsensusAndDivergenceInThePerQueryOutcomes() throws Exception {
        String data = """
                {"property":"Domain","surfaces":["a:x","b:y"],"numbers":{"citedDomains":[{"domain":"yelp.com","citations":2}]},
                 "queries":[{"query":1,"text":"q1","answers":[{"surface":"a:x","brandRank":1,"cited":["yelp.com"]},
                                                              {"surface":"b:y","brandRank":2,"cited":[]}]},
                            {"query":2,"text":"q2","answers":[{"surface":"a:x","brandRank":null,"cited":[]},
                                                              {"surface":"b:y","brandRank":3,"cited":[]}]}]}""";
        JsonNode out = JSON.readTree(ask("holistic_analysis", data).text());
        assertThat(out.at("/consensus/0/evidence/0/query").asInt()).isEqualTo(1);
        assertThat(out.at("/divergences/0/finding").asText()).startsWith("b:y names Domain");
        assertThat(out.at("/recommendations/0/action").asText()).contains("yelp.com");
    }
}
