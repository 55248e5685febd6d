package com.propertyaudit.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Schedules: a property's periodic audit (period, surfaces, samples) and when it is next due. */
public final class ScheduleRepository {

    /** A stored schedule; {@code every} is 12h, 1d or 7d. */
    public record Stored(long id, String property, String every, List<String> surfaces, int samples,
            Instant nextRun, Instant lastRun) {}

    private static final String SELECT = "SELECT s.id, p.name, s.every, s.surfaces, s.samples, s.next_run, s.last_run"
            + " FROM schedule s JOIN property p ON s.property_id = p.id";

    private final Database db;

    public ScheduleRepository(Database db) {
        this.db = db;
    }

    /** Stores a schedule of the named property and returns its id; empty when there is no such property. */
    public Optional<Long> add(String property, String every, List<String> surfaces, int samples, Instant nextRun,
            Instant now) {
        return Optional.ofNullable(db.inTransaction(c -> {
            Long propertyId;
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM property WHERE name = ?")) {
                ps.setString(1, property);
                try (ResultSet rs = ps.executeQuery()) {
                    propertyId = rs.next() ? rs.getLong(1) : null;
                }
            }
            if (propertyId == null) return null;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO schedule (property_id, every, surfaces, samples,"
                    + " next_run, created_at) VALUES (?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, propertyId);
                ps.setString(2, every);
                ps.setString(3, Jdbc.strings(surfaces));
                ps.setInt(4, samples);
                Jdbc.setInstant(ps, 5, nextRun);
                Jdbc.setInstant(ps, 6, now);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        }));
    }

    /** Every schedule, by property name then id; one query. */
    public List<Stored> list() {
        return db.read(c -> {
            List<Stored> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(SELECT + " ORDER BY LOWER(p.name), s.id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(stored(rs));
            }
            return out;
        });
    }

    /** True when a schedule was removed. */
    public boolean remove(long id) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM schedule WHERE id = ?")) {
                ps.setLong(1, id);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * Moves a due schedule on, if no one else has: true only for the one caller whose {@code expectedNext}
     * still matches, so the open GUI and a cron job never both run the same due schedule.
     */
    public boolean claim(long id, Instant expectedNext, Instant newNext, Instant lastRun) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE schedule SET next_run = ?, last_run = ? WHERE id = ? AND next_run = ?")) {
                Jdbc.setInstant(ps, 1, newNext);
                Jdbc.setInstant(ps, 2, lastRun);
                ps.setLong(3, id);
                Jdbc.setInstant(ps, 4, expectedNext);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static Stored stored(ResultSet rs) throws java.sql.SQLException {
        return new Stored(rs.getLong("id"), rs.getString("name"), rs.getString("every"),
                Jdbc.strings(rs.getString("surfaces")), rs.getInt("samples"), Jdbc.instant(rs, "next_run"),
                Jdbc.instant(rs, "last_run"));
    }
}
