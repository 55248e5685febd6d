package com.propertyaudit.engine;

import com.propertyaudit.domain.Citation;
import com.propertyaudit.domain.Surface;
import com.propertyaudit.llm.LlmClient;
import com.propertyaudit.llm.LlmException;
import com.propertyaudit.llm.LlmRequest;
import com.propertyaudit.llm.LlmResponse;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A provider stand-in for engine tests: answers after a set delay on a timer (no thread held per
 * request), records what it was asked, and counts requests in flight per surface and overall.
 */
final class FakeLlmClient implements LlmClient {

    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
    private final long delayMs;
    private final Function<LlmRequest, LlmException> failure;
    final Queue<LlmRequest> asked = new ConcurrentLinkedQueue<>();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    final Map<Surface, AtomicInteger> inFlightBySurface = new ConcurrentHashMap<>();
    /** Set when a request of one surface started while another surface had one in flight. */
    final AtomicInteger overlaps = new AtomicInteger();
    final AtomicInteger cancelled = new AtomicInteger();

    /** @param failure gives the exception a request fails with, or null for an answer */
    FakeLlmClient(long delayMs, Function<LlmRequest, LlmException> failure) {
        this.delayMs = delayMs;
        this.failure = failure;
    }

    FakeLlmClient(long delayMs) {
        this(delayMs, r -> null);
    }

    @Override
    public CompletableFuture<LlmResponse> ask(LlmRequest request) {
        asked.add(request);
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        inFlightBySurface.computeIfAbsent(request.surface(), s -> new AtomicInteger()).incrementAndGet();
        boolean otherBusy = inFlightBySurface.entrySet().stream()
                .anyMatch(e -> !e.getKey().equals(request.surface()) && e.getValue().get() > 0);
        if (otherBusy) overlaps.incrementAndGet();
        CompletableFuture<LlmResponse> result = new CompletableFuture<>();
        var task = timer.schedule(() -> {
            done(request);
            LlmException e = failure.apply(request);
            if (e != null) {
                result.completeExceptionally(e);
            } else {
                String text = "1. **" + request.subject().name() + "** is a favourite for \"" + request.prompt()
                        + "\". See https://www.yelp.com/biz/x.";
                result.complete(new LlmResponse(text, List.of(new Citation("https://www.zillow.com/a", "Zillow")),
                        "{\"model\":\"" + request.surface().model() + "\"}", "{\"ok\":true}", delayMs, 10, 20,
                        "stop", null, 1));
            }
        }, delayMs, TimeUnit.MILLISECONDS);
        result.whenComplete((r, e) -> {
            if (result.isCancelled() && task.cancel(false)) {
                cancelled.incrementAndGet();
                done(request);
            }
        });
        return result;
    }

    private void done(LlmRequest request) {
        inFlight.decrementAndGet();
        inFlightBySurface.get(request.surface()).decrementAndGet();
    }

    void shutdown() {
        timer.shutdownNow();
    }
}
