package com.propertyaudit.store;

import com.propertyaudit.domain.Answer;
import com.propertyaudit.domain.AnswerScore;
import com.propertyaudit.domain.AnswerOutcome;
import com.propertyaudit.domain.EntityRank;
import com.propertyaudit.domain.Mention;
import com.propertyaudit.domain.OutcomeCounts;
import com.propertyaudit.domain.StoredAnswer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Answers with their mentions and citations. Each answer is written in one transaction that has
 * committed when {@link #save} returns, so a process that dies loses nothing it had saved.
 *
 * <p>Read back, an answer's {@link AnswerScore#mentions()} is empty: occurrence offsets are not
 * stored (screens that highlight re-run the scorer on the stored text, which is cheap).
 */
public final class AnswerRepository {

    /** How much of each answer to read: everything, or only what scores and counts need. */
    public enum Detail { FULL, SCORES }

    /** The SQL condition on an answer row {@code a} that makes it count as an answer (completed or refused). */
    public static final String IS_ANSWER = "a.outcome IN ('completed', 'refused')";

    private final Database db;

    public AnswerRepository(Database db) {
        this.db = db;
    }

    /**
     * Stores the answer with its score, mentions and citations. A (run, query, sample) whose earlier
     * reply was not an answer (cut off, empty, failed) is replaced; one that is an answer is kept as it
     * is and returned.
     */
    public StoredAnswer save(Answer a, AnswerScore score) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, outcome FROM answer WHERE run_id = ? AND query_index = ? AND sample = ?")) {
                ps.setObject(1, a.runId());
                ps.setInt(2, a.queryIndex());
                ps.setInt(3, a.sample());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        long existing = rs.getLong(1);
                        if (AnswerOutcome.fromId(rs.getString(2)).isAnswer()) {
                            return read(c, "a.id = ?", existing, Detail.FULL).get(0);
                        }
                        try (PreparedStatement del = c.prepareStatement("DELETE FROM answer WHERE id = ?")) {
                            del.setLong(1, existing);
                            del.executeUpdate();
                        }
                    }
                }
            }
            long id;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO answer (run_id, query_index, query_text, topic,"
                    + " sample, outcome, text, citations, raw_request, raw_response, finish_reason, note, error,"
                    + " latency_ms, input_tokens, output_tokens, score, brand_mentioned, brand_rank, brand_cited,"
                    + " received_at, retrieved, searches, searched_from) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setObject(1, a.runId());
                ps.setInt(2, a.queryIndex());
                ps.setString(3, a.queryText());
                ps.setString(4, a.topic());
                ps.setInt(5, a.sample());
                ps.setString(6, a.outcome().id());
                ps.setString(7, a.text());
                ps.setString(8, Jdbc.citations(a.citations()));
                ps.setString(9, a.rawRequest());
                ps.setString(10, a.rawResponse());
                ps.setString(11, a.finishReason());
                ps.setString(12, a.note());
                ps.setString(13, a.error());
                ps.setLong(14, a.latencyMs());
                ps.setInt(15, a.inputTokens());
                ps.setInt(16, a.outputTokens());
                ps.setDouble(17, score.score());
                ps.setBoolean(18, score.brandMentioned());
                Jdbc.setInt(ps, 19, score.brandRank());
                ps.setBoolean(20, score.brandCited());
                Jdbc.setInstant(ps, 21, a.receivedAt());
                ps.setString(22, Jdbc.citations(a.retrieved()));
                ps.setString(23, Jdbc.strings(a.searches()));
                ps.setString(24, a.searchedFrom());
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            writeScoreRows(c, id, score);
            return new StoredAnswer(a.withId(id), score);
        });
    }

    /** Replaces an answer's score, mentions and citations (re-scoring with a changed property). */
    public void rescore(long answerId, AnswerScore score) {
        db.inTransaction(c -> {
            rescore(c, answerId, score);
            return null;
        });
    }

    /** Many re-scores in one transaction: a batch is re-scored all or nothing. */
    public void rescoreAll(Map<Long, AnswerScore> scores) {
        db.inTransaction(c -> {
            for (Map.Entry<Long, AnswerScore> e : scores.entrySet()) rescore(c, e.getKey(), e.getValue());
            return null;
        });
    }

    private static void rescore(Connection c, long answerId, AnswerScore score) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE answer SET score = ?, brand_mentioned = ?,"
                + " brand_rank = ?, brand_cited = ? WHERE id = ?")) {
            ps.setDouble(1, score.score());
            ps.setBoolean(2, score.brandMentioned());
            Jdbc.setInt(ps, 3, score.brandRank());
            ps.setBoolean(4, score.brandCited());
            ps.setLong(5, answerId);
            ps.executeUpdate();
        }
        for (String table : new String[] {"mention", "citation"}) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE answer_id = ?")) {
                ps.setLong(1, answerId);
                ps.executeUpdate();
            }
        }
        writeScoreRows(c, answerId, score);
    }

    private static void writeScoreRows(Connection c, long answerId, AnswerScore score) throws SQLException {
        Map<String, Integer> occurrences = new HashMap<>();
        String brandName = null;
        for (Mention m : score.mentions()) {
            occurrences.merge(m.entity(), 1, Integer::sum);
            if (m.brand()) brandName = m.entity();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO mention (answer_id, entity, is_brand, entity_rank,"
                + " occurrences) VALUES (?,?,?,?,?)")) {
            if (score.brandMentioned() && brandName != null) {
                add(ps, answerId, brandName, true, score.brandRank(), occurrences.getOrDefault(brandName, 1));
            }
            for (EntityRank r : score.competitors()) {
                add(ps, answerId, r.name(), false, r.rank(), occurrences.getOrDefault(r.name(), 1));
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO citation (answer_id, domain) VALUES (?,?)")) {
            for (String d : new TreeSet<>(score.citedDomains())) {
                ps.setLong(1, answerId);
                ps.setString(2, d);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void add(PreparedStatement ps, long answerId, String entity, boolean brand, int rank, int count)
            throws SQLException {
        ps.setLong(1, answerId);
        ps.setString(2, entity);
        ps.setBoolean(3, brand);
        ps.setInt(4, rank);
        ps.setInt(5, count);
        ps.addBatch();
    }

    /** The (query, sample) pairs of a run that have an answer: what resume must not ask again. */
    public Set<AnswerKey> answeredKeys(UUID runId) {
        return db.read(c -> {
            Set<AnswerKey> out = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT query_index, sample FROM answer a WHERE run_id = ? AND " + IS_ANSWER)) {
                ps.setObject(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(new AnswerKey(rs.getInt(1), rs.getInt(2)));
                }
            }
            return out;
        });
    }

    /** How many of a run's stored replies had each outcome. */
    public OutcomeCounts counts(UUID runId) {
        return db.read(c -> {
            Map<AnswerOutcome, Integer> by = new EnumMap<>(AnswerOutcome.class);
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT outcome, COUNT(*) FROM answer WHERE run_id = ? GROUP BY outcome")) {
                ps.setObject(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) by.put(AnswerOutcome.fromId(rs.getString(1)), rs.getInt(2));
                }
            }
            return OutcomeCounts.of(by);
        });
    }

    /** Answers (completed or refused) of a whole batch. */
    public int count(UUID batchId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM answer a JOIN run r ON a.run_id = r.id"
                    + " WHERE r.batch_id = ? AND " + IS_ANSWER)) {
                ps.setObject(1, batchId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    public List<StoredAnswer> forRun(UUID runId) {
        return db.read(c -> read(c, "a.run_id = ?", runId, Detail.FULL));
    }

    /** Every answer of a batch, ordered by surface, query and sample; three queries whatever the size. */
    public List<StoredAnswer> forBatch(UUID batchId, Detail detail) {
        return db.read(c -> read(c, "r.batch_id = ?", batchId, detail));
    }

    public Optional<StoredAnswer> find(long answerId) {
        return db.read(c -> read(c, "a.id = ?", answerId, Detail.FULL)).stream().findFirst();
    }

    private static List<StoredAnswer> read(Connection c, String where, Object param, Detail detail)
            throws SQLException {
        String columns = detail == Detail.FULL
                ? "a.*"
                : "a.id, a.run_id, a.query_index, a.query_text, a.topic, a.sample, a.outcome, a.finish_reason, a.note,"
                        + " a.error, a.latency_ms, a.input_tokens, a.output_tokens, a.score, a.brand_mentioned,"
                        + " a.brand_rank, a.brand_cited, a.received_at, a.retrieved";
        String from = " FROM answer a JOIN run r ON a.run_id = r.id WHERE " + where;
        Map<Long, Answer> answers = new LinkedHashMap<>();
        Map<Long, Object[]> scores = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + columns + from
                + " ORDER BY r.surface, a.query_index, a.sample")) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                boolean full = detail == Detail.FULL;
                while (rs.next()) {
                    long id = rs.getLong("id");
                    answers.put(id, new Answer(id, Jdbc.uuid(rs, "run_id"), rs.getInt("query_index"),
                            rs.getString("query_text"), rs.getString("topic"), rs.getInt("sample"),
                            AnswerOutcome.fromId(rs.getString("outcome")), full ? rs.getString("text") : null,
                            full ? Jdbc.citations(rs.getString("citations")) : List.of(),
                            full ? rs.getString("raw_request") : null, full ? rs.getString("raw_response") : null,
                            rs.getString("finish_reason"), rs.getString("note"), rs.getString("error"),
                            rs.getLong("latency_ms"), rs.getInt("input_tokens"), rs.getInt("output_tokens"),
                            Jdbc.instant(rs, "received_at"),
                            Jdbc.citations(rs.getString("retrieved")),
                            full ? Jdbc.strings(rs.getString("searches")) : List.of(),
                            full ? rs.getString("searched_from") : null));
                    scores.put(id, new Object[] {rs.getBoolean("brand_mentioned"), Jdbc.intOrNull(rs, "brand_rank"),
                            rs.getBoolean("brand_cited"), rs.getDouble("score")});
                }
            }
        }
        Map<Long, List<EntityRank>> competitors = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT m.answer_id, m.entity, m.entity_rank FROM mention m"
                + " JOIN answer a ON m.answer_id = a.id JOIN run r ON a.run_id = r.id WHERE " + where
                + " AND m.is_brand = FALSE ORDER BY m.answer_id, m.entity_rank")) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    competitors.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new EntityRank(rs.getString(2), rs.getInt(3)));
                }
            }
        }
        Map<Long, List<String>> domains = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT t.answer_id, t.domain FROM citation t"
                + " JOIN answer a ON t.answer_id = a.id JOIN run r ON a.run_id = r.id WHERE " + where
                + " ORDER BY t.answer_id, t.domain")) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) domains.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        List<StoredAnswer> out = new ArrayList<>(answers.size());
        for (Map.Entry<Long, Answer> e : answers.entrySet()) {
            Object[] s = scores.get(e.getKey());
            AnswerScore score = new AnswerScore((Boolean) s[0], (Integer) s[1], (Boolean) s[2],
                    competitors.getOrDefault(e.getKey(), List.of()), domains.getOrDefault(e.getKey(), List.of()),
                    (Double) s[3], List.of());
            out.add(new StoredAnswer(e.getValue(), score));
        }
        return out;
    }
}
