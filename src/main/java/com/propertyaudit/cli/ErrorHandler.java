package com.propertyaudit.cli;

import com.propertyaudit.report.FileProblems;
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
            err.println(Terminal.safe(ue.getMessage()));
            if (debug) ex.printStackTrace(err);
            return ue.exitCode();
        }
        FileProblems.DiskFull full = FileProblems.diskFull(ex);
        if (full != null) {
            err.println(Terminal.safe(full.getMessage()));
            if (debug) ex.printStackTrace(err);
            return PropertyAuditCommand.ENVIRONMENT;
        }
        String file = fileProblem(ex);
        if (file != null) {
            err.println(Terminal.safe(file));
            if (debug) ex.printStackTrace(err);
            return PropertyAuditCommand.BAD_INPUT;
        }
        err.println(Terminal.safeLines("Unexpected error: " + ex) + (debug ? "" : " (run again with --debug for details)"));
        if (debug) ex.printStackTrace(err);
        return PropertyAuditCommand.NOT_SUCCEEDED;
    }

    /** A file named on the command line that cannot be read or written, as a sentence; null for other errors. */
    static String fileProblem(Throwable ex) {
        String file = FileProblems.describe(ex);
        if (file != null) return file + ". Check the path given to the command.";
        Throwable io = ex;
        while (io != null && !(io instanceof java.io.IOException)) io = io.getCause();
        return io == null ? null : "A file could not be read or written (" + io.getMessage()
                + "). Check the paths given to the command.";
    }
}
