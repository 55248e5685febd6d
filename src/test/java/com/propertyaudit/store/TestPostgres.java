package com.propertyaudit.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server the tests run against: {@code PROPERTYAUDIT_TEST_PG_URL} (a database the
 * user may connect to), {@code PROPERTYAUDIT_TEST_PG_USER}, {@code PROPERTYAUDIT_TEST_PG_PASSWORD}.
 * Each test gets a database of its own, dropped when it closes. CI sets
 * {@code PROPERTYAUDIT_TEST_PG_REQUIRED=true} (.ci/run starts a server): there a server that cannot be
 * reached fails the tests; elsewhere, without a server, they are skipped with the reason printed.
 */
public final class TestPostgres {

    private static final String URL = System.getenv("PROPERTYAUDIT_TEST_PG_URL");
    private static final boolean REQUIRED = Boolean.parseBoolean(System.getenv("PROPERTYAUDIT_TEST_PG_REQUIRED"));

    private TestPostgres() {}

    public static String user() {
        return System.getenv().getOrDefault("PROPERTYAUDIT_TEST_PG_USER", "propertyaudit");
    }

    public static String password() {
        return System.getenv().getOrDefault("PROPERTYAUDIT_TEST_PG_PASSWORD", "");
    }

    /** A fresh, empty database on the server; skipped or failed (CI) when there is no server. */
    public static Fresh fresh() {
        if (URL == null || URL.isBlank()) {
            String why = "No PostgreSQL server for the tests: set PROPERTYAUDIT_TEST_PG_URL (and _USER, _PASSWORD),"
                    + " e.g. after .ci/pg-cluster start /tmp/pg-team 55432.";
            if (REQUIRED) Assertions.fail(why);
            System.out.println("Skipped: " + why);
            Assumptions.abort(why);
        }
        String name = "pa_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(URL, user(), password()); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            String why = "The PostgreSQL server at " + URL + " cannot be used: " + e.getMessage();
            if (REQUIRED) Assertions.fail(why, e);
            System.out.println("Skipped: " + why);
            Assumptions.abort(why);
        }
        return new Fresh(name, URL.replaceFirst("(jdbc:postgresql://[^/]*/)[^?]*", "$1" + name));
    }

    /** A database of the test's own; closing drops it (after the test closed its pools). */
    public record Fresh(String name, String url) implements AutoCloseable {

        public Database open() {
            return Database.open(url, user(), password());
        }

        @Override
        public void close() {
            try (Connection c = DriverManager.getConnection(URL, user(), password()); Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (SQLException e) {
                throw new IllegalStateException("Could not drop the test database " + name, e);
            }
        }
    }
}
