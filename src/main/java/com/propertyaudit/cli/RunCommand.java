package com.propertyaudit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.propertyaudit.analysis.ai.AnalysisJson;
import com.propertyaudit.analysis.ai.AnalysisRecord;
import com.propertyaudit.domain.AnswerOutcome;
import com.propertyaudit.domain.BatchStatus;
import com.propertyaudit.domain.Property;
import com.propertyaudit.domain.Run;
import com.propertyaudit.domain.Surface;
import com.propertyaudit.engine.AuditEngine;
import com.propertyaudit.engine.BatchHandle;
import com.propertyaudit.engine.EngineOptions;
import com.propertyaudit.engine.Workspace;
import com.propertyaudit.llm.ModelRetirements;
import com.propertyaudit.store.DiskFullException;
import com.propertyaudit.store.PropertyJson;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code propertyaudit run}: one batch for a property on one or more surfaces, or a resume. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run an audit batch: every surface at once, queries concurrently; answers stored as they arrive.")
final class RunCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long a provider's model list may take before the run goes ahead without the check. */
    private static final Duration MODEL_LIST_WAIT = Duration.ofSeconds(15);

    @Spec
    CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--property", paramLabel = "NAME|P.json",
                description = "A stored property's name, or a property file to import (create or update) and run.")
        String property;

        @Option(names = "--resume", paramLabel = "BATCH_ID",
                description = "Finish an interrupted batch: only the missing answers are asked for.")
        String resume;
    }

    @Option(names = "--surface", paramLabel = "SURFACE",
            description = "PROVIDER:MODEL[+web], repeatable: openai:gpt-5, anthropic:claude-sonnet-4-6+web, simulated:demo."
                    + " Default: the surfaces saved in settings.")
    List<String> surfaces = new ArrayList<>();

    @Option(names = "--samples", paramLabel = "N", defaultValue = "1",
            description = "Answers per query and surface (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--concurrency", paramLabel = "N",
            description = "Requests in flight per provider (default: settings, 8).")
    Integer concurrency;

    @Option(names = "--json", description = "Print the batch summary as one JSON object.")
    boolean json;

    @Option(names = "--analysis", paramLabel = "SURFACE",
            description = "Once every run has ended, the holistic AI analysis with this surface's model (simulated:demo"
                    + " offline). Default: the analysis settings (analyse after each batch).")
    String analysis;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (samples < 1 || samples > 50) throw UserError.badInput("--samples must be between 1 and 50.");
        if (concurrency != null && (concurrency < 1 || concurrency > 64)) {
            throw UserError.badInput("--concurrency must be between 1 and 64.");
        }
        if (target.resume != null) Batches.prefix("--resume", target.resume);
        Surface analyst = analysis == null ? null : parseAnalysis(analysis);
        try (Workspace ws = Workspaces.open()) {
            if (analyst == null && ws.settings().analysis().afterEachBatch()) {
                analyst = parseAnalysis(ws.settings().analysis().surface());
            }
            if (analyst != null) {
                try {
                    ws.requireKeys(List.of(analyst));
                } catch (Workspace.NotReadyException e) {
                    throw UserError.environment("--analysis: " + e.getMessage());
                }
            }
            EngineOptions options = EngineOptions.defaults()
                    .withConcurrency(concurrency != null ? concurrency : ws.settings().concurrency());
            BatchHandle handle;
            String propertyName;
            long t0 = System.currentTimeMillis();
            var engine = ws.engine(options);
            engine.detectInterrupted();
            if (target.resume != null) {
                UUID id = Batches.byId(ws, "--resume", target.resume);
                propertyName = ws.batches().find(id).orElseThrow().propertyName();
                try {
                    handle = engine.resume(id, new ProgressPrinter(err));
                } catch (AuditEngine.StillRunning e) {
                    throw UserError.environment(e.getMessage());
                }
            } else {
                Property property = resolveProperty(ws, target.property);
                propertyName = property.name();
                List<Surface> chosen = parseSurfaces(surfaces.isEmpty() ? ws.settings().defaultSurfaces() : surfaces);
                try {
                    ws.requireKeys(chosen);
                } catch (Workspace.NotReadyException e) {
                    throw UserError.environment(e.getMessage());
                }
                for (Surface s : chosen) {
                    ModelRetirements.warning(s, LocalDate.now(ZoneOffset.UTC)).ifPresent(w -> err.println("Warning: " + w));
                }
                List<String> unavailable = ws.models().unavailable(chosen, MODEL_LIST_WAIT);
                if (!unavailable.isEmpty()) throw UserError.badInput("--surface: " + String.join(" ", unavailable));
                String settingsJson = JSON.createObjectNode()
                        .put("concurrency", options.concurrency())
                        .put("maxOutputTokens", options.maxOutputTokens())
                        .put("requestTimeoutSeconds", ws.settings().requestTimeoutSeconds())
                        .toString();
                try {
                    handle = engine.start(property, chosen, samples, settingsJson, new ProgressPrinter(err));
                } catch (IllegalArgumentException e) {
                    throw UserError.badInput(e.getMessage());
                }
            }
            // A stop signal stops the requests in flight and lets this method go on, so the summary is
            // printed and the exit code says what the batch became: Ctrl-C cancels, TERM and HUP interrupt.
            BatchHandle running = handle;
            String resume = "run --resume " + AuditEngine.shortId(running.batchId()) + " finishes the batch.";
            AtomicBoolean stopped = new AtomicBoolean();
            StopSignals signals = new StopSignals(() -> {
                stopped.set(true);
                err.println("Cancelling: answers already received are kept; " + resume);
                running.cancel();
            }, () -> {
                stopped.set(true);
                err.println("Stopping: answers already received are kept; " + resume);
                running.interrupt();
            });
            BatchStatus status;
            try {
                status = handle.done().get();
            } catch (ExecutionException e) {
                throw stopped(e.getCause(), running.batchId());
            } finally {
                signals.close();
            }
            long elapsed = System.currentTimeMillis() - t0;
            List<Run> runs = ws.batches().runs(handle.batchId());
            // The analysis starts only now that every run has ended, and not after a cancel.
            AnalysisRecord analysed = analyst == null || stopped.get() ? null
                    : AnalyzeCommand.analyze(ws, handle.batchId(), analyst);
            printSummary(out, ws, handle.batchId(), propertyName, status, elapsed, runs, analysed);
            if (analysed != null && analysed.status() == AnalysisRecord.Status.FAILED) {
                err.println("The analysis failed: " + Terminal.safe(analysed.error()));
                return PropertyAuditCommand.NOT_SUCCEEDED;
            }
            return status == BatchStatus.COMPLETE ? PropertyAuditCommand.OK : PropertyAuditCommand.NOT_SUCCEEDED;
        } catch (DiskFullException e) {
            throw UserError.environment(e.getMessage());
        }
    }

    /** A batch that could not finish storing: a full disk is a sentence naming the folder and the resume. */
    private static RuntimeException stopped(Throwable cause, UUID batchId) {
        if (cause instanceof DiskFullException full) {
            return UserError.environment("The disk holding " + full.folder() + " is full \u2014 free space and run"
                    + " `propertyaudit run --resume " + AuditEngine.shortId(batchId) + "`. Every answer reported"
                    + " stored is kept.");
        }
        return cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
    }

    private void printSummary(PrintWriter out, Workspace ws, UUID batchId, String property, BatchStatus status,
            long elapsedMs, List<Run> runs, AnalysisRecord analysed) {
        if (json) {
            ObjectNode o = JSON.createObjectNode();
            o.put("batchId", batchId.toString());
            o.put("property", property);
            o.put("status", status.id());
            o.put("elapsedMs", elapsedMs);
            ArrayNode arr = o.putArray("runs");
            for (Run r : runs) {
                var counts = ws.answers().counts(r.id());
                ObjectNode ro = arr.addObject();
                ro.put("runId", r.id().toString());
                ro.put("surface", r.surface().id());
                ro.put("status", r.status().id());
                if (r.score() == null) ro.putNull("score");
                else ro.put("score", Math.round(r.score() * 10) / 10.0);
                ro.put("answers", counts.answers());
                ro.put("failed", counts.failed());
                ro.put("excluded", counts.excluded());
                ObjectNode outcomes = ro.putObject("outcomes");
                for (AnswerOutcome oc : AnswerOutcome.values()) outcomes.put(oc.id(), counts.of(oc));
                ro.put("inputTokens", r.inputTokens());
                ro.put("outputTokens", r.outputTokens());
                ro.put("costUsd", Math.round(r.costUsd() * 10_000) / 10_000.0);
                if (r.error() != null) ro.put("error", r.error());
            }
            if (analysed != null) o.set("analysis", AnalysisJson.toJson(analysed));
            out.println(o);
            return;
        }
        out.printf(Locale.ROOT, "Batch %s (%s): %s in %.1f s%n", batchId, Terminal.safe(property), status.id(),
                elapsedMs / 1000.0);
        for (Run r : runs) {
            var counts = ws.answers().counts(r.id());
            out.printf(Locale.ROOT, "  %-40s %-10s visibility score %5s  answers %d, left out %d, $%.4f%s%n",
                    Terminal.safe(r.surface().id()),
                    r.status().id(), r.score() == null ? "-" : String.format(Locale.ROOT, "%.1f", r.score()),
                    counts.answers(), counts.excluded(), r.costUsd(),
                    r.error() == null ? "" : " - " + Terminal.safe(r.error()));
        }
        if (analysed != null) AnalysisText.print(out, analysed);
    }

    private static Surface parseAnalysis(String text) {
        try {
            return Surface.parse(text);
        } catch (IllegalArgumentException e) {
            throw UserError.badInput("--analysis: " + e.getMessage());
        }
    }

    static List<Surface> parseSurfaces(List<String> texts) {
        List<Surface> out = new ArrayList<>();
        for (String t : texts) {
            try {
                out.add(Surface.parse(t));
            } catch (IllegalArgumentException e) {
                throw UserError.badInput("--surface: " + e.getMessage());
            }
        }
        return out;
    }

    /** A stored property by name, or a file that is imported first (create or update). */
    static Property resolveProperty(Workspace ws, String nameOrFile) {
        Path file = pathOrNull(nameOrFile);
        if (file != null && (nameOrFile.toLowerCase(Locale.ROOT).endsWith(".json") || Files.isRegularFile(file))) {
            if (!Files.isRegularFile(file)) throw UserError.badInput(nameOrFile + ": no such property file.");
            Property p;
            try {
                p = PropertyJson.read(file);
            } catch (PropertyJson.InvalidPropertyException e) {
                throw UserError.badInput(e.getMessage());
            }
            ws.properties().save(p);
            return p;
        }
        return ws.properties().findByName(nameOrFile).orElseThrow(() -> UserError.badInput("No property named '"
                + nameOrFile + "'. 'propertyaudit property list' shows them; 'property import P.json' adds one."));
    }

    /** The text as a path, or null when it cannot be one (a NUL, say): then it can only be a name. */
    private static Path pathOrNull(String text) {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
