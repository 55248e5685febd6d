package com.propertyaudit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.propertyaudit.domain.BatchStatus;
import com.propertyaudit.domain.Run;
import com.propertyaudit.engine.AuditEngine;
import com.propertyaudit.engine.BatchHandle;
import com.propertyaudit.engine.EngineEvent;
import com.propertyaudit.engine.Workspace;
import com.propertyaudit.tracking.Tracking;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * Several batches at once (run --property A --property B, run --all, run-due): one engine, so they
 * share each provider's limits; progress lines prefixed by the property; one summary per batch, or
 * with --json an array of run objects.
 */
final class ManyRuns {

    /** A batch started for a property. */
    record Started(String property, BatchHandle handle, long startedAtMillis) {}

    private ManyRuns() {}

    /** Progress of one property's batch: plain lines, each starting with the property's name. */
    static Consumer<EngineEvent> progress(PrintWriter err, String property) {
        return new ProgressPrinter(new PrefixWriter(err, "[" + Terminal.safe(property) + "] "), false, 100);
    }

    /**
     * Waits for every batch (Ctrl-C cancels them all, TERM interrupts them), then stores each one's
     * change and sends its alert, and returns the summaries; {@code ok} says whether all completed.
     */
    static Result finish(Workspace ws, Tracking tracking, List<Started> started, PrintWriter err) {
        StopSignals signals = new StopSignals(() -> {
            err.println("Cancelling every batch: answers already received are kept; run --resume finishes each.");
            started.forEach(s -> s.handle().cancel());
        }, () -> {
            err.println("Stopping every batch: answers already received are kept; run --resume finishes each.");
            started.forEach(s -> s.handle().interrupt());
        });
        ArrayNode summaries = new ObjectMapper().createArrayNode();
        List<String> lines = new ArrayList<>();
        boolean ok = true;
        try {
            for (Started s : started) {
                BatchStatus status;
                try {
                    status = s.handle().done().get();
                } catch (ExecutionException e) {
                    err.println("[" + Terminal.safe(s.property()) + "] batch " + AuditEngine.shortId(s.handle().batchId())
                            + " stopped: " + Terminal.safe(String.valueOf(e.getCause().getMessage())));
                    ok = false;
                    continue;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                long elapsed = System.currentTimeMillis() - s.startedAtMillis();
                List<Run> runs = ws.batches().runs(s.handle().batchId());
                summaries.add(RunCommand.summaryJson(ws, s.handle().batchId(), s.property(), status, elapsed, runs, null));
                lines.add(RunCommand.summaryText(ws, s.handle().batchId(), s.property(), status, elapsed, runs));
                TrackingCli.report(tracking.afterBatch(s.handle().batchId()), err);
                ok &= status == BatchStatus.COMPLETE;
            }
        } finally {
            signals.close();
        }
        return new Result(summaries, lines, ok);
    }

    record Result(ArrayNode json, List<String> text, boolean ok) {
        void print(PrintWriter out, boolean asJson) {
            if (asJson) out.println(json);
            else text.forEach(out::print);
            out.flush();
        }
    }

    /** Prefixes every line ProgressPrinter prints (it prints whole lines when not live). */
    private static final class PrefixWriter extends PrintWriter {
        private final String prefix;

        PrefixWriter(PrintWriter target, String prefix) {
            super(target, true);
            this.prefix = prefix;
        }

        @Override
        public void println(String line) {
            super.println(prefix + line);
        }
    }

    static ObjectNode object() {
        return new ObjectMapper().createObjectNode();
    }
}
