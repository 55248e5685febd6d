package com.propertyaudit.ui.insights;

import com.propertyaudit.domain.AnswerOutcome;
import static org.assertj.core.api.Assertions.assertThat;

import com.propertyaudit.analysis.insights.Insights;
import com.propertyaudit.domain.BatchStatus;
import com.propertyaudit.domain.Surface;
import com.propertyaudit.engine.EngineEvent;
import com.propertyaudit.engine.Workspace;
import com.propertyaudit.ui.ModelFixtures;
import com.propertyaudit.ui.common.Background;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Insights view model: live reload throttle, banner, tiles and chart data; no stage. */
class InsightsModelTest {

    @TempDir
    Path home;

    final AtomicLong now = new AtomicLong(1_000_000);
    final UUID batch = UUID.randomUUID();
    final UUID run = UUID.randomUUID();
    final Surface sim = Surface.parse("simulated:demo");
    final ModelFixtures.RecordingFeedback feedback = new ModelFixtures.RecordingFeedback();

    EngineEvent.QueryFinished finished(UUID b) {
        return new EngineEvent.QueryFinished(b, run, sim, 0, 1, 100, AnswerOutcome.COMPLETED, true, 1, 50.0, null, 1, 18);
    }

    @Test
    void whileABatchRunsItReloadsAtMostTwiceASecondAndAlwaysAtTheEnd() {
        InsightsModel m = new InsightsModel(id -> Optional.of(partial()), Background.direct(), feedback, now::get);
        m.show(batch);
        assertThat(m.loads()).isEqualTo(1);
        m.onEvents(List.of(finished(batch)));
        assertThat(m.loads()).isEqualTo(1);
        now.addAndGet(InsightsModel.RELOAD_EVERY_MS);
        m.onEvents(List.of(finished(batch), finished(batch)));
        assertThat(m.loads()).isEqualTo(2);
        m.onEvents(List.of(new EngineEvent.BatchFinished(batch, BatchStatus.COMPLETE, 10)));
        assertThat(m.loads()).isEqualTo(3);
    }

    @Test
    void eventsOfAnotherBatchAreIgnored() {
        InsightsModel m = new InsightsModel(id -> Optional.of(partial()), Background.direct(), feedback, now::get);
        m.show(batch);
        now.addAndGet(10_000);
        m.onEvents(List.of(finished(UUID.randomUUID()), new EngineEvent.BatchFinished(UUID.randomUUID(),
                BatchStatus.COMPLETE, 10)));
        assertThat(m.loads()).isEqualTo(1);
    }

    @Test
    void aFinishedBatchShowsTheCompleteBannerTilesAndBars() throws Exception {
        try (Workspace ws = ModelFixtures.workspace(home)) {
            UUID id = ModelFixtures.runBatch(ws);
            InsightsModel m = new InsightsModel(ws.insights()::insights, Background.direct(), feedback, now::get);
            m.show(id);
            Insights in = m.insights.get();
            assertThat(m.banner.get()).startsWith("All models complete - insights reflect full cross-model analysis")
                    .endsWith("Simulated data");
            assertThat(m.bannerStyle.get()).isEqualTo("banner-ok");
            assertThat(m.header.get()).startsWith("Insights - Domain San Diego - ");
            List<InsightsModel.Tile> tiles = InsightsModel.tiles(in);
            assertThat(tiles).extracting(InsightsModel.Tile::title).containsExactly("Visibility score (0–100) · simulated:demo",
                    "Brand share of voice", "Unbranded share of voice", "Top competitor");
            assertThat(tiles.get(0).detail()).contains("95% CI").contains("n=18");
            assertThat(tiles.get(3).value()).isEqualTo(in.summary().topCompetitor());
            // The tile counts the top competitor's own answers, as its table row does.
            assertThat(tiles.get(3).detail()).startsWith("named in " + in.competitors().get(0).mentions() + " of ");
            assertThat(tiles.get(1).detail()).startsWith("Mention rate ");
            assertThat(InsightsModel.shareOfVoice(in)).extracting(InsightsModel.Bar::label).contains("Domain San Diego");
            assertThat(InsightsModel.shareOfVoice(in)).extracting(InsightsModel.Bar::value)
                    .isSortedAccordingTo(java.util.Comparator.<Double>reverseOrder());
            assertThat(InsightsModel.visibility(in)).hasSize(1);
            assertThat(feedback.errors).isEmpty();
        }
    }

