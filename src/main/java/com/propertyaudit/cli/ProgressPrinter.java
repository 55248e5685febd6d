package com.propertyaudit.cli;

import com.propertyaudit.engine.EngineEvent;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Progress of a batch on standard error as plain lines, one per event worth reading:
 * {@code [OpenAI gpt-5] query 3/18 done in 2.1 s}. Standard output stays for the summary.
 */
final class ProgressPrinter implements Consumer<EngineEvent> {

    private final PrintWriter err;

    ProgressPrinter(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void accept(EngineEvent event) {
        String line = null;
        if (event instanceof EngineEvent.QueryFinished f) {
            line = String.format(Locale.ROOT, "[%s] query %d/%d done in %.1f s%s%s",
                    f.surface().label(), f.done(), f.total(), f.latencyMs() / 1000.0,
                    f.brandMentioned() ? " - brand named, rank " + f.brandRank() : " - brand not named",
                    f.note() == null ? "" : " (" + f.note() + ")");
        } else if (event instanceof EngineEvent.QueryFailed f) {
            line = String.format(Locale.ROOT, "[%s] query %d/%d failed after %.1f s: %s",
                    f.surface().label(), f.done(), f.total(), f.latencyMs() / 1000.0, f.error());
        } else if (event instanceof EngineEvent.RunFinished r) {
            line = String.format(Locale.ROOT, "[%s] run %s%s%s", r.surface().label(), r.status().id(),
                    r.score() == null ? "" : String.format(Locale.ROOT, ", visibility %.1f", r.score()),
                    r.error() == null ? "" : ": " + r.error());
        } else if (event instanceof EngineEvent.Log l) {
            line = l.line();
        }
        if (line != null) err.println(line);
    }
}
