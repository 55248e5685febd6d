package com.propertyaudit.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** One sentence on standard error and the contract's exit code; a stack trace only with --debug. */
final class ErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
        boolean debug = false;
        for (ParseResult p = parsed; p != null; p = p.subcommand()) debug |= p.hasMatchedOption("--debug");
        var err = cl.getErr();
        if (ex instanceof UserError ue) {
            err.println(ue.getMessage());
            if (debug) ex.printStackTrace(err);
            return ue.exitCode();
        }
        String file = fileProblem(ex);
        if (file != null) {
            err.println(file);
            if (debug) ex.printStackTrace(err);
            return PropertyAuditCommand.BAD_INPUT;
        }
        err.println("Unexpected error: " + ex + (debug ? "" : " (run again with --debug for details)"));
        if (debug) ex.printStackTrace(err);
        return PropertyAuditCommand.NOT_SUCCEEDED;
    }

    /** A file named on the command line that cannot be read or written, as a sentence; null for other errors. */
    static String fileProblem(Throwable ex) {
        Throwable t = ex;
        while (t != null && !(t instanceof java.nio.file.FileSystemException)) t = t.getCause();
        if (!(t instanceof java.nio.file.FileSystemException e)) {
            Throwable io = ex;
            while (io != null && !(io instanceof java.io.IOException)) io = io.getCause();
            return io == null ? null : "A file could not be read or written (" + io.getMessage()
                    + "). Check the paths given to the command.";
        }
        String what = e instanceof java.nio.file.NoSuchFileException ? "does not exist (or its folder does not)"
                : e instanceof java.nio.file.AccessDeniedException ? "cannot be used: permission denied"
                : e instanceof java.nio.file.FileAlreadyExistsException ? "already exists"
                : e.getReason() != null ? "cannot be used: " + e.getReason() : "cannot be used";
        return e.getFile() + " " + what + ". Check the path given to the command.";
    }
}
