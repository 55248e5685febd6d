package com.propertyaudit.engine;

import com.propertyaudit.store.Database;
import com.propertyaudit.store.TestPostgres;
import org.junit.jupiter.api.AfterEach;

/** Every engine test of {@link AuditEngineTest}, against a PostgreSQL server (a database of its own per test). */
class PostgresAuditEngineTest extends AuditEngineTest {

    private TestPostgres.Fresh server;

    @Override
    Database openDatabase() {
        server = TestPostgres.fresh();
        return server.open();
    }

    @Override
    @AfterEach
    void close() {
        super.close();
        if (server != null) server.close();
    }
}
