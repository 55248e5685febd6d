package com.propertyaudit.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import com.propertyaudit.cli.PropertyAuditCommand;
import com.propertyaudit.domain.AuditQuery;
import com.propertyaudit.report.CsvExport;
import com.propertyaudit.store.PropertyLimits;
import com.propertyaudit.store.QueryCsv;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The command line's inputs, fuzzed: property files, answers files, query CSV, batch ids and
 * export paths. Every input either succeeds or exits 2 with one or two sentences: never a stack
 * trace, never "Unexpected error", never a partly written file or a temporary file left behind.
 */
class CliInputFuzzTest {

    /**
     * The gate runs fixed inputs, so a red build means a change broke something, not that this run
     * drew an unlucky input; change the seed (or drop it locally) to explore new inputs, and keep
     * each bug found as an example test.
     */
    static final String SEED = "20261208";

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Text that reaches the rules: blank-looking, control, quoting, separators, long, not UTF-8-safe. */
    private static final List<String> PIECES = List.of("Harbor Point", "HPL", "Dock", "\u00A0", "\u200B", "\uFEFF",
            "\u2060", " ", "\t", "\n", "\r\n", "\u0000", "\u0007", "\u001b[31m", "\u009b", "\u202e", "\"", "\\", ",",
            ";", "%", "_", "é", "e\u0301", "日本", "\uD83C\uDFE0", "\uD800", "{", "}", "[", "]", ":", "null",
            "n".repeat(299), "q".repeat(480), "-", "---", "abcd", "ABCD", "0123", "latest", "../", "/", ".zip", ".pdf");

    private static Path root;
    private static Path home;
    private static String batchId;

    @BeforeContainer
    static void oneBatch() throws IOException {
        root = Files.createTempDirectory("propertyaudit-fuzz");
        home = root.resolve("home");
        Path p = Files.writeString(root.resolve("p.json"), "{\"name\": \"Harbor Point Lofts\", \"aliases\": [\"HPL\"],"
                + " \"competitors\": [{\"name\": \"Dock\"}], \"queries\": [\"best lofts\", \"quiet lofts\"]}");
        Outcome run = cli("run", "--property", p.toString(), "--surface", "simulated:demo", "--json");
        assertThat(run.code).as(run.err).isZero();
        batchId = JSON.readTree(run.out).get("batchId").asText();
    }

    @AfterContainer
    static void removeFolder() throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    record Outcome(int code, String out, String err) {}

