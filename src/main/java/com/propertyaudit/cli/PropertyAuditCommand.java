package com.propertyaudit.cli;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The top-level {@code propertyaudit} command; its subcommands are the CLI of cli.md. */
@Command(
        name = "propertyaudit",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "GEO audits of rental properties: how AI assistants name your property and its competitors.",
        subcommands = {ScoreCommand.class, PropertyCommand.class, RunCommand.class, BatchesCommand.class,
            PortfolioCommand.class, ScheduleCommand.class, RunDueCommand.class,
            InsightsCommand.class, RescoreCommand.class, ExportCommand.class, DbCommand.class,
            AnalyzeCommand.class})
public final class PropertyAuditCommand implements Runnable {

    /** Exit codes of cli.md. */
    public static final int OK = 0;
    public static final int NOT_SUCCEEDED = 1;
    public static final int BAD_INPUT = 2;
    public static final int ENVIRONMENT = 3;

    @Mixin
    GlobalOptions globals;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Print stack traces on errors.")
    boolean debug;

    @Override
    public void run() {
        // Reached only with global options and no subcommand; Main opens the GUI before this.
        throw new CommandLine.ParameterException(new CommandLine(this), "Missing subcommand.");
    }

    /** True when the arguments are only global options (--home, --db, --debug): open the window. */
    public static boolean wantsGui(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--home") || a.equals("--db")) {
                i++;
            } else if (!(a.startsWith("--home=") || a.startsWith("--db=") || a.equals("--debug"))) {
                return false;
            }
        }
        return true;
    }

    /** The arguments the GUI understands (global options such as --home pass through). */
    public static String[] guiArguments(String[] args) {
        return args.clone();
    }

    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        GlobalOptions.reset();
        CommandLine cl = new CommandLine(new PropertyAuditCommand());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.registerConverter(Path.class, PropertyAuditCommand::path);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println(Terminal.safeLines(ex.getMessage()));
            err.println("Run 'propertyaudit " + String.join(" ", subcommandPath(ex.getCommandLine()))
                    + " --help' for usage.");
            return BAD_INPUT;
        });
        return cl.execute(args);
    }

    /** A path option's value; one the system cannot take (a NUL, say) is a usage error naming it. */
    private static Path path(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new CommandLine.TypeConversionException("'" + Terminal.safe(text) + "' cannot be a path ("
                    + e.getReason() + ").");
        }
    }

    private static java.util.List<String> subcommandPath(CommandLine cl) {
        java.util.LinkedList<String> names = new java.util.LinkedList<>();
        for (CommandLine c = cl; c != null && c.getParent() != null; c = c.getParent()) {
            names.addFirst(c.getCommandName());
        }
        return names;
    }
}
