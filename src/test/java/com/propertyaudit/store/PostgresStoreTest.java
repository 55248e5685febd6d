package com.propertyaudit.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** Every repository test of {@link StoreTest}, against a PostgreSQL server (a database of its own per test). */
class PostgresStoreTest extends StoreTest {

    private TestPostgres.Fresh server;

    @Override
    Database openDatabase() {
        server = TestPostgres.fresh();
        return server.open();
    }

    @Override
    Database openAgain() {
        return server.open();
    }

    @Override
    @AfterEach
    void close() {
        super.close();
        if (server != null) server.close();
    }

    @Override
    @Test
    @Disabled("H2 only: a PostgreSQL database has no file in the data folder")
    void migrationsCreateTheDatabaseFileInTheFolder() {
    }
}
