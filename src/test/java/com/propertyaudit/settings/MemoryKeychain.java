package com.propertyaudit.settings;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** An in-memory keychain for tests; the real one needs a desktop session. */
public final class MemoryKeychain implements Keychain {

    public final Map<String, String> secrets = new HashMap<>();

    @Override
    public boolean available() {
        return true;
    }

    @Override
    public Optional<String> get(String account) {
        return Optional.ofNullable(secrets.get(account));
    }

    @Override
    public void set(String account, String secret) {
        secrets.put(account, secret);
    }

    @Override
    public void delete(String account) {
        secrets.remove(account);
    }
}
