package com.propertyaudit.engine.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pacing decisions as pure logic on a clock the test moves. */
class ProviderPacerTest {

    private final FakeClock clock = new FakeClock();
    private final ProviderPacer pacer = new ProviderPacer(clock);
    private static final Cost SMALL = new Cost(100, 900);

    private static Map<String, String> openAi(long requestsLeft, String requestsReset, long tokensLeft, String tokensReset) {
        Map<String, String> h = new HashMap<>();
        h.put("x-ratelimit-limit-requests", "10000");
        h.put("x-ratelimit-remaining-requests", Long.toString(requestsLeft));
        h.put("x-ratelimit-reset-requests", requestsReset);
        h.put("x-ratelimit-limit-tokens", "10000000");
        h.put("x-ratelimit-remaining-tokens", Long.toString(tokensLeft));
        h.put("x-ratelimit-reset-tokens", tokensReset);
        return h;
    }

    /** Sends as many requests as the pacer lets go now; returns their tickets. */
    private long[] sendAll(Cost cost) {
        long[] tickets = new long[ProviderPacer.CAP];
        int n = 0;
        while (pacer.decide(cost).verdict() == ProviderPacer.Verdict.GO) {
            pacer.granted(cost);
            tickets[n++] = pacer.sending();
            clock.advance(Duration.ofMillis(1)); // requests leave one after another
        }
        return java.util.Arrays.copyOf(tickets, n);
    }

    @Test
    void startsAtEightAndStopsThereUntilAnAnswerComes() {
        assertThat(sendAll(SMALL)).hasSize(8);
        assertThat(pacer.decide(SMALL).verdict()).isEqualTo(ProviderPacer.Verdict.FULL);
        assertThat(pacer.state().waiting()).isFalse();
    }

    @Test
    void headroomRaisesTheLimitUpToTheSafetyCap() {
        long[] first = sendAll(SMALL);
        clock.advance(Duration.ofMillis(500));
        pacer.released();
        pacer.observe(first[0], 200, openAi(9_990, "6m0s", 9_900_000, "1s")::get);
        assertThat(pacer.limit()).isEqualTo(ProviderPacer.CAP);
        for (int i = 1; i < first.length; i++) {
            pacer.released();
            pacer.observe(first[i], 200, openAi(9_990 - i, "6m0s", 9_900_000, "1s")::get);
        }
        assertThat(sendAll(SMALL)).hasSize(ProviderPacer.CAP);
    }

    @Test
    void theLimitRisesOnlyAsFarAsTheHeadroomCoversTwice() {
        long[] first = sendAll(SMALL);
        clock.advance(Duration.ofMillis(500));
        pacer.released();
        // 40 remain, and the seven others of the wave may not be counted yet: 33 cover 16 twice.
        pacer.observe(first[0], 200, openAi(40, "50s", 9_900_000, "1s")::get);
        assertThat(pacer.limit()).isEqualTo(16);
        // Now tokens run short (30,000 less the six not counted cover 12 twice): no rise, pacing will see to it.
        pacer.released();
        pacer.observe(first[1], 200, openAi(9_000, "50s", 30_000, "50s")::get);
        assertThat(pacer.limit()).isEqualTo(16);
    }

    @Test
    void littleHeadroomKeepsTheLimitAndLowRemainingPacesToTheReset() {
        long[] first = sendAll(SMALL);
        clock.advance(Duration.ofMillis(400));
        // The first wave's answers: 12 requests remain in this window once all eight are counted.
        for (int i = 0; i < first.length; i++) {
            pacer.released();
            pacer.observe(first[i], 200, openAi(19 - i, "2s", 9_000_000, "1s")::get);
        }
        assertThat(pacer.limit()).isEqualTo(8);
        assertThat(sendAll(SMALL)).hasSize(8); // the limit, not the budget, stops them
        for (int i = 0; i < 8; i++) pacer.released();
        assertThat(sendAll(SMALL)).hasSize(4);
        ProviderPacer.Decision d = pacer.decide(SMALL);
        assertThat(d.verdict()).isEqualTo(ProviderPacer.Verdict.WAIT);
        assertThat(Duration.ofNanos(d.waitNanos())).isBetween(Duration.ofMillis(1950), Duration.ofMillis(2050));
        assertThat(pacer.state().waiting()).isTrue();
        assertThat(pacer.state().describe()).isEqualTo("4 in flight, limit 8, waiting for the rate limit");

        clock.advance(Duration.ofMillis(2100));
        assertThat(pacer.decide(SMALL).verdict()).isEqualTo(ProviderPacer.Verdict.GO);
        assertThat(pacer.state().waiting()).isFalse();
        assertThat(pacer.state().waitedMs()).isEqualTo(2100);
    }

    @Test
    void aTokensLimitCountsThePromptAndTheMostTheAnswerMayUse() {
        Cost big = new Cost(1_000, 4_000);
        long t = pacer.sending();
        pacer.observe(t, 200, openAi(5_000, "1s", 12_000, "30s")::get);
        clock.advance(Duration.ofMillis(1));
        assertThat(sendAll(big)).hasSize(2); // 2 × 5,000 fit in 12,000, a third does not
        ProviderPacer.Decision d = pacer.decide(big);
        assertThat(d.verdict()).isEqualTo(ProviderPacer.Verdict.WAIT);
        assertThat(Duration.ofNanos(d.waitNanos())).isGreaterThan(Duration.ofSeconds(29));
    }

