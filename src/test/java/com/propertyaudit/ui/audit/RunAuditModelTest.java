package com.propertyaudit.ui.audit;

import com.propertyaudit.domain.AnswerOutcome;
import static org.assertj.core.api.Assertions.assertThat;

import com.propertyaudit.domain.BatchStatus;
import com.propertyaudit.domain.Surface;
import com.propertyaudit.engine.EngineEvent;
import com.propertyaudit.llm.PriceTable;
import com.propertyaudit.domain.AuditQuery;
import com.propertyaudit.domain.Location;
import com.propertyaudit.domain.Property;
import com.propertyaudit.domain.Provider;
import com.propertyaudit.engine.BatchHandle;
import com.propertyaudit.engine.RunHandle;
import com.propertyaudit.engine.pacing.PacingState;
import com.propertyaudit.ui.ModelFixtures;
import com.propertyaudit.ui.common.Background;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Run Audit's view model without a stage: the estimate, live rows and bars, and the batch's end. */
class RunAuditModelTest {

    final UUID batch = UUID.randomUUID();
    final UUID run = UUID.randomUUID();
    final Surface sim = Surface.parse("simulated:demo");

    EngineEvent finished(int query, int done) {
        return new EngineEvent.QueryFinished(batch, run, sim, query, 1, 1200, AnswerOutcome.COMPLETED, query == 0, 1, 65.0, null, done, 3);
    }

    final ModelFixtures.RecordingFeedback feedback = new ModelFixtures.RecordingFeedback();
    final List<String> startedWith = new ArrayList<>();

    /** Two stored properties; starting records what was asked and refuses OpenAI for want of a key. */
    final Launch launch = new Launch() {
        @Override
        public List<String> propertyNames() {
            return List.of("Domain San Diego", "Harbor Point Lofts");
        }

        @Override
        public Property property(String name) {
            return new Property(name, List.of(), List.of(), new Location(null, null, null), List.of(),
                    List.of(new AuditQuery("q1", null), new AuditQuery("q2", null), new AuditQuery("q3", null)));
        }

        @Override
        public List<String> defaultSurfaces() {
            return List.of("simulated:demo");
        }

        @Override
        public int settingsConcurrency() {
            return 4;
        }

        @Override
        public BatchHandle start(Property p, List<Surface> surfaces, int samples, int concurrency) {
            if (surfaces.stream().anyMatch(s -> s.provider() == Provider.OPENAI)) {
                throw new RunAuditModel.MissingKey(List.of("OPENAI_API_KEY"));
            }
            startedWith.add(p.name() + " " + surfaces + " x" + samples + " @" + concurrency);
            return new BatchHandle(batch, List.of(handle()), new CompletableFuture<>(), status -> { });
        }
    };

    RunHandle handle() {
        return new RunHandle(run, sim, 3, new CompletableFuture<>());
    }

    RunAuditModel model() {
        RunAuditModel m = new RunAuditModel(launch, Background.direct(), feedback);
        m.samples.set(1);
        return m;
    }

    RunAuditModel started() {
        RunAuditModel m = model();
        m.starting();
        m.started(batch, List.of("q1", "q2", "q3"), List.of(handle()));
        return m;
    }

    @Test
    void opensOnTheFirstPropertyWithTheDefaultSurfacesAndSettingsConcurrency() {
        RunAuditModel m = model();
        m.open();
        assertThat(m.propertyNames).containsExactly("Domain San Diego", "Harbor Point Lofts");
        assertThat(m.propertyName.get()).isEqualTo("Domain San Diego");
        assertThat(m.chosen).containsExactly("simulated:demo");
        assertThat(m.concurrency.get()).isEqualTo(4);
        assertThat(m.queryCount.get()).isEqualTo(3);
    }

    @Test
    void startsTheChosenPropertyAndShowsItsRunsAndQueries() {
        RunAuditModel m = model();
        m.open();
        m.propertyName.set("Harbor Point Lofts");
        m.start();
        assertThat(startedWith).containsExactly("Harbor Point Lofts [simulated:demo] x1 @4");
        assertThat(m.running.get()).isTrue();
        assertThat(m.batchId.get()).isEqualTo(batch);
        assertThat(m.rows).extracting(r -> r.text).containsExactly("q1", "q2", "q3");
        assertThat(m.surfaces).singleElement().satisfies(p -> assertThat(p.label.get()).isEqualTo("Simulated demo: 0/3"));
        assertThat(m.runProperty()).isEqualTo("Harbor Point Lofts");
    }

    @Test
    void aMissingKeyIsSaidAndNothingStarts() {
        RunAuditModel m = model();
        m.open();
        m.chosen.setAll("openai:gpt-5");
        m.start();
        assertThat(startedWith).isEmpty();
        assertThat(m.running.get()).isFalse();
        assertThat(feedback.errors).singleElement().asString().startsWith("A key is missing: No API key for OPENAI_API_KEY");
    }

