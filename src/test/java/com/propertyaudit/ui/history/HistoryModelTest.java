package com.propertyaudit.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyaudit.domain.AnswerOutcome;
import com.propertyaudit.domain.StoredAnswer;
import com.propertyaudit.domain.BatchStatus;
import com.propertyaudit.domain.Property;
import com.propertyaudit.domain.Surface;
import com.propertyaudit.engine.BatchHandle;
import com.propertyaudit.engine.EngineEvent;
import com.propertyaudit.engine.EngineOptions;
import com.propertyaudit.engine.Workspace;
import com.propertyaudit.store.BatchSummary;
import com.propertyaudit.ui.ModelFixtures;
import com.propertyaudit.ui.common.Background;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** History's view model on a real H2 file with two Simulated batches; no stage. */
class HistoryModelTest {

    @TempDir
    Path home;

    Workspace ws;
    UUID first;
    UUID second;
    ModelFixtures.RecordingFeedback feedback = new ModelFixtures.RecordingFeedback();
    HistoryModel model;
    final List<UUID> resumed = new java.util.ArrayList<>();

    @BeforeEach
    void twoBatches() throws Exception {
        ws = ModelFixtures.workspace(home);
        first = ModelFixtures.runBatch(ws);
        second = ModelFixtures.runBatch(ws);
        model = new HistoryModel(ws, resumed::add, Background.direct(), feedback);
        model.refresh();
    }

    @AfterEach
    void close() {
        ws.close();
    }

    @Test
    void aBatchFinishedByAnotherProcessShowsUpAtTheNextPoll() throws Exception {
        model.selected.set(model.all.get(1));
        model.pollForChanges();
        assertThat(model.all).hasSize(2);
        try (Workspace other = Workspace.open(home, null, java.util.Map.of())) {
            ModelFixtures.runBatch(other);
        }
        model.pollForChanges();
        assertThat(model.all).hasSize(3);
        assertThat(model.selected.get().batchId()).as("the open batch stays open").isEqualTo(first);
    }

    @Test
    void aBatchWhoseOwnerElsewhereFellSilentBecomesResumableAtTheNextPoll() {
        Property p = ws.properties().findByName("Domain San Diego").orElseThrow();
        com.propertyaudit.domain.Batch b = new com.propertyaudit.domain.Batch(UUID.randomUUID(), p.name(), p, 1, "{}",
                java.time.Instant.now().minusSeconds(60), null);
        ws.batches().create(b, List.of(com.propertyaudit.domain.Run.queued(b.id(), 1, Surface.parse("simulated:demo"),
                p.queries().size())), "pid-4242-0badf00d@another-machine");
        model.pollForChanges();
        assertThat(model.all).filteredOn(s -> s.batchId().equals(b.id())).singleElement()
                .satisfies(s -> assertThat(HistoryModel.resumable(s)).isTrue());
    }

    @Test
    void listsEveryBatchAndFiltersOnEveryWordTyped() {
        assertThat(model.shown).hasSize(2);
        model.filter.set("domain complete");
        assertThat(model.shown).hasSize(2);
        model.filter.set("domain failed");
        assertThat(model.shown).isEmpty();
        model.filter.set("simulated");
        assertThat(model.shown).hasSize(2);
        assertThat(feedback.errors).isEmpty();
    }

    @Test
    void aDrillDownShowsOnlyTheAnswersBehindARowAndTheFiltersNarrowThem() {
        var insights = ws.insights().insights(first).orElseThrow();
        var top = insights.competitors().get(0);
        model.openFiltered(first, com.propertyaudit.analysis.insights.AnswerFilter.naming(top.name()));
        assertThat(model.selected.get().batchId()).isEqualTo(first);
        assertThat(model.shownAnswers).hasSize(top.mentions()).allSatisfy(a -> assertThat(a.score().competitors())
                .anyMatch(c -> c.name().equals(top.name())));
        assertThat(model.answerCount.get()).isEqualTo(top.mentions() + " of 18 answers · Answers naming " + top.name());
        assertThat(model.focus.get()).isEqualTo(model.shownAnswers.get(0));

        model.answerFilter.set(com.propertyaudit.analysis.insights.AnswerFilter.ALL.withBrandNamed(true));
        assertThat(model.shownAnswers).hasSize(insights.summary().brandMentionRate().k())
                .allSatisfy(a -> assertThat(a.score().brandMentioned()).isTrue());
        model.answerFilter.set(com.propertyaudit.analysis.insights.AnswerFilter.cell(2, "simulated:demo"));
        assertThat(model.shownAnswers).singleElement().satisfies(a -> assertThat(a.answer().queryIndex()).isEqualTo(2));
        assertThat(model.surfaceChoices).containsExactly("simulated:demo");
        assertThat(model.outcomeChoices).containsExactly(AnswerOutcome.COMPLETED);
        assertThat(model.topicChoices).isNotEmpty();
        String topic = model.topicChoices.get(0);
        model.answerFilter.set(com.propertyaudit.analysis.insights.AnswerFilter.ALL.withTopic(topic));
        assertThat(model.shownAnswers).isNotEmpty().allSatisfy(a -> assertThat(
                com.propertyaudit.analysis.insights.AnswerFilter.topicOf(a)).isEqualTo(topic));
        // The topic breakdown of Insights counts the same answers.
        var row = insights.topics().stream().filter(t -> t.topic().equals(topic)).findFirst().orElseThrow();
        assertThat(row.mentionRate().n()).isEqualTo(model.shownAnswers.size());
    }

