package com.propertyaudit.analysis.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgreementTest {

    @Test
    void aQueryMissingASurfacesAnswerIsNotADisagreement() {
        Insights.QueryAgreement disagree = new Insights.QueryAgreement(0, "q1", false,
                Map.of("a", Insights.Rate.of(1, 1), "b", Insights.Rate.of(0, 1)), Map.of("a", true, "b", false), false);
        Insights.QueryAgreement missing = new Insights.QueryAgreement(1, "q2", false,
                Map.of("a", Insights.Rate.of(1, 1), "b", Insights.Rate.of(0, 0)), Map.of("a", true), false);
        Insights.QueryAgreement allFailed = new Insights.QueryAgreement(2, "q3", false,
                Map.of("a", Insights.Rate.of(0, 0), "b", Insights.Rate.of(0, 0)), Map.of(), false);
        Insights.Agreement a = new Insights.Agreement(1, 0, 0, Map.of(), 0.0, null, "cohen",
                List.of(disagree, missing, allFailed));
        assertThat(a.disagreements()).containsExactly(disagree);
        assertThat(missing.complete()).isFalse();
        assertThat(disagree.complete()).isTrue();
    }
}
