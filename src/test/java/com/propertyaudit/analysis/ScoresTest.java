package com.propertyaudit.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.propertyaudit.domain.AnswerScore;
import com.propertyaudit.domain.Competitor;
import com.propertyaudit.domain.EntityRank;
import com.propertyaudit.domain.Property;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ScoresTest {

    private static final Property PROPERTY = Property.named("Harbor Point Lofts")
            .withCompetitors(List.of(Competitor.named("The Yard"), Competitor.named("Dock"), Competitor.named("Pinnacle")));

    private static AnswerScore answer(Integer brandRank, double score, EntityRank... competitors) {
        return new AnswerScore(brandRank != null, brandRank, false, List.of(competitors), List.of(), score, List.of());
    }

    private static EntityVisibility entity(List<EntityVisibility> all, String name) {
        return all.stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    @Nested
    class VisibilityScore {

        @Test
        void isTheMeanAnswerScore() {
            assertThat(Scores.visibilityScore(List.of(answer(1, 80.0), answer(null, 0.0), answer(3, 60.0))))
                    .hasValueCloseTo(46.666_666, within(1e-5));
        }

        @Test
        void isAbsentWithoutCompletedAnswers() {
            assertThat(Scores.visibilityScore(List.of())).isEmpty();
        }
    }

    @Nested
    class MentionRateAndShareOfVoice {

        private final List<EntityVisibility> all = Scores.entityVisibility(PROPERTY, List.of(
                answer(1, 80.0, new EntityRank("The Yard", 2)),
                answer(null, 0.0, new EntityRank("The Yard", 1), new EntityRank("Dock", 2)),
                answer(2, 65.0, new EntityRank("Dock", 1)),
                answer(null, 0.0)));

        @Test
        void listsTheBrandFirstThenCompetitorsInPropertyOrder() {
            assertThat(all).extracting(EntityVisibility::name)
                    .containsExactly("Harbor Point Lofts", "The Yard", "Dock", "Pinnacle");
            assertThat(all).extracting(EntityVisibility::brand).containsExactly(true, false, false, false);
        }

        @Test
        void mentionRateIsTheShareOfCompletedAnswers() {
            assertThat(entity(all, "Harbor Point Lofts").mentionRate()).isEqualTo(0.5);
            assertThat(entity(all, "Pinnacle").mentionRate()).isEqualTo(0.0);
        }

        @Test
        void shareOfVoiceIsOverAllEntitiesMentions() {
            assertThat(entity(all, "Harbor Point Lofts").shareOfVoice()).isEqualTo(100.0 / 3);
            assertThat(entity(all, "Dock").shareOfVoice()).isEqualTo(100.0 / 3);
            assertThat(all.stream().mapToDouble(EntityVisibility::shareOfVoice).sum()).isCloseTo(100.0, within(1e-9));
        }

        @Test
        void meanRankIsOverMentioningAnswersOnly() {
            assertThat(entity(all, "The Yard").meanRank()).isEqualTo(1.5);
            assertThat(entity(all, "Pinnacle").meanRank()).isNull();
        }

        @Test
        void nothingMentionedMeansZeroShares() {
            List<EntityVisibility> none = Scores.entityVisibility(PROPERTY, List.of(answer(null, 0.0)));
            assertThat(none).allSatisfy(e -> assertThat(e.shareOfVoice()).isZero());
        }
    }

    @Nested
    class TopCompetitor {

        @Test
        void isTheCompetitorInMostAnswers() {
            List<EntityVisibility> all = Scores.entityVisibility(PROPERTY, List.of(
                    answer(1, 80.0, new EntityRank("Dock", 2)),
                    answer(1, 80.0, new EntityRank("Dock", 3), new EntityRank("The Yard", 2)),
                    answer(1, 80.0)));
            assertThat(Scores.topCompetitor(all)).map(EntityVisibility::name).hasValue("Dock");
        }

        @Test
        void aTieGoesToTheBetterMeanRank() {
            List<EntityVisibility> all = Scores.entityVisibility(PROPERTY, List.of(
                    answer(null, 0.0, new EntityRank("Dock", 2), new EntityRank("The Yard", 1))));
            assertThat(Scores.topCompetitor(all)).map(EntityVisibility::name).hasValue("The Yard");
        }

        @Test
        void aTieOnRankGoesToTheName() {
            List<EntityVisibility> all = Scores.entityVisibility(PROPERTY, List.of(
                    answer(null, 0.0, new EntityRank("Pinnacle", 1)),
                    answer(null, 0.0, new EntityRank("Dock", 1))));
            assertThat(Scores.topCompetitor(all)).map(EntityVisibility::name).hasValue("Dock");
        }

        @Test
        void isNeverTheBrandAndAbsentWhenNoCompetitorIsMentioned() {
            List<EntityVisibility> all = Scores.entityVisibility(PROPERTY, List.of(answer(1, 80.0)));
            assertThat(Scores.topCompetitor(all)).isEmpty();
        }
    }
}
