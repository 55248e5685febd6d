package com.propertyaudit.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Whether a path the analyst named can take an export, checked before anything is written: a PDF
 * goes to a file (never over a folder), CSV files to a folder or a {@code .zip} file, and the
 * folder they land in must be one that can be written. Each refusal names the path and what to do.
 */
public final class ExportTargets {

    /** A path an export cannot be written to; the message is a sentence naming it. */
    public static final class UnusableTarget extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        UnusableTarget(String message) {
            super(message);
        }
    }

    private ExportTargets() {}

    /** True when CSV files go into a zip at {@code target} rather than into a folder. */
    public static boolean isZip(Path target) {
        Path name = target.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    public static void checkPdf(Path file) {
        named(file, "the PDF file to write, like report.pdf");
        if (Files.isDirectory(file)) {
            throw new UnusableTarget(file + " is a folder: give the path of the PDF file to write, like "
                    + file.resolve("report.pdf") + ".");
        }
        String name = file.getFileName().toString();
        if (!name.toLowerCase(Locale.ROOT).endsWith(".pdf")) {
            // A PDF named r.txt opens in the wrong program, or not at all.
            String stem = name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
            throw new UnusableTarget(file + " does not end in .pdf: name the PDF file like "
                    + file.resolveSibling((stem.isEmpty() ? "report" : stem) + ".pdf") + ".");
        }
        writableFolder(file.toAbsolutePath().getParent());
    }

    public static void checkCsv(Path target) {
        named(target, "a folder for the CSV files, or a file name ending in .zip");
        if (isZip(target)) {
            if (Files.isDirectory(target)) {
                throw new UnusableTarget(target + " is a folder, not a zip file: give another name for the zip,"
                        + " or a name without .zip to write the CSV files into a folder.");
            }
            writableFolder(target.toAbsolutePath().getParent());
        } else if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new UnusableTarget(target + " is a file, not a folder: give a folder for the CSV files,"
                    + " or a file name ending in .zip.");
        } else {
            writableFolder(target.toAbsolutePath());
        }
    }

    private static void named(Path target, String what) {
        if (target.toString().isBlank()) throw new UnusableTarget("No file was named: give " + what + ".");
    }

    /** The folder, or the nearest part of it that exists (the rest is created), must be a folder that can be written. */
    private static void writableFolder(Path folder) {
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return;
        if (!Files.isDirectory(existing)) {
            throw new UnusableTarget(existing + " is a file, not a folder: choose another place for the export.");
        }
        if (!Files.isWritable(existing)) {
            throw new UnusableTarget("The folder " + existing + " cannot be written: choose a folder you may write to.");
        }
    }
}
