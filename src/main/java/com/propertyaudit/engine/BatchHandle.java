package com.propertyaudit.engine;

import com.propertyaudit.domain.BatchStatus;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** A batch the engine is working on. */
public final class BatchHandle {

    private final UUID batchId;
    private final List<RunHandle> runs;
    private final CompletableFuture<BatchStatus> done;
    private final Runnable canceller;

    public BatchHandle(UUID batchId, List<RunHandle> runs, CompletableFuture<BatchStatus> done, Runnable canceller) {
        this.batchId = batchId;
        this.runs = List.copyOf(runs);
        this.done = done;
        this.canceller = canceller;
    }

    public UUID batchId() {
        return batchId;
    }

    public List<RunHandle> runs() {
        return runs;
    }

    /** Completes with the batch status once every run has ended and everything is stored. */
    public CompletableFuture<BatchStatus> done() {
        return done;
    }

    /** Cancels requests in flight and those not started; what already arrived stays stored. */
    public void cancel() {
        canceller.run();
    }
}
