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

/** run → insights → change the property → rescore → insights, all offline on the Simulated surface. */
class InsightsAndRescoreCommandTest {

    @TempDir
    Path home;

    final StringWriter err = new StringWriter();

    String run(String... args) {
        StringWriter out = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--home");
        all.add(home.toString());
        int code = PropertyAuditCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                all.toArray(String[]::new));
        assertThat(code).as("exit code of %s; stderr: %s", all, err).isZero();
        return out.toString();
    }

    static Property property(List<Competitor> competitors) {
        return new Property("Domain San Diego", List.of(), List.of("domainsandiego.com"),
                new Location("San Diego", "CA", "East Village"), competitors,
                IntStream.range(0, 6).mapToObj(i -> new AuditQuery("apartments question " + i, null)).toList());
    }

    @Test
    void insightsMatchTheStoredAnswersAndRescoreChangesThemWithoutNetwork() throws Exception {
        List<Competitor> two = List.of(new Competitor("Pinnacle on the Park", List.of(), List.of()),
                new Competitor("Park 12", List.of(), List.of()));
        Path file = home.resolve("p.json");
        Files.writeString(file, PropertyJson.write(property(two)));
        JsonNode summary = new ObjectMapper().readTree(run("run", "--property", file.toString(), "--surface",
                "simulated:demo", "--samples", "2", "--json"));
        assertThat(summary.get("status").asText()).isEqualTo("complete");

        JsonNode before = new ObjectMapper().readTree(run("insights", "--batch", "latest", "--json"));
        assertThat(before.at("/batchStatus/status").asText()).isEqualTo("complete");
        assertThat(before.at("/summary/answers").asInt()).isEqualTo(12);
        assertThat(before.at("/summary/visibility/simulated:demo").asDouble())
                .isEqualTo(summary.at("/runs/0/score").asDouble());
        assertThat(before.get("competitors")).allSatisfy(c -> assertThat(c.get("name").asText()).isIn(
                "Pinnacle on the Park", "Park 12"));

        // The analyst drops Park 12 and re-scores: its mentions disappear from past insights.
        Files.writeString(file, PropertyJson.write(property(two.subList(0, 1))));
        run("property", "import", file.toString());
        assertThat(run("rescore", "--batch", "all", "--property", "Domain San Diego")).contains("Re-scored 12 answers");
        JsonNode after = new ObjectMapper().readTree(run("insights", "--json"));
        assertThat(after.get("competitors")).allSatisfy(c -> assertThat(c.get("name").asText())
                .isEqualTo("Pinnacle on the Park"));
        if (before.get("competitors").size() > 1) {
            assertThat(after.at("/summary/brandSOV").asDouble())
                    .isGreaterThanOrEqualTo(before.at("/summary/brandSOV").asDouble());
        }
    }

    @Test
    void aComparisonOfBatchesThatAskedDifferentThingsSaysSoAndTestsOnlyWhatTheyShare() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Path file = home.resolve("p.json");
        Property six = property(List.of());
        Files.writeString(file, PropertyJson.write(six));
        String first = json.readTree(run("run", "--property", file.toString(), "--surface", "simulated:demo",
                "--json")).get("batchId").asText();
        String alike = json.readTree(run("run", "--property", "Domain San Diego", "--surface", "simulated:demo",
                "--json")).get("batchId").asText();
        JsonNode same = json.readTree(run("insights", "--batch", alike, "--compare", first, "--json"));
        assertThat(same.at("/comparability/comparable").asBoolean()).isTrue();
        assertThat(same.at("/comparability/differences")).isEmpty();
        // Two Simulated batches of the same design answer differently, so the demo's comparison moves.
        assertThat(same.get("comparison")).anySatisfy(d -> assertThat(d.get("change").asDouble()).isNotZero());

        List<AuditQuery> nine = new ArrayList<>(six.queries());
        for (int i = 0; i < 3; i++) nine.add(new AuditQuery("a new question " + i, null));
        Files.writeString(file, PropertyJson.write(new Property(six.name(), six.aliases(), six.domains(), six.location(),
                six.competitors(), nine)));
        String later = json.readTree(run("run", "--property", file.toString(), "--surface", "simulated:demo",
                "--samples", "2", "--json")).get("batchId").asText();
        JsonNode cmp = json.readTree(run("insights", "--batch", later, "--compare", first, "--json"));
        assertThat(cmp.at("/comparability/comparable").asBoolean()).isFalse();
        assertThat(cmp.at("/comparability/differences")).extracting(JsonNode::asText)
                .containsExactly("queries: 6 vs 9 (6 shared)", "samples: 1 vs 2");
        JsonNode rate = cmp.at("/comparison/0");
        assertThat(rate.get("test").asText()).isEqualTo("McNemar on 6 paired query-surface outcomes");
        // The later side counts only its answers to the six shared questions, first sample.
        JsonNode laterAlone = json.readTree(run("insights", "--batch", later, "--json"));
        assertThat(laterAlone.at("/summary/answers").asInt()).isEqualTo(18);
        assertThat(run("insights", "--batch", later, "--compare", first))
                .contains("Not like for like (queries: 6 vs 9 (6 shared); samples: 1 vs 2)");
    }

    @Test
    void anUnknownBatchIsABadInputSentence() {
        int code = PropertyAuditCommand.execute(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
                "insights", "--batch", "deadbeef", "--home", home.toString());
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("no batch id starts with 'deadbeef'");
    }

    int code(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--home");
        all.add(home.toString());
        return PropertyAuditCommand.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                all.toArray(String[]::new));
    }

    @Test
    void aBatchIsNotReScoredAgainstAnotherStoredProperty() throws Exception {
        Path file = home.resolve("p.json");
        Files.writeString(file, PropertyJson.write(property(List.of())));
        run("run", "--property", file.toString(), "--surface", "simulated:demo");
        Files.writeString(file, "{\"name\": \"Other Place\", \"queries\": [{\"text\": \"lofts\"}]}");
        run("property", "import", file.toString());
        assertThat(code("rescore", "--batch", "latest", "--property", "Other Place")).isEqualTo(2);
        assertThat(err.toString()).contains("is of 'Domain San Diego', not 'Other Place'");
    }

    @Test
    void aPropertyWithoutQueriesIsABadInputSentence() throws Exception {
        Path file = home.resolve("empty.json");
        Files.writeString(file, "{\"name\": \"Empty Q\"}");
        assertThat(code("run", "--property", file.toString(), "--surface", "simulated:demo")).isEqualTo(2);
        assertThat(err.toString()).contains("has no queries").doesNotContain("Unexpected error");
    }

    @Test
    void aDbOptionThatIsNotAJdbcUrlIsABadInputSentence() {
        assertThat(code("batches", "--db", "foo")).isEqualTo(2);
        assertThat(err.toString()).contains("'foo' is not a JDBC URL");
    }
}