    Insights partial() {
        Insights.StatusView partial = new Insights.StatusView(BatchStatus.PARTIAL,
                "Some models still running - insights may be partial", 2, 1, 0, 1, 0, 0, 0);
        return new Insights(batch, "Domain San Diego", java.time.Instant.parse("2026-11-30T10:15:00Z"), partial,
                new Insights.Summary(null, Insights.Rate.of(0, 0), null, 0, com.propertyaudit.domain.OutcomeCounts.NONE, java.util.Map.of(),
                        new Insights.Unbranded(0, 0, null, Insights.Rate.of(0, 0))),
                List.of(), List.of(), null);
    }

    @Test
    void aDeletedBatchEmptiesTheScreen() {
        java.util.concurrent.atomic.AtomicBoolean gone = new java.util.concurrent.atomic.AtomicBoolean();
        InsightsModel m = new InsightsModel(id -> gone.get() ? Optional.empty() : Optional.of(partial()),
                Background.direct(), feedback, now::get);
        m.show(batch);
        assertThat(m.insights.get()).isNotNull();
        gone.set(true);
        m.show(batch);
        assertThat(m.batchId.get()).isNull();
        assertThat(m.insights.get()).isNull();
        assertThat(m.banner.get()).startsWith("The batch shown here was deleted.");
    }

    @Test
    void aRunningBatchSaysItIsPartial() {
        InsightsModel m = new InsightsModel(id -> Optional.of(partial()), Background.direct(), feedback, now::get);
        m.show(batch);
        assertThat(m.banner.get()).isEqualTo("Some models still running - insights may be partial");
        assertThat(m.bannerStyle.get()).isEqualTo("banner-warn");
    }

    @Test
    void theAgreementSentenceNamesTheKappaAndWhatItMeans() {
        Insights.Agreement a = new Insights.Agreement(18, 7, 4, java.util.Map.of(), 61.1, 0.18, "cohen", List.of());
        assertThat(InsightsModel.agreementSentence(a))
                .isEqualTo("The surfaces agree on 61.1% of 18 queries; Cohen's kappa 0.18 (slight agreement beyond chance).");
        Insights.Agreement three = new Insights.Agreement(18, 7, 4, java.util.Map.of(), 61.1, 0.18, "fleiss", List.of());
        assertThat(InsightsModel.agreementSentence(three)).contains("Fleiss' kappa 0.18");
        assertThat(InsightsModel.strength(0.55)).isEqualTo("moderate agreement beyond chance");
        assertThat(InsightsModel.strength(-0.1)).isEqualTo("no agreement beyond chance");
        assertThat(InsightsModel.strength(0.001)).isEqualTo("no agreement beyond chance");
        assertThat(InsightsModel.strength(0.01)).isEqualTo("slight agreement beyond chance");
        assertThat(InsightsModel.agreementSentence(null)).startsWith("Agreement needs two surfaces");
    }

    @Test
    void opensOnTheNewestBatchUnlessOneWasShownAlready() {
        InsightsModel m = new InsightsModel(id -> Optional.of(partial()), Background.direct(), feedback, now::get);
        m.showLatest(() -> Optional.of(batch));
        assertThat(m.batchId.get()).isEqualTo(batch);
        UUID other = UUID.randomUUID();
        m.showLatest(() -> Optional.of(other));
        assertThat(m.batchId.get()).isEqualTo(batch);
        InsightsModel empty = new InsightsModel(id -> Optional.empty(), Background.direct(), feedback, now::get);
        empty.showLatest(Optional::empty);
        assertThat(empty.batchId.get()).isNull();
        assertThat(empty.banner.get()).startsWith("Run an audit");
    }
}
