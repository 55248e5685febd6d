package com.propertyaudit.engine;

import com.propertyaudit.domain.RunStatus;
import com.propertyaudit.domain.Surface;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** One surface's run inside a started batch; {@code done} completes with the run's final status. */
public record RunHandle(UUID runId, Surface surface, int total, CompletableFuture<RunStatus> done) {}
