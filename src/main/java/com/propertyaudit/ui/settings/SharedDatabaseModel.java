package com.propertyaudit.ui.settings;

import com.propertyaudit.settings.DbLogin;
import com.propertyaudit.settings.SharedDatabase;
import com.propertyaudit.store.Database;
import com.propertyaudit.store.JdbcUrls;
import com.propertyaudit.ui.FxTasks;
import com.propertyaudit.ui.common.Background;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Settings, Shared database: the team's PostgreSQL server this data folder points at, the login
 * for it (kept in the keychain, never in the data folder), a Test that connects without changing
 * anything, and Save, which takes effect when the app starts again.
 */
public final class SharedDatabaseModel {

    private final SharedDatabase setting;
    private final DbLogin login;
    private final Background background;
    public final StringProperty url = new SimpleStringProperty("");
    public final StringProperty user = new SimpleStringProperty("");
    public final StringProperty password = new SimpleStringProperty("");
    /** What the last Test or Save found, as a sentence. */
    public final StringProperty status = new SimpleStringProperty("");
    /** The password field's prompt: whether one is stored already. */
    public final StringProperty passwordPrompt = new SimpleStringProperty("");
    /** Where the database in use is, for the line under the fields. */
    public final StringProperty inUse = new SimpleStringProperty("");
    public final BooleanProperty testing = new SimpleBooleanProperty();

    public SharedDatabaseModel(SharedDatabase setting, DbLogin login, String inUse, Background background) {
        this.setting = setting;
        this.login = login;
        this.background = background;
        this.inUse.set("In use now: the database " + inUse + ".");
        url.set(setting.url().orElse(""));
        user.set(login.user().orElse(""));
        passwordPrompt.set(login.password().isEmpty() ? "password"
                : login.fromEnvironment() ? "set in the environment" : "stored in the keychain");
    }

    /** Connects to the server as the fields say (a blank password: the stored one), changing nothing. */
    public void test() {
        String u = url.get().strip();
        if (!JdbcUrls.isPostgres(u)) {
            status.set("Enter the server's URL: jdbc:postgresql://HOST[:PORT]/DATABASE.");
            return;
        }
        String name = user.get().isBlank() ? login.user().orElse(null) : user.get().strip();
        String pw = password.get().isEmpty() ? login.password().orElse(null) : password.get();
        testing.set(true);
        status.set("Connecting to " + JdbcUrls.masked(u) + " …");
        background.run(() -> Database.probe(u, name, pw), found -> {
            testing.set(false);
            status.set(found);
        }, e -> {
            testing.set(false);
            status.set(FxTasks.describe(e));
        });
    }

    /** Points the data folder at the server; a password in the URL goes to the keychain, never to the folder. */
    public void save() {
        String u = url.get().strip();
        String pw = password.get();
        if (JdbcUrls.password(u) != null) {
            if (pw.isEmpty()) pw = JdbcUrls.password(u);
            u = JdbcUrls.withoutPassword(u);
        }
        boolean loginGiven = !user.get().isBlank() || !pw.isEmpty();
        if (loginGiven && !login.keychainAvailable()) {
            status.set("This computer has no keychain to keep the login in: set PROPERTYAUDIT_DB_USER and"
                    + " PROPERTYAUDIT_DB_PASSWORD in the environment instead, and leave the fields empty.");
            return;
        }
        try {
            setting.set(u);
            if (loginGiven) login.store(user.get(), pw);
        } catch (RuntimeException e) {
            status.set(FxTasks.describe(e));
            return;
        }
        url.set(u);
        password.set("");
        if (loginGiven && !pw.isEmpty()) passwordPrompt.set("stored in the keychain");
        status.set("Saved. PropertyAudit uses " + JdbcUrls.masked(u) + " from its next start (the CLI too, with this"
                + " data folder).");
    }

    /** Back to the data folder's own database (from the next start); the stored login is removed. */
    public void useDataFolder() {
        try {
            setting.set(null);
            if (login.keychainAvailable()) login.forget();
        } catch (RuntimeException e) {
            status.set(FxTasks.describe(e));
            return;
        }
        url.set("");
        user.set("");
        password.set("");
        passwordPrompt.set("password");
        status.set("Saved. PropertyAudit uses the data folder's own database from its next start.");
    }
}
