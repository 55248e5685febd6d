package com.propertyaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code java -jar target/propertyaudit.jar …} command in the README's bash blocks, run as
 * written from the repository's top folder against {@code examples/} (on a fresh data folder; files
 * the commands write go to a temporary folder). A README command that stops working fails here.
 */
class ReadmeExamplesTest {

    static final String JAR = "java -jar target/propertyaudit.jar ";

    @TempDir
    Path home;

    @TempDir
    Path outputs;

    static List<String> commands() throws Exception {
        List<String> out = new ArrayList<>();
        boolean bash = false;
        StringBuilder pending = null;
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            if (line.startsWith("```")) {
                bash = line.equals("```bash");
                continue;
            }
            if (!bash) continue;
            String l = line.strip();
            if (pending == null && !l.startsWith(JAR)) continue;
            if (pending == null) pending = new StringBuilder();
            boolean continues = l.endsWith("\\");
            pending.append(continues ? l.substring(0, l.length() - 1) : l).append(' ');
            if (!continues) {
                out.add(pending.toString().strip());
                pending = null;
            }
        }
        return out;
    }

    /** Shell-like words: spaces separate, double quotes group. */
    static List<String> words(String command) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : command.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (c == ' ' && !quoted) {
                if (any) out.add(w.toString());
                w.setLength(0);
                any = false;
            } else {
                w.append(c);
                any = true;
            }
        }
        if (any) out.add(w.toString());
        return out;
    }

    @Test
    void theReadmeCommandsWorkAsWrittenOnTheExamples() throws Exception {
        List<String> commands = commands();
        assertThat(commands).as("README commands").hasSizeGreaterThanOrEqualTo(5)
                .anyMatch(c -> c.contains(" score ")).anyMatch(c -> c.contains("examples/queries.csv"));
        for (String command : commands) {
            List<String> args = new ArrayList<>(words(command.substring(JAR.length())));
            for (int i = 0; i + 1 < args.size(); i++) {
                if (args.get(i).equals("--out")) args.set(i + 1, outputs.resolve(args.get(i + 1)).toString());
            }
            // score streams to the process's standard output; its result is read from a file instead.
            Path scores = outputs.resolve("scores.jsonl");
            if (command.contains(" score ") && !args.contains("--out")) args.addAll(List.of("--out", scores.toString()));
            args.add("--home");
            args.add(home.toString());
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = PropertyAuditCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                    args.toArray(String[]::new));
            assertThat(code).as("%s%nstderr: %s", command, err).isZero();
            if (command.contains(" score ")) {
                ObjectMapper json = new ObjectMapper();
                List<String> expected = Files.readAllLines(Path.of("examples/expected.jsonl"));
                List<String> got = Files.readAllLines(scores);
                assertThat(got).hasSameSizeAs(expected);
                for (int i = 0; i < got.size(); i++) {
                    assertThat(json.readTree(got.get(i))).isEqualTo(json.readTree(expected.get(i)));
                }
            }
            if (command.contains("property list")) assertThat(out.toString()).startsWith("ID ").contains("Harbor Point Lofts");
            if (command.endsWith(" batches")) assertThat(out.toString()).startsWith("BATCH ");
        }
        assertThat(outputs.resolve("harbor-point.pdf")).isNotEmptyFile();
        assertThat(outputs.resolve("harbor-point-csv").resolve("answers.csv")).isNotEmptyFile();
    }
}
