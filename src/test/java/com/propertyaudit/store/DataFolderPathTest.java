package com.propertyaudit.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyaudit.cli.PropertyAuditCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A data folder's path never becomes part of the JDBC URL's grammar: it works, or gets a sentence. */
class DataFolderPathTest {

    @TempDir
    Path root;

    @ParameterizedTest
    @ValueSource(strings = {"eq=ual", "quo'te", "per%cent", "amp&", "q?mark", "ha#sh", "sp ace", "co:lon",
        "IFEXISTS=TRUE", "uni\u00e9\u4e2d", "comma,x", "at@x"})
    void aFolderWithCharactersSpecialToUrlsHoldsItsDatabase(String name) throws IOException {
        Path folder = root.resolve(name);
        Files.createDirectories(folder);
        try (Database db = Database.openFolder(folder)) {
            String path = db.read(c -> {
                try (var rs = c.createStatement().executeQuery("SELECT DATABASE_PATH()")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertThat(path).isEqualTo(folder.resolve("propertyaudit").toString());
        }
        assertThat(Files.exists(folder.resolve("propertyaudit.mv.db"))).isTrue();
        assertThat(filesUnder(root)).allMatch(p -> p.startsWith(folder));
    }

    @Test
    void aSemicolonIsRefusedWithASentenceAndNothingIsWritten() {
        Path folder = root.resolve("x").resolve("x;IFEXISTS=TRUE");
        StringWriter err = new StringWriter();
        int code = PropertyAuditCommand.execute(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                "property", "list", "--home", folder.toString());
        assertThat(code).isEqualTo(PropertyAuditCommand.BAD_INPUT);
        assertThat(err.toString()).contains(folder.toString()).contains("';'").contains("--home")
                .doesNotContain("URL format").doesNotContain("Exception");
        assertThat(filesUnder(root)).isEmpty();
    }

    @Test
    void aBackslashIsRefusedWhereItIsNotTheSeparator() {
        Path folder = root.resolve("back\\slash");
        String problem = Database.folderProblem(folder);
        if (folder.getFileSystem().getSeparator().equals("\\")) {
            assertThat(problem).isNull();
        } else {
            assertThat(problem).contains("'\\'").contains(folder.toString());
        }
    }

    private static List<Path> filesUnder(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !p.equals(dir)).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
