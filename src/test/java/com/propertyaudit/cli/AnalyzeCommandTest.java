package com.propertyaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run --analysis and analyze with the Simulated analyst, offline; the insights carry the analysis and sentiment. */
class AnalyzeCommandTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    final StringWriter err = new StringWriter();

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

    Path propertyFile() throws Exception {
        Property p = new Property("Domain San Diego", List.of(), List.of("domainsandiego.com"),
                new Location("San Diego", "CA", "East Village"),
                List.of(Competitor.named("Pinnacle on the Park"), Competitor.named("Park 12")),
                IntStream.range(0, 4).mapToObj(i -> new AuditQuery("apartments question " + i, null)).toList());
        Path file = home.resolve("p.json");
        Files.writeString(file, PropertyJson.write(p));
        return file;
    }

    @Test
    void runWithAnalysisThenInsightsShowTheSimulatedAnalysisAndSentiment() throws Exception {
        JsonNode run = json("run", "--property", propertyFile().toString(), "--surface", "simulated:demo",
                "--surface", "simulated:demo+web", "--analysis", "simulated:demo", "--json");
        assertThat(run.get("status").asText()).isEqualTo("complete");
        assertThat(run.at("/analysis/status").asText()).isEqualTo("completed");
        assertThat(run.at("/analysis/simulated").asBoolean()).isTrue();

        JsonNode insights = json("insights", "--json");
        assertThat(insights.at("/analysis/status").asText()).isEqualTo("completed");
        assertThat(insights.at("/analysis/consensus").size() + insights.at("/analysis/divergences").size())
                .isPositive();
        assertThat(insights.get("discovered").isArray()).isTrue();
        JsonNode first = insights.at("/competitors/0");
        int judged = first.at("/sentiment/positive").asInt() + first.at("/sentiment/neutral").asInt()
                + first.at("/sentiment/negative").asInt();
        assertThat(judged).isEqualTo(first.get("mentions").asInt());

        JsonNode again = json("analyze", "--batch", "latest", "--surface", "simulated:demo", "--json");
        assertThat(again.get("status").asText()).isEqualTo("completed");
        assertThat(again.get("droppedItems").asInt()).isZero();
    }

    @Test
    void anUnknownBatchOrSurfaceIsBadInputWithoutAStackTrace() throws Exception {
        json("run", "--property", propertyFile().toString(), "--surface", "simulated:demo", "--json");
        StringWriter out = new StringWriter();
        assertThat(exec(out, "analyze", "--batch", "00000000", "--surface", "simulated:demo")).isEqualTo(2);
        assertThat(exec(out, "analyze", "--surface", "nonsense")).isEqualTo(2);
        assertThat(err.toString()).doesNotContain("Exception");
    }
}
