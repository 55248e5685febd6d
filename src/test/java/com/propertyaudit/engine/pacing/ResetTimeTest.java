package com.propertyaudit.engine.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResetTimeTest {

    private static final Instant NOW = Instant.parse("2025-08-21T12:40:58.250Z");

    @Test
    void readsOpenAisGoDurations() {
        assertThat(ResetTime.parse("1s", NOW)).contains(Duration.ofSeconds(1));
        assertThat(ResetTime.parse("6m0s", NOW)).contains(Duration.ofMinutes(6));
        assertThat(ResetTime.parse("20ms", NOW)).contains(Duration.ofMillis(20));
        assertThat(ResetTime.parse("1h2m3.5s", NOW)).contains(Duration.ofMillis(3_723_500));
        assertThat(ResetTime.parse("0.5s", NOW)).contains(Duration.ofMillis(500));
    }

    @Test
    void readsAnthropicsRfc3339Moments() {
        assertThat(ResetTime.parse("2025-08-21T12:40:59Z", NOW)).contains(Duration.ofMillis(750));
        assertThat(ResetTime.parse("2025-08-21T14:41:00+02:00", NOW)).contains(Duration.ofMillis(1750));
        assertThat(ResetTime.parse("2025-08-21T12:40:00Z", NOW)).contains(Duration.ZERO);
    }

    @Test
    void somethingElseIsNoReset() {
        assertThat(ResetTime.parse("soon", NOW)).isEmpty();
        assertThat(ResetTime.parse("5", NOW)).isEmpty();
        assertThat(ResetTime.parse("1s junk", NOW)).isEmpty();
        assertThat(ResetTime.parse("", NOW)).isEmpty();
        assertThat(ResetTime.parse(null, NOW)).isEmpty();
    }

    @Test
    void readsBothProvidersHeaders() {
        RateLimits openAi = RateLimits.read(Map.of("x-ratelimit-limit-requests", "5000",
                "x-ratelimit-remaining-requests", "4999", "x-ratelimit-reset-requests", "12ms",
                "x-ratelimit-limit-tokens", "160000", "x-ratelimit-remaining-tokens", "159976",
                "x-ratelimit-reset-tokens", "9ms")::get, NOW);
        assertThat(openAi.budgets()).containsExactly(
                new RateLimits.Budget(RateLimits.Kind.REQUESTS, 5000, 4999, java.util.Optional.of(Duration.ofMillis(12))),
                new RateLimits.Budget(RateLimits.Kind.TOKENS, 160000, 159976, java.util.Optional.of(Duration.ofMillis(9))));
        RateLimits anthropic = RateLimits.read(Map.of("anthropic-ratelimit-requests-limit", "1000",
                "anthropic-ratelimit-requests-remaining", "999",
                "anthropic-ratelimit-requests-reset", "2025-08-21T12:40:59Z",
                "anthropic-ratelimit-output-tokens-limit", "16000",
                "anthropic-ratelimit-output-tokens-remaining", "16000",
                "anthropic-ratelimit-output-tokens-reset", "2025-08-21T12:41:00Z")::get, NOW);
        assertThat(anthropic.budgets()).extracting(RateLimits.Budget::kind)
                .containsExactly(RateLimits.Kind.REQUESTS, RateLimits.Kind.OUTPUT_TOKENS);
        assertThat(anthropic.budgets().get(1).resetIn()).contains(Duration.ofMillis(1750));
        assertThat(RateLimits.read(Map.<String, String>of()::get, NOW).isEmpty()).isTrue();
    }
}
