package com.propertyaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Property files the database would refuse get a sentence from score, property import and run alike. */
class PropertyFileCommandTest {

    @TempDir
    Path dir;

    final StringWriter err = new StringWriter();

    int code(String... args) {
        err.getBuffer().setLength(0);
        return PropertyAuditCommand.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), args);
    }

    @Test
    void blankLookingNamesRepeatedFieldsAndOverlongFieldsExitTwoWithASentence() throws Exception {
        Path answers = Files.writeString(dir.resolve("a.jsonl"), "{\"id\": \"1\", \"text\": \"hi\"}\n");
        Path file = dir.resolve("p.json");
        Path home = dir.resolve("home");
        List<String[]> cases = List.of(
                new String[] {"{\"name\": \"\u00A0\u200B\", \"queries\": [\"q\"]}", "has no letter or digit"},
                new String[] {"{\"name\": \"A\", \"name\": \"B\", \"queries\": [\"q\"]}", "is given twice"},
                new String[] {"{\"name\": \"A\", \"queries\": [\"q\"]} {}", "more text after"},
                new String[] {"{\"name\": \"" + "n".repeat(301) + "\", \"queries\": [\"q\"]}", "the limit is 300"},
                new String[] {"{\"name\": \"A\", \"queries\": [{\"text\": \"q\", \"topic\": \"" + "t".repeat(101) + "\"}]}",
                    "the limit is 100"},
                new String[] {"{\"name\": \"A\", \"location\": {\"city\": \"" + "c".repeat(201) + "\"}, \"queries\": [\"q\"]}",
                    "the limit is 200"},
                new String[] {"{\"name\": \"A\", \"competitors\": [{\"name\": \"B\", \"aliases\": [\"" + "a".repeat(301)
                    + "\"]}], \"queries\": [\"q\"]}", "the limit is 300"});
        for (String[] c : cases) {
            Files.writeString(file, c[0]);
            for (String[] args : List.of(
                    new String[] {"score", "--property", file.toString(), "--answers", answers.toString()},
                    new String[] {"property", "import", file.toString(), "--home", home.toString()},
                    new String[] {"run", "--property", file.toString(), "--surface", "simulated:demo", "--home",
                        home.toString()})) {
                assertThat(code(args)).as("%s %s", args[0], c[1]).isEqualTo(2);
                assertThat(err.toString()).as("%s %s", args[0], c[1]).startsWith(file + ", line ").contains(c[1])
                        .doesNotContain("Unexpected", "Exception").hasLineCount(1);
            }
        }
        assertThat(code("property", "list", "--home", home.toString())).isZero();
    }
}
