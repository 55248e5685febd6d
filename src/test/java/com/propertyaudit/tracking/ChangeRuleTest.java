package com.propertyaudit.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyaudit.analysis.insights.BatchComparison;
import com.propertyaudit.analysis.insights.BatchComparison.Delta;
import com.propertyaudit.analysis.insights.Measures;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The change rule on deltas named as the comparison names them: a surface's visibility decides when the mention rate did not move. */
class ChangeRuleTest {

    static final UUID PREVIOUS = UUID.fromString("00000000-0000-0000-0000-000000000001");

    @Test
    void aSignificantVisibilityDropDecidesWhenTheMentionRateHeldAndTheAlertNamesTheSurface() {
        List<Delta> deltas = List.of(
                new Delta(BatchComparison.BRAND_MENTION_RATE, 80.0, 77.8, -2.2, 0.99, "McNemar on 36 paired query-surface outcomes", false),
                new Delta(BatchComparison.BRAND_SOV, 18.0, 17.0, -1.0, null, null, false),
                new Delta(Measures.VISIBILITY_SCORE + " · simulated:demo", 60.0, 41.0, -19.0, 0.004, "z-test", true),
                new Delta(Measures.VISIBILITY_SCORE + " · simulated:demo+web", 66.0, 64.0, -2.0, 0.7, "z-test", false));

        Change c = ChangeRule.of(PREVIOUS, deltas);

        assertThat(c.surface()).isEqualTo("simulated:demo");
        assertThat(c.visibilityDelta()).isEqualTo(Map.of("simulated:demo", -19.0, "simulated:demo+web", -2.0));
        assertThat(c.mentionRateDelta()).isEqualTo(-2.2);
        assertThat(c.test()).isEqualTo("z-test");
        assertThat(c.alert()).isTrue();
        String text = AlertText.of("Domain San Diego", c, new BatchNumbers(77.8, 17.0, Map.of("simulated:demo", 41.0)),
                "the batch of 2026-12-01 06:00 UTC", false);
        assertThat(text).startsWith("Significant drop for Domain San Diego: visibility score on simulated:demo fell 19.0"
                + " points (60.0 \u2192 41.0)");
    }

    @Test
    void theMentionRateSpeaksFirstAndIsNotASurface() {
        List<Delta> deltas = List.of(
                new Delta(BatchComparison.BRAND_MENTION_RATE, 90.0, 30.0, -60.0, 0.0003, "McNemar on 36 paired query-surface outcomes", true),
                new Delta(Measures.VISIBILITY_SCORE + " · simulated:demo", 60.0, 20.0, -40.0, 0.0001, "z-test", true));

        Change c = ChangeRule.of(PREVIOUS, deltas);

        assertThat(c.metric()).isEqualTo(BatchComparison.BRAND_MENTION_RATE);
        assertThat(c.surface()).isNull();
        assertThat(c.test()).isEqualTo("mcnemar");
    }
}
