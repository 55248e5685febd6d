package com.propertyaudit.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyaudit.domain.AnswerScore;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AnswerScorerConcurrencyTest {

    @Test
    void oneScorerSharedByManyThreadsGivesTheSameScoresAsOneThread() {
        AnswerScorer scorer = new AnswerScorer(Scoring.property("Harbor Point Lofts", List.of("HPL"),
                List.of("harborpointlofts.com"), Scoring.competitor("The Yard"), Scoring.competitor("Dock")));
        List<String> texts = IntStream.range(0, 4000)
                .mapToObj(i -> "Answer " + i + ": " + (i % 3 == 0 ? "HPL then The Yard" : "Dock, The Yard, HPL")
                        + " via https://site" + (i % 50) + ".example.com/x and harborpointlofts.com.")
                .toList();
        List<AnswerScore> sequential = texts.stream().map(t -> scorer.score(t, List.of())).toList();

        List<AnswerScore> parallel = texts.parallelStream().map(t -> scorer.score(t, List.of())).toList();

        assertThat(parallel).isEqualTo(sequential);
    }
}