    @Test
    void estimatesRequestsAndCostBeforeAnythingIsSent() {
        RunAuditModel m = model();
        m.queryCount.set(18);
        m.samples.set(2);
        m.chosen.setAll("simulated:demo");
        assertThat(m.estimate(PriceTable.defaults())).isEqualTo("36 requests · free (offline Simulated answers)");
        m.chosen.setAll("openai:gpt-5", "simulated:demo");
        // 36 gpt-5 requests of about 40 tokens in and 900 out at $1.25 / $10 per million.
        assertThat(m.estimate(PriceTable.defaults())).isEqualTo("72 requests · about $0.33");
        m.chosen.setAll("openai:some-new-model");
        assertThat(m.estimate(PriceTable.defaults())).endsWith("(some models have no price in Settings)");
    }

    @Test
    void eventsSentWhileTheBatchIsBeingCreatedAreNotLost() {
        RunAuditModel m = model();
        m.starting();
        // The engine's first events arrive before the batch id is known to the screen.
        m.apply(List.of(new EngineEvent.Log(batch, "[Batch] started"), new EngineEvent.QueryStarted(batch, run, sim, 0, 1),
                finished(0, 1)));
        m.started(batch, List.of("q1", "q2", "q3"), List.of(handle()));
        assertThat(m.log).containsExactly("[Batch] started");
        assertThat(m.rows.get(0).status.get()).isEqualTo("done");
        assertThat(m.rows.get(0).named.get()).isEqualTo(1);
        assertThat(m.surfaces.get(0).label.get()).isEqualTo("Simulated demo: 1/3");
    }

    @Test
    void rowsAndBarsFollowTheEventsAndTheEndSaysWhatIsMissing() {
        RunAuditModel m = started();
        m.apply(List.of(finished(0, 1), new EngineEvent.QueryFailed(batch, run, sim, 1, 1, 300, "HTTP 400", 2, 3)));
        assertThat(m.rows.get(0).latency.get()).isEqualTo("1.2 s");
        assertThat(m.rows.get(0).score.get()).isEqualTo("65.0");
        assertThat(m.rows.get(1).status.get()).isEqualTo("left out 1");
        assertThat(m.surfaces.get(0).progress.get()).isEqualTo(2.0 / 3);
        assertThat(m.log).anyMatch(l -> l.contains("query 2 failed: HTTP 400"));
        m.apply(List.of(new EngineEvent.BatchFinished(batch, BatchStatus.INCOMPLETE, 1000)));
        assertThat(m.running.get()).isFalse();
        assertThat(m.finishedStatus.get()).isEqualTo(BatchStatus.INCOMPLETE);
        assertThat(m.rows.get(2).status.get()).isEqualTo("stopped");
        assertThat(m.finishedSummary("Domain San Diego")).isEqualTo("Domain San Diego: 1 answer, 1 left out (cut off, empty or failed).");
    }

    @Test
    void eventsOfAnotherBatchOrAfterTheEndAreIgnored() {
        RunAuditModel m = started();
        m.apply(List.of(new EngineEvent.QueryFinished(UUID.randomUUID(), run, sim, 0, 1, 10, AnswerOutcome.COMPLETED, true, 1, 80.0, null, 1, 3)));
        assertThat(m.rows.get(0).done.get()).isZero();
        m.apply(List.of(new EngineEvent.BatchFinished(batch, BatchStatus.COMPLETE, 10), finished(0, 1)));
        assertThat(m.rows.get(0).done.get()).isZero();
    }

    @Test
    void eachProviderHasOnePacingLineAndTheEndGivesItsSummary() {
        RunAuditModel m = started();
        m.apply(List.of(new EngineEvent.Pacing(batch, Provider.OPENAI, new PacingState(8, 8, true, false, 8, 0)),
                new EngineEvent.Pacing(batch, Provider.ANTHROPIC, new PacingState(3, 9, true, true, 9, 400)),
                new EngineEvent.Pacing(batch, Provider.OPENAI, new PacingState(16, 32, true, false, 16, 0))));
        assertThat(m.pacing.get()).isEqualTo("OpenAI: 16 in flight, limit 32\n"
                + "Anthropic: 3 in flight, limit 9, waiting for the rate limit");
        m.apply(List.of(new EngineEvent.PacingSummary(batch, Provider.ANTHROPIC, 9, 9, true, 7_600),
                new EngineEvent.PacingSummary(batch, Provider.OPENAI, 4, 4, false, 0)));
        assertThat(m.pacing.get()).isEqualTo("OpenAI: at most 4 in flight (fixed at 4), 0.0 s waiting for the rate limit\n"
                + "Anthropic: at most 9 in flight (Auto, limit 9), 7.6 s waiting for the rate limit");
        m.starting();
        m.started(batch, List.of("q1"), List.of(handle()));
        assertThat(m.pacing.get()).isEmpty();
    }
}
