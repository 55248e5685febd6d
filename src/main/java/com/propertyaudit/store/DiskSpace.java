package com.propertyaudit.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Whether a failed write was the disk running out of space. */
final class DiskSpace {

    /** Less than this left on the disk, and a write that failed is taken for a full disk. */
    private static final long NEARLY_FULL_BYTES = 1L << 20;

    private DiskSpace() {}

    /**
     * True when the error says so (Linux and macOS: "No space left on device"; Windows: "There is
     * not enough space on the disk"), or when the folder's disk has almost nothing left.
     */
    static boolean isFull(Throwable error, Path folder) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m != null) {
                String lower = m.toLowerCase(Locale.ROOT);
                if (lower.contains("no space left") || lower.contains("not enough space")) return true;
            }
        }
        return usable(folder) < NEARLY_FULL_BYTES;
    }

    private static long usable(Path folder) {
        try {
            return Files.getFileStore(folder).getUsableSpace();
        } catch (IOException | SecurityException e) {
            return Long.MAX_VALUE;
        }
    }
}