    @Test
    void selectingABatchLoadsItsAnswersWithTheNamesCutOut() {
        model.selected.set(model.all.stream().filter(b -> b.batchId().equals(first)).findFirst().orElseThrow());
        assertThat(model.answers).hasSize(18);
        StoredAnswer named = model.answers.stream().filter(a -> a.score().brandMentioned()).findFirst().orElseThrow();
        List<HistoryModel.Segment> segments = model.segments(named);
        // The pieces put back together are the answer, and the brand is one of them.
        assertThat(String.join("", segments.stream().map(HistoryModel.Segment::text).toList()))
                .isEqualTo(named.answer().text());
        assertThat(segments).anyMatch(s -> "brand".equals(s.kind()) && s.text().contains("Domain"));
        assertThat(model.surfaceOf(named)).isEqualTo("Simulated demo");
        assertThat(model.trend).hasSize(2);
        assertThat(model.trendTitle.get()).isEqualTo("Trend of Domain San Diego over 2 batches");
    }

    @Test
    void comparesTwoBatchesOlderFirst() {
        BatchSummary a = model.all.get(0);
        BatchSummary b = model.all.get(1);
        model.compare(a, b);
        assertThat(model.comparison).isNotEmpty();
        assertThat(model.comparison).anyMatch(d -> d.metric().startsWith("Brand share of voice"));
        // Simulated answers vary by batch, so what moved depends on the two batches' seeds; each tested
        // delta carries its p-value and is significant exactly when p < 0.05.
        assertThat(model.comparison).filteredOn(d -> d.pValue() != null)
                .isNotEmpty()
                .allMatch(d -> d.pValue() >= 0 && d.pValue() <= 1 && d.significant() == (d.pValue() < 0.05));
        assertThat(model.comparisonTitle.get()).startsWith("Domain San Diego: ").contains(" → ");
    }

    @Test
    void aBatchComparedWithItselfMovesNothing() {
        BatchSummary a = model.all.get(0);
        model.compare(a, a);
        assertThat(model.comparison).isNotEmpty().noneMatch(d -> d.significant())
                .allMatch(d -> d.change() == null || d.change() == 0.0);
    }

    @Test
    void aCompleteBatchIsNotResumableAndDeleteRemovesIt() {
        BatchSummary b = model.all.get(0);
        assertThat(HistoryModel.resumable(b)).isFalse();
        model.delete(b);
        assertThat(model.all).hasSize(1);
        assertThat(ws.batches().find(b.batchId())).isEmpty();
    }

    @Test
    void aFailedAnswerSaysWhy() {
        model.selected.set(model.all.get(0));
        StoredAnswer any = model.answers.get(0);
        StoredAnswer failed = new StoredAnswer(new com.propertyaudit.domain.Answer(any.answer().id(),
                any.answer().runId(), 0, "q", null, 1, AnswerOutcome.FAILED, null, List.of(), null, null, null, null,
                "HTTP 400: max_tokens is too large", 0, 0, 0, java.time.Instant.now(), List.of()), any.score());
        assertThat(model.segments(failed)).containsExactly(
                new HistoryModel.Segment("This request failed: HTTP 400: max_tokens is too large", "error"));
    }

    @Test
    void aCancelledBatchIsResumedAndOpenedAndTheListFollowsBatchesThatEnd() throws Exception {
        Property p = ws.properties().findByName("Domain San Diego").orElseThrow();
        BatchHandle h = ws.engine(EngineOptions.defaults()).start(p, List.of(Surface.parse("simulated:demo")), 5, 2, "{}",
                e -> { });
        h.cancel();
        h.done().get(30, TimeUnit.SECONDS);
        model.onEvents(List.of(new EngineEvent.BatchFinished(h.batchId(), BatchStatus.FAILED, 1)));
        assertThat(model.all).hasSize(3);
        model.selected.set(model.all.stream().filter(b -> b.batchId().equals(h.batchId())).findFirst().orElseThrow());
        assertThat(HistoryModel.resumable(model.selected.get())).isTrue();
        List<UUID> opened = new java.util.ArrayList<>();
        model.resume(opened::add);
        assertThat(resumed).containsExactly(h.batchId());
        assertThat(opened).containsExactly(h.batchId());
        assertThat(model.resuming.get()).isFalse();
        // A complete batch is not resumed.
        model.selected.set(model.all.stream().filter(b -> b.batchId().equals(first)).findFirst().orElseThrow());
        model.resume(opened::add);
        assertThat(resumed).hasSize(1);
    }

    @Test
    void anAnswerLineSaysQuerySurfaceSampleAndScore() {
        model.selected.set(model.all.stream().filter(b -> b.batchId().equals(first)).findFirst().orElseThrow());
        StoredAnswer named = model.answers.stream().filter(a -> a.score().brandMentioned()).findFirst().orElseThrow();
        assertThat(model.line(named)).startsWith((named.answer().queryIndex() + 1) + ". " + named.answer().queryText()
                + "\nSimulated demo · sample 1 · score ").endsWith(" · brand named");
    }
}
