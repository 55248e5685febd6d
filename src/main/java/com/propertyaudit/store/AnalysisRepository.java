package com.propertyaudit.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.propertyaudit.analysis.ai.AnalysisJson;
import com.propertyaudit.analysis.ai.AnalysisRecord;
import com.propertyaudit.analysis.ai.EntitySentiment;
import com.propertyaudit.analysis.ai.HolisticAnalysis;
import com.propertyaudit.analysis.ai.Sentiment;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A batch's holistic analysis (table batch_insight) and the per-answer sentiment of phase 2. */
public final class AnalysisRepository {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database db;

    public AnalysisRepository(Database db) {
        this.db = db;
    }

    /** The latest analysis attempt of the batch. */
    public Optional<AnalysisRecord> find(UUID batchId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT status, surface, model, computed_at, analysis,"
                    + " input_tokens, output_tokens, cost_usd, error FROM batch_insight WHERE batch_id = ?"
                    + " AND surface IS NOT NULL")) {
                ps.setObject(1, batchId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return Optional.<AnalysisRecord>empty();
                    String items = rs.getString("analysis");
                    HolisticAnalysis analysis;
                    try {
                        analysis = items == null ? null : AnalysisJson.readItems(JSON.readTree(items));
                    } catch (Exception e) {
                        throw new StoreException("Damaged analysis of batch " + batchId + " in the database.", e);
                    }
                    return Optional.of(new AnalysisRecord(
                            AnalysisRecord.Status.valueOf(rs.getString("status").toUpperCase(java.util.Locale.ROOT)),
                            rs.getString("surface"), rs.getString("model"), Jdbc.instant(rs, "computed_at"), analysis,
                            rs.getLong("input_tokens"), rs.getLong("output_tokens"), rs.getDouble("cost_usd"),
                            rs.getString("error")));
                }
            }
        });
    }

    /**
     * Stores the latest attempt. A failed attempt keeps the items of the last completed one; a
     * completed attempt replaces them.
     */
    public void save(UUID batchId, AnalysisRecord r) {
        String items = r.analysis() == null ? null : AnalysisJson.items(r.analysis()).toString();
        db.inTransaction(c -> {
            int updated;
            try (PreparedStatement ps = c.prepareStatement("UPDATE batch_insight SET computed_at = ?, status = ?,"
                    + " surface = ?, model = ?, analysis = COALESCE(?, analysis), input_tokens = ?, output_tokens = ?,"
                    + " cost_usd = ?, error = ? WHERE batch_id = ?")) {
                bind(ps, r, items);
                ps.setObject(10, batchId);
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO batch_insight (computed_at, status, surface,"
                        + " model, analysis, input_tokens, output_tokens, cost_usd, error, batch_id)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    bind(ps, r, items);
                    ps.setObject(10, batchId);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    private static void bind(PreparedStatement ps, AnalysisRecord r, String items) throws java.sql.SQLException {
        Jdbc.setInstant(ps, 1, r.createdAt());
        ps.setString(2, r.status().id());
        ps.setString(3, r.surface());
        ps.setString(4, r.model());
        ps.setString(5, items);
        ps.setLong(6, r.inputTokens());
        ps.setLong(7, r.outputTokens());
        ps.setDouble(8, r.costUsd());
        ps.setString(9, r.error());
    }

    /** Stores phase-2 judgements; a pair already judged keeps its first judgement (asked once). */
    public void saveSentiments(List<EntitySentiment> judged, String surface, Instant at) {
        if (judged.isEmpty()) return;
        db.inTransaction(c -> {
            Set<String> present = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT entity FROM answer_sentiment WHERE answer_id = ?")) {
                for (long id : judged.stream().map(EntitySentiment::answerId).distinct().toList()) {
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) present.add(id + "\u0000" + rs.getString(1));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO answer_sentiment (answer_id, entity, sentiment,"
                    + " evidence, surface, judged_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (EntitySentiment e : judged) {
                    if (!present.add(e.answerId() + "\u0000" + e.entity())) continue;
                    ps.setLong(1, e.answerId());
                    ps.setString(2, e.entity());
                    ps.setString(3, e.sentiment().id());
                    ps.setString(4, e.evidence());
                    ps.setString(5, surface);
                    Jdbc.setInstant(ps, 6, at);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** Every judgement of the batch's answers. */
    public List<EntitySentiment> sentiments(UUID batchId) {
        return db.read(c -> {
            List<EntitySentiment> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT s.answer_id, s.entity, s.sentiment, s.evidence"
                    + " FROM answer_sentiment s JOIN answer a ON a.id = s.answer_id JOIN run r ON r.id = a.run_id"
                    + " WHERE r.batch_id = ? ORDER BY s.answer_id, s.entity")) {
                ps.setObject(1, batchId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new EntitySentiment(rs.getLong(1), rs.getString(2), Sentiment.fromId(rs.getString(3)),
                                rs.getString(4)));
                    }
                }
            }
            return out;
        });
    }
}
