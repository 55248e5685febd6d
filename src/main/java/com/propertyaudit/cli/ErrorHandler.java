package com.propertyaudit.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** One sentence on standard error and the contract's exit code; a stack trace only with --debug. */
final class ErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
        boolean debug = parsed.hasMatchedOption("--debug")
                || parsed.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--debug"));
        var err = cl.getErr();
        if (ex instanceof UserError ue) {
            err.println(ue.getMessage());
            if (debug) ex.printStackTrace(err);
            return ue.exitCode();
        }
        err.println("Unexpected error: " + ex + (debug ? "" : " (run again with --debug for details)"));
        if (debug) ex.printStackTrace(err);
        return PropertyAuditCommand.NOT_SUCCEEDED;
    }
}
