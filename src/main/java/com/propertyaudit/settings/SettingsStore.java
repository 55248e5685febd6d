package com.propertyaudit.settings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** settings.json in the data folder, written to a temporary file and then moved into place. */
public final class SettingsStore {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;
    /** What was last read or written: screens ask often, and the file changes only through here. */
    private volatile AppSettings cached;

    public SettingsStore(Path dataFolder) {
        this.file = dataFolder.resolve("settings.json");
    }

    public Path file() {
        return file;
    }

    /** The saved settings, or the defaults when there are none or the file is damaged (it is kept aside). */
    public AppSettings load() {
        AppSettings c = cached;
        if (c == null) {
            c = read();
            cached = c;
        }
        return c;
    }

    private AppSettings read() {
        if (!Files.exists(file)) return AppSettings.defaults();
        try {
            return MAPPER.readValue(file.toFile(), AppSettings.class);
        } catch (IOException e) {
            Path aside = file.resolveSibling("settings.damaged.json");
            LOG.warn("{} could not be read ({}); using defaults and keeping the file as {}", file, e.getMessage(), aside);
            try {
                Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException ignored) {
                // Keeping the damaged copy is a courtesy; the defaults work either way.
            }
            return AppSettings.defaults();
        }
    }

    public void save(AppSettings settings) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".settings-", ".tmp");
            MAPPER.writeValue(tmp.toFile(), settings);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            cached = settings;
        } catch (IOException e) {
            throw new UncheckedIOException("Settings could not be saved to " + file + ": " + e.getMessage(), e);
        }
    }
}
