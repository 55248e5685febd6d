package com.propertyaudit.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.propertyaudit.cli.PropertyAuditCommand;
import com.propertyaudit.domain.AuditQuery;
import com.propertyaudit.domain.Competitor;
import com.propertyaudit.domain.Location;
import com.propertyaudit.domain.Property;
import com.propertyaudit.store.PropertyJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done when", end to end through the command line: two properties audited twice against
 * a local OpenAI-compatible server (MockWebServer), one of them no longer named the second time.
 * portfolio --json flags only that one, exactly one webhook POST arrives, about it, and a schedule
 * runs once on the first run-due and not on the second.
 */
class PortfolioScenarioTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    final MockWebServer engine = new MockWebServer();
    final MockWebServer hook = new MockWebServer();
    /** Once set, the engine's answers stop naming Beta Flats. */
    final AtomicBoolean betaForgotten = new AtomicBoolean();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void servers() throws Exception {
        engine.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                if (request.getUrl().encodedPath().endsWith("/models")) {
                    return json("{\"object\":\"list\",\"data\":[{\"id\":\"tracker\",\"object\":\"model\"}]}");
                }
                String body = request.getBody() == null ? "" : request.getBody().utf8();
                boolean beta = body.contains("beta town");
                String names = beta ? (betaForgotten.get() ? "Rival Court" : "Beta Flats and Rival Court")
                        : "Alpha Lofts and Rival Court";
                return json("{\"id\":\"c1\",\"object\":\"chat.completion\",\"model\":\"tracker\",\"choices\":[{\"index\":0,"
                        + "\"message\":{\"role\":\"assistant\",\"content\":\"Renters like " + names + ".\"},"
                        + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":8}}");
            }
        });
        engine.start();
        hook.enqueue(new MockResponse.Builder().code(200).body("ok").build());
        hook.start();
        Files.writeString(home.resolve("settings.json"), "{\"baseUrls\": {\"local\": \""
                + engine.url("/v1").toString().replaceAll("/$", "") + "\"}}");
        Files.writeString(home.resolve("alerts.json"), "{\"webhookUrl\": \"" + hook.url("/hook") + "\"}");
    }

    @AfterEach
    void stop() throws Exception {
        engine.close();
        hook.close();
    }

    static MockResponse json(String body) {
        return new MockResponse.Builder().code(200).setHeader("content-type", "application/json").body(body).build();
    }

    Path property(String name, String town) throws Exception {
        Property p = new Property(name, List.of(), List.of(), new Location("Portland", "OR", null),
                List.of(Competitor.named("Rival Court")),
                IntStream.range(0, 12).mapToObj(i -> new AuditQuery("apartments in " + town + " number " + i, null)).toList());
        Path file = home.resolve(name.replace(' ', '-') + ".json");
        Files.writeString(file, PropertyJson.write(p));
        return file;
    }

    int exec(StringWriter out, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--home");
        all.add(home.toString());
        return PropertyAuditCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
    }

    JsonNode json(String... args) throws Exception {
        StringWriter out = new StringWriter();
        assertThat(exec(out, args)).as("stderr: %s", err).isZero();
        return JSON.readTree(out.toString());
    }

    @Test
    void onePropertyLosesMentionsOneAlertOneWebhookPostAndSchedulesRunOnce() throws Exception {
        Path alpha = property("Alpha Lofts", "alpha town");
        Path beta = property("Beta Flats", "beta town");
        JsonNode first = json("run", "--property", alpha.toString(), "--property", beta.toString(),
                "--surface", "local:tracker", "--json");
        assertThat(first.size()).isEqualTo(2);
        assertThat(first.findValuesAsText("status")).contains("complete");

        betaForgotten.set(true);
        JsonNode second = json("run", "--all", "--surface", "local:tracker", "--json");
        assertThat(second.size()).isEqualTo(2);

        JsonNode portfolio = json("portfolio", "--json");
        assertThat(portfolio.size()).isEqualTo(2);
        JsonNode top = portfolio.get(0);
        assertThat(top.get("property").asText()).isEqualTo("Beta Flats");
        assertThat(top.get("alert").asBoolean()).isTrue();
        assertThat(top.at("/change/significant").asBoolean()).isTrue();
        assertThat(top.at("/change/test").asText()).isEqualTo("mcnemar");
        assertThat(top.at("/change/mentionRateDelta").asDouble()).isEqualTo(-100.0);
        assertThat(top.at("/change/pValue").asDouble()).isLessThan(0.05);
        assertThat(top.get("brandMentionRate").asDouble()).isZero();
        JsonNode other = portfolio.get(1);
        assertThat(other.get("property").asText()).isEqualTo("Alpha Lofts");
        assertThat(other.get("alert").asBoolean()).isFalse();
        assertThat(other.at("/change/significant").asBoolean()).isFalse();
        assertThat(other.at("/change/mentionRateDelta").asDouble()).isZero();
        assertThat(err.toString()).contains("Alert: Significant drop for Beta Flats");

        assertThat(hook.getRequestCount()).isEqualTo(1);
        RecordedRequest post = hook.takeRequest(5, TimeUnit.SECONDS);
        assertThat(post.getMethod()).isEqualTo("POST");
        JsonNode body = JSON.readTree(post.getBody().utf8());
        assertThat(body.get("property").asText()).isEqualTo("Beta Flats");
        assertThat(body.get("text").asText()).contains("Beta Flats").contains("brand mention rate fell 100.0 points");
        assertThat(body.get("batchId").asText()).isEqualTo(top.get("latestBatchId").asText());
        assertThat(body.at("/change/significant").asBoolean()).isTrue();

        StringWriter id = new StringWriter();
        assertThat(exec(id, "schedule", "add", "--property", "Alpha Lofts", "--every", "1d", "--surface",
                "local:tracker")).as("stderr: %s", err).isZero();
        JsonNode listed = json("schedule", "list", "--json");
        assertThat(listed.get(0).get("id").asLong()).isEqualTo(Long.parseLong(id.toString().strip()));
        assertThat(listed.get(0).get("lastRun").isNull()).isTrue();

        JsonNode due = json("run-due", "--json");
        assertThat(due.get("ran").size()).isEqualTo(1);
        assertThat(due.at("/ran/0/property").asText()).isEqualTo("Alpha Lofts");
        assertThat(due.get("notDue").asInt()).isZero();
        JsonNode again = json("run-due", "--json");
        assertThat(again.get("ran").size()).isZero();
        assertThat(again.get("notDue").asInt()).isEqualTo(1);
        JsonNode after = json("schedule", "list", "--json");
        assertThat(after.get(0).get("lastRun").isNull()).isFalse();
        assertThat(json("portfolio", "--json").get(1).get("nextRun").asText()).isEqualTo(after.get(0).get("nextRun").asText());
        assertThat(hook.getRequestCount()).isEqualTo(1);
    }
}