    static Outcome cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--home");
        all.add(home.toString());
        int code = PropertyAuditCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true),
                all.toArray(String[]::new));
        return new Outcome(code, out.toString(), err.toString());
    }

    /** Exit 0, or exit 2 with at most two lines that are sentences and no trace of an exception. */
    static void succeedsOrSaysWhy(Outcome o, Object input) {
        assertThat(o.code).as("exit code for %s; stderr: %s", input, o.err).isIn(0, 2);
        if (o.code == 2) {
            assertThat(o.err.strip()).as("for %s", input).isNotEmpty();
            assertThat(o.err.strip().lines().count()).as("lines of %s for %s", o.err, input).isLessThanOrEqualTo(2);
            assertThat(o.err).as("for %s", input).doesNotContain("Unexpected error", "Exception", "\tat ", "\u001b",
                    "\u0000", "\u0007");
        }
    }

    /** No temporary file (.score-, .export-, .report-, .property-) anywhere under the folder. */
    static void noTemporaryFiles(Path folder) throws IOException {
        try (Stream<Path> all = Files.walk(folder)) {
            assertThat(all.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.startsWith(".score-") || n.startsWith(".export-") || n.startsWith(".report-")
                            || n.startsWith(".property-"));
        }
    }

    // --- generators ---

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.oneOf(Arbitraries.of(PIECES), Arbitraries.strings().all().ofMaxLength(4))
                .list().ofMaxSize(6).map(parts -> String.join("", parts));
    }

    /** A JSON value, written by hand so that objects can repeat a field. */
    Arbitrary<String> value(int depth) {
        Arbitrary<String> scalar = Arbitraries.oneOf(text().map(t -> new TextNode(t).toString()),
                Arbitraries.of("null", "true", "12", "-1.5e3", "\"\"", "\"Harbor Point Lofts\""));
        if (depth == 0) return scalar;
        Arbitrary<String> array = value(depth - 1).list().ofMaxSize(3).map(v -> "[" + String.join(", ", v) + "]");
        Arbitrary<String> field = Combinators.combine(Arbitraries.of("name", "aliases", "domains", "location",
                "competitors", "queries", "city", "region", "neighborhood", "text", "topic", "competitor", ""),
                value(depth - 1)).as((k, v) -> "\"" + k + "\": " + v);
        Arbitrary<String> object = field.list().ofMaxSize(4).map(f -> "{" + String.join(", ", f) + "}");
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, scalar), net.jqwik.api.Tuple.of(2, array),
                net.jqwik.api.Tuple.of(3, object));
    }

    @Provide
    Arbitrary<byte[]> propertyFile() {
        Arbitrary<String> valid = Combinators.combine(text(), text().list().ofMaxSize(2), text(), text())
                .as((name, aliases, city, topic) -> "{\"name\": " + new TextNode(name) + ", \"aliases\": "
                        + aliases.stream().map(a -> new TextNode(a).toString()).toList() + ", \"location\": {\"city\": "
                        + new TextNode(city) + "}, \"competitors\": [{\"name\": \"Dock\"}], \"queries\": [{\"text\":"
                        + " \"best lofts\", \"topic\": " + new TextNode(topic) + "}]}");
        Arbitrary<String> json = Arbitraries.oneOf(valid, value(3),
                Combinators.combine(valid, text()).as((v, tail) -> v + tail),
                Combinators.combine(valid, Arbitraries.integers().between(0, 400)).as((v, cut) -> v.substring(0,
                        Math.min(cut, v.length()))),
                valid.map(v -> v.replaceFirst("\\{", "{\"name\": \"Twice\", ")));
        return Combinators.combine(json, Arbitraries.integers().between(0, 9)).as((j, how) -> how == 0
                ? j.getBytes(StandardCharsets.ISO_8859_1) : how == 1 ? ("\uFEFF" + j).getBytes(StandardCharsets.UTF_8)
                : j.getBytes(StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<byte[]> answersFile() {
        Arbitrary<String> line = Arbitraries.oneOf(
                Combinators.combine(text(), text(), text()).as((id, t, url) -> "{\"id\": " + new TextNode(id)
                        + ", \"text\": " + new TextNode(t) + ", \"citations\": [{\"url\": " + new TextNode(url) + "}]}"),
                value(2), text(), Arbitraries.of("", "{\"id\": 7}", "{\"id\": \"a\"} {\"id\": \"b\"}",
                        "{\"id\": [1]}", "{\"text\": \"no id\"}", "{\"id\": \"x\", \"citations\": {}}"));
        return Combinators.combine(line.list().ofMaxSize(6), Arbitraries.of("\n", "\r\n"),
                Arbitraries.integers().between(0, 9)).as((lines, eol, how) -> {
                    String text = String.join(eol, lines);
                    return how == 0 ? text.getBytes(StandardCharsets.ISO_8859_1) : text.getBytes(StandardCharsets.UTF_8);
                });
    }

    // --- properties ---

    @Property(tries = 600, seed = SEED)
    void propertyFilesAreScoredOrRefusedInASentence(@ForAll("propertyFile") byte[] file) throws IOException {
        Path dir = Files.createTempDirectory(root, "score");
        Path p = Files.write(dir.resolve("p.json"), file);
        Path a = Files.writeString(dir.resolve("a.jsonl"), "{\"id\": \"1\", \"text\": \"Harbor Point Lofts first\"}\n");
        Path out = dir.resolve("r.jsonl");
        Outcome o = cli("score", "--property", p.toString(), "--answers", a.toString(), "--out", out.toString());
        succeedsOrSaysWhy(o, new String(file, StandardCharsets.UTF_8));
        if (o.code == 0) assertThat(JSON.readTree(Files.readString(out)).get("id").asText()).isEqualTo("1");
        else assertThat(out).doesNotExist();
        noTemporaryFiles(dir);
    }

    @Property(tries = 150, seed = SEED)
    void propertyFilesAreImportedOrRefusedInASentence(@ForAll("propertyFile") byte[] file) throws IOException {
        Path p = Files.write(Files.createTempDirectory(root, "import").resolve("p.json"), file);
        succeedsOrSaysWhy(cli("property", "import", p.toString()), new String(file, StandardCharsets.UTF_8));
    }

    @Property(tries = 600, seed = SEED)
    void answersFilesAreScoredOrRefusedInASentence(@ForAll("answersFile") byte[] file) throws IOException {
        Path dir = Files.createTempDirectory(root, "answers");
        Path a = Files.write(dir.resolve("a.jsonl"), file);
        Path out = dir.resolve("r.jsonl");
        Outcome o = cli("score", "--property", root.resolve("p.json").toString(), "--answers", a.toString(),
                "--out", out.toString());
        succeedsOrSaysWhy(o, new String(file, StandardCharsets.UTF_8));
        if (o.code == 0) {
            // A byte-order mark opens the file; it is not an answer (found with a file of a lone BOM).
            long answers = new String(file, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", "").lines()
                    .filter(l -> !l.isBlank()).count();
            assertThat(Files.readAllLines(out)).hasSize((int) answers);
        } else {
            assertThat(out).doesNotExist();
        }
        noTemporaryFiles(dir);
    }

    @Property(tries = 1200, seed = SEED)
    void queryCsvGivesQueriesWithinTheLimitsOrRowProblems(@ForAll("text") String a, @ForAll("text") String b,
            @ForAll("text") String c) {
        String csv = String.join("\n", a, b, c);
        QueryCsv.Result r = QueryCsv.parse(csv);
        for (AuditQuery q : r.queries()) {
            assertThat(PropertyLimits.text(q.text(), PropertyLimits.QUERY_TEXT)).as(q.text()).isNull();
            if (q.topic() != null) assertThat(PropertyLimits.text(q.topic(), PropertyLimits.TOPIC)).isNull();
        }
        long lines = csv.split("\r\n|\r|\n", -1).length;
        for (QueryCsv.Problem p : r.problems()) {
            assertThat(p.line()).isBetween(1L, lines);
            assertThat(p.message()).doesNotContain("\n").endsWith(".");
        }
    }

    @Property(tries = 200, seed = SEED)
    void batchIdsFindTheirBatchLiterallyOrAreRefusedInASentence(@ForAll("text") String id) {
        Outcome o = cli("insights", "--batch=" + id, "--json");
        succeedsOrSaysWhy(o, id);
        String typed = id.strip().toLowerCase(Locale.ROOT);
        boolean names = typed.equals("latest") || typed.matches("[0-9a-f-]{4,36}") && batchId.startsWith(typed);
        assertThat(o.code).as("exit code for '%s'", id).isEqualTo(names ? 0 : 2);
    }

    @Property(tries = 40, seed = SEED)
    void exportPathsAreWrittenWholeOrRefusedWithNothingWritten(@ForAll("text") String name,
            @ForAll("layout") int layout, @ForAll boolean pdf) throws IOException {
        Path dir = Files.createTempDirectory(root, "export");
        Path existing = layout == 1 ? Files.createDirectory(dir.resolve("d")) : layout == 2
                ? Files.writeString(dir.resolve("f"), "f") : layout == 3 ? Files.createDirectory(dir.resolve("x.zip")) : null;
        String target = layout == 4 ? name.isBlank() ? name : dir + "/" + name
                : existing != null && name.length() % 2 == 0 ? existing.toString() : (existing != null ? existing : dir)
                        + "/" + name.replace("\u0000", "");
        List<String> before = tree(dir);
        Outcome o = cli("export", "--format", pdf ? "pdf" : "csv", "--out=" + target);
        succeedsOrSaysWhy(o, target);
        noTemporaryFiles(dir);
        if (o.code != 0) {
            assertThat(tree(dir)).as("nothing written for %s", target).isEqualTo(before);
            return;
        }
        Path written = Path.of(target);
        if (pdf) {
            String content = new String(Files.readAllBytes(written), StandardCharsets.ISO_8859_1);
            assertThat(content).startsWith("%PDF").contains("%%EOF");
        } else if (!Files.isDirectory(written)) {
            assertThat(Files.size(written)).isPositive();
        } else {
            for (String f : CsvExport.FILES) assertThat(written.resolve(f)).isNotEmptyFile();
        }
    }

    @Provide
    Arbitrary<Integer> layout() {
        return Arbitraries.integers().between(0, 4);
    }

    static List<String> tree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.map(p -> dir.relativize(p) + (Files.isDirectory(p) ? "/" : ":" + p.toFile().length())).sorted()
                    .toList();
        }
    }
}
