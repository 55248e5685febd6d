package com.propertyaudit.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.propertyaudit.domain.Property;
import com.propertyaudit.engine.Workspace;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The change and alert rules on hand-made batches in a real H2 file: a significant drop alerts, a steady
 * or rising property does not, a batch with other surfaces is skipped, changed queries fall back to the
 * two-proportion test, one batch has no change; the webhook posts once, and a failing one is recorded.
 */
class ChangeAndAlertTest {

    static final List<String> TWO = List.of("openai:gpt-5", "anthropic:claude-sonnet-4-5");
    static final Instant T0 = Instant.parse("2026-12-01T06:00:00Z");

    @TempDir
    Path home;

    final MockWebServer hook = new MockWebServer();
    Workspace ws;
    Tracking tracking;

    @BeforeEach
    void open() throws Exception {
        hook.start();
        Map<String, String> env = Map.of("PROPERTYAUDIT_ALERT_WEBHOOK", hook.url("/services/T000/B000/SECRET").toString());
        ws = Workspace.open(home, null, env);
        tracking = new Tracking(ws, env, Clock.fixed(T0.plusSeconds(86_400 * 3), ZoneOffset.UTC));
    }

    @AfterEach
    void close() throws Exception {
        tracking.close();
        ws.close();
        hook.close();
    }

    PortfolioRow row(String name) {
        return tracking.portfolio().stream().filter(r -> r.property().equals(name)).findFirst().orElseThrow();
    }

    Property saved(String name, int queries, String prefix) {
        Property p = Batches.property(name, queries, prefix);
        ws.properties().save(p);
        return p;
    }

    @Test
    void aSignificantDropAlertsAndPostsOnceWithTheChange() throws Exception {
        Property p = saved("Drop Lofts", 12, "lofts");
        Batches.batch(ws, p, TWO, T0, (q, s) -> true);
        UUID later = Batches.batch(ws, p, TWO, T0.plusSeconds(86_400), (q, s) -> q >= 8);
        hook.enqueue(new MockResponse.Builder().code(200).build());

        Tracking.Outcome o = tracking.afterBatch(later);
        assertThat(o.alert()).isTrue();
        assertThat(o.posted()).isTrue();
        // 16 of 24 paired outcomes went yes -> no, none the other way: McNemar, exact p = 2 * 0.5^16.
        assertThat(o.change().test()).isEqualTo("mcnemar");
        assertThat(o.change().pValue()).isCloseTo(2 * Math.pow(0.5, 16), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(o.change().mentionRateDelta()).isCloseTo(-66.67, org.assertj.core.data.Offset.offset(0.01));
        RecordedRequest post = hook.takeRequest(5, TimeUnit.SECONDS);
        JsonNode body = new ObjectMapper().readTree(post.getBody().utf8());
        assertThat(post.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(body.get("text").asText()).startsWith("Significant drop for Drop Lofts: brand mention rate fell 66.7 points");
        assertThat(body.get("property").asText()).isEqualTo("Drop Lofts");
        assertThat(body.get("batchId").asText()).isEqualTo(later.toString());
        assertThat(body.at("/change/mentionRateDelta").asDouble()).isEqualTo(-66.7);
        assertThat(body.at("/change/significant").asBoolean()).isTrue();

        assertThat(tracking.afterBatch(later).posted()).as("a batch alerts once").isFalse();
        assertThat(hook.getRequestCount()).isEqualTo(1);
        PortfolioRow r = row("Drop Lofts");
        assertThat(r.alert()).isTrue();
        assertThat(r.trend()).hasSize(2);
        assertThat(r.numbers().brandMentionRate()).isCloseTo(33.33, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void steadyAndRisingPropertiesDoNotAlertAndNoiseIsNotSignificant() {
        Property steady = saved("Steady Flats", 12, "flats");
        Batches.batch(ws, steady, TWO, T0, (q, s) -> q % 2 == 0);
        UUID again = Batches.batch(ws, steady, TWO, T0.plusSeconds(60), (q, s) -> q % 2 == 0 ^ q == 3);
        Property rising = saved("Rising Court", 12, "court");
        Batches.batch(ws, rising, TWO, T0, (q, s) -> false);
        Batches.batch(ws, rising, TWO, T0.plusSeconds(60), (q, s) -> true);

        Tracking.Outcome o = tracking.afterBatch(again);
        assertThat(o.alert()).isFalse();
        assertThat(o.change().significant()).isFalse();
        assertThat(o.change().test()).isEqualTo("mcnemar");
        PortfolioRow rise = row("Rising Court");
        assertThat(rise.change().significant()).isTrue();
        assertThat(rise.change().delta()).isPositive();
        assertThat(rise.alert()).isFalse();
        assertThat(hook.getRequestCount()).isZero();
    }

    @Test
    void aBatchWithOtherSurfacesIsSkippedAndChangedQueriesUseTheTwoProportionTest() {
        Property p = saved("Mixed Homes", 12, "homes");
        UUID first = Batches.batch(ws, p, TWO, T0, (q, s) -> true);
        Batches.batch(ws, p, List.of("gemini:gemini-2.5-flash"), T0.plusSeconds(60), (q, s) -> false);
        Property reworded = Batches.property("Mixed Homes", 12, "reworded homes");
        ws.properties().save(reworded);
        Batches.batch(ws, reworded, TWO, T0.plusSeconds(120), (q, s) -> q < 2);

        PortfolioRow r = row("Mixed Homes");
        assertThat(r.change().previousBatchId()).isEqualTo(first);
        assertThat(r.change().test()).isEqualTo("two-proportion");
        assertThat(r.alert()).isTrue();
    }

    @Test
    void oneBatchHasNoChangeAndANeverAuditedPropertyHasARowAllTheSame() {
        Property p = saved("Solo Lofts", 6, "solo");
        Batches.batch(ws, p, TWO, T0, (q, s) -> true);
        saved("New Court", 3, "new");
        assertThat(row("Solo Lofts").change()).isNull();
        assertThat(row("Solo Lofts").alert()).isFalse();
        assertThat(row("New Court").latestBatchId()).isNull();
        assertThat(row("New Court").numbers().brandMentionRate()).isNull();
    }

    @Test
    void aFailingWebhookIsRecordedAndShownNeverThrown() {
        Property p = saved("Broken Hook Lofts", 12, "hook");
        Batches.batch(ws, p, TWO, T0, (q, s) -> true);
        UUID later = Batches.batch(ws, p, TWO, T0.plusSeconds(60), (q, s) -> false);
        hook.enqueue(new MockResponse.Builder().code(500).build());

        Tracking.Outcome o = tracking.afterBatch(later);
        assertThat(o.alert()).isTrue();
        assertThat(o.posted()).isFalse();
        assertThat(o.webhookError()).isEqualTo("The alert webhook at " + hook.getHostName()
                + " answered HTTP 500; the alert was not delivered (no retry).").doesNotContain("SECRET");
        assertThat(row("Broken Hook Lofts").alertError()).isEqualTo(o.webhookError());
        assertThat(hook.getRequestCount()).isEqualTo(1);
    }
}
