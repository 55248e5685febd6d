package com.propertyaudit.store;

import com.propertyaudit.domain.AuditQuery;
import com.propertyaudit.domain.Competitor;
import com.propertyaudit.domain.Location;
import com.propertyaudit.domain.Property;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Properties with their competitors and queries; saved by name (create or update). */
public final class PropertyRepository {

    private final Database db;

    public PropertyRepository(Database db) {
        this.db = db;
    }

    /** Creates the property, or replaces the one with the same name (its version goes up by one). */
    public long save(Property p) {
        return save(p, null);
    }

    /**
     * Saves over the stored property only while it is still at {@code readVersion}, the version the
     * editor read ({@link #findVersioned}); otherwise {@link OptimisticLock.Conflict}. A property not
     * stored yet is created.
     */
    public long save(Property p, int readVersion) {
        return save(p, Integer.valueOf(readVersion));
    }

    private long save(Property p, Integer readVersion) {
        return db.inTransaction(c -> {
            Instant now = Instant.now();
            Long id = idOf(c, p.name());
            if (id != null && readVersion != null) {
                OptimisticLock.advance(c, "property", "id", id, readVersion, "The property '" + p.name() + "'");
            }
            if (id == null) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO property (name, aliases, domains, city, region,"
                        + " neighborhood, country, version, created_at, updated_at) VALUES (?,?,?,?,?,?,?,1,?,?)",
                        Statement.RETURN_GENERATED_KEYS)) {
                    bindCommon(ps, p);
                    Jdbc.setInstant(ps, 8, now);
                    Jdbc.setInstant(ps, 9, now);
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                }
            } else {
                try (PreparedStatement ps = c.prepareStatement("UPDATE property SET name = ?, aliases = ?, domains = ?,"
                        + " city = ?, region = ?, neighborhood = ?, country = ?,"
                        + (readVersion == null ? " version = version + 1," : "") + " updated_at = ?"
                        + " WHERE id = ?")) {
                    bindCommon(ps, p);
                    Jdbc.setInstant(ps, 8, now);
                    ps.setLong(9, id);
                    ps.executeUpdate();
                }
                for (String table : new String[] {"competitor", "audit_query"}) {
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE property_id = ?")) {
                        ps.setLong(1, id);
                        ps.executeUpdate();
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO competitor (property_id, position, name, aliases, domains) VALUES (?,?,?,?,?)")) {
                for (int i = 0; i < p.competitors().size(); i++) {
                    Competitor comp = p.competitors().get(i);
                    ps.setLong(1, id);
                    ps.setInt(2, i);
                    ps.setString(3, comp.name());
                    ps.setString(4, Jdbc.strings(comp.aliases()));
                    ps.setString(5, Jdbc.strings(comp.domains()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO audit_query (property_id, position, text, topic) VALUES (?,?,?,?)")) {
                for (int i = 0; i < p.queries().size(); i++) {
                    ps.setLong(1, id);
                    ps.setInt(2, i);
                    ps.setString(3, p.queries().get(i).text());
                    ps.setString(4, p.queries().get(i).topic());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return id;
        });
    }

    private static void bindCommon(PreparedStatement ps, Property p) throws SQLException {
        ps.setString(1, p.name());
        ps.setString(2, Jdbc.strings(p.aliases()));
        ps.setString(3, Jdbc.strings(p.domains()));
        ps.setString(4, p.location().city());
        ps.setString(5, p.location().region());
        ps.setString(6, p.location().neighborhood());
        ps.setString(7, p.location().country());
    }

    private static Long idOf(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM property WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    /** A property as stored, with the version it is at: what an editor saves over. */
    public record Versioned(Property property, int version) {}

    /** The property and its version, read together. */
    public Optional<Versioned> findVersioned(String name) {
        return Optional.ofNullable(db.inTransaction(c -> {
            int version;
            try (PreparedStatement ps = c.prepareStatement("SELECT version FROM property WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return null;
                    version = rs.getInt(1);
                }
            }
            Property p = read(c, name);
            return p == null ? null : new Versioned(p, version);
        }));
    }

    public Optional<Long> idOf(String name) {
        return Optional.ofNullable(db.read(c -> idOf(c, name)));
    }

    /** The property's version: 1 when created, +1 on every save; 0 when there is no such property. */
    public int versionOf(String name) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT version FROM property WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getInt(1) : 0;
                }
            }
        });
    }

    public Optional<Property> findByName(String name) {
        return Optional.ofNullable(db.read(c -> read(c, name)));
    }

    private static Property read(Connection c, String name) throws SQLException {
        long id;
        String pname;
        List<String> aliases;
        List<String> domains;
        Location location;
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM property WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return null;
                id = rs.getLong("id");
                pname = rs.getString("name");
                aliases = Jdbc.strings(rs.getString("aliases"));
                domains = Jdbc.strings(rs.getString("domains"));
                location = new Location(rs.getString("city"), rs.getString("region"), rs.getString("neighborhood"),
                        rs.getString("country"));
            }
        }
        List<Competitor> competitors = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT name, aliases, domains FROM competitor WHERE property_id = ? ORDER BY position")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    competitors.add(new Competitor(rs.getString(1), Jdbc.strings(rs.getString(2)),
                            Jdbc.strings(rs.getString(3))));
                }
            }
        }
        List<AuditQuery> queries = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT text, topic FROM audit_query WHERE property_id = ? ORDER BY position")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) queries.add(new AuditQuery(rs.getString(1), rs.getString(2)));
            }
        }
        return new Property(pname, aliases, domains, location, competitors, queries);
    }

    /** Every property, by name, with its counts; one query. */
    public List<PropertySummary> list() {
        return db.read(c -> {
            List<PropertySummary> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT p.id, p.name, p.version, p.updated_at,"
                    + " (SELECT COUNT(*) FROM competitor k WHERE k.property_id = p.id) AS competitors,"
                    + " (SELECT COUNT(*) FROM audit_query q WHERE q.property_id = p.id) AS queries"
                    + " FROM property p ORDER BY LOWER(p.name)");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new PropertySummary(rs.getLong("id"), rs.getString("name"), rs.getInt("competitors"),
                            rs.getInt("queries"), rs.getInt("version"), Jdbc.instant(rs, "updated_at")));
                }
            }
            return out;
        });
    }

    /** Deletes the property; its past batches stay, with their snapshots. */
    public void delete(String name) {
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM property WHERE name = ?")) {
                ps.setString(1, name);
                return ps.executeUpdate();
            }
        });
    }
}
