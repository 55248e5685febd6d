package com.propertyaudit.store;

import com.propertyaudit.domain.RunStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the portfolio reads: every batch's head and runs in one query, and the stored changes of the
 * batches it shows in another, whatever the number of properties and batches.
 */
public final class TrackingRepository {

    /** A batch's head with its runs' statuses and visibility scores, by surface id. */
    public record BatchLine(UUID batchId, String property, Instant createdAt, Instant finishedAt, Instant rescoredAt,
            Map<String, RunStatus> runs, Map<String, Double> scores) {}

    /**
     * A batch's stored change: {@code summary} and {@code change} are JSON written by the tracking
     * package; {@code basis} says what they were computed from, so a re-scored batch is computed again.
     */
    public record ChangeRow(UUID batchId, UUID previousBatchId, String basis, String summary, String change,
            boolean alert, Instant computedAt, Instant alertedAt, String alertError) {}

    private static final int IN_CHUNK = 500;

    private final Database db;

    public TrackingRepository(Database db) {
        this.db = db;
    }

    /** Every batch of every property, oldest first within a property, with its runs; one query. */
    public List<BatchLine> batchLines() {
        return batchLines(null);
    }

    /** The batches of one property (null: of all), oldest first, with their runs; one query. */
    public List<BatchLine> batchLines(String property) {
        return db.read(c -> {
            Map<UUID, BatchLine> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT b.id, b.property_name, b.created_at, b.finished_at,"
                    + " b.rescored_at, r.surface, r.status, r.score FROM batch b LEFT JOIN run r ON r.batch_id = b.id"
                    + (property == null ? "" : " WHERE b.property_name = ?")
                    + " ORDER BY b.property_name, b.created_at, b.id, r.surface")) {
                if (property != null) ps.setString(1, property);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        UUID id = Jdbc.uuid(rs, "id");
                        BatchLine line = out.get(id);
                        if (line == null) {
                            line = new BatchLine(id, rs.getString("property_name"), Jdbc.instant(rs, "created_at"),
                                    Jdbc.instant(rs, "finished_at"), Jdbc.instant(rs, "rescored_at"),
                                    new LinkedHashMap<>(), new LinkedHashMap<>());
                            out.put(id, line);
                        }
                        String surface = rs.getString("surface");
                        if (surface == null) continue;
                        line.runs().put(surface, RunStatus.fromId(rs.getString("status")));
                        Double score = Jdbc.doubleOrNull(rs, "score");
                        if (score != null) line.scores().put(surface, score);
                    }
                }
            }
            return new ArrayList<>(out.values());
        });
    }

    /** The stored changes of these batches; a few queries of at most 500 ids each. */
    public Map<UUID, ChangeRow> changes(Collection<UUID> batchIds) {
        List<UUID> ids = List.copyOf(batchIds);
        return db.read(c -> {
            Map<UUID, ChangeRow> out = new HashMap<>();
            for (int from = 0; from < ids.size(); from += IN_CHUNK) {
                List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
                String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
                try (PreparedStatement ps = c.prepareStatement("SELECT * FROM batch_change WHERE batch_id IN (" + marks + ")")) {
                    for (int i = 0; i < chunk.size(); i++) ps.setObject(i + 1, chunk.get(i));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            ChangeRow row = row(rs);
                            out.put(row.batchId(), row);
                        }
                    }
                }
            }
            return out;
        });
    }

    /** Stores a batch's change, keeping whether (and how) its alert was already sent. */
    public void save(ChangeRow row) {
        db.inTransaction(c -> {
            int updated;
            try (PreparedStatement ps = c.prepareStatement("UPDATE batch_change SET previous_batch_id = ?, basis = ?,"
                    + " summary = ?, change = ?, alert = ?, computed_at = ? WHERE batch_id = ?")) {
                bindBody(ps, row, 1);
                ps.setObject(7, row.batchId());
                updated = ps.executeUpdate();
            }
            if (updated == 0) insert(c, row);
            return null;
        });
    }

    private static void insert(Connection c, ChangeRow row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO batch_change (previous_batch_id, basis, summary,"
                + " change, alert, computed_at, batch_id) VALUES (?,?,?,?,?,?,?)")) {
            bindBody(ps, row, 1);
            ps.setObject(7, row.batchId());
            ps.executeUpdate();
        }
    }

    private static void bindBody(PreparedStatement ps, ChangeRow row, int first) throws SQLException {
        ps.setObject(first, row.previousBatchId());
        ps.setString(first + 1, row.basis());
        ps.setString(first + 2, row.summary());
        ps.setString(first + 3, row.change());
        ps.setBoolean(first + 4, row.alert());
        Jdbc.setInstant(ps, first + 5, row.computedAt());
    }

    /**
     * Claims the batch's alert for sending: true for exactly one caller, the first, so a batch's
     * alert is posted once however many processes finish or read it.
     */
    public boolean claimAlert(UUID batchId, Instant at) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE batch_change SET alerted_at = ? WHERE batch_id = ? AND alert = TRUE AND alerted_at IS NULL")) {
                Jdbc.setInstant(ps, 1, at);
                ps.setObject(2, batchId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Why the batch's alert could not be delivered (null: it was). */
    public void recordAlertError(UUID batchId, String error) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE batch_change SET alert_error = ? WHERE batch_id = ?")) {
                ps.setString(1, error);
                ps.setObject(2, batchId);
                return ps.executeUpdate();
            }
        });
    }

    private static ChangeRow row(ResultSet rs) throws SQLException {
        return new ChangeRow(Jdbc.uuid(rs, "batch_id"), Jdbc.uuid(rs, "previous_batch_id"), rs.getString("basis"),
                rs.getString("summary"), rs.getString("change"), rs.getBoolean("alert"),
                Jdbc.instant(rs, "computed_at"), Jdbc.instant(rs, "alerted_at"), rs.getString("alert_error"));
    }
}
