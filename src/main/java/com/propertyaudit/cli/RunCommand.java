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
import com.propertyaudit.engine.EngineEvent;
import com.propertyaudit.engine.EngineOptions;
import com.propertyaudit.engine.Workspace;
import com.propertyaudit.llm.ModelRetirements;
import com.propertyaudit.store.DiskFullException;
import com.propertyaudit.store.PropertyJson;
import com.propertyaudit.tracking.Tracking;
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
                description = "A stored property's name, or a property file to import (create or update) and run;"
                        + " repeat it to audit several properties in one go.")
        List<String> property;

        @Option(names = "--all", description = "Audit every stored property in one go, sharing the providers' limits.")
        boolean all;

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

    @Option(names = "--concurrency", paramLabel = "N|auto",
            description = "Requests in flight per provider: auto follows the providers' rate-limit headers (from 8 up"
                    + " to 64), a number from 1 to 64 is a fixed cap (default: settings, auto).")
    String concurrency;

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
        Integer inFlight = concurrency == null ? null : inFlight(concurrency);
        if (target.resume != null) Batches.prefix("--resume", target.resume);
        Surface analyst = analysis == null ? null : parseAnalysis(analysis);
        try (Workspace ws = Workspaces.open()) {
            if (analyst == null && ws.settings().analysis().afterEachBatch()) {
                analyst = parseAnalysis(ws.settings().analysis().surface());
            }
            if (target.all || target.property != null && target.property.size() > 1) return runMany(ws, out, err);
            if (analyst != null) {
                try {
                    ws.requireKeys(List.of(analyst));
                } catch (Workspace.NotReadyException e) {
                    throw UserError.environment("--analysis: " + e.getMessage());
                }
            }
            EngineOptions options = EngineOptions.defaults()
                    .withConcurrency(inFlight != null ? inFlight : ws.settings().concurrency());
            PacingLog pacing = new PacingLog(new ProgressPrinter(err));
            BatchHandle handle;
            String propertyName;
            long t0 = System.currentTimeMillis();
            var engine = ws.engine(options);
            engine.detectInterrupted();
            if (target.resume != null) {
                UUID id = Batches.byId(ws, "--resume", target.resume);
                propertyName = ws.batches().find(id).orElseThrow().propertyName();
                try {
                    handle = engine.resume(id, pacing);
                } catch (AuditEngine.StillRunning e) {
                    throw UserError.environment(e.getMessage());
                }
            } else {
                Property property = resolveProperty(ws, target.property.get(0));
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
                ObjectNode settings = JSON.createObjectNode();
                // A fixed cap stays the number it always was; Auto is written as such.
                if (options.concurrency() == EngineOptions.AUTO) settings.put("concurrency", "auto");
                else settings.put("concurrency", options.concurrency());
                String settingsJson = settings.put("maxOutputTokens", options.maxOutputTokens())
                        .put("requestTimeoutSeconds", ws.settings().requestTimeoutSeconds())
                        .toString();
                try {
                    handle = engine.start(property, chosen, samples, settingsJson, pacing);
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
            printSummary(out, ws, handle.batchId(), propertyName, status, elapsed, runs, analysed, pacing.summaries());
            // A batch stopped by the user is not judged: its change would rest on what happened to arrive.
            if (!stopped.get()) {
                try (Tracking tracking = TrackingCli.open(ws)) {
                    TrackingCli.report(tracking.afterBatch(handle.batchId()), err);
                }
            }
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

    /**
     * Several properties in one go: every batch started at once on the one engine, so they share the
     * providers' limits; the holistic analysis is not run here (analyze runs it per batch).
     */
    private int runMany(Workspace ws, PrintWriter out, PrintWriter err) {
        List<Property> chosen = new ArrayList<>();
        if (target.all) {
            for (var p : ws.properties().list()) chosen.add(ws.properties().findByName(p.name()).orElseThrow());
            if (chosen.isEmpty()) throw UserError.badInput("--all: there are no properties; 'property import P.json' adds one.");
        } else {
            for (String p : new java.util.LinkedHashSet<>(target.property)) chosen.add(resolveProperty(ws, p));
        }
        List<Surface> surfaceList = parseSurfaces(surfaces.isEmpty() ? ws.settings().defaultSurfaces() : surfaces);
        try (Tracking tracking = TrackingCli.open(ws)) {
            ws.engine(EngineOptions.defaults().withConcurrency(concurrency != null ? inFlight(concurrency)
                    : ws.settings().concurrency())).detectInterrupted();
            List<ManyRuns.Started> started = new ArrayList<>();
            long t0 = System.currentTimeMillis();
            for (Property p : chosen) {
                try {
                    started.add(new ManyRuns.Started(p.name(), tracking.start(p, surfaceList, samples,
                            ManyRuns.progress(err, p.name())), t0));
                } catch (Workspace.NotReadyException e) {
                    started.forEach(s -> s.handle().cancel());
                    throw UserError.environment(e.getMessage());
                } catch (IllegalArgumentException e) {
                    started.forEach(s -> s.handle().cancel());
                    throw UserError.badInput(p.name() + ": " + e.getMessage());
                }
            }
            ManyRuns.Result result = ManyRuns.finish(ws, tracking, started, err);
            result.print(out, json);
            return result.ok() ? PropertyAuditCommand.OK : PropertyAuditCommand.NOT_SUCCEEDED;
        }
    }

    /** The run object of cli.md for one batch. */
    static ObjectNode summaryJson(Workspace ws, UUID batchId, String property, BatchStatus status, long elapsedMs,
            List<Run> runs, AnalysisRecord analysed) {
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
        return o;
    }

    /** The summary lines of one batch, for people. */
    static String summaryText(Workspace ws, UUID batchId, String property, BatchStatus status, long elapsedMs,
            List<Run> runs) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Batch %s (%s): %s in %.1f s%n", batchId, Terminal.safe(property), status.id(),
                elapsedMs / 1000.0));
        for (Run r : runs) {
            var counts = ws.answers().counts(r.id());
            sb.append(String.format(Locale.ROOT, "  %-40s %-10s visibility score %5s  answers %d, left out %d, $%.4f%s%n",
                    Terminal.safe(r.surface().id()),
                    r.status().id(), r.score() == null ? "-" : String.format(Locale.ROOT, "%.1f", r.score()),
                    counts.answers(), counts.excluded(), r.costUsd(),
                    r.error() == null ? "" : " - " + Terminal.safe(r.error())));
        }
        return sb.toString();
    }

    private void printSummary(PrintWriter out, Workspace ws, UUID batchId, String property, BatchStatus status,
            long elapsedMs, List<Run> runs, AnalysisRecord analysed, List<EngineEvent.PacingSummary> pacing) {
        if (json) {
            ObjectNode o = summaryJson(ws, batchId, property, status, elapsedMs, runs, analysed);
            ArrayNode paced = o.putArray("pacing");
            for (EngineEvent.PacingSummary p : pacing) {
                paced.addObject().put("provider", p.provider().id()).put("peakInFlight", p.peakInFlight())
                        .put("limit", p.limit()).put("auto", p.auto()).put("waitedMs", p.waitedMs());
            }
            out.println(o);
            return;
        }
        out.print(summaryText(ws, batchId, property, status, elapsedMs, runs));
        for (EngineEvent.PacingSummary p : pacing) {
            out.printf(Locale.ROOT, "  %-40s at most %d in flight (%s), %.1f s waiting for the rate limit%n",
                    p.provider().displayName(), p.peakInFlight(),
                    p.auto() ? "auto, limit " + p.limit() : "fixed at " + p.limit(), p.waitedMs() / 1000.0);
        }
        // print does not flush as println does; a process stopped by a signal must still show it.
        out.flush();
        if (analysed != null) AnalysisText.print(out, analysed);
    }

    /** "auto" or a number from 1 to 64; anything else is a sentence saying so. */
    static int inFlight(String text) {
        String t = text.strip();
        if (t.equalsIgnoreCase("auto")) return EngineOptions.AUTO;
        try {
            int n = Integer.parseInt(t);
            if (n >= 1 && n <= 64) return n;
        } catch (NumberFormatException ignored) {
            // the sentence below says what is taken
        }
        throw UserError.badInput("--concurrency must be auto or a number between 1 and 64, not '" + Terminal.safe(t) + "'.");
    }

    /** Hands every event to the progress printer and keeps the batch's pacing summaries for the summary. */
    private static final class PacingLog implements java.util.function.Consumer<EngineEvent> {
        private final ProgressPrinter printer;
        private final List<EngineEvent.PacingSummary> summaries = new java.util.concurrent.CopyOnWriteArrayList<>();

        PacingLog(ProgressPrinter printer) {
            this.printer = printer;
        }

        @Override
        public void accept(EngineEvent e) {
            if (e instanceof EngineEvent.PacingSummary p) summaries.add(p);
            printer.accept(e);
        }

        List<EngineEvent.PacingSummary> summaries() {
            return List.copyOf(summaries);
        }
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
