package com.propertyaudit.settings;

import java.util.Map;
import java.util.Optional;

/**
 * The user and password of a shared database server: {@code PROPERTYAUDIT_DB_USER} and
 * {@code PROPERTYAUDIT_DB_PASSWORD} from the environment first, then the OS keychain (set in Settings,
 * Shared database). Like API keys they are only ever held in memory, never in a file of the data folder.
 */
public final class DbLogin {

    public static final String USER = "PROPERTYAUDIT_DB_USER";
    public static final String PASSWORD = "PROPERTYAUDIT_DB_PASSWORD";

    private final Map<String, String> env;
    private final Keychain keychain;

    public DbLogin(Map<String, String> env, Keychain keychain) {
        this.env = Map.copyOf(env);
        this.keychain = keychain;
    }

    public Optional<String> user() {
        return value(USER);
    }

    public Optional<String> password() {
        return value(PASSWORD);
    }

    /** Whether the environment sets the login, so Settings says that it overrides the keychain. */
    public boolean fromEnvironment() {
        return fromEnv(USER).isPresent() || fromEnv(PASSWORD).isPresent();
    }

    public boolean keychainAvailable() {
        return keychain.available();
    }

    /** Keeps the login in the keychain; a blank field leaves what is stored as it is. */
    public void store(String user, String password) {
        if (user != null && !user.isBlank()) keychain.set(USER, user.strip());
        if (password != null && !password.isEmpty()) keychain.set(PASSWORD, password);
    }

    /** Removes the stored login from the keychain. */
    public void forget() {
        keychain.delete(USER);
        keychain.delete(PASSWORD);
    }

    private Optional<String> value(String variable) {
        Optional<String> e = fromEnv(variable);
        return e.isPresent() ? e : keychain.get(variable);
    }

    private Optional<String> fromEnv(String variable) {
        String v = env.get(variable);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(variable.equals(USER) ? v.strip() : v);
    }
}
