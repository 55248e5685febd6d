package com.propertyaudit.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyaudit.domain.AuditQuery;
import org.junit.jupiter.api.Test;

class QueryCsvTest {

    @Test
    void readsTextAndTopicWithAnOptionalHeader() {
        QueryCsv.Result r = QueryCsv.parse("\uFEFFtext,topic\nbest lofts,discovery\n\"lofts, with a gym\",amenity\nHPL reviews\n");
        assertThat(r.problems()).isEmpty();
        assertThat(r.queries()).containsExactly(new AuditQuery("best lofts", "discovery"),
                new AuditQuery("lofts, with a gym", "amenity"), new AuditQuery("HPL reviews", null));
    }

    @Test
    void badRowsAreListedWithTheirLines() {
        QueryCsv.Result r = QueryCsv.parse("best lofts\n,amenity\na,b,c\n" + "x".repeat(501) + "\nok query,price\n");
        assertThat(r.queries()).extracting(AuditQuery::text).containsExactly("best lofts", "ok query");
        assertThat(r.problems()).extracting(QueryCsv.Problem::line).containsExactly(2L, 3L, 4L);
        assertThat(r.problems().get(0).message()).isEqualTo("has no query text.");
        assertThat(r.problems().get(1).message()).startsWith("has 3 columns");
    }

    @Test
    void anUnclosedQuoteIsARowProblemAndTheRowsAfterItAreRead() {
        QueryCsv.Result r = QueryCsv.parse("best lofts\n\"broken, discovery\nnext query,price\n\nlast one\n");
        assertThat(r.problems()).extracting(QueryCsv.Problem::line).containsExactly(2L);
        assertThat(r.problems().get(0).message()).startsWith("has a quote (\") that is not closed");
        assertThat(r.queries()).extracting(AuditQuery::text).containsExactly("best lofts", "next query", "last one");
        QueryCsv.Result after = QueryCsv.parse("text,topic\n\"a\"b,c\nok,price\n\"open\n");
        assertThat(after.problems()).extracting(QueryCsv.Problem::line).containsExactly(2L, 4L);
        assertThat(after.queries()).containsExactly(new AuditQuery("ok", "price"));
    }

    @Test
    void semicolonsAndTabsAreFoundFromTheFirstRow() {
        QueryCsv.Result semi = QueryCsv.parse("text;topic\nbest lofts, cheap;discovery\n\"a;b\";brand\n");
        assertThat(semi.separator()).isEqualTo(';');
        assertThat(semi.problems()).isEmpty();
        assertThat(semi.queries()).containsExactly(new AuditQuery("best lofts, cheap", "discovery"),
                new AuditQuery("a;b", "brand"));
        QueryCsv.Result tabs = QueryCsv.parse("\r\nbest lofts\tdiscovery\r\nquiet, lofts\tpersona\r\n");
        assertThat(tabs.separator()).isEqualTo('\t');
        assertThat(tabs.queries()).containsExactly(new AuditQuery("best lofts", "discovery"),
                new AuditQuery("quiet, lofts", "persona"));
        assertThat(QueryCsv.parse("best lofts\n").separator()).isEqualTo(',');
    }

    @Test
    void aFileThatIsNotUtf8SaysSoWithTheLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("q.csv");
        java.nio.file.Files.write(file, "best lofts\nna\u00efve query\ncaf\u00e9 lofts\n"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        QueryCsv.Result r = QueryCsv.read(file);
        assertThat(r.queries()).isEmpty();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(2);
            assertThat(p.message()).startsWith("is not UTF-8 text");
        });
        java.nio.file.Files.writeString(file, "\uFEFFna\u00efve query,discovery\n");
        assertThat(QueryCsv.read(file).queries()).containsExactly(new AuditQuery("na\u00efve query", "discovery"));
    }

    @Test
    void theLimitsOfAPropertyHoldForImportedQueries() {
        QueryCsv.Result r = QueryCsv.parse("ok," + "t".repeat(101) + "\n\"two\nlines\"\nfine\n");
        assertThat(r.problems()).extracting(QueryCsv.Problem::message).containsExactly(
                "the topic is 101 characters long; the limit is 100.",
                "the query text holds a control character (U+000A); remove it.");
        assertThat(r.problems()).extracting(QueryCsv.Problem::line).containsExactly(1L, 2L);
        assertThat(r.queries()).extracting(AuditQuery::text).containsExactly("fine");
    }
}
