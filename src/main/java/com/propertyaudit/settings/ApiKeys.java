package com.propertyaudit.settings;

import com.propertyaudit.domain.Provider;
import java.util.Map;
import java.util.Optional;

/** API keys: the environment first, then the OS keychain. Keys are only ever held in memory. */
public final class ApiKeys {

    /** Where a provider's key comes from, for the Settings screen's note. */
    public enum Source { ENVIRONMENT, KEYCHAIN, NONE }

    private final Map<String, String> env;
    private final Keychain keychain;

    public ApiKeys(Map<String, String> env, Keychain keychain) {
        this.env = Map.copyOf(env);
        this.keychain = keychain;
    }

    /** The environment variable that holds a provider's key; null for Simulated, which needs none. */
    public static String variable(Provider provider) {
        return provider.keyVariable();
    }

    public Optional<String> key(Provider provider) {
        String var = variable(provider);
        if (var == null) return Optional.empty();
        String fromEnv = env.get(var);
        if (fromEnv != null && !fromEnv.isBlank()) return Optional.of(fromEnv.strip());
        return keychain.get(var);
    }

    public Source source(Provider provider) {
        String var = variable(provider);
        if (var == null) return Source.NONE;
        String fromEnv = env.get(var);
        if (fromEnv != null && !fromEnv.isBlank()) return Source.ENVIRONMENT;
        return keychain.get(var).isPresent() ? Source.KEYCHAIN : Source.NONE;
    }

    public boolean keychainAvailable() {
        return keychain.available();
    }

    public void store(Provider provider, String key) {
        keychain.set(variable(provider), key.strip());
    }

    public void forget(Provider provider) {
        keychain.delete(variable(provider));
    }

    /** "sk-…abcd": enough to recognise a key, never enough to use it. */
    public static String masked(String key) {
        if (key == null || key.isBlank()) return "";
        String k = key.strip();
        return k.length() <= 8 ? "••••" : k.substring(0, 3) + "…" + k.substring(k.length() - 4);
    }
}
