package com.propertyaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every option that takes a batch id takes hex digits and dashes only, literally; anything else is exit 2. */
class BatchIdOptionsTest {

    @TempDir
    Path home;

    StringWriter out;
    StringWriter err;
    String batchId;

    int code(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--home");
        all.add(home.toString());
        return PropertyAuditCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                all.toArray(String[]::new));
    }

    @BeforeEach
    void oneBatch() throws Exception {
        Path file = home.resolve("p.json");
        Files.writeString(file, "{\"name\": \"Harbor Point Lofts\", \"queries\": [\"best lofts\", \"quiet lofts\"]}");
        assertThat(code("run", "--property", file.toString(), "--surface", "simulated:demo", "--json"))
                .as("%s", err).isZero();
        batchId = new ObjectMapper().readTree(out.toString()).get("batchId").asText();
    }

    @Test
    void wildcardsAndOtherTextAreRefusedEverywhereAnIdIsTaken() {
        for (String bad : List.of("%", "_", "%_%", "", "   ", "abc", "xyz1", "6f1c%", batchId.substring(0, 8) + "_",
                "\u001b[31m")) {
            for (String[] args : List.of(
                    new String[] {"insights", "--batch", bad},
                    new String[] {"insights", "--batch", batchId, "--compare", bad},
                    new String[] {"export", "--batch", bad, "--format", "csv", "--out", home.resolve("x").toString()},
                    new String[] {"rescore", "--batch", bad, "--property", "Harbor Point Lofts"},
                    new String[] {"run", "--resume", bad})) {
                assertThat(code(args)).as("%s", List.of(args)).isEqualTo(2);
                assertThat(err.toString()).as("%s", List.of(args))
                        .contains("is not a batch id").doesNotContain("Exception", "\u001b").hasLineCount(1);
            }
        }
        assertThat(home.resolve("x")).doesNotExist();
    }

    @Test
    void upperCaseAndPaddedIdsAndPrefixesWork() {
        for (String id : List.of(batchId.toUpperCase(Locale.ROOT), "  " + batchId.substring(0, 8) + "  ",
                batchId.substring(0, 4).toUpperCase(Locale.ROOT))) {
            assertThat(code("insights", "--batch", id, "--json")).as("%s: %s", id, err).isZero();
            assertThat(out.toString()).contains(batchId);
        }
        assertThat(code("insights", "--batch", batchId, "--compare", " " + batchId.toUpperCase(Locale.ROOT) + " ",
                "--json")).as("%s", err).isZero();
    }

    @Test
    void anIdNoBatchHasIsASentence() {
        String other = batchId.startsWith("0") ? "ffff" : "0000";
        assertThat(code("insights", "--batch", other)).isEqualTo(2);
        assertThat(err.toString()).contains("--batch: no batch id starts with '" + other + "'").hasLineCount(1);
    }
}
