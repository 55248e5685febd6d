package com.propertyaudit.engine;

import com.propertyaudit.domain.BatchStatus;
import com.propertyaudit.domain.Property;
import com.propertyaudit.domain.Surface;
import com.propertyaudit.llm.LlmClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Runs a batch through the real engine (scoring, storing, finishing) as of a past instant, answered by
 * the clients given: how the demo's earlier Simulated batches are made, so they are batches like any other.
 */
public final class PastBatches {

    private PastBatches() {}

    /** Runs the batch to its end and returns its id. */
    public static UUID run(Workspace ws, Property property, List<Surface> surfaces, int samples, Instant at,
            Function<Surface, LlmClient> clients) {
        try (AuditEngine engine = new AuditEngine(new StoreBackedEngineStore(ws.batches(), ws.runs(), ws.answers(),
                ws.prices()), clients, EngineOptions.defaults(), Clock.fixed(at, ZoneOffset.UTC), AuditEngine.processOwner())) {
            BatchHandle handle = engine.start(property, surfaces, samples, "{\"simulatedHistory\":true}", e -> { });
            BatchStatus status = handle.done().get(2, TimeUnit.MINUTES);
            if (status != BatchStatus.COMPLETE) throw new IllegalStateException("The sample batch ended " + status.id());
            return handle.batchId();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("The sample batch could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