    @Test
    void a429HalvesTheLimitOnceForItsBurstAndHoldsTheProviderBack() {
        long[] first = sendAll(SMALL);
        clock.advance(Duration.ofMillis(100));
        Map<String, String> limited = new HashMap<>(Map.of("retry-after", "3"));
        for (long ticket : first) {
            pacer.released();
            pacer.observe(ticket, 429, limited::get);
        }
        assertThat(pacer.limit()).isEqualTo(4);
        ProviderPacer.Decision d = pacer.decide(SMALL);
        assertThat(d.verdict()).isEqualTo(ProviderPacer.Verdict.WAIT);
        assertThat(Duration.ofNanos(d.waitNanos())).isEqualTo(Duration.ofSeconds(3));

        clock.advance(Duration.ofSeconds(3));
        long[] after = sendAll(SMALL);
        assertThat(after).hasSize(4);
        clock.advance(Duration.ofMillis(100));
        pacer.released();
        pacer.observe(after[0], 429, Map.<String, String>of()::get);
        assertThat(pacer.limit()).isEqualTo(2); // a new burst halves again
        assertThat(Duration.ofNanos(pacer.decide(SMALL).waitNanos())).isEqualTo(ProviderPacer.DEFAULT_HOLD);
    }

    @Test
    void a429WithoutRetryAfterWaitsForTheExhaustedBudgetsReset() {
        pacer.granted(SMALL);
        long t = pacer.sending();
        clock.advance(Duration.ofMillis(50));
        pacer.released();
        pacer.observe(t, 429, openAi(0, "6m0s", 9_000_000, "1s")::get);
        ProviderPacer.Decision d = pacer.decide(SMALL);
        assertThat(d.verdict()).isEqualTo(ProviderPacer.Verdict.WAIT);
        assertThat(Duration.ofNanos(d.waitNanos())).isGreaterThanOrEqualTo(Duration.ofMinutes(2)); // held, at most 120 s
    }

    @Test
    void aProviderWithoutHeadersKeepsTheDefaultAndGrowsBackAfterBackingOff() {
        long[] first = sendAll(SMALL);
        for (long ticket : first) {
            pacer.released();
            pacer.observe(ticket, 200, Map.<String, String>of()::get);
        }
        assertThat(pacer.limit()).isEqualTo(ProviderPacer.START);
        pacer.observe(pacer.sending(), 503, Map.<String, String>of()::get);
        assertThat(pacer.limit()).isEqualTo(4);
        clock.advance(ProviderPacer.DEFAULT_HOLD);
        for (int i = 0; i < 40; i++) pacer.observe(pacer.sending(), 200, Map.<String, String>of()::get);
        assertThat(pacer.limit()).isEqualTo(ProviderPacer.START);
    }

    @Test
    void aFixedCapStaysFixedButStillPaces() {
        pacer.cap(3);
        long[] first = sendAll(SMALL);
        assertThat(first).hasSize(3);
        pacer.released();
        pacer.observe(first[0], 200, openAi(9_000, "1s", 9_000_000, "1s")::get);
        assertThat(pacer.limit()).isEqualTo(3);
        pacer.observe(first[1], 429, Map.of("retry-after", "1")::get);
        assertThat(pacer.limit()).isEqualTo(3);
        assertThat(pacer.decide(SMALL).verdict()).isEqualTo(ProviderPacer.Verdict.WAIT);
        assertThat(pacer.state().auto()).isFalse();
    }

    @Test
    void theLeastRemainingInAWindowIsTheLatestCount() {
        long[] wave = sendAll(SMALL);
        clock.advance(Duration.ofMillis(300));
        // Requests arrive in another order than they were sent: the last one sent was counted early.
        pacer.observe(wave[7], 200, openAi(6, "5s", 9_000_000, "5s")::get);
        for (int i = 0; i < 7; i++) pacer.observe(wave[i], 200, openAi(2 + i, "5s", 9_000_000, "5s")::get);
        for (int i = 0; i < 8; i++) pacer.released();
        assertThat(sendAll(SMALL)).hasSize(2);
    }

    @Test
    void requestsThatMayNotBeCountedYetAreTakenOffWhatRemains() {
        // Let go in one burst and sent afterwards; the third one's answer comes first.
        for (int i = 0; i < 8; i++) {
            assertThat(pacer.decide(SMALL).verdict()).isEqualTo(ProviderPacer.Verdict.GO);
            pacer.granted(SMALL);
        }
        long[] sent = new long[8];
        for (int i = 0; i < 8; i++) sent[i] = pacer.sending();
        pacer.observe(sent[2], 200, openAi(10, "5s", 9_000_000, "5s")::get);
        for (int i = 0; i < 8; i++) pacer.released();
        // The five sent after it, and the two sent before it but not answered, may not be in its count.
        assertThat(sendAll(SMALL)).hasSize(3);
        pacer.observe(sent[0], 200, openAi(12, "5s", 9_000_000, "5s")::get);
        pacer.observe(sent[1], 200, openAi(11, "5s", 9_000_000, "5s")::get);
        for (int i = 0; i < 3; i++) pacer.released();
        assertThat(sendAll(SMALL)).hasSize(2);
    }
}
