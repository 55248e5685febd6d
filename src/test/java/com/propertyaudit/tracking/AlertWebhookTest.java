package com.propertyaudit.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The webhook against MockWebServer: the JSON body, a slow receiver cut off, a 500 not retried. */
class AlertWebhookTest {

    final MockWebServer server = new MockWebServer();
    final ObjectNode body = new ObjectMapper().createObjectNode().put("text", "Significant drop for Alpha Lofts");

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void postsTheJsonBodyOnce() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("ok").build());
        assertThat(new AlertWebhook().post(server.url("/hook").toString(), body)).isEmpty();
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getBody().utf8()).isEqualTo("{\"text\":\"Significant drop for Alpha Lofts\"}");
    }

    @Test
    void aReceiverSlowerThanTheTimeoutIsCutOffAndNotAskedAgain() {
        server.enqueue(new MockResponse.Builder().code(200).headersDelay(3, TimeUnit.SECONDS).build());
        long t0 = System.nanoTime();
        Optional<String> error = new AlertWebhook(Duration.ofMillis(400)).post(server.url("/hook").toString(), body);
        assertThat(error).contains("The alert webhook at " + server.getHostName()
                + " did not answer within 400 ms; the alert was not delivered (no retry).");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aServerErrorIsASentenceNamingTheHostNotTheSecretPath() {
        server.enqueue(new MockResponse.Builder().code(500).build());
        server.enqueue(new MockResponse.Builder().code(200).build());
        Optional<String> error = new AlertWebhook().post(server.url("/services/SECRET").toString(), body);
        assertThat(error.orElseThrow()).contains("answered HTTP 500").doesNotContain("SECRET");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aUrlThatIsNotOneSaysWhatToSet() {
        assertThat(new AlertWebhook().post("not a url", body).orElseThrow()).contains("PROPERTYAUDIT_ALERT_WEBHOOK");
    }
}
