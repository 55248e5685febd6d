package com.propertyaudit.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A database copied whole into another (an H2 data folder to the team's PostgreSQL server, or
 * back for an offline copy). Both are at the same migration, as both were opened by this app. The
 * tables are found, not listed here, and copied parents first (by their foreign keys), each in one
 * transaction of the target; every table's row count is checked after. A target that holds any row
 * is refused, so nothing is ever merged into or written over.
 */
public final class DatabaseCopy {

    /** One table copied. */
    public record Table(String name, long rows) {}

    /** The target holds rows already; the message names the table. */
    public static final class TargetNotEmpty extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        TargetNotEmpty(String message) {
            super(message);
        }
    }

    private static final int BATCH = 500;
    private static final String HISTORY = "flyway_schema_history";

    private DatabaseCopy() {}

    /** Copies every table of {@code from} into the empty {@code to}; returns the tables in the order copied. */
    public static List<Table> copy(Database from, Database to) {
        List<String> tables = from.read(DatabaseCopy::tablesParentsFirst);
        Set<String> target = new LinkedHashSet<>(to.read(DatabaseCopy::tablesParentsFirst));
        for (String t : tables) {
            if (!target.contains(t)) {
                throw new IllegalStateException("The database " + to.description() + " has no table " + t
                        + ": it was made by another version of PropertyAudit; copy into a new, empty database.");
            }
        }
        for (String t : target) {
            long rows = to.read(c -> count(c, t));
            if (rows > 0) {
                throw new TargetNotEmpty("The database " + to.description() + " is not empty (table " + t + " has "
                        + rows + " row" + (rows == 1 ? "" : "s") + "): copy into a new, empty database.");
            }
        }
        List<Table> copied = new ArrayList<>();
        for (String t : tables) {
            long rows = to.inTransaction(target1 -> from.inTransaction(source -> copyTable(source, target1, t)));
            long there = to.read(c -> count(c, t));
            long here = from.read(c -> count(c, t));
            if (there != rows || here != rows) {
                throw new IllegalStateException("Table " + t + ": " + rows + " rows copied, but the source has " + here
                        + " and the target " + there + " (was the database changed during the copy?). Empty the target"
                        + " and copy again with no batch running.");
            }
            copied.add(new Table(t, rows));
        }
        if (JdbcUrls.isH2(to.url())) {
            // An offline copy opens as a data folder of this H2 version, not as a file to migrate.
            to.inTransaction(c -> {
                H2FileFormat.stamp(c);
                return null;
            });
        }
        return copied;
    }

    private static long copyTable(Connection source, Connection target, String table) throws SQLException {
        long rows = 0;
        try (Statement st = source.createStatement()) {
            // Read in slices: a server streams the rows instead of holding the whole table in memory.
            st.setFetchSize(BATCH);
            try (ResultSet rs = st.executeQuery("SELECT * FROM " + table)) {
                ResultSetMetaData md = rs.getMetaData();
                int n = md.getColumnCount();
                StringBuilder cols = new StringBuilder();
                StringBuilder marks = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    if (i > 1) {
                        cols.append(", ");
                        marks.append(", ");
                    }
                    cols.append(md.getColumnLabel(i).toLowerCase(Locale.ROOT));
                    marks.append('?');
                }
                try (PreparedStatement ps = target.prepareStatement(
                        "INSERT INTO " + table + " (" + cols + ") VALUES (" + marks + ")")) {
                    while (rs.next()) {
                        for (int i = 1; i <= n; i++) {
                            Object v = value(rs, md, i);
                            if (v == null) ps.setNull(i, Types.NULL);
                            else ps.setObject(i, v);
                        }
                        ps.addBatch();
                        if (++rows % BATCH == 0) ps.executeBatch();
                    }
                    if (rows % BATCH != 0) ps.executeBatch();
                }
            }
        }
        restartIdentities(target, table);
        return rows;
    }

    /** A value as both databases take it: texts as strings (H2 reads TEXT as a CLOB), instants with their offset. */
    private static Object value(ResultSet rs, ResultSetMetaData md, int i) throws SQLException {
        int type = md.getColumnType(i);
        String name = md.getColumnTypeName(i).toLowerCase(Locale.ROOT);
        if (type == Types.CLOB || type == Types.NCLOB || type == Types.LONGVARCHAR || type == Types.VARCHAR
                || type == Types.CHAR || type == Types.NVARCHAR || name.equals("text")) {
            return rs.getString(i);
        }
        if (type == Types.TIMESTAMP_WITH_TIMEZONE || name.equals("timestamptz") || name.contains("with time zone")) {
            return rs.getObject(i, OffsetDateTime.class);
        }
        return rs.getObject(i);
    }

    /** Identity columns go on after the highest id copied, so the next row added gets a new one. */
    private static void restartIdentities(Connection c, String table) throws SQLException {
        List<String> identity = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getColumns(null, c.getSchema(), stored(c, table), null)) {
            while (rs.next()) {
                if ("YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"))) {
                    identity.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        for (String col : identity) {
            long next;
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(" + col + "), 0) + 1 FROM " + table)) {
                rs.next();
                next = rs.getLong(1);
            }
            try (Statement st = c.createStatement()) {
                st.execute("ALTER TABLE " + table + " ALTER COLUMN " + col + " RESTART WITH " + next);
            }
        }
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A table name as the catalogue keeps it: H2 folds unquoted names to upper case, PostgreSQL to lower. */
    private static String stored(Connection c, String table) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        return md.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
    }

    /** The app's tables (lower case), every table after the tables its foreign keys point to. */
    static List<String> tablesParentsFirst(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String schema = c.getSchema();
        List<String> names = new ArrayList<>();
        try (ResultSet rs = md.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                // Flyway's history is the target's own; the H2 format stamp is written for an H2 target below.
                if (!name.equals(HISTORY) && !name.equalsIgnoreCase(H2FileFormat.TABLE)) names.add(name);
            }
        }
        java.util.Collections.sort(names);
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        for (String t : names) {
            Set<String> p = new LinkedHashSet<>();
            try (ResultSet rs = md.getImportedKeys(null, schema, stored(c, t))) {
                while (rs.next()) {
                    String parent = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!parent.equals(t)) p.add(parent);
                }
            }
            parents.put(t, p);
        }
        List<String> ordered = new ArrayList<>();
        while (ordered.size() < names.size()) {
            boolean progress = false;
            for (String t : names) {
                if (!ordered.contains(t) && ordered.containsAll(parents.get(t))) {
                    ordered.add(t);
                    progress = true;
                }
            }
            if (!progress) throw new IllegalStateException("The tables' foreign keys form a cycle: " + parents);
        }
        return ordered;
    }
}
