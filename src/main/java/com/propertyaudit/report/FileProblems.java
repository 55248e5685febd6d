package com.propertyaudit.report;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What went wrong with a file the analyst named, as the start of a sentence: file errors carry
 * only the path as their message. The command line and the screens add what to do.
 */
public final class FileProblems {

    /** Below this, a failed write is taken for a full disk. */
    private static final long NEARLY_FULL_BYTES = 1 << 20;

    /** The disk holding a folder ran out of space while a file was written there; the message says what to do. */
    public static final class DiskFull extends IOException {
        private static final long serialVersionUID = 1L;

        DiskFull(Path folder, IOException cause) {
            super("The disk holding " + folder + " is full: free some space and try again.", cause);
        }
    }

    private FileProblems() {}

    /** "/reports/a.pdf: permission denied", or null when no file error is in the chain. */
    public static String describe(Throwable error) {
        Throwable t = error;
        while (t != null && !(t instanceof FileSystemException)) t = t.getCause();
        if (!(t instanceof FileSystemException e)) return null;
        String what = e instanceof NoSuchFileException ? " does not exist (or its folder does not)"
                : e instanceof AccessDeniedException ? ": permission denied"
                : e instanceof FileAlreadyExistsException ? " already exists"
                : ": " + (e.getReason() != null ? e.getReason() : "cannot be used");
        return e.getFile() + what;
    }

    /** The full disk in the chain, or null. */
    public static DiskFull diskFull(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof DiskFull full) return full;
        }
        return null;
    }

    /**
     * A write into {@code folder} failed: a {@link DiskFull} when the disk has no room left (the
     * system's words for it, or hardly any space left), else the error itself.
     */
    static IOException whileWriting(Path folder, IOException error) {
        if (error instanceof DiskFull) return error;
        String message = error.getMessage() == null ? "" : error.getMessage().toLowerCase(Locale.ROOT);
        boolean full = message.contains("no space left on device") || message.contains("not enough space on the disk")
                || message.contains("disk quota exceeded");
        if (!full) {
            try {
                full = Files.getFileStore(folder).getUsableSpace() < NEARLY_FULL_BYTES;
            } catch (IOException unknown) {
                full = false;
            }
        }
        return full ? new DiskFull(folder, error) : error;
    }
}
