package com.propertyaudit.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.propertyaudit.domain.AnswerScore;
import com.propertyaudit.domain.EntityRank;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void writesTheContractsFieldsInOrder() throws Exception {
        AnswerScore s = new AnswerScore(true, 2, false, List.of(new EntityRank("The Yard", 1)),
                List.of("theyardpdx.com", "yelp.com"), 65.0, List.of());
        assertThat(JSON.writeValueAsString(ScoreJson.toResultLine("q1-openai-1", s))).isEqualTo(
                "{\"id\":\"q1-openai-1\",\"brand\":{\"mentioned\":true,\"rank\":2,\"cited\":false},"
                        + "\"competitors\":[{\"name\":\"The Yard\",\"rank\":1}],"
                        + "\"citedDomains\":[\"theyardpdx.com\",\"yelp.com\"],\"score\":65.0}");
    }

    @Test
    void anUnmentionedBrandHasANullRank() throws Exception {
        assertThat(JSON.writeValueAsString(ScoreJson.toResultLine("e", AnswerScore.EMPTY))).isEqualTo(
                "{\"id\":\"e\",\"brand\":{\"mentioned\":false,\"rank\":null,\"cited\":false},"
                        + "\"competitors\":[],\"citedDomains\":[],\"score\":0.0}");
    }
}
