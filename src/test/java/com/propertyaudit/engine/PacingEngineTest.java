package com.propertyaudit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyaudit.domain.BatchStatus;
import com.propertyaudit.domain.Provider;
import com.propertyaudit.domain.Surface;
import com.propertyaudit.engine.pacing.PacedLimiter;
import com.propertyaudit.engine.pacing.Pacing;
import com.propertyaudit.engine.pacing.PacingClock;
import com.propertyaudit.llm.LlmClients;
import com.propertyaudit.llm.LlmConfig;
import com.propertyaudit.llm.PriceTable;
import com.propertyaudit.store.AnswerRepository;
import com.propertyaudit.store.BatchRepository;
import com.propertyaudit.store.Database;
import com.propertyaudit.store.PropertyRepository;
import com.propertyaudit.store.RunRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine, the real OpenAI client and pacing against a MockWebServer that allows ten requests a
 * window and says so in OpenAI's headers, remaining counts falling with every request: the engine
 * waits for the reset before the provider has to refuse anything.
 */
class PacingEngineTest {

    static final int PER_WINDOW = 10;
    static final long WINDOW_MS = 1_200;
    static final String CHAT_OK = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"gpt-5\","
            + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"1. **Harbor Point Lofts**\","
            + "\"refusal\":null,\"annotations\":[]},\"logprobs\":null,\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":19,\"completion_tokens\":10,\"total_tokens\":29}}";

    @TempDir
    Path home;

    final MockWebServer server = new MockWebServer();
    final AtomicInteger refused = new AtomicInteger();
    final AtomicInteger answered = new AtomicInteger();
    final Queue<EngineEvent> events = new ConcurrentLinkedQueue<>();
    /** Refusals counted when the first pacing wait was reported: the wait must come first. */
    volatile int refusedWhenFirstWaiting = -1;
    Database db;
    LlmClients clients;
    Pacing pacing;
    long windowStart = -1;
    int usedInWindow;

    @BeforeEach
    void start() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                return answer();
            }
        });
        server.start();
        db = Database.openFolder(home);
        pacing = new Pacing(PacingClock.SYSTEM);
        LlmConfig config = new LlmConfig(Map.of(Provider.OPENAI, server.url("/v1").toString()),
                p -> Optional.of("sk-test"), Duration.ofSeconds(10), LlmConfig.DEFAULT_ATTEMPTS, Duration.ofMillis(10));
        clients = new LlmClients(config, limiters());
    }

    Function<Provider, PacedLimiter> limiters() {
        return p -> pacing.limiter(p, "mock");
    }

    @AfterEach
    void stop() throws Exception {
        clients.close();
        pacing.close();
        db.close();
        server.close();
    }

    /** Ten requests per window from the first; the headers of each answer say what remains. */
    MockResponse answer() throws InterruptedException {
        long now = System.nanoTime();
        int remaining;
        long resetMs;
        synchronized (this) {
            if (windowStart < 0 || now - windowStart >= TimeUnit.MILLISECONDS.toNanos(WINDOW_MS)) {
                windowStart = now;
                usedInWindow = 0;
            }
            resetMs = WINDOW_MS - TimeUnit.NANOSECONDS.toMillis(now - windowStart);
            if (usedInWindow >= PER_WINDOW) {
                refused.incrementAndGet();
                return new MockResponse.Builder().code(429).setHeader("retry-after", "1")
                        .setHeader("x-ratelimit-limit-requests", Integer.toString(PER_WINDOW))
                        .setHeader("x-ratelimit-remaining-requests", "0")
                        .setHeader("x-ratelimit-reset-requests", resetMs + "ms")
                        .body("{\"error\":{\"message\":\"Rate limit reached for requests\",\"type\":\"requests\","
                                + "\"param\":null,\"code\":\"rate_limit_exceeded\"}}").build();
            }
            remaining = PER_WINDOW - ++usedInWindow;
        }
        Thread.sleep(60);
        answered.incrementAndGet();
        return new MockResponse.Builder().code(200).setHeader("content-type", "application/json")
                .setHeader("x-ratelimit-limit-requests", Integer.toString(PER_WINDOW))
                .setHeader("x-ratelimit-remaining-requests", Integer.toString(remaining))
                .setHeader("x-ratelimit-reset-requests", resetMs + "ms")
                .body(CHAT_OK).build();
    }

    @Test
    void fallingRemainingCountsPaceTheRequestsBeforeAny429() throws Exception {
        new PropertyRepository(db).save(AuditEngineTest.property(1));
        BatchRepository batches = new BatchRepository(db);
        AuditEngine engine = new AuditEngine(new StoreBackedEngineStore(batches, new RunRepository(db),
                new AnswerRepository(db), PriceTable.defaults()), clients::forSurface, EngineOptions.defaults(),
                Clock.systemUTC(), "test-owner", limiters());
        try (engine) {
            BatchHandle h = engine.start(AuditEngineTest.property(25), List.of(Surface.parse("openai:gpt-5")), 1, "{}",
                    e -> {
                        if (e instanceof EngineEvent.Pacing p && p.state().waiting() && refusedWhenFirstWaiting < 0) {
                            refusedWhenFirstWaiting = refused.get();
                        }
                        events.add(e);
                    });
            assertThat(h.done().get(60, TimeUnit.SECONDS)).isEqualTo(BatchStatus.COMPLETE);
        }
        assertThat(answered.get()).isEqualTo(25);
        assertThat(refusedWhenFirstWaiting).as("no 429 before the engine first waited for the rate limit").isZero();
        assertThat(refused.get()).as("requests refused with 429").isZero();
        assertThat(events).filteredOn(e -> e instanceof EngineEvent.PacingSummary).singleElement()
                .satisfies(e -> {
                    EngineEvent.PacingSummary s = (EngineEvent.PacingSummary) e;
                    assertThat(s.provider()).isEqualTo(Provider.OPENAI);
                    assertThat(s.auto()).isTrue();
                    assertThat(s.peakInFlight()).isBetween(2, PER_WINDOW);
                    // 25 requests at 10 a window need two resets.
                    assertThat(s.waitedMs()).isGreaterThan(WINDOW_MS);
                });
    }
}
