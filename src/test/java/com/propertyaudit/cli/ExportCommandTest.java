package com.propertyaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyaudit.report.CsvExport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** export --out: paths that cannot take the export are exit 2 with a sentence naming them, and nothing is written. */
class ExportCommandTest {

    @TempDir
    Path dir;

    StringWriter err;

    int code(String... args) {
        err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--home");
        all.add(dir.resolve("home").toString());
        return PropertyAuditCommand.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                all.toArray(String[]::new));
    }

    @BeforeEach
    void oneBatch() throws Exception {
        Path file = Files.writeString(dir.resolve("p.json"), "{\"name\": \"Harbor Point Lofts\", \"queries\": [\"best lofts\"]}");
        assertThat(code("run", "--property", file.toString(), "--surface", "simulated:demo")).as("%s", err).isZero();
    }

    @Test
    void badTargetsAreSentencesNamingThePath() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Path full = Files.createDirectory(dir.resolve("full"));
        Files.writeString(full.resolve("keep.txt"), "keep");
        Path zipFolder = Files.createDirectory(dir.resolve("out.zip"));
        Path file = Files.writeString(dir.resolve("plain"), "plain");
        Object[][] cases = {
            {"csv", "", "--out: No file was named"},
            {"pdf", "", "--out: No file was named"},
            {"csv", "  ", "--out: No file was named"},
            {"pdf", empty.toString(), "--out: " + empty + " is a folder"},
            {"pdf", full.toString(), "--out: " + full + " is a folder"},
            {"csv", zipFolder.toString(), "--out: " + zipFolder + " is a folder, not a zip file"},
            {"csv", file.toString(), "--out: " + file + " is a file, not a folder"},
            {"pdf", file.resolve("r.pdf").toString(), "--out: " + file + " is a file, not a folder"},
            {"pdf", dir.resolve("r.txt").toString(), "--out: " + dir.resolve("r.txt") + " does not end in .pdf: name the"
                    + " PDF file like " + dir.resolve("r.pdf")},
        };
        for (Object[] c : cases) {
            assertThat(code("export", "--format", (String) c[0], "--out", (String) c[1])).as("%s", c[1]).isEqualTo(2);
            assertThat(err.toString()).as("%s", c[1]).startsWith((String) c[2]).hasLineCount(1);
        }
        assertThat(empty).isEmptyDirectory();
        assertThat(zipFolder).isEmptyDirectory();
        assertThat(Files.readString(file)).isEqualTo("plain");
        try (Stream<Path> s = Files.list(full)) {
            assertThat(s.toList()).containsExactly(full.resolve("keep.txt"));
        }
        for (String name : CsvExport.FILES) assertThat(Path.of(name)).doesNotExist();
    }

    @Test
    void goodTargetsAreWrittenWithNoTemporaryFileLeft() throws Exception {
        Path out = dir.resolve("exports");
        assertThat(code("export", "--format", "csv", "--out", out.resolve("csv").toString())).as("%s", err).isZero();
        assertThat(code("export", "--format", "csv", "--out", out.resolve("b.zip").toString())).as("%s", err).isZero();
        assertThat(code("export", "--format", "pdf", "--out", out.resolve("r.pdf").toString())).as("%s", err).isZero();
        try (Stream<Path> s = Files.walk(out)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."))
                    .contains("b.zip", "r.pdf", "summary.csv");
        }
    }
}
