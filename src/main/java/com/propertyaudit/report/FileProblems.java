package com.propertyaudit.report;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * What went wrong with a file the analyst named, as the start of a sentence: file errors carry
 * only the path as their message. The command line and the screens add what to do.
 */
public final class FileProblems {

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
}
