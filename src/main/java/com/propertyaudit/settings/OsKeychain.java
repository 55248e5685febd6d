package com.propertyaudit.settings;

import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OS keychain (macOS Keychain, Windows Credential Manager, Secret Service on Linux) through
 * java-keyring. Where none is reachable it reports itself unavailable instead of failing.
 */
public final class OsKeychain implements Keychain {

    private static final Logger LOG = LoggerFactory.getLogger(OsKeychain.class);
    private static final String SERVICE = "PropertyAudit";

    private Keyring keyring;
    private boolean probed;

    private synchronized Keyring keyring() {
        if (!probed) {
            probed = true;
            try {
                keyring = Keyring.create();
            } catch (Exception | LinkageError e) {
                LOG.debug("No OS keychain available ({}); API keys come from the environment only.", e.toString());
            }
        }
        return keyring;
    }

    @Override
    public boolean available() {
        return keyring() != null;
    }

    @Override
    public Optional<String> get(String account) {
        Keyring k = keyring();
        if (k == null) return Optional.empty();
        try {
            String secret = k.getPassword(SERVICE, account);
            return secret == null || secret.isBlank() ? Optional.empty() : Optional.of(secret);
        } catch (PasswordAccessException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void set(String account, String secret) {
        Keyring k = keyring();
        if (k == null) throw new IllegalStateException("No OS keychain is available on this machine; set the environment variable instead.");
        try {
            k.setPassword(SERVICE, account, secret);
        } catch (PasswordAccessException e) {
            throw new IllegalStateException("The OS keychain refused to store the key: " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String account) {
        Keyring k = keyring();
        if (k == null) return;
        try {
            k.deletePassword(SERVICE, account);
        } catch (PasswordAccessException | RuntimeException e) {
            LOG.debug("No key to delete for {}", account);
        }
    }
}
