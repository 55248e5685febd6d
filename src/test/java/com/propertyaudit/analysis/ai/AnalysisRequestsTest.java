package com.propertyaudit.analysis.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.propertyaudit.analysis.insights.Insights;
import com.propertyaudit.domain.BatchStatus;
import com.propertyaudit.domain.Mention;
import com.propertyaudit.domain.OutcomeCounts;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The analysis requests' schemas and the checks on what a model returned. */
class AnalysisRequestsTest {

    static final List<String> SURFACES = List.of("openai:gpt-5", "anthropic:claude-sonnet-4-5");

    static HolisticRequest holistic() {
        Insights in = new Insights(UUID.randomUUID(), "Domain San Diego", Instant.parse("2026-12-01T10:00:00Z"),
                new Insights.StatusView(BatchStatus.COMPLETE, "All models complete", 2, 2, 0, 0, 0, 0, 0),
                new Insights.Summary(45.25, Insights.Rate.of(3, 4), "Pinnacle on the Park", 4, OutcomeCounts.NONE,
                        Map.of("openai:gpt-5", new Insights.Visibility(67.54, 2, new double[] {40.0, 90.0})),
                        new Insights.Unbranded(0, 0, null, Insights.Rate.of(0, 0))),
                List.of(new Insights.CompetitorRow("Pinnacle on the Park", 3, 33.333, 1.5, Map.of("openai:gpt-5", 2))),
                List.of(new Insights.DomainRow("yelp.com", 2, 50.0, Map.of("openai:gpt-5", 2), 0)),
                new Insights.Agreement(2, 1, 0, Map.of("openai:gpt-5", 1), 50.0, 0.123, "cohen", List.of()));
        List<AnswerFacts> facts = List.of(
                new AnswerFacts(1, "openai:gpt-5", 1, 1, List.of(), List.of("yelp.com"), "Domain San Diego is great."),
                new AnswerFacts(2, "anthropic:claude-sonnet-4-5", 1, null, List.of(), List.of(), "Try Park 12."));
        return new HolisticRequest(in, "Domain San Diego", SURFACES, List.of("luxury apartments", "pet friendly"), facts,
                Map.of("Domain San Diego", new SentimentCounts(1, 0, 0)));
    }

    @Test
    void theHolisticPromptCarriesNumbersWithOneDecimalAndExcerpts() throws Exception {
        HolisticRequest r = holistic();
        JsonNode data = r.data();
        assertThat(data.at("/numbers/brandShareOfVoice").asDouble()).isEqualTo(45.3);
        assertThat(data.at("/numbers/brandMentionRate").asDouble()).isEqualTo(75.0);
        assertThat(data.at("/numbers/bySurface/openai:gpt-5/visibility").asDouble()).isEqualTo(67.5);
        assertThat(data.at("/numbers/competitors/0/shareOfVoice").asDouble()).isEqualTo(33.3);
        assertThat(data.at("/numbers/agreement/kappa").asDouble()).isEqualTo(0.12);
        assertThat(data.at("/numbers/brandSentiment/positive").asInt()).isEqualTo(1);
        assertThat(data.at("/queries/1/answers/0/excerpt").asText()).isEqualTo("Try Park 12.");
        assertThat(r.prompt()).contains("DATA:\n{");
    }

    @Test
    void schemasAreStrictEverywhere() {
        assertStrict(holistic().schema());
        SentimentRequest s = new SentimentRequest(List.of(new SentimentRequest.Task(7, "text", List.of("A", "B"))));
        assertStrict(s.schema());
        assertThat(s.schema().at("/properties/results/items/properties/entity/enum")).hasSize(2);
    }

    static void assertStrict(JsonNode schema) {
        if (schema.isObject() && "object".equals(schema.path("type").asText())) {
            assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
            assertThat(schema.path("required").size()).isEqualTo(schema.path("properties").size());
        }
        for (Iterator<JsonNode> it = schema.elements(); it.hasNext(); ) assertStrict(it.next());
    }

