package com.propertyaudit.report;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
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

    /**
     * Creates {@code dir} and its missing parents, and returns the outermost folder it created (null
     * when {@code dir} existed), so that an export that then fails can take them away again.
     */
    public static Path folders(Path dir) throws IOException {
        Path outermost = null;
        for (Path p = dir; p != null && !Files.exists(p); p = p.getParent()) outermost = p;
        Files.createDirectories(dir);
        return outermost;
    }

    /**
     * After a failed export: the folders {@link #folders} created for it, from {@code dir} out to
     * {@code outermost}, are removed while they are empty; a failed export leaves nothing behind.
     */
    public static void removeFolders(Path dir, Path outermost, Throwable failure) {
        if (outermost == null) return;
        for (Path p = dir; p != null; p = p.getParent()) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                failure.addSuppressed(e);
                return;
            }
            if (p.equals(outermost)) return;
        }
    }

    /** A new empty file in {@code dir} (or the system's temporary folder when null). */
    public static Path temporary(Path dir, String prefix, String suffix) throws IOException {
        Path folder = dir != null ? dir : Path.of(System.getProperty("java.io.tmpdir"));
        return Files.createFile(folder.resolve(prefix + UUID.randomUUID() + suffix));
    }

    /** A new empty folder in {@code dir}, for a set of files moved into place together. */
    public static Path temporaryFolder(Path dir, String prefix) throws IOException {
        return Files.createDirectory(dir.resolve(prefix + UUID.randomUUID()));
    }

    /**
     * Removes a temporary file or folder, whatever is in it, after success or failure alike. A
     * removal that fails is added to {@code failure} (the error the caller is throwing), if any,
     * so it is not lost; on success it is thrown.
     */
    public static void remove(Path temporary, Throwable failure) throws IOException {
        try {
            if (Files.isDirectory(temporary)) {
                Files.walkFileTree(temporary, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                        Files.delete(file);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                        if (e != null) throw e;
                        Files.delete(dir);
                        return FileVisitResult.CONTINUE;
                    }
                });
            } else {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            if (failure == null) throw e;
            failure.addSuppressed(e);
        }
    }
}
