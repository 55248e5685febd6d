package com.propertyaudit.engine;

import com.propertyaudit.domain.BatchStatus;
import com.propertyaudit.domain.RunStatus;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** A batch the engine is working on. */
public final class BatchHandle {

    private final UUID batchId;
    private final List<RunHandle> runs;
    private final CompletableFuture<BatchStatus> done;
    private final Consumer<RunStatus> stopper;

    /** @param stopper stops every run, ending them with the status given (cancelled or interrupted) */
    public BatchHandle(UUID batchId, List<RunHandle> runs, CompletableFuture<BatchStatus> done,
            Consumer<RunStatus> stopper) {
        this.batchId = batchId;
        this.runs = List.copyOf(runs);
        this.done = done;
        this.stopper = stopper;
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
        stopper.accept(RunStatus.CANCELLED);
    }

    /**
     * Stops requests as {@link #cancel} does, but the runs end {@code interrupted}: the app is
     * stopping, not the user giving up, and the batch is resumed like one whose process was killed.
     */
    public void interrupt() {
        stopper.accept(RunStatus.INTERRUPTED);
    }
}
