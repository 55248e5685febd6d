package com.propertyaudit.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Files written for the analyst (reports, exports, score results) are first written to a
 * temporary file beside their target and then moved into place, so a failure leaves nothing
 * half-written. Unlike {@link Files#createTempFile}, which makes a file only its owner may read,
 * the file is created like any document the analyst saves: with the permissions the user's umask
 * gives.
 */
public final class UserFiles {

    private UserFiles() {}

    /** A new empty file in {@code dir} (or the system's temporary folder when null). */
    public static Path temporary(Path dir, String prefix, String suffix) throws IOException {
        Path folder = dir != null ? dir : Path.of(System.getProperty("java.io.tmpdir"));
        return Files.createFile(folder.resolve(prefix + UUID.randomUUID() + suffix));
    }
}
