package com.propertyaudit.analysis.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyaudit.domain.AnswerScore;
import com.propertyaudit.domain.AuditQuery;
import com.propertyaudit.domain.Batch;
import com.propertyaudit.domain.Property;
import com.propertyaudit.domain.Run;
import com.propertyaudit.domain.RunStatus;
import com.propertyaudit.domain.StoredAnswer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchComparisonTest {

    static final Property P = Property.named("Harbor Point Lofts").withQueries(
            IntStream.range(0, 30).mapToObj(i -> new AuditQuery("q" + i, null)).toList());

    static Insights batch(int namedQueries) {
        Batch b = new Batch(UUID.randomUUID(), P.name(), P, 1, "{}", Instant.EPOCH, null);
        Run run = new Run(UUID.randomUUID(), b.id(), 1, com.propertyaudit.domain.Surface.parse("openai:gpt-5"),
                RunStatus.COMPLETED, 30, null, null, null, 0, 0, 0, null);
        List<StoredAnswer> answers = new ArrayList<>();
        for (int q = 0; q < 30; q++) {
            AnswerScore s = q < namedQueries ? InsightsCalculatorTest.score(1, false, List.of(), List.of())
                    : AnswerScore.EMPTY;
            answers.add(new StoredAnswer(new com.propertyaudit.domain.Answer(q, run.id(), q, "q" + q, null, 1,
                    com.propertyaudit.domain.AnswerOutcome.COMPLETED, "…", List.of(), null, null, null, null, null, 1, 1,
                    1, Instant.EPOCH, List.of()), s));
        }
        return InsightsCalculator.compute(b, List.of(run), answers, q -> false);
    }

    @Test
    void aLargePairedChangeIsSignificant() {
        // 20 of 30 queries lose the brand: McNemar exact, b=20, c=0 → p ≈ 1.9e-6
        BatchComparison.Delta d = BatchComparison.compare(batch(25), batch(5)).get(0);
        assertThat(d.metric()).isEqualTo("Brand mention rate");
        assertThat(d.change()).isCloseTo(-66.667, org.assertj.core.data.Offset.offset(0.001));
        assertThat(d.test()).startsWith("McNemar");
        assertThat(d.significant()).isTrue();
    }

    @Test
    void aSmallChangeIsNoise() {
        // 2 of 30 queries change: b=2, c=0 → p = 0.5
        BatchComparison.Delta d = BatchComparison.compare(batch(12), batch(10)).get(0);
        assertThat(d.pValue()).isEqualTo(0.5);
        assertThat(d.significant()).isFalse();
    }
}
