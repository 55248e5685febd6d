package com.propertyaudit.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyaudit.domain.BatchStatus;
import com.propertyaudit.domain.Surface;
import com.propertyaudit.engine.EngineEvent;
import com.propertyaudit.llm.PriceTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Run Audit's view model without a stage: the estimate, live rows and bars, and the batch's end. */
class RunAuditModelTest {

    final UUID batch = UUID.randomUUID();
    final UUID run = UUID.randomUUID();
    final Surface sim = Surface.parse("simulated:demo");

    EngineEvent finished(int query, int done) {
        return new EngineEvent.QueryFinished(batch, run, sim, query, 1, 1200, query == 0, 1, 65.0, null, done, 3);
    }

    RunAuditModel started() {
        RunAuditModel m = new RunAuditModel();
        m.samples.set(1);
        Map<UUID, Surface> runs = new LinkedHashMap<>();
        runs.put(run, sim);
        m.starting();
        m.started(batch, List.of("q1", "q2", "q3"), runs, 3);
        return m;
    }

    @Test
    void estimatesRequestsAndCostBeforeAnythingIsSent() {
        RunAuditModel m = new RunAuditModel();
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
        RunAuditModel m = new RunAuditModel();
        m.samples.set(1);
        m.starting();
        // The engine's first events arrive before the batch id is known to the screen.
        m.apply(List.of(new EngineEvent.Log(batch, "[Batch] started"), new EngineEvent.QueryStarted(batch, run, sim, 0, 1),
                finished(0, 1)));
        Map<UUID, Surface> runs = new LinkedHashMap<>();
        runs.put(run, sim);
        m.started(batch, List.of("q1", "q2", "q3"), runs, 3);
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
        assertThat(m.rows.get(1).status.get()).isEqualTo("failed 1");
        assertThat(m.surfaces.get(0).progress.get()).isEqualTo(2.0 / 3);
        assertThat(m.log).anyMatch(l -> l.contains("query 2 failed: HTTP 400"));
        m.apply(List.of(new EngineEvent.BatchFinished(batch, BatchStatus.INCOMPLETE, 1000)));
        assertThat(m.running.get()).isFalse();
        assertThat(m.finishedStatus.get()).isEqualTo(BatchStatus.INCOMPLETE);
        assertThat(m.rows.get(2).status.get()).isEqualTo("stopped");
        assertThat(m.finishedSummary("Domain San Diego")).isEqualTo("Domain San Diego: 1 answers, 1 failed.");
    }

    @Test
    void eventsOfAnotherBatchOrAfterTheEndAreIgnored() {
        RunAuditModel m = started();
        m.apply(List.of(new EngineEvent.QueryFinished(UUID.randomUUID(), run, sim, 0, 1, 10, true, 1, 80.0, null, 1, 3)));
        assertThat(m.rows.get(0).done.get()).isZero();
        m.apply(List.of(new EngineEvent.BatchFinished(batch, BatchStatus.COMPLETE, 10), finished(0, 1)));
        assertThat(m.rows.get(0).done.get()).isZero();
    }
}
