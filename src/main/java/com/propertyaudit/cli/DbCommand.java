package com.propertyaudit.cli;

import com.propertyaudit.engine.Workspace;
import com.propertyaudit.settings.DataFolder;
import com.propertyaudit.store.Backups;
import com.propertyaudit.store.Database;
import com.propertyaudit.store.Restore;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code propertyaudit db backup | restore FILE}: the data folder's database, saved and put back. */
@Command(name = "db", mixinStandardHelpOptions = true, description = "Back up or restore the data folder's database.",
        subcommands = {DbCommand.Backup.class, DbCommand.RestoreBackup.class})
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
}
