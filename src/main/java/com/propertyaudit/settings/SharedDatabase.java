package com.propertyaudit.settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The team's database server this data folder points at (Settings, Shared database): its JDBC URL
 * in {@code shared-database.url}, one line, never with a password (that is in the keychain or the
 * environment, {@link DbLogin}). {@code --db} and {@code PROPERTYAUDIT_DB} win over it.
 */
public final class SharedDatabase {

    public static final String FILE = "shared-database.url";
    private static final Pattern PASSWORD = Pattern.compile("[?&;]password=", Pattern.CASE_INSENSITIVE);

    private final Path file;

    public SharedDatabase(Path dataFolder) {
        this.file = dataFolder.resolve(FILE);
    }

    public Optional<String> url() {
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            String url = Files.readString(file, StandardCharsets.UTF_8).strip();
            return url.isEmpty() ? Optional.empty() : Optional.of(url);
        } catch (IOException e) {
            throw new UncheckedIOException("The shared database setting " + file + " cannot be read: " + e.getMessage()
                    + ". Delete it to use the data folder's own database.", e);
        }
    }

    /** Points the data folder at {@code url} (a PostgreSQL URL without a password), or back at its own file (null). */
    public void set(String url) {
        try {
            if (url == null || url.isBlank()) {
                Files.deleteIfExists(file);
                return;
            }
            if (!url.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql://")) {
                throw new IllegalArgumentException("A shared database is a PostgreSQL server: its URL starts with"
                        + " jdbc:postgresql://, e.g. jdbc:postgresql://db.agency.example/propertyaudit.");
            }
            if (PASSWORD.matcher(url).find()) {
                throw new IllegalArgumentException("The URL carries a password, which is never written to the data"
                        + " folder: put it in the password field (kept in the keychain).");
            }
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".shared-database-", ".tmp");
            Files.writeString(tmp, url.strip() + System.lineSeparator(), StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("The shared database setting could not be written to " + file + ": "
                    + e.getMessage(), e);
        }
    }
}
