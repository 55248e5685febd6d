package com.propertyaudit.cli;

import com.propertyaudit.engine.Workspace;
import com.propertyaudit.report.ExportTargets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code propertyaudit export}: a batch as CSV files (a folder or a zip) or a PDF report. */
@Command(name = "export", mixinStandardHelpOptions = true, description = "Export a batch as CSV or PDF.")
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--batch", paramLabel = "ID|latest", defaultValue = "latest", description = "The batch (default latest).")
    String batch;

    @Option(names = "--format", required = true, paramLabel = "csv|pdf", description = "csv or pdf.")
    String format;

    @Option(names = "--no-appendix", description = "pdf: leave out the appendix of every answer (a short report).")
    boolean noAppendix;

    @Option(names = "--out", required = true, paramLabel = "PATH",
            description = "csv: a folder, or FILE.zip; pdf: FILE.pdf.")
    Path out;

    @Override
    public Integer call() throws Exception {
        String f = format.toLowerCase(Locale.ROOT);
        if (!f.equals("csv") && !f.equals("pdf")) throw UserError.badInput("--format must be csv or pdf, not '" + format + "'.");
        Batches.check("--batch", batch);
        try {
            // Before the batch is loaded: a path that cannot take the export is known at once.
            if (f.equals("csv")) ExportTargets.checkCsv(out);
            else ExportTargets.checkPdf(out);
            try (Workspace ws = Workspaces.open()) {
                UUID id = Batches.resolve(ws, batch, null);
                if (f.equals("csv")) ws.reports().csv(id, out);
                else ws.reports().pdf(id, out, !noAppendix);
                spec.commandLine().getErr().println("Wrote " + Terminal.safe(out.toAbsolutePath().toString()));
                return PropertyAuditCommand.OK;
            }
        } catch (ExportTargets.UnusableTarget e) {
            throw UserError.badInput("--out: " + e.getMessage());
        }
    }
}
