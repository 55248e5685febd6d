package com.propertyaudit.cli;

import com.propertyaudit.engine.Workspace;
import com.propertyaudit.settings.DataFolder;
import com.propertyaudit.store.Backups;
import com.propertyaudit.store.Database;
import com.propertyaudit.store.Restore;
import com.propertyaudit.store.DatabaseCopy;
import com.propertyaudit.store.JdbcUrls;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code propertyaudit db backup | restore FILE}: the data folder's database, saved and put back;
 * {@code db copy --to URL}: the database in use copied whole to another (the team's server).
 */
@Command(name = "db", mixinStandardHelpOptions = true,
        description = "Back up or restore the data folder's database, or copy the database to another.",
        subcommands = {DbCommand.Backup.class, DbCommand.RestoreBackup.class, DbCommand.Copy.class})
final class DbCommand {

    private DbCommand() {}

    /** Backups are of the data folder's H2 file; a database given with --db has its own tools. */
    private static void requireDataFolder() {
        String url = GlobalOptions.db() != null ? GlobalOptions.db() : System.getenv("PROPERTYAUDIT_DB");
        if (url != null && !url.isBlank()) {
            throw UserError.badInput("db backup and db restore work on the data folder's database; the database at "
                    + "--db or PROPERTYAUDIT_DB is backed up with its own tools.");
        }
    }

    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = "Save the database now as SQL in the data folder's backups folder (kept until you delete it).")
    static final class Backup implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            requireDataFolder();
            try (Workspace ws = Workspaces.open()) {
                if (ws.database().isPostgres()) {
                    throw UserError.badInput("db backup saves the data folder's own database; this folder points at a"
                            + " shared PostgreSQL server (Settings, Shared database), which is backed up with pg_dump.");
                }
                Path file = Backups.of(ws.folder()).manual(ws.database());
                spec.commandLine().getOut().println(file);
                return PropertyAuditCommand.OK;
            }
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = "Put a backup back in place of the database; what it replaces is kept in the backups first.")
    static final class RestoreBackup implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "A .sql.gz file from the backups folder (or a propertyaudit .mv.db).")
        Path file;

        @Override
        public Integer call() {
            requireDataFolder();
            Path folder = DataFolder.resolve(GlobalOptions.home(), Map.copyOf(System.getenv()));
            String problem = Database.folderProblem(folder);
            if (problem != null) throw UserError.badInput(problem);
            Restore.Result r;
            try {
                r = Restore.restore(folder, file);
            } catch (IllegalArgumentException e) {
                throw UserError.badInput(e.getMessage());
            } catch (Restore.Refused | IllegalStateException e) {
                throw UserError.environment(e.getMessage());
            }
            var out = spec.commandLine().getOut();
            out.println("Restored " + r.restored() + " into " + folder + ".");
            if (r.previousKeptAs() != null) out.println("The database it replaced is kept as " + r.previousKeptAs() + ".");
            return PropertyAuditCommand.OK;
        }
    }

    @Command(name = "copy", mixinStandardHelpOptions = true,
            description = "Copy every table of the database in use to the empty database at --to (H2 -> PostgreSQL, or back).")
    static final class Copy implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--to", required = true, paramLabel = "JDBC_URL",
                description = "The empty target, e.g. jdbc:postgresql://server/propertyaudit (login from"
                        + " PROPERTYAUDIT_DB_USER / PROPERTYAUDIT_DB_PASSWORD or the keychain).")
        String to;

        @Override
        public Integer call() {
            if (!to.startsWith("jdbc:")) {
                throw UserError.badInput("--to: '" + JdbcUrls.masked(to) + "' is not a JDBC URL; give one like"
                        + " jdbc:postgresql://server/propertyaudit or jdbc:h2:file:/path/to/folder/propertyaudit.");
            }
            try (Workspace ws = Workspaces.open()) {
                if (JdbcUrls.withoutPassword(to).equals(ws.database().url())) {
                    throw UserError.badInput("--to names the database in use: give another, empty database.");
                }
                long t0 = System.nanoTime();
                List<DatabaseCopy.Table> tables;
                String target;
                try (Database db = ws.openOther(to)) {
                    target = db.description();
                    tables = DatabaseCopy.copy(ws.database(), db);
                } catch (DatabaseCopy.TargetNotEmpty e) {
                    throw UserError.badInput("--to: " + e.getMessage());
                } catch (IllegalStateException e) {
                    throw UserError.environment(e.getMessage());
                }
                var out = spec.commandLine().getOut();
                long rows = 0;
                for (DatabaseCopy.Table t : tables) {
                    out.printf("%-20s %,d row%s%n", t.name(), t.rows(), t.rows() == 1 ? "" : "s");
                    rows += t.rows();
                }
                out.printf("Copied %,d rows in %d tables from the database %s to the database %s in %.1f s; every row count"
                        + " checked.%n", rows,
                        tables.size(), ws.database().description(), target, (System.nanoTime() - t0) / 1e9);
                return PropertyAuditCommand.OK;
            }
        }
    }
}
