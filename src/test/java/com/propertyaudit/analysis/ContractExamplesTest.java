package com.propertyaudit.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.propertyaudit.domain.AnswerScore;
import com.propertyaudit.domain.Citation;
import com.propertyaudit.domain.Property;
import com.propertyaudit.store.PropertyJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The worked examples shipped with score-cli.md, scored and rendered as result lines. */
class ContractExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyExampleAnswerScoresAsExpected() throws IOException {
        Property property;
        try (InputStream in = resource("property.json")) {
            property = PropertyJson.read(in, "property.json");
        }
        List<String> answers = lines("answers.jsonl");
        List<String> expected = lines("expected.jsonl");
        assertThat(answers).hasSize(expected.size()).isNotEmpty();

        AnswerScorer scorer = new AnswerScorer(property);
        for (int i = 0; i < answers.size(); i++) {
            JsonNode answer = JSON.readTree(answers.get(i));
            String text = answer.path("text").isTextual() ? answer.get("text").asText() : null;
            List<Citation> citations = new ArrayList<>();
            for (JsonNode c : answer.path("citations")) {
                citations.add(new Citation(c.get("url").asText(), c.path("title").asText(null)));
            }
            AnswerScore score = scorer.score(text, citations);

            JsonNode actual = ScoreJson.toResultLine(answer.get("id").asText(), score);
            assertThat(actual).as("result for %s", answer.get("id").asText())
                    .isEqualTo(JSON.readTree(expected.get(i)));
        }
    }

    private static List<String> lines(String name) throws IOException {
        try (InputStream in = resource(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank())
                    .toList();
        }
    }

    private static InputStream resource(String name) {
        InputStream in = ContractExamplesTest.class.getResourceAsStream("/examples/score/" + name);
        assertThat(in).as("test resource %s", name).isNotNull();
        return in;
    }
}
