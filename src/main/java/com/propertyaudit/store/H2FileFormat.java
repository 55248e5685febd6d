package com.propertyaudit.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which H2 wrote a data folder's file, and the move of an older one to today's H2. H2 changes its
 * file format between minor versions and asks for an export with the old version's SCRIPT and an
 * import with the new one's RUNSCRIPT; a file written by 2.3 that 2.5 happens to open is moved too,
 * since rewriting every row into a fresh file also leaves behind any damage of 2.3's compaction
 * (H2 issue 4247). A file we create or migrate records its H2 in the table {@code h2_file_format};
 * a file without it comes from PropertyAudit 0.1 (H2 2.3.232).
 */
final class H2FileFormat {

    private static final Logger LOG = LoggerFactory.getLogger(H2FileFormat.class);
    static final String TABLE = "h2_file_format";

    private H2FileFormat() {}

    /** The H2 in use, "2.5.252". */
    static String current() {
        return org.h2.engine.Constants.VERSION;
    }

    /** Records that today's H2 wrote the database (new, migrated or restored from a script). */
    static void stamp(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (h2_version VARCHAR(40) NOT NULL,"
                    + " written_at TIMESTAMP WITH TIME ZONE NOT NULL)");
            st.execute("DELETE FROM " + TABLE);
            st.execute("INSERT INTO " + TABLE + " VALUES (" + Sql.literal(current()) + ", CURRENT_TIMESTAMP)");
        }
    }

    /**
     * True when {@code base.mv.db} exists and was written by another minor version of H2. Looked at
     * read-only, so nothing changes before the backup; a file another process has open was looked at
     * by that process.
     */
    static boolean needsMigration(Path base) {
        if (!Files.exists(mvFile(base))) return false;
        try (Connection c = connect(base, ";ACCESS_MODE_DATA=r");
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT h2_version FROM " + TABLE)) {
            return !rs.next() || !minor(rs.getString(1)).equals(minor(current()));
        } catch (SQLException e) {
            return switch (e.getErrorCode()) {
                case org.h2.api.ErrorCode.TABLE_OR_VIEW_NOT_FOUND_DATABASE_EMPTY_1,
                        org.h2.api.ErrorCode.TABLE_OR_VIEW_NOT_FOUND_1,
                        org.h2.api.ErrorCode.FILE_VERSION_ERROR_1 -> true;
                default -> false;
            };
        }
    }

    /**
     * Moves {@code base.mv.db} to today's H2: a copy of the file as it was goes to the backups, the
     * old H2 exports it, today's imports it into a new file that then takes the old one's place in
     * one move. Until that move the original is untouched, so a failure at any step leaves it as it
     * was. Returns the backup copy.
     */
    static Path migrate(Path base, Backups backups) throws IOException, SQLException {
        Path folder = base.getParent();
        Path script = folder.resolve(base.getFileName() + "-migration.sql.gz");
        Path fresh = folder.resolve(base.getFileName() + "-migrating");
        Files.deleteIfExists(script);
        Files.deleteIfExists(mvFile(fresh));
        long t0 = System.nanoTime();
        Path copy = backups.copyBeforeMigration(mvFile(base));
        try {
            String from = LegacyH2.exportScript(base, script);
            try (Connection c = connect(fresh, "");
                    Statement st = c.createStatement()) {
                st.execute("RUNSCRIPT FROM " + Sql.literal(script.toString()) + " COMPRESSION GZIP");
                stamp(c);
            }
            Files.move(mvFile(fresh), mvFile(base), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("Moved the database in {} from H2 {} to H2 {} in {} ms; the file as it was is {}", folder, from,
                    current(), (System.nanoTime() - t0) / 1_000_000, copy);
            return copy;
        } finally {
            Files.deleteIfExists(script);
            Files.deleteIfExists(mvFile(fresh));
        }
    }

    static Path mvFile(Path base) {
        return base.resolveSibling(base.getFileName() + ".mv.db");
    }

    /** An embedded connection of today's H2 to {@code base}, without the app's AUTO_SERVER. */
    static Connection connect(Path base, String settings) throws SQLException {
        Properties login = new Properties();
        login.setProperty("user", "sa");
        login.setProperty("password", "");
        return new org.h2.Driver().connect("jdbc:h2:file:" + base + ";TRACE_LEVEL_FILE=0" + settings, login);
    }

    private static String minor(String version) {
        String[] parts = version.split("\\.");
        return parts.length < 2 ? version : parts[0] + "." + parts[1];
    }
}
