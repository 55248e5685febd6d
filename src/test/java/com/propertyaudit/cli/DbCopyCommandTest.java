package com.propertyaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.propertyaudit.domain.AuditQuery;
import com.propertyaudit.domain.Location;
import com.propertyaudit.domain.Property;
import com.propertyaudit.store.PropertyJson;
import com.propertyaudit.store.TestPostgres;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code db copy}: an H2 data folder to a PostgreSQL server and back, every batch there after. */
class DbCopyCommandTest {

    @TempDir
    Path home;

    @TempDir
    Path offline;

    final StringWriter err = new StringWriter();
    final StringWriter out = new StringWriter();

    int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return PropertyAuditCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    JsonNode batches(String... where) throws IOException {
        List<String> args = new ArrayList<>(List.of("batches", "--json"));
        args.addAll(List.of(where));
        assertThat(run(args.toArray(String[]::new))).as("stderr: %s", err).isZero();
        return new ObjectMapper().readTree(out.toString());
    }

    @Test
    void aDataFolderGoesToTheServerWholeAndBackAndATargetWithRowsIsRefused() throws Exception {
        Property p = new Property("Domain San Diego", List.of(), List.of("domainsandiego.com"),
                new Location("San Diego", "CA", "East Village"), List.of(),
                IntStream.range(0, 4).mapToObj(i -> new AuditQuery("apartments question " + i, null)).toList());
        Path file = home.resolve("p.json");
        Files.writeString(file, PropertyJson.write(p));
        for (int i = 0; i < 2; i++) {
            assertThat(run("run", "--home", home.toString(), "--property", file.toString(), "--surface",
                    "simulated:demo", "--samples", "2")).as("stderr: %s", err).isZero();
        }
        JsonNode local = batches("--home", home.toString());
        assertThat(local).hasSize(2);

        try (TestPostgres.Fresh server = TestPostgres.fresh()) {
            String password = TestPostgres.password();
            String url = server.url() + "?user=" + TestPostgres.user() + "&password=" + password;
            assertThat(run("db", "copy", "--home", home.toString(), "--to", url)).as("stderr: %s", err).isZero();
            assertThat(out.toString()).contains("every row count checked").contains("password=***")
                    .containsPattern("answer +16 rows");
            if (!password.isEmpty()) assertThat(out.toString()).doesNotContain("password=" + password);

            JsonNode shared = batches("--home", home.toString(), "--db", url);
            assertThat(shared).isEqualTo(local);

            assertThat(run("db", "copy", "--home", home.toString(), "--to", url)).isEqualTo(2);
            assertThat(err.toString()).contains("is not empty (table ").doesNotContain("password=" + password + "&");

            // And back, for an offline copy: a data folder of its own.
            assertThat(run("db", "copy", "--home", home.toString(), "--db", url, "--to",
                    "jdbc:h2:file:" + offline.resolve("propertyaudit"))).as("stderr: %s", err).isZero();
            assertThat(batches("--home", offline.toString())).isEqualTo(local);
            // A new batch on the server gets ids after the copied ones.
            assertThat(run("run", "--home", home.toString(), "--db", url, "--property", "Domain San Diego",
                    "--surface", "simulated:demo")).as("stderr: %s", err).isZero();
            assertThat(batches("--home", home.toString(), "--db", url)).hasSize(3);
            if (!password.isEmpty()) {
                for (Path folder : List.of(home, offline)) {
                    try (Stream<Path> files = Files.walk(folder)) {
                        assertThat(files.filter(Files::isRegularFile)).allSatisfy(f -> assertThat(
                                new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1))
                                .as("%s", f).doesNotContain(password));
                    }
                }
            }
        }
    }
}
