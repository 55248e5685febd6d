package com.propertyaudit.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The database: an H2 file in the data folder by default (AUTO_SERVER, so the CLI can work while
 * the GUI has it open), or any JDBC URL. Migrations run on open.
 */
public final class Database implements AutoCloseable {

    /** Work inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final HikariDataSource pool;
    private final String description;

    private Database(String url, String description) {
        this.description = description;
        HikariConfig config = new HikariConfig();
        // H2's own trace file and stack traces add nothing to our one-sentence errors.
        config.setJdbcUrl(url.startsWith("jdbc:h2:") && !url.toUpperCase(Locale.ROOT).contains("TRACE_LEVEL")
                ? url + ";TRACE_LEVEL_FILE=0" : url);
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
        String path = folder.toAbsolutePath().resolve("propertyaudit").toString();
        return new Database("jdbc:h2:file:" + path + ";AUTO_SERVER=TRUE", "in " + folder.toAbsolutePath());
    }

    /** Any JDBC URL ({@code --db}, {@code PROPERTYAUDIT_DB}). */
    public static Database open(String jdbcUrl) {
        return new Database(jdbcUrl, jdbcUrl);
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
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Database error " + description + ": " + e.getMessage(), e);
        }
    }

    /** Runs a read (auto-commit). */
    public <T> T read(Work<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException("Database error " + description + ": " + e.getMessage(), e);
        }
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
