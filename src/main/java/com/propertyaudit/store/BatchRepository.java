package com.propertyaudit.store;

import com.propertyaudit.domain.Batch;
import com.propertyaudit.domain.BatchStatus;
import com.propertyaudit.domain.Property;
import com.propertyaudit.domain.Run;
import com.propertyaudit.domain.RunStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Batches and their runs. */
public final class BatchRepository {

    private final Database db;

    public BatchRepository(Database db) {
        this.db = db;
    }

    /** The batch, with its property snapshot, and all its runs (queued), in one transaction. */
    public void create(Batch batch, List<Run> runs, String owner) {
        db.inTransaction(c -> {
            Long propertyId;
            Integer version;
            try (PreparedStatement ps = c.prepareStatement("SELECT id, version FROM property WHERE name = ?")) {
                ps.setString(1, batch.propertyName());
                try (ResultSet rs = ps.executeQuery()) {
                    propertyId = rs.next() ? rs.getLong(1) : null;
                    version = propertyId == null ? null : rs.getInt(2);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO batch (id, property_id, property_name,"
                    + " property_snapshot, property_version, samples, settings, created_at, owner, heartbeat_at)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?)")) {
                ps.setObject(1, batch.id());
                if (propertyId == null) ps.setNull(2, java.sql.Types.BIGINT);
                else ps.setLong(2, propertyId);
                ps.setString(3, batch.propertyName());
                ps.setString(4, PropertyJson.writeCompact(batch.snapshot()));
                Jdbc.setInt(ps, 5, version);
                ps.setInt(6, batch.samples());
                ps.setString(7, batch.settingsJson());
                Jdbc.setInstant(ps, 8, batch.createdAt());
                ps.setString(9, owner);
                Jdbc.setInstant(ps, 10, batch.createdAt());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO run (id, batch_id, batch_size, surface, provider,"
                    + " model, web_search, status, expected_answers) VALUES (?,?,?,?,?,?,?,?,?)")) {
                for (Run r : runs) {
                    ps.setObject(1, r.id());
                    ps.setObject(2, batch.id());
                    ps.setInt(3, r.batchSize());
                    ps.setString(4, r.surface().id());
                    ps.setString(5, r.surface().provider().id());
                    ps.setString(6, r.surface().model());
                    ps.setBoolean(7, r.surface().webSearch());
                    ps.setString(8, r.status().id());
                    ps.setInt(9, r.expectedAnswers());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    public Optional<Batch> find(UUID id) {
        return Optional.ofNullable(db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM batch WHERE id = ?")) {
                ps.setObject(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? batch(rs) : null;
                }
            }
        }));
    }

    /**
     * The ids of up to {@code limit} batches whose id starts with {@code prefix}: hex digits and
     * dashes, as users type them (any case, spaces around ignored). The prefix is matched
     * literally: LIKE's own characters are escaped, so no text can act as a pattern.
     */
    public List<UUID> idsStartingWith(String prefix, int limit) {
        String p = prefix.strip().toLowerCase(java.util.Locale.ROOT);
        if (p.isEmpty()) return List.of();
        String literal = p.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return db.read(c -> {
            List<UUID> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM batch WHERE LOWER(CAST(id AS VARCHAR(36))) LIKE ? ESCAPE '\\' ORDER BY id")) {
                ps.setString(1, literal + "%");
                ps.setMaxRows(limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(Jdbc.uuid(rs, "id"));
                }
            }
            return out;
        });
    }

    private static Batch batch(ResultSet rs) throws SQLException {
        Property snapshot = PropertyJson.parse(rs.getString("property_snapshot"), "stored batch snapshot");
        return new Batch(Jdbc.uuid(rs, "id"), rs.getString("property_name"), snapshot, rs.getInt("samples"),
                rs.getString("settings"), Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "finished_at"));
    }

    /** The batch's runs, in the order they were created; a run whose process is gone reads interrupted. */
    public List<Run> runs(UUID batchId) {
        markGoneOwnersInterrupted();
        return db.read(c -> runs(c, batchId));
    }

    static List<Run> runs(Connection c, UUID batchId) throws SQLException {
        List<Run> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM run WHERE batch_id = ? ORDER BY surface")) {
            ps.setObject(1, batchId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(RunRepository.run(rs));
            }
        }
        return out;
    }

