package com.propertyaudit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Optimistic locking by a {@code version} column (+1 on every save): a save names the version it
 * was read at and goes through only while the row still has it, so two analysts editing the same
 * row cannot overwrite each other unawares. Any table with an integer {@code version} column can use it.
 */
public final class OptimisticLock {

    /** The row was saved by someone else since it was read; the message says so and what to do. */
    public static final class Conflict extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        Conflict(String what) {
            super(what + " was changed by someone else since you opened it: reload it to see their changes"
                    + " (yours are not saved).");
        }
    }

    private OptimisticLock() {}

    /**
     * One conditional UPDATE: the row's version goes from {@code readVersion} to the next, or
     * {@link Conflict} when it is no longer {@code readVersion} (or the row is gone). Call it first in the
     * transaction that saves the row, so the row stays locked until that transaction ends.
     *
     * @param what the row as the analyst knows it, for the message ("The property 'Harbor Point Lofts'")
     */
    static void advance(Connection c, String table, String keyColumn, Object key, int readVersion, String what)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET version = version + 1 WHERE "
                + keyColumn + " = ? AND version = ?")) {
            ps.setObject(1, key);
            ps.setInt(2, readVersion);
            if (ps.executeUpdate() != 1) throw new Conflict(what);
        }
    }
}
