package com.propertyaudit.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;

/**
 * Where significant-drop alerts are posted: {@code PROPERTYAUDIT_ALERT_WEBHOOK}, else the URL saved in
 * alerts.json in the data folder (a file of its own, so saving the other settings never drops it).
 */
public final class AlertSettings {

    public static final String VARIABLE = "PROPERTYAUDIT_ALERT_WEBHOOK";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;
    private final Map<String, String> env;

    public AlertSettings(Path dataFolder, Map<String, String> env) {
        this.file = dataFolder.resolve("alerts.json");
        this.env = Map.copyOf(env);
    }

    /** The webhook URL in use: the environment's, else the saved one; empty when alerts are not posted. */
    public Optional<String> webhook() {
        String fromEnv = env.get(VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank()) return Optional.of(fromEnv.strip());
        return saved();
    }

    /** True when the environment sets the webhook, so the saved one is not used. */
    public boolean fromEnvironment() {
        String fromEnv = env.get(VARIABLE);
        return fromEnv != null && !fromEnv.isBlank();
    }

    public Optional<String> saved() {
        if (!Files.exists(file)) return Optional.empty();
        try {
            JsonNode url = MAPPER.readTree(file.toFile()).path("webhookUrl");
            return url.isTextual() && !url.asText().isBlank() ? Optional.of(url.asText().strip()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Saves the webhook URL (blank or null: alerts are not posted), written whole then moved into place. */
    public void save(String url) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".alerts-", ".tmp");
            var o = MAPPER.createObjectNode();
            if (url == null || url.isBlank()) o.putNull("webhookUrl");
            else o.put("webhookUrl", url.strip());
            MAPPER.writeValue(tmp.toFile(), o);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The alert webhook could not be saved to " + file + ": " + e.getMessage(), e);
        }
    }
}
