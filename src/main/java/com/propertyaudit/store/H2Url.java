package com.propertyaudit.store;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The JDBC URL of the H2 file in a data folder, and the settings every H2 URL of ours carries.
 * H2 ends a database name at the first {@code ;} (what follows are settings) and reads {@code \}
 * as a separator even where the system does not, so a folder holding either could name another
 * database or add settings: such a folder is refused, never pasted into a URL.
 */
final class H2Url {

    /** The database file is {@code propertyaudit.mv.db}. */
    static final String BASE_NAME = "propertyaudit";

    /**
     * Settings of every H2 database we open. {@code WRITE_DELAY=0}: a commit is written to the file
     * before it returns (H2's default writes it up to 500 ms later, so a killed process lost answers it
     * had reported stored). {@code TRACE_LEVEL_FILE=0}: H2's own trace file adds nothing to our
     * one-sentence errors. H2 refuses {@code DB_CLOSE_ON_EXIT=FALSE} with {@code AUTO_SERVER}, so it
     * still closes the database at JVM exit; the commands that write during a stop (run) handle the
     * stop signals themselves, before any exit begins.
     */
    private static final String[][] SETTINGS = {{"WRITE_DELAY", "0"}, {"TRACE_LEVEL_FILE", "0"}};

    private H2Url() {}

    /** A sentence when the folder cannot hold our H2 file; null when it can. */
    static String problem(Path folder) {
        String path = folder.toAbsolutePath().toString();
        String bad = path.contains(";") ? "';'" : File.separatorChar != '\\' && path.contains("\\") ? "'\\'" : null;
        if (bad == null) return null;
        return "The data folder " + path + " has " + bad + " in its path, which the H2 database cannot take in a"
                + " file name: choose a folder without it (--home or PROPERTYAUDIT_HOME).";
    }

    /** {@code jdbc:h2:file:FOLDER/propertyaudit} with our settings and AUTO_SERVER (the CLI works while the GUI is open). */
    static String forFolder(Path folder) {
        String p = problem(folder);
        if (p != null) throw new IllegalArgumentException(p);
        return withSettings("jdbc:h2:file:" + folder.toAbsolutePath().resolve(BASE_NAME) + ";AUTO_SERVER=TRUE");
    }

    /** An H2 URL given by the user with our settings added where it does not set them; other URLs as they are. */
    static String withSettings(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("jdbc:h2:") || lower.startsWith("jdbc:h2:tcp:") || lower.startsWith("jdbc:h2:ssl:")) {
            return url;
        }
        StringBuilder sb = new StringBuilder(url);
        String upper = url.toUpperCase(Locale.ROOT);
        for (String[] s : SETTINGS) {
            if (!upper.contains(";" + s[0] + "=")) sb.append(';').append(s[0]).append('=').append(s[1]);
        }
        return sb.toString();
    }
}
