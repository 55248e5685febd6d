package com.propertyaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code score} command end to end, in process, on the contract's examples and bad input. */
class ScoreCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    Path property;
    Path answers;
    final StringWriter err = new StringWriter();

    @BeforeEach
    void copyExamples() throws Exception {
        property = copy("property.json");
        answers = copy("answers.jsonl");
    }

    private Path copy(String name) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/examples/score/" + name)) {
            Path p = dir.resolve(name);
            Files.copy(in, p);
            return p;
        }
    }

    private int run(String... args) {
        return PropertyAuditCommand.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
    }

    private static List<JsonNode> lines(String text) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String l : text.split("\n")) if (!l.isBlank()) out.add(JSON.readTree(l));
        return out;
    }

    @Test
    void scoresTheContractExamplesToTheExpectedResults() throws Exception {
        Path out = dir.resolve("results.jsonl");
        assertThat(run("score", "--property", property.toString(), "--answers", answers.toString(),
                "--out", out.toString())).isZero();
        String expected = new String(getClass().getResourceAsStream("/examples/score/expected.jsonl").readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(lines(Files.readString(out))).isEqualTo(lines(expected));
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void withoutOutResultsGoToStandardOutputAndNothingElse() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThat(run("score", "--property", property.toString(), "--answers", answers.toString())).isZero();
        } finally {
            System.setOut(original);
        }
        List<JsonNode> results = lines(captured.toString(StandardCharsets.UTF_8));
        assertThat(results).hasSize(6);
        assertThat(results).extracting(n -> n.get("id").asText())
                .containsExactly("ex1", "ex2", "ex3", "ex4", "ex5", "ex6");
    }

    @Test
    void aBadLineHalfWayWritesNothingAndNamesFileLineAndField() throws Exception {
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, "{\"id\": \"a\", \"text\": \"The Yard\"}\n{\"text\": \"no id\"}\n");
        Path out = dir.resolve("results.jsonl");
        assertThat(run("score", "--property", property.toString(), "--answers", bad.toString(),
                "--out", out.toString())).isEqualTo(2);
        assertThat(out).doesNotExist();
        assertThat(err.toString().strip()).isEqualTo(bad + ", line 2, field \"id\": is required.");
    }

    @Test
    void anExistingOutputIsLeftAloneOnError() throws Exception {
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, "not json\n");
        Path out = dir.resolve("results.jsonl");
        Files.writeString(out, "previous results\n");
        assertThat(run("score", "--property", property.toString(), "--answers", bad.toString(),
                "--out", out.toString())).isEqualTo(2);
        assertThat(Files.readString(out)).isEqualTo("previous results\n");
        assertThat(err.toString()).startsWith(bad + ", line 1: not valid JSON");
    }

    @Test
    void wrongTypesAreNamed() throws Exception {
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, "{\"id\": \"a\", \"text\": 5}\n");
        assertThat(run("score", "--property", property.toString(), "--answers", bad.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("line 1, field \"text\": must be a string or null.");

        err.getBuffer().setLength(0);
        Files.writeString(bad, "{\"id\": \"a\", \"citations\": [{\"title\": \"x\"}]}\n");
        assertThat(run("score", "--property", property.toString(), "--answers", bad.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("line 1, field \"citations[0].url\": is required");
    }

    @Test
    void answersThatAreNotUtf8AreRefusedWithTheirLine() throws Exception {
        Path bad = dir.resolve("latin1.jsonl");
        Files.write(bad, "{\"id\": \"a\", \"text\": \"ok\"}\n{\"id\": \"b\", \"text\": \"Caf\u00e9\"}\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(run("score", "--property", property.toString(), "--answers", bad.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("line 2: the file is not UTF-8");
    }

    @Test
    void aPropertyFileWithATypoIsRefused() throws Exception {
        Path bad = dir.resolve("typo.json");
        Files.writeString(bad, "{\n  \"name\": \"X\",\n  \"competitor\": []\n}\n");
        assertThat(run("score", "--property", bad.toString(), "--answers", answers.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith(bad + ", line 3, field \"competitor\": is not a known field");
    }

    @Test
    void emptyNullAndMissingTextScoreZero() throws Exception {
        Path in = dir.resolve("empty.jsonl");
        Files.writeString(in, "{\"id\": \"a\", \"text\": \"\"}\n{\"id\": \"b\", \"text\": null}\n{\"id\": \"c\"}\n\n");
        Path out = dir.resolve("r.jsonl");
        assertThat(run("score", "--property", property.toString(), "--answers", in.toString(), "--out", out.toString()))
                .isZero();
        List<JsonNode> results = lines(Files.readString(out));
        assertThat(results).hasSize(3);
        assertThat(results).allSatisfy(r -> {
            assertThat(r.get("score").asDouble()).isZero();
            assertThat(r.get("brand").get("mentioned").asBoolean()).isFalse();
            assertThat(r.get("competitors")).isEmpty();
        });
    }

    @Test
    void missingOptionIsAUsageError() {
        assertThat(run("score", "--property", property.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--answers");
    }

    @Test
    void manyLinesKeepTheirOrderAcrossWorkerChunks() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            sb.append("{\"id\": \"n").append(i).append("\", \"text\": \"").append(i % 3 == 0 ? "The Yard" : "nothing")
                    .append("\"}\n");
        }
        Path in = dir.resolve("many.jsonl");
        Files.writeString(in, sb);
        Path out = dir.resolve("r.jsonl");
        assertThat(run("score", "--property", property.toString(), "--answers", in.toString(), "--out", out.toString()))
                .isZero();
        List<JsonNode> results = lines(Files.readString(out));
        assertThat(results).hasSize(2000);
        for (int i = 0; i < 2000; i++) {
            assertThat(results.get(i).get("id").asText()).isEqualTo("n" + i);
            assertThat(results.get(i).get("competitors").size()).isEqualTo(i % 3 == 0 ? 1 : 0);
        }
    }

    @Test
    void twoObjectsOnOneLineAreRefusedNotHalfRead() throws Exception {
        Path two = dir.resolve("two.jsonl");
        Files.writeString(two, "{\"id\":\"a\",\"text\":\"x\"} {\"id\":\"b\"}\n");
        assertThat(run("score", "--property", property.toString(), "--answers", two.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("line 1: more than one JSON value on the line");
    }

    @Test
    void anOutFileInAMissingFolderNamesTheFolder() {
        Path out = dir.resolve("no-such-folder").resolve("r.jsonl");
        assertThat(run("score", "--property", property.toString(), "--answers", answers.toString(), "--out",
                out.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("the folder " + out.getParent() + " does not exist");
    }
}
