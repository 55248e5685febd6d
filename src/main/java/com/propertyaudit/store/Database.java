package com.propertyaudit.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The database: an H2 file in the data folder by default (AUTO_SERVER, so the CLI can work while
 * the GUI has it open), or any JDBC URL. Migrations run on open. A commit is in the file before
 * {@link #inTransaction} returns ({@link H2Url}), and the database stays open until {@link #close}.
 */
public final class Database implements AutoCloseable {

    /** Work inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final HikariDataSource pool;
    private final String description;
    private final Path folder;
    private volatile boolean diskFull;

    private Database(String url, String description, Path folder) {
        this.description = description;
        this.folder = folder;
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (url.startsWith("jdbc:h2:")) {
            config.setUsername("sa");
            config.setPassword("");
        }
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(1);
        config.setPoolName("propertyaudit");
        config.setInitializationFailTimeout(10_000);
        try {
            pool = new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            throw new IllegalStateException("The database " + description + " cannot be opened: "
                    + rootMessage(e) + ". If another program holds it, close that program; otherwise check the path"
                    + " or --db URL.", e);
        }
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (FlywayException e) {
            pool.close();
            throw new IllegalStateException("The database " + description + " could not be brought up to date: "
                    + rootMessage(e), e);
        }
    }

    /** The H2 file {@code propertyaudit.mv.db} in {@code folder}. */
    public static Database openFolder(Path folder) {
        Path dir = folder.toAbsolutePath().normalize();
        return new Database(H2Url.forFolder(dir), "in " + dir, dir);
    }

    /** Any JDBC URL ({@code --db}, {@code PROPERTYAUDIT_DB}). */
    public static Database open(String jdbcUrl) {
        return new Database(H2Url.withSettings(jdbcUrl), jdbcUrl, null);
    }

    /**
     * A sentence saying why the folder cannot hold the database (a character H2 cannot take in a
     * file name), or null when it can; checked before anything is written there.
     */
    public static String folderProblem(Path folder) {
        return H2Url.problem(folder);
    }

    public DataSource dataSource() {
        return pool;
    }

    public String description() {
        return description;
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Runs a read (auto-commit). */
    public <T> T read(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** A rollback after a failed write may fail too (the file cannot be written); the first error is the one to tell. */
    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // The original failure is rethrown by the caller.
        }
    }

    /**
     * The error to tell. Once a write failed for want of space, H2 closes the file, so every later
     * error of this database is that same full disk.
     */
    private StoreException failure(SQLException e) {
        if (folder != null && (diskFull || DiskSpace.isFull(e, folder))) {
            diskFull = true;
            return new DiskFullException(folder, e);
        }
        return new StoreException("Database error " + description + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        pool.close();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String m = t.getMessage();
        return m == null ? t.toString() : m.lines().findFirst().orElse(m);
    }
}
