package com.propertyaudit.settings;

import java.util.Optional;

/** Where API keys are kept when they are not in the environment. */
public interface Keychain {

    /** False where the OS offers no keychain (e.g. a server without a Secret Service). */
    boolean available();

    Optional<String> get(String account);

    void set(String account, String secret);

    void delete(String account);
}
