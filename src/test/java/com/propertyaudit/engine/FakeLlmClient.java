package com.propertyaudit.engine;

import com.propertyaudit.domain.AnswerOutcome;
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
class FakeLlmClient implements LlmClient {

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

    private final Function<LlmRequest, AnswerOutcome> outcome;

    /**
     * @param failure gives the exception a request fails with, or null for a reply
     * @param outcome what the reply to a request is (completed, refused, truncated, empty)
     */
    FakeLlmClient(long delayMs, Function<LlmRequest, LlmException> failure, Function<LlmRequest, AnswerOutcome> outcome) {
        this.delayMs = delayMs;
        this.failure = failure;
        this.outcome = outcome;
    }

    FakeLlmClient(long delayMs, Function<LlmRequest, LlmException> failure) {
        this(delayMs, failure, r -> AnswerOutcome.COMPLETED);
    }

    FakeLlmClient(long delayMs) {
        this(delayMs, r -> null);
    }

    @Override
    public CompletableFuture<List<String>> models() {
        return CompletableFuture.completedFuture(List.of("gpt-5", "claude-sonnet-4-6", "demo"));
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
                AnswerOutcome o = outcome.apply(request);
                result.complete(new LlmResponse(o, o == AnswerOutcome.EMPTY ? "" : text,
                        List.of(new Citation("https://www.zillow.com/a", "Zillow")), List.of(),
                        "{\"model\":\"" + request.surface().model() + "\"}", "{\"ok\":true}", delayMs, 10, 20,
                        o == AnswerOutcome.TRUNCATED ? "length" : "stop", o == AnswerOutcome.COMPLETED ? null : o.label(),
                        1));
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
