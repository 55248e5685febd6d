package com.propertyaudit.store;

import com.propertyaudit.domain.Run;
import com.propertyaudit.domain.RunStatus;
import com.propertyaudit.domain.Surface;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.ToDoubleBiFunction;

/** Runs: status changes and their end, with score, tokens and cost summed from their answers. */
public final class RunRepository {

    private final Database db;

    public RunRepository(Database db) {
        this.db = db;
    }

    /** Sets the status; {@code startedAt}, when given, is kept only if none is recorded yet. */
    public void updateStatus(UUID runId, RunStatus status, Instant startedAt) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE run SET status = ?,"
                    + " started_at = COALESCE(started_at, ?), finished_at = NULL, error = NULL WHERE id = ?")) {
                ps.setString(1, status.id());
                Jdbc.setInstant(ps, 2, startedAt);
                ps.setObject(3, runId);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Ends the run: its visibility score (mean score of its answers) and token sums (every reply paid for) are
     * computed in SQL from its answers; {@code cost} turns (input, output) tokens into dollars.
     */
    public void finish(UUID runId, RunStatus status, Instant at, String error,
            ToDoubleBiFunction<Long, Long> cost) {
        db.inTransaction(c -> {
            double score = 0;
            boolean hasScore = false;
            long in = 0;
            long out = 0;
            try (PreparedStatement ps = c.prepareStatement("SELECT AVG(CASE WHEN " + AnswerRepository.IS_ANSWER
                    + " THEN score END), COUNT(CASE WHEN " + AnswerRepository.IS_ANSWER + " THEN 1 END),"
                    + " COALESCE(SUM(input_tokens), 0), COALESCE(SUM(output_tokens), 0) FROM answer a WHERE run_id = ?")) {
                ps.setObject(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    score = rs.getDouble(1);
                    hasScore = rs.getInt(2) > 0;
                    in = rs.getLong(3);
                    out = rs.getLong(4);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE run SET status = ?, finished_at = ?, error = ?,"
                    + " score = ?, input_tokens = ?, output_tokens = ?, cost_usd = ? WHERE id = ?")) {
                ps.setString(1, status.id());
                Jdbc.setInstant(ps, 2, at);
                ps.setString(3, error);
                if (hasScore) ps.setDouble(4, score);
                else ps.setNull(4, java.sql.Types.DOUBLE);
                ps.setLong(5, in);
                ps.setLong(6, out);
                ps.setDouble(7, cost.applyAsDouble(in, out));
                ps.setObject(8, runId);
                return ps.executeUpdate();
            }
        });
    }

    /** Recomputes a run's visibility score from its answers' current scores (after re-scoring). */
    public void refreshScore(UUID runId) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE run SET score = (SELECT AVG(a.score) FROM answer a"
                    + " WHERE a.run_id = run.id AND " + AnswerRepository.IS_ANSWER + ") WHERE id = ?")) {
                ps.setObject(1, runId);
                return ps.executeUpdate();
            }
        });
    }

    public Optional<Run> find(UUID runId) {
        return Optional.ofNullable(db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM run WHERE id = ?")) {
                ps.setObject(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? run(rs) : null;
                }
            }
        }));
    }

    static Run run(ResultSet rs) throws SQLException {
        return new Run(Jdbc.uuid(rs, "id"), Jdbc.uuid(rs, "batch_id"), rs.getInt("batch_size"),
                Surface.parse(rs.getString("surface")), RunStatus.fromId(rs.getString("status")),
                rs.getInt("expected_answers"), Jdbc.instant(rs, "started_at"), Jdbc.instant(rs, "finished_at"),
                Jdbc.doubleOrNull(rs, "score"), rs.getLong("input_tokens"), rs.getLong("output_tokens"),
                rs.getDouble("cost_usd"), rs.getString("error"));
    }
}
