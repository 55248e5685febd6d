package com.propertyaudit.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * {@code db restore}: a backup takes the place of a data folder's database. Refused while another
 * process has the database open (a window, a run); what it replaces is kept in the backups first.
 */
public final class Restore {

    /** The restore cannot happen now; the message says why and what to do. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /** What a restore did. */
    public record Result(Path restored, Path previousKeptAs) {}

    private Restore() {}

    /**
     * @param backup a {@code .sql.gz} backup, or a {@code .mv.db} file (an older one is migrated when next opened)
     * @throws IllegalArgumentException the backup is not a file of either kind
     * @throws Refused                  the database is in use
     */
    public static Result restore(Path dataFolder, Path backup) {
        Path dir = dataFolder.toAbsolutePath().normalize();
        String name = backup.getFileName() == null ? "" : backup.getFileName().toString();
        boolean script = name.endsWith(".sql.gz");
        if (!Files.isRegularFile(backup) || !(script || name.endsWith(".mv.db"))) {
            throw new IllegalArgumentException(backup + " is not a backup: give a .sql.gz file from "
                    + Backups.of(dir).folder() + " (or a propertyaudit .mv.db file).");
        }
        Path base = dir.resolve(H2Url.BASE_NAME);
        Path fresh = dir.resolve(H2Url.BASE_NAME + "-restoring");
        try {
            Path kept = keepCurrent(base, Backups.of(dir));
            Files.deleteIfExists(H2FileFormat.mvFile(fresh));
            try {
                if (script) {
                    try (Connection c = H2FileFormat.connect(fresh, "");
                            Statement st = c.createStatement()) {
                        st.execute("RUNSCRIPT FROM " + Sql.literal(backup.toAbsolutePath().toString()) + " COMPRESSION GZIP");
                        H2FileFormat.stamp(c);
                    }
                } else {
                    Files.copy(backup, H2FileFormat.mvFile(fresh));
                }
                Files.move(H2FileFormat.mvFile(fresh), H2FileFormat.mvFile(base), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(H2FileFormat.mvFile(fresh));
            }
            return new Result(backup, kept);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("The backup " + backup + " could not be restored (" + e.getMessage()
                    + "); the database in " + dir + " is as it was.", e);
        }
    }

    /**
     * Opens the database alone (no other process may have it), refuses when one of its batches is
     * at work, and keeps a backup of it: as SQL, or byte for byte when it cannot be read.
     */
    private static Path keepCurrent(Path base, Backups backups) throws IOException {
        if (!Files.exists(H2FileFormat.mvFile(base))) return null;
        try (Connection c = H2FileFormat.connect(base, "")) {
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT DISTINCT b.id, b.owner FROM batch b JOIN run r"
                            + " ON r.batch_id = b.id WHERE r.status IN ('queued', 'running')")) {
                while (rs.next()) {
                    if (BatchOwner.liveness(rs.getString(2)) == BatchOwner.Liveness.RUNNING_HERE) {
                        throw new Refused("Batch " + rs.getString(1).substring(0, 8) + " is running: wait for it to"
                                + " end, or stop it, then restore.");
                    }
                }
            }
            return backups.beforeRestore(c);
        } catch (SQLException e) {
            if (e.getErrorCode() == org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1) {
                throw new Refused("The database in " + base.getParent() + " is open in another PropertyAudit window or"
                        + " command: close it, then restore.");
            }
            return backups.copyBeforeRestore(H2FileFormat.mvFile(base));
        }
    }
}