    @Test
    void itemsWhoseEvidenceNamesAQueryOrSurfaceNotInTheBatchAreDroppedAndCounted() {
        HolisticAnalysis a = holistic().read("""
                {"consensus":[{"finding":"ok","evidence":[{"query":1,"surfaces":["openai:gpt-5"]}],"confidence":"high"},
                              {"finding":"query 3 does not exist","evidence":[{"query":3,"surfaces":[]}],"confidence":"high"},
                              {"finding":"no evidence","evidence":[],"confidence":"low"}],
                 "divergences":[{"finding":"unknown surface","evidence":[{"query":2,"surfaces":["gemini:gemini-2.5-pro"]}],
                                 "confidence":"medium"}],
                 "recommendations":[{"action":"Do it","why":"because","evidence":[{"query":2,"surfaces":[]}],"confidence":"medium"},
                                    {"action":"Half traced","why":"x","evidence":[{"query":2,"surfaces":[]},{"query":0,"surfaces":[]}],
                                     "confidence":"low"}]}""");
        assertThat(a.consensus()).extracting(Finding::text).containsExactly("ok");
        assertThat(a.divergences()).isEmpty();
        assertThat(a.recommendations()).extracting(Finding::text).containsExactly("Do it");
        assertThat(a.recommendations().get(0).why()).isEqualTo("because");
        assertThat(a.droppedItems()).isEqualTo(4);
        HolisticAnalysis back = AnalysisJson.readItems(AnalysisJson.items(a));
        assertThat(back).isEqualTo(a);
    }

    @Test
    void aReplyThatIsNotTheSchemasJsonFailsWithASentence() {
        assertThat(assertThrows(AnalysisFailure.class, () -> holistic().read("{\"consensus\":[")).getMessage())
                .contains("not JSON");
        assertThat(assertThrows(AnalysisFailure.class, () -> holistic().read("{\"findings\":[]}")).getMessage())
                .contains("did not follow the schema");
        SentimentRequest s = new SentimentRequest(List.of(new SentimentRequest.Task(7, "t", List.of("A"))));
        assertThrows(AnalysisFailure.class, () -> s.read("[]"));
    }

    @Test
    void sentimentKeepsOnlyPairsThatWereAskedAbout() {
        SentimentRequest s = new SentimentRequest(List.of(new SentimentRequest.Task(7, "t", List.of("A")),
                new SentimentRequest.Task(9, "u", List.of("A", "B"))));
        List<EntitySentiment> read = s.read("""
                {"results":[{"answer":1,"entity":"A","sentiment":"positive","evidence":"A is great."},
                            {"answer":1,"entity":"B","sentiment":"negative","evidence":"B was not in answer 1."},
                            {"answer":2,"entity":"B","sentiment":"negative","evidence":"Avoid B."},
                            {"answer":3,"entity":"A","sentiment":"neutral","evidence":"no answer 3"},
                            {"answer":2,"entity":"A","sentiment":"ecstatic","evidence":"not a sentiment"}]}""");
        assertThat(read).containsExactlyInAnyOrder(new EntitySentiment(7, "A", Sentiment.POSITIVE, "A is great."),
                new EntitySentiment(9, "B", Sentiment.NEGATIVE, "Avoid B."));
        assertThat(SentimentRequest.chunks(java.util.Collections.nCopies(17, new SentimentRequest.Task(1, "t",
                List.of("A"))))).hasSize(3);
    }

    @Test
    void anAnswerThatDoesNotKnowTheEntityIsNeutralUnknown() {
        String text = "I couldn't find specific information about Domain San Diego. Other options: Park 12.";
        int at = text.indexOf("Domain");
        assertThat(UnknownEntity.sentence(text, List.of(new Mention("Domain San Diego", true, at, at + 16))))
                .startsWith("I couldn't find");
        String known = "Domain San Diego has a rooftop pool. I couldn't find prices for it.";
        assertThat(UnknownEntity.sentence(known, List.of(new Mention("Domain San Diego", true, 0, 16)))).isNull();
        assertThat(new SentimentCounts(0, 0, 0).plus(Sentiment.UNKNOWN)).isEqualTo(new SentimentCounts(0, 1, 0));
    }
}
