package com.propertyaudit.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyaudit.domain.AnswerOutcome;
import com.propertyaudit.domain.StoredAnswer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A data folder written before outcomes existed reads its replies as the providers meant them. */
class OutcomeMigrationTest {

    @TempDir
    Path home;

    @Test
    void repliesStoredAsCompletedAreReadAsTheyWere() throws Exception {
        String url = "jdbc:h2:file:" + home.resolve("propertyaudit");
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").target("1").load().migrate();
        UUID batch = UUID.randomUUID();
        UUID run = UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
            st.execute("INSERT INTO batch (id, property_name, property_snapshot, samples, settings, created_at)"
                    + " VALUES ('" + batch + "', 'Harbor Point Lofts', '{}', 1, '{}', CURRENT_TIMESTAMP)");
            st.execute("INSERT INTO run (id, batch_id, batch_size, surface, provider, model, web_search, status,"
                    + " expected_answers, score) VALUES ('" + run + "', '" + batch + "', 1, 'openai:gpt-5', 'openai',"
                    + " 'gpt-5', FALSE, 'completed', 4, 40)");
            String cols = "INSERT INTO answer (run_id, query_index, query_text, sample, status, text, finish_reason,"
                    + " note, score, brand_mentioned, brand_cited, received_at) VALUES ('" + run + "', ";
            st.execute(cols + "0, 'q0', 1, 'completed', 'Harbor Point Lofts', 'stop', NULL, 80, TRUE, FALSE, CURRENT_TIMESTAMP)");
            st.execute(cols + "1, 'q1', 1, 'completed', 'Harbor Point', 'length', NULL, 80, TRUE, FALSE, CURRENT_TIMESTAMP)");
            st.execute(cols + "2, 'q2', 1, 'completed', '', 'stop', 'The model refused: no', 0, FALSE, FALSE, CURRENT_TIMESTAMP)");
            st.execute(cols + "3, 'q3', 1, 'completed', '', 'end_turn', NULL, 0, FALSE, FALSE, CURRENT_TIMESTAMP)");
        }
        try (Database db = Database.openFolder(home)) {
            List<StoredAnswer> all = new AnswerRepository(db).forRun(run);
            assertThat(all).extracting(a -> a.answer().outcome()).containsExactly(AnswerOutcome.COMPLETED,
                    AnswerOutcome.TRUNCATED, AnswerOutcome.REFUSED, AnswerOutcome.EMPTY);
            assertThat(all.get(1).score().brandMentioned()).isFalse();
            // The run's visibility is the mean over its answers (80 and the refusal's 0), no longer over cut-offs.
            assertThat(new RunRepository(db).find(run).orElseThrow().score()).isEqualTo(40.0);
        }
    }
}
