package com.propertyaudit.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code --home} and {@code --db}, accepted before or after the subcommand (cli.md). Mixed into the
 * top-level command with inherited scope so every subcommand shares one instance of the values.
 */
public final class GlobalOptions {

    private static Path home;
    private static String db;

    @Option(names = "--home", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "Data folder (default: PROPERTYAUDIT_HOME, else the OS data folder).")
    void setHome(Path value) {
        home = value;
    }

    @Option(names = "--db", paramLabel = "JDBC_URL", scope = ScopeType.INHERIT,
            description = "Database URL (default: PROPERTYAUDIT_DB, else the H2 file in the data folder).")
    void setDb(String value) {
        db = value;
    }

    static Path home() {
        return home;
    }

    static String db() {
        return db;
    }

    /** Each execution starts from no options: several executions can share one JVM (tests). */
    static void reset() {
        home = null;
        db = null;
    }
}
