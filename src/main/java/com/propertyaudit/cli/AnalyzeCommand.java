package com.propertyaudit.cli;

import com.propertyaudit.analysis.ai.AnalysisJson;
import com.propertyaudit.analysis.ai.AnalysisRecord;
import com.propertyaudit.domain.Surface;
import com.propertyaudit.engine.AnalysisService;
import com.propertyaudit.engine.EngineOptions;
import com.propertyaudit.engine.Workspace;
import java.io.PrintWriter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code propertyaudit analyze}: phase-2 sentiment and the holistic AI analysis of a batch whose runs have ended. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "The holistic AI analysis of a batch (consensus, divergences, recommendations with evidence),"
                + " after the sentiment of each answer towards the entities it names.")
final class AnalyzeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--batch", paramLabel = "ID|latest", defaultValue = "latest",
            description = "A batch id (its first 8 characters are enough) or 'latest' (default).")
    String batch;

    @Option(names = "--property", paramLabel = "NAME", description = "With 'latest': the latest batch of this property.")
    String property;

    @Option(names = "--surface", paramLabel = "SURFACE", required = true,
            description = "The model that writes the analysis, PROVIDER:MODEL: openai:gpt-5, anthropic:claude-sonnet-4-5,"
                    + " simulated:demo (offline).")
    String surface;

    @Option(names = "--json", description = "Print the analysis object of cli.md.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        Batches.check("--batch", batch);
        Surface chosen = RunCommand.parseSurfaces(List.of(surface)).get(0);
        try (Workspace ws = Workspaces.open()) {
            ws.engine(EngineOptions.defaults()).detectInterrupted();
            UUID id = Batches.resolve(ws, batch, property);
            AnalysisRecord r = analyze(ws, id, chosen);
            PrintWriter out = spec.commandLine().getOut();
            if (json) out.println(AnalysisJson.toJson(r));
            else AnalysisText.print(out, r);
            if (r.status() == AnalysisRecord.Status.FAILED) {
                spec.commandLine().getErr().println(Terminal.safe(r.error()));
                return PropertyAuditCommand.NOT_SUCCEEDED;
            }
            return PropertyAuditCommand.OK;
        }
    }

    /** Checks the key, then analyses; a batch still running or unknown is bad input. */
    static AnalysisRecord analyze(Workspace ws, UUID id, Surface surface) {
        try {
            ws.requireKeys(List.of(surface));
        } catch (Workspace.NotReadyException e) {
            throw UserError.environment(e.getMessage());
        }
        try {
            return ws.analysis().analyze(id, surface);
        } catch (AnalysisService.NotAnalysable e) {
            throw UserError.badInput(e.getMessage());
        }
    }
}
