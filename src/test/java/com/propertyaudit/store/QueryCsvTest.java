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
}
