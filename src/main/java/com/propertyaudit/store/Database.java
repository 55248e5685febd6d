package com.propertyaudit.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.api.ErrorCode;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database: an H2 file in the data folder by default (AUTO_SERVER, so the CLI can work while
 * the GUI has it open), or any JDBC URL. Migrations run on open. A commit is in the file before
 * {@link #inTransaction} returns ({@link H2Url}), and the database stays open until {@link #close}.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** Work inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final HikariDataSource pool;
    private final String description;
    private final String url;
    private final Path folder;
    private volatile boolean diskFull;

    private Database(String url, String user, String password, String description, Path folder) {
        this.description = description;
        this.folder = folder;
        this.url = JdbcUrls.withoutPassword(url);
        HikariConfig config = new HikariConfig();
        // The password travels apart from the URL, so the pool never logs or reports it.
        config.setJdbcUrl(this.url);
        if (JdbcUrls.isH2(url)) {
            config.setUsername("sa");
            config.setPassword("");
        } else {
            String inUrl = JdbcUrls.password(url);
            if (user != null && !user.isBlank()) config.setUsername(user);
            if (inUrl != null) config.setPassword(inUrl);
            else if (password != null) config.setPassword(password);
            if (JdbcUrls.isPostgres(url)) {
                config.addDataSourceProperty("ApplicationName", "PropertyAudit");
                // A laptop on Wi-Fi: a connection idle behind a NAT is checked before it is used again.
                config.setKeepaliveTime(120_000);
            }
        }
        // A desktop: the engine's writer, a heartbeat and the screens' reads; a shared server serves many such.
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(1);
        config.setConnectionTimeout(10_000);
        config.setPoolName("propertyaudit");
        config.setInitializationFailTimeout(10_000);
        try {
            pool = new HikariDataSource(config);
        } catch (HikariPool.PoolInitializationException e) {
            if (folder != null && corrupted(e)) throw damaged(description, e, folder);
            if (JdbcUrls.isPostgres(url)) {
                throw new IllegalStateException("The database " + description + " cannot be opened: "
                        + rootMessage(e) + ". Check the server's address and that it runs, and the user and password"
                        + " (PROPERTYAUDIT_DB_USER and PROPERTYAUDIT_DB_PASSWORD, or Settings, Shared database).", e);
            }
            throw new IllegalStateException("The database " + description + " cannot be opened: "
                    + rootMessage(e) + ". If another program holds it, close that program; otherwise check the path"
                    + " or --db URL.", e);
        }
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (FlywayException e) {
            pool.close();
            throw new IllegalStateException("The database " + description + " could not be brought up to date: "
                    + JdbcUrls.maskIn(rootMessage(e)), e);
        }
    }

    /**
     * The H2 file {@code propertyaudit.mv.db} in {@code folder}: a file of an older H2 is migrated
     * first (a copy of it kept in the backups), every table is read once ({@link IntegrityCheck}),
     * and a backup is made when none was made in the last day.
     */
    public static Database openFolder(Path folder) {
        Path dir = folder.toAbsolutePath().normalize();
        String url = H2Url.forFolder(dir);
        Path base = dir.resolve(H2Url.BASE_NAME);
        boolean existed = Files.exists(H2FileFormat.mvFile(base));
        Backups backups = Backups.of(dir);
        if (existed && H2FileFormat.needsMigration(base)) {
            try {
                H2FileFormat.migrate(base, backups);
            } catch (IOException | SQLException e) {
                throw new IllegalStateException("The database in " + dir + " could not be moved to H2 "
                        + H2FileFormat.current() + " (" + e.getMessage() + "); it is unchanged, and a copy is in "
                        + backups.folder() + ".", e);
            }
        }
        Database db = new Database(url, null, null, "in " + dir, dir);
        try {
            if (!existed) {
                db.inTransaction(c -> {
                    H2FileFormat.stamp(c);
                    return null;
                });
            }
            db.check();
            db.dailyBackup(backups);
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** The integrity check on open; a sentence naming the backups when it fails. */
    private void check() {
        long t0 = System.nanoTime();
        try {
            long rows = read(IntegrityCheck::run);
            LOG.debug("Integrity check {}: {} rows read in {} ms", description, rows, (System.nanoTime() - t0) / 1_000_000);
        } catch (DiskFullException e) {
            throw e;
        } catch (StoreException e) {
            throw damaged(description, e, folder);
        }
    }

    /**
     * Once a day. A backup that fails (it reads every long text, which the check on open does not,
     * and needs room on the disk) is told, not fatal: what can be read stays usable, and exportable.
     */
    private void dailyBackup(Backups backups) {
        try {
            backups.dailyIfDue(this);
        } catch (StoreException | java.io.UncheckedIOException e) {
            LOG.warn("The daily backup of the database {} failed ({}); 'propertyaudit db backup' tries again.",
                    description, rootMessage(e));
        }
    }

    /** H2 found the file damaged (a page or chunk that cannot be read). */
    private static boolean corrupted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == ErrorCode.FILE_CORRUPTED_1) return true;
        }
        return false;
    }

    private static IllegalStateException damaged(String description, Throwable e, Path folder) {
        List<Path> saved = Backups.of(folder).files();
        return new IllegalStateException("The database " + description + " cannot be read whole (" + rootMessage(e)
                + "): it may be damaged. 'propertyaudit db restore FILE' puts back a backup"
                + (saved.isEmpty() ? "" : "; the newest is " + saved.get(0)) + ".", e);
    }

    /** Any JDBC URL ({@code --db}, {@code PROPERTYAUDIT_DB}) that needs no login (H2). */
    public static Database open(String jdbcUrl) {
        return open(jdbcUrl, null, null);
    }

    /**
     * Any JDBC URL with a login: a shared PostgreSQL server. A {@code password=} in the URL wins over
     * {@code password}; neither is kept beyond the pool, and the URL is described masked.
     */
    public static Database open(String jdbcUrl, String user, String password) {
        return new Database(H2Url.withSettings(jdbcUrl), user, password, JdbcUrls.masked(jdbcUrl), null);
    }

    /**
     * Connects once, without changing anything (no migration), and says what is there: for the
     * Settings screen's Test button. Throws with a sentence when the server cannot be reached or refuses the login.
     */
    public static String probe(String jdbcUrl, String user, String password) {
        java.util.Properties props = new java.util.Properties();
        String inUrl = JdbcUrls.password(jdbcUrl);
        if (user != null && !user.isBlank()) props.setProperty("user", user);
        if (inUrl != null || password != null) props.setProperty("password", inUrl != null ? inUrl : password);
        props.setProperty("connectTimeout", "5");
        props.setProperty("loginTimeout", "10");
        try (Connection c = java.sql.DriverManager.getConnection(JdbcUrls.withoutPassword(jdbcUrl), props)) {
            var md = c.getMetaData();
            String what = md.getDatabaseProductName() + " " + md.getDatabaseProductVersion() + " as " + md.getUserName();
            boolean ours;
            try (var rs = md.getTables(null, c.getSchema(), md.storesUpperCaseIdentifiers() ? "BATCH" : "batch",
                    new String[] {"TABLE"})) {
                ours = rs.next();
            }
            if (!ours) return "Connected to " + what + ". The database is empty: its tables are made when it is first used.";
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT COUNT(*) FROM batch")) {
                rs.next();
                long n = rs.getLong(1);
                return "Connected to " + what + ". It holds " + n + " batch" + (n == 1 ? "" : "es") + ".";
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to " + JdbcUrls.masked(jdbcUrl) + ": "
                    + JdbcUrls.maskIn(rootMessage(e)) + ". Check the server's address and that it runs, and the user and"
                    + " password.", e);
        }
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

    /** The URL without its password. */
    public String url() {
        return url;
    }

    /** A shared PostgreSQL server rather than an H2 file. */
    public boolean isPostgres() {
        return JdbcUrls.isPostgres(url);
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
        return new StoreException("Database error " + description + ": " + JdbcUrls.maskIn(e.getMessage()), e);
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
