package com.propertyaudit.llm;

import static com.propertyaudit.llm.MockProvider.json;
import static com.propertyaudit.llm.MockProvider.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    static Function<String, String> headers(String... kv) {
        Map<String, String> m = new java.util.HashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m::get;
    }

    @Test
    void retriesTheTransientStatusesOnly() {
        assertThat(RetryPolicy.retryableStatus(408)).isTrue();
        assertThat(RetryPolicy.retryableStatus(409)).isTrue();
        assertThat(RetryPolicy.retryableStatus(429)).isTrue();
        assertThat(RetryPolicy.retryableStatus(500)).isTrue();
        assertThat(RetryPolicy.retryableStatus(529)).isTrue();
        assertThat(RetryPolicy.retryableStatus(400)).isFalse();
        assertThat(RetryPolicy.retryableStatus(401)).isFalse();
        assertThat(RetryPolicy.retryableStatus(404)).isFalse();
    }

    @Test
    void retryAfterMsComesFirstThenSecondsThenADate() {
        Instant now = Instant.parse("2026-11-28T10:00:00Z");
        assertThat(RetryPolicy.advisedWait(headers("retry-after-ms", "250", "retry-after", "9"), now))
                .contains(Duration.ofMillis(250));
        assertThat(RetryPolicy.advisedWait(headers("retry-after", "1.5"), now)).contains(Duration.ofMillis(1500));
        assertThat(RetryPolicy.advisedWait(headers("retry-after", "Sat, 28 Nov 2026 10:00:07 GMT"), now))
                .contains(Duration.ofSeconds(7));
    }

    @Test
    void nonsenseAdviceIsIgnoredAndLongAdviceIsReadAsGiven() {
        Instant now = Instant.now();
        // A long wait is read as it is; the exchange then refuses to wait past MAX_ADVISED.
        assertThat(RetryPolicy.advisedWait(headers("retry-after", "300"), now)).contains(Duration.ofSeconds(300));
        assertThat(RetryPolicy.MAX_ADVISED).isEqualTo(Duration.ofSeconds(120));
        assertThat(RetryPolicy.advisedWait(headers("retry-after", "0"), now)).isEmpty();
        assertThat(RetryPolicy.advisedWait(headers("retry-after", "soon"), now)).isEmpty();
        assertThat(RetryPolicy.advisedWait(headers(), now)).isEmpty();
    }

    @Test
    void backoffDoublesFromHalfASecondUpToEightWithAtMostAQuarterOfJitter() {
        assertThat(RetryPolicy.backoff(1, 0)).isEqualTo(Duration.ofMillis(500));
        assertThat(RetryPolicy.backoff(2, 0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(RetryPolicy.backoff(4, 0)).isEqualTo(Duration.ofSeconds(4));
        assertThat(RetryPolicy.backoff(9, 0)).isEqualTo(Duration.ofSeconds(8));
        assertThat(RetryPolicy.backoff(1, 0.999)).isBetween(Duration.ofMillis(375), Duration.ofMillis(500));
    }

    @Test
    void theServerCanSayRetryOrNot() {
        assertThat(RetryPolicy.shouldRetryHeader(headers("x-should-retry", "false"))).contains(false);
        assertThat(RetryPolicy.shouldRetryHeader(headers("x-should-retry", "true"))).contains(true);
        assertThat(RetryPolicy.shouldRetryHeader(headers())).isEmpty();
    }

    @Test
    void a429HoldsBackTheWholeProvider() throws Exception {
        try (MockProvider mock = new MockProvider()) {
            mock.server.enqueue(json(429, "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\","
                    + "\"param\":null,\"code\":\"rate_limit_exceeded\"}}", "retry-after-ms", "400"));
            mock.server.enqueue(json(200, OpenAiClientTest.CHAT_OK));
            mock.server.enqueue(json(200, OpenAiClientTest.CHAT_OK));
            LlmClient client = mock.clients.forSurface(request("openai:gpt-5").surface());
            CompletableFuture<LlmResponse> first = client.ask(request("openai:gpt-5"));
            mock.server.takeRequest(5, TimeUnit.SECONDS);
            Thread.sleep(50); // the 429 has been handled: the provider is paused for 400 ms
            long asked = System.nanoTime();
            CompletableFuture<LlmResponse> second = client.ask(request("openai:gpt-5"));
            mock.server.takeRequest(5, TimeUnit.SECONDS);
            long waitedMs = (System.nanoTime() - asked) / 1_000_000;
            first.get(10, TimeUnit.SECONDS);
            second.get(10, TimeUnit.SECONDS);
            // The second request, never rate limited itself, still waited out the provider's pause.
            assertThat(waitedMs).isGreaterThanOrEqualTo(250);
        }
    }
}