    /** The newest batch, of one property or of all; empty when there is none. */
    public Optional<UUID> latest(String propertyName) {
        return Optional.ofNullable(db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM batch"
                    + (propertyName == null ? "" : " WHERE property_name = ?") + " ORDER BY created_at DESC")) {
                ps.setMaxRows(1);
                if (propertyName != null) ps.setString(1, propertyName);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Jdbc.uuid(rs, "id") : null;
                }
            }
        }));
    }

    /**
     * Batches newest first, with run statuses, scores and answer counts; two queries in all, after
     * marking interrupted the batches whose process is gone.
     */
    public List<BatchSummary> list(String propertyName) {
        markGoneOwnersInterrupted();
        return db.read(c -> {
            Map<UUID, Object[]> head = new LinkedHashMap<>();
            String where = propertyName == null ? "" : " WHERE b.property_name = ?";
            try (PreparedStatement ps = c.prepareStatement("SELECT b.id, b.property_name, b.created_at,"
                    + " (SELECT COUNT(*) FROM answer a JOIN run r ON a.run_id = r.id"
                    + "   WHERE r.batch_id = b.id AND " + AnswerRepository.IS_ANSWER + ") AS answers"
                    + " FROM batch b" + where + " ORDER BY b.created_at DESC")) {
                if (propertyName != null) ps.setString(1, propertyName);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        head.put(Jdbc.uuid(rs, "id"), new Object[] {rs.getString("property_name"),
                                Jdbc.instant(rs, "created_at"), rs.getInt("answers")});
                    }
                }
            }
            Map<UUID, List<Run>> runsByBatch = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT r.* FROM run r JOIN batch b ON r.batch_id = b.id"
                    + where + " ORDER BY r.surface")) {
                if (propertyName != null) ps.setString(1, propertyName);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Run r = RunRepository.run(rs);
                        runsByBatch.computeIfAbsent(r.batchId(), k -> new ArrayList<>()).add(r);
                    }
                }
            }
            List<BatchSummary> out = new ArrayList<>();
            for (Map.Entry<UUID, Object[]> e : head.entrySet()) {
                List<Run> runs = runsByBatch.getOrDefault(e.getKey(), List.of());
                Map<RunStatus, Integer> counts = new EnumMap<>(RunStatus.class);
                Map<String, Double> scores = new LinkedHashMap<>();
                List<String> surfaces = new ArrayList<>();
                int expected = 0;
                for (Run r : runs) {
                    counts.merge(r.status(), 1, Integer::sum);
                    surfaces.add(r.surface().id());
                    if (r.score() != null) scores.put(r.surface().id(), r.score());
                    expected += r.expectedAnswers();
                }
                out.add(new BatchSummary(e.getKey(), (String) e.getValue()[0], (Instant) e.getValue()[1],
                        BatchStatus.of(runs.stream().map(Run::status).toList()), surfaces, counts, scores,
                        (Integer) e.getValue()[2], expected));
            }
            return out;
        });
    }

    /**
     * A mark that changes whenever a batch is added, finished, deleted, resumed or found interrupted, by
     * any process or machine:
     * one small query, for screens that poll a shared database every few seconds.
     */
    public String changeMark() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) AS batches, MAX(created_at) AS created,"
                    + " MAX(finished_at) AS finished, COUNT(finished_at) AS done, (SELECT COUNT(*) FROM run"
                    + " WHERE status IN ('queued', 'running')) AS at_work FROM batch");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong("batches") + "/" + Jdbc.instant(rs, "created") + "/" + Jdbc.instant(rs, "finished")
                        + "/" + rs.getLong("done") + "/" + rs.getLong("at_work");
            }
        });
    }

    /**
     * One batch's point on a property's trend: visibility per surface and brand share of voice.
     *
     * @param queryChange how the query set differs from the previous batch's ("+3 −1"), or null when it is the same
     */
    public record TrendPoint(UUID batchId, Instant createdAt, Map<String, Double> visibility, Double brandSOV,
            int answers, BatchStatus status, String queryChange) {

        /** What the axis says beside the date: a batch that did not complete, a changed query set. */
        public String mark() {
            String m = status == BatchStatus.COMPLETE ? "" : " · " + status.id();
            return queryChange == null ? m : m + " · queries " + queryChange;
        }
    }

    /**
     * The trend of a property over its batches, oldest first, aggregated in SQL: two queries
     * whatever the number of batches.
     */
    public List<TrendPoint> trend(String propertyName) {
        return db.read(c -> {
            Map<UUID, Object[]> rows = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT b.id, b.created_at,"
                    + " (SELECT COUNT(*) FROM answer a JOIN run r ON a.run_id = r.id WHERE r.batch_id = b.id"
                    + "   AND " + AnswerRepository.IS_ANSWER + ") AS answers,"
                    + " (SELECT COUNT(*) FROM answer a JOIN run r ON a.run_id = r.id WHERE r.batch_id = b.id"
                    + "   AND " + AnswerRepository.IS_ANSWER + " AND a.brand_mentioned = TRUE) AS brand,"
                    + " (SELECT COUNT(*) FROM mention m JOIN answer a ON m.answer_id = a.id JOIN run r ON a.run_id = r.id"
                    + "   WHERE r.batch_id = b.id AND " + AnswerRepository.IS_ANSWER + " AND m.is_brand = FALSE) AS competitors, b.property_snapshot"
                    + " FROM batch b WHERE b.property_name = ? ORDER BY b.created_at")) {
                ps.setString(1, propertyName);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int brand = rs.getInt("brand");
                        int all = brand + rs.getInt("competitors");
                        rows.put(Jdbc.uuid(rs, "id"), new Object[] {Jdbc.instant(rs, "created_at"),
                                all == 0 ? null : 100.0 * brand / all, rs.getInt("answers"),
                                queryTexts(rs.getString("property_snapshot"))});
                    }
                }
            }
            Map<UUID, Map<String, Double>> vis = new LinkedHashMap<>();
            Map<UUID, List<RunStatus>> statuses = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT r.batch_id, r.surface, r.score, r.status FROM run r"
                    + " JOIN batch b ON r.batch_id = b.id WHERE b.property_name = ?")) {
                ps.setString(1, propertyName);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        UUID batchId = Jdbc.uuid(rs, "batch_id");
                        statuses.computeIfAbsent(batchId, k -> new ArrayList<>())
                                .add(RunStatus.fromId(rs.getString("status")));
                        double score = rs.getDouble("score");
                        if (rs.wasNull()) continue;
                        vis.computeIfAbsent(batchId, k -> new java.util.TreeMap<>()).put(rs.getString("surface"), score);
                    }
                }
            }
            List<TrendPoint> out = new ArrayList<>();
            java.util.Set<String> previous = null;
            for (Map.Entry<UUID, Object[]> e : rows.entrySet()) {
                Object[] r = e.getValue();
                @SuppressWarnings("unchecked")
                java.util.Set<String> texts = (java.util.Set<String>) r[3];
                out.add(new TrendPoint(e.getKey(), (Instant) r[0], vis.getOrDefault(e.getKey(), Map.of()),
                        (Double) r[1], (Integer) r[2], BatchStatus.of(statuses.getOrDefault(e.getKey(), List.of())),
                        queryChange(previous, texts)));
                previous = texts;
            }
            return out;
        });
    }

    private static java.util.Set<String> queryTexts(String snapshot) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (var q : PropertyJson.parse(snapshot, "stored batch snapshot").queries()) {
            out.add(q.text().strip().toLowerCase(java.util.Locale.ROOT));
        }
        return out;
    }

    /** "+3 −1": queries added and removed since the previous batch; null when the set is the same (or there is none before). */
    static String queryChange(java.util.Set<String> before, java.util.Set<String> now) {
        if (before == null || before.equals(now)) return null;
        long added = now.stream().filter(q -> !before.contains(q)).count();
        long removed = before.stream().filter(q -> !now.contains(q)).count();
        return (added > 0 ? "+" + added : "") + (added > 0 && removed > 0 ? " " : "") + (removed > 0 ? "−" + removed : "");
    }

    /** The process that last ran the batch (its heartbeat's owner), if any. */
    public Optional<String> owner(UUID batchId) {
        return Optional.ofNullable(db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT owner FROM batch WHERE id = ?")) {
                ps.setObject(1, batchId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        }));
    }

    /**
     * The running process says it is alive. Only while it still owns the batch: once another process
     * took the batch over (its lease had run out), this returns false and changes nothing.
     */
    public boolean heartbeat(UUID batchId, String owner) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE batch SET heartbeat_at = ? WHERE id = ? AND owner = ?")) {
                Jdbc.setInstant(ps, 1, Instant.now());
                ps.setObject(2, batchId);
                ps.setString(3, owner);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * Makes {@code claimant} the batch's owner so it may resume it, unless its owner may still be
     * running it: a process of this machine that is alive (the claimant included), or one elsewhere
     * heard from at or after {@code staleBefore} (its lease). A batch with no run at work is free whoever owned it. The take-over
     * is one conditional UPDATE on the owner that was read, so of two claimants at once only one wins;
     * the winner's unfinished runs are queued in the same transaction.
     *
     * @return empty when the batch is now the claimant's; otherwise the owner that holds it
     */
    public Optional<String> claim(UUID batchId, String claimant, Instant staleBefore) {
        return Optional.ofNullable(db.inTransaction(c -> {
            String owner;
            boolean atWork;
            try (PreparedStatement ps = c.prepareStatement("SELECT b.owner, EXISTS (SELECT 1 FROM run r"
                    + " WHERE r.batch_id = b.id AND r.status IN ('queued', 'running')) AS at_work FROM batch b WHERE b.id = ?")) {
                ps.setObject(1, batchId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) throw new StoreException("No batch " + batchId + " in the database.", null);
                    owner = rs.getString("owner");
                    atWork = rs.getBoolean("at_work");
                }
            }
            BatchOwner.Liveness liveness = BatchOwner.liveness(owner);
            // The claimant's own batch at work is running already: resuming it would ask twice.
            if (atWork && (liveness == BatchOwner.Liveness.RUNNING_HERE || claimant.equals(owner))) return owner;
            boolean free = !atWork || liveness == BatchOwner.Liveness.GONE_HERE;
            try (PreparedStatement ps = c.prepareStatement("UPDATE batch SET owner = ?, heartbeat_at = ? WHERE id = ?"
                    + " AND " + (owner == null ? "owner IS NULL" : "owner = ?")
                    + (free ? "" : " AND COALESCE(heartbeat_at, created_at) < ?"))) {
                int i = 1;
                ps.setString(i++, claimant);
                Jdbc.setInstant(ps, i++, Instant.now());
                ps.setObject(i++, batchId);
                if (owner != null) ps.setString(i++, owner);
                if (!free) Jdbc.setInstant(ps, i, staleBefore);
                if (ps.executeUpdate() == 1) {
                    // Its unfinished runs are at work again from this moment, so a claimant after this one is refused.
                    try (PreparedStatement runs = c.prepareStatement("UPDATE run SET status = 'queued'"
                            + " WHERE batch_id = ? AND status <> 'completed'")) {
                        runs.setObject(1, batchId);
                        runs.executeUpdate();
                    }
                    return null;
                }
            }
            // Another claimant won between the read and the update, or the owner is still heard from.
            try (PreparedStatement ps = c.prepareStatement("SELECT owner FROM batch WHERE id = ?")) {
                ps.setObject(1, batchId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() && rs.getString(1) != null ? rs.getString(1) : "another process";
                }
            }
        }));
    }

    public void finish(UUID batchId, Instant at) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE batch SET finished_at = ? WHERE id = ?")) {
                Jdbc.setInstant(ps, 1, at);
                ps.setObject(2, batchId);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * Batches with queued or running runs whose owner is gone: a process of this machine that has
     * ended (at once), or an owner elsewhere silent for {@code staleAfter}. Their unfinished runs
     * become interrupted (resumable). Returns the batches.
     */
    public List<UUID> markInterrupted(Duration staleAfter, Instant now) {
        return db.inTransaction(c -> markInterrupted(c, now.minus(staleAfter)));
    }

    /**
     * {@link #markInterrupted} for this machine's owners only: what every listing does first, so a
     * batch whose process was killed reads interrupted at once, wherever it is shown.
     */
    public List<UUID> markGoneOwnersInterrupted() {
        return db.inTransaction(c -> markInterrupted(c, null));
    }

    /** {@code staleBefore} null: no owner is judged by its heartbeat. */
    private static List<UUID> markInterrupted(Connection c, Instant staleBefore) throws SQLException {
        List<UUID> gone = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT b.id, b.owner, COALESCE(b.heartbeat_at, b.created_at)"
                + " AS beat FROM batch b WHERE EXISTS (SELECT 1 FROM run r WHERE r.batch_id = b.id"
                + " AND r.status IN ('queued', 'running'))")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    BatchOwner.Liveness owner = BatchOwner.liveness(rs.getString("owner"));
                    boolean silent = staleBefore != null && Jdbc.instant(rs, "beat").isBefore(staleBefore);
                    if (owner == BatchOwner.Liveness.GONE_HERE || owner == BatchOwner.Liveness.ELSEWHERE && silent) {
                        gone.add(Jdbc.uuid(rs, "id"));
                    }
                }
            }
        }
        if (gone.isEmpty()) return gone;
        try (PreparedStatement ps = c.prepareStatement("UPDATE run SET status = 'interrupted'"
                + " WHERE batch_id = ? AND status IN ('queued', 'running')")) {
            for (UUID id : gone) {
                ps.setObject(1, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return gone;
    }

    /** Deletes the batch, its runs, answers, mentions and citations. */
    public void delete(UUID batchId) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM batch WHERE id = ?")) {
                ps.setObject(1, batchId);
                return ps.executeUpdate();
            }
        });
    }

    /** Records that the batch's answers were re-scored against this property version. */
    public void recordRescore(UUID batchId, Property against, int version, Instant at) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE batch SET rescored_at = ?,"
                    + " rescored_property_version = ?, rescored_snapshot = ? WHERE id = ?")) {
                Jdbc.setInstant(ps, 1, at);
                ps.setInt(2, version);
                ps.setString(3, PropertyJson.writeCompact(against));
                ps.setObject(4, batchId);
                return ps.executeUpdate();
            }
        });
    }
}
