package com.propertyaudit.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyaudit.settings.DbLogin;
import com.propertyaudit.settings.MemoryKeychain;
import com.propertyaudit.settings.SharedDatabase;
import com.propertyaudit.store.Database;
import com.propertyaudit.store.TestPostgres;
import com.propertyaudit.ui.common.Background;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings, Shared database: Test against the server, Save keeps the login in the keychain only. */
class SharedDatabaseModelTest {

    @TempDir
    Path home;

    final MemoryKeychain keychain = new MemoryKeychain();

    SharedDatabaseModel model() {
        return new SharedDatabaseModel(new SharedDatabase(home), new DbLogin(Map.of(), keychain), "in " + home,
                Background.direct());
    }

    @Test
    void testConnectsWithoutChangingAnythingAndSaveKeepsThePasswordOutOfTheFolder() throws Exception {
        try (TestPostgres.Fresh server = TestPostgres.fresh()) {
            SharedDatabaseModel m = model();
            m.url.set(server.url());
            m.user.set(TestPostgres.user());
            m.password.set(TestPostgres.password());
            m.test();
            assertThat(m.status.get()).startsWith("Connected to PostgreSQL").contains("The database is empty");

            m.password.set("wrong-" + TestPostgres.password());
            m.test();
            assertThat(m.status.get()).startsWith("Cannot connect to " + server.url()).doesNotContain("wrong-");

            m.url.set(server.url() + "?password=" + TestPostgres.password() + "&sslmode=disable");
            m.password.set("");
            m.save();
            assertThat(m.status.get()).startsWith("Saved.");
            assertThat(Files.readString(home.resolve(SharedDatabase.FILE)).strip())
                    .isEqualTo(server.url() + "?sslmode=disable");
            assertThat(keychain.get(DbLogin.PASSWORD)).contains(TestPostgres.password());

            // The next start opens the server, with the login from the keychain.
            DbLogin login = new DbLogin(Map.of(), keychain);
            try (Database db = Database.open(new SharedDatabase(home).url().orElseThrow(), login.user().orElse(null),
                    login.password().orElse(null))) {
                assertThat(db.isPostgres()).isTrue();
            }
            m.test();
            assertThat(m.status.get()).contains("It holds 0 batches");

            m.useDataFolder();
            assertThat(home.resolve(SharedDatabase.FILE)).doesNotExist();
            assertThat(keychain.get(DbLogin.PASSWORD)).isEmpty();
        }
    }

    @Test
    void aUrlThatIsNotAServerIsRefusedWithASentence() {
        SharedDatabaseModel m = model();
        m.url.set("jdbc:h2:file:/tmp/x");
        m.save();
        assertThat(m.status.get()).contains("A shared database is a PostgreSQL server");
        assertThat(home.resolve(SharedDatabase.FILE)).doesNotExist();
    }
}
