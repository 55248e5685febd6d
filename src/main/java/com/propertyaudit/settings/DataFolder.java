package com.propertyaudit.settings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where PropertyAudit keeps its database and settings. */
public final class DataFolder {

    private DataFolder() {}

    /** {@code --home}, else {@code PROPERTYAUDIT_HOME}, else the OS convention. */
    public static Path resolve(Path option, Map<String, String> env) {
        return resolve(option, env, System.getProperty("os.name", ""), System.getProperty("user.home", "."));
    }

    static Path resolve(Path option, Map<String, String> env, String osName, String userHome) {
        if (option != null) return option.toAbsolutePath().normalize();
        String home = env.get("PROPERTYAUDIT_HOME");
        if (home != null && !home.isBlank()) return Path.of(home).toAbsolutePath().normalize();
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return (appData != null && !appData.isBlank() ? Path.of(appData)
                    : Path.of(userHome, "AppData", "Roaming")).resolve("PropertyAudit");
        }
        if (os.startsWith("mac")) return Path.of(userHome, "Library", "Application Support", "PropertyAudit");
        String xdg = env.get("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(userHome, ".local", "share"))
                .resolve("PropertyAudit");
    }

    /** Creates the folder if needed; a sentence naming the folder when it cannot be written. */
    public static void ensureWritable(Path folder) {
        try {
            Files.createDirectories(folder);
            Path probe = Files.createTempFile(folder, ".write-test", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new IllegalStateException("The data folder " + folder + " cannot be written (" + e.getMessage()
                    + "). Choose another with --home or PROPERTYAUDIT_HOME, or fix its permissions.", e);
        }
    }
}
