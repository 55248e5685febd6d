package com.propertyaudit.cli;

import com.propertyaudit.domain.AnswerOutcome;
import com.propertyaudit.domain.Provider;
import com.propertyaudit.engine.EngineEvent;
import com.propertyaudit.engine.pacing.PacingState;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Progress of a batch on standard error; standard output stays for the summary. On a terminal,
 * one live line with a bar per surface, rewritten in place, with failures and run ends printed
 * above it; elsewhere (a pipe, a log file) plain lines, one per event worth reading:
 * {@code [OpenAI gpt-5] query 3/18 done in 2.1 s}.
 */
final class ProgressPrinter implements Consumer<EngineEvent> {

    /** One surface's bar. */
    record Bar(String label, int done, int total) {}

    private static final int BAR_CELLS = 20;
    /** Back to the start of the line and erase it. */
    private static final String CLEAR_LINE = "\r\u001b[K";

    private final PrintWriter err;
    private final boolean live;
    private final int width;
    private final Map<UUID, Bar> bars = new LinkedHashMap<>();
    /** Each provider's pacing as last heard: shown after the bars on a terminal. */
    private final Map<Provider, PacingState> pacing = new EnumMap<>(Provider.class);

    ProgressPrinter(PrintWriter err) {
        this(err, System.console() != null, terminalWidth());
    }

    ProgressPrinter(PrintWriter err, boolean live, int width) {
        this.err = err;
        this.live = live;
        this.width = width;
    }

    @Override
    public synchronized void accept(EngineEvent event) {
        String line = null;
        if (event instanceof EngineEvent.QueryFinished f) {
            bars.put(f.runId(), new Bar(f.surface().label(), f.done(), f.total()));
            if (!live) {
                line = String.format(Locale.ROOT, "[%s] query %d/%d %s in %.1f s%s%s",
                        f.surface().label(), f.done(), f.total(), f.outcome() == AnswerOutcome.COMPLETED ? "done"
                                : f.outcome().label() + (f.outcome().isAnswer() ? "" : ", not counted"),
                        f.latencyMs() / 1000.0, f.outcome() != AnswerOutcome.COMPLETED ? ""
                                : f.brandMentioned() ? " - brand named, rank " + f.brandRank() : " - brand not named",
                        f.note() == null ? "" : ": " + f.note());
            }
        } else if (event instanceof EngineEvent.QueryFailed f) {
            bars.put(f.runId(), new Bar(f.surface().label(), f.done(), f.total()));
            line = String.format(Locale.ROOT, "[%s] query %d/%d failed after %.1f s: %s",
                    f.surface().label(), f.done(), f.total(), f.latencyMs() / 1000.0, f.error());
        } else if (event instanceof EngineEvent.RunFinished r) {
            line = String.format(Locale.ROOT, "[%s] run %s%s%s", r.surface().label(), r.status().id(),
                    r.score() == null ? "" : String.format(Locale.ROOT, ", visibility score %.1f", r.score()),
                    r.error() == null ? "" : ": " + r.error());
        } else if (event instanceof EngineEvent.Pacing p) {
            PacingState before = pacing.put(p.provider(), p.state());
            // Off a terminal, a line only when the limit or the waiting changes, not for every request.
            if (!live && (before == null ? p.state().waiting()
                    : before.limit() != p.state().limit() || before.waiting() != p.state().waiting())) {
                line = "[" + p.provider().displayName() + "] " + p.state().describe();
            }
        } else if (event instanceof EngineEvent.Log l) {
            line = l.line();
        }
        // Names, models' errors and log lines may hold anything; only this printer's own sequences act.
        if (line != null) line = Terminal.safeLines(line);
        if (!live) {
            if (line != null) err.println(line);
            return;
        }
        // Clear the live line, print the message above it, draw the bars again below; at the batch's
        // end the bars stay, on a line of their own.
        if (line != null) err.print(CLEAR_LINE + line + "\n");
        if (!bars.isEmpty()) err.print(CLEAR_LINE + render(List.copyOf(bars.values()), pacing, width));
        if (event instanceof EngineEvent.BatchFinished && !bars.isEmpty()) {
            err.print("\n");
            bars.clear();
            pacing.clear();
        }
        err.flush();
    }

    /**
     * "OpenAI gpt-5 [#####.....] 9/18  Anthropic claude (web) [###.] 3/18 | OpenAI 8/16 | Anthropic 3/8
     * waiting for the rate limit": per provider in flight / limit found, cut to the width.
     */
    static String render(List<Bar> bars, Map<Provider, PacingState> pacing, int width) {
        StringBuilder paced = new StringBuilder();
        pacing.forEach((provider, state) -> paced.append(" | ").append(provider.displayName()).append(' ')
                .append(state.inFlight()).append('/').append(state.limit())
                .append(state.waiting() ? " waiting for the rate limit" : ""));
        // The bars give up cells before the pacing is cut off.
        int room = Math.max(width / 2, width - paced.length());
        int cells = Math.max(5, Math.min(BAR_CELLS, (room / Math.max(1, bars.size())) - 30));
        StringBuilder sb = new StringBuilder();
        for (Bar b : bars) {
            int filled = b.total() == 0 ? cells : (int) Math.round((double) cells * b.done() / b.total());
            if (sb.length() > 0) sb.append("  ");
            sb.append(Terminal.safe(b.label())).append(" [").append("#".repeat(filled)).append(".".repeat(cells - filled))
                    .append("] ").append(b.done()).append('/').append(b.total());
        }
        sb.append(paced);
        return sb.length() <= width ? sb.toString() : sb.substring(0, Math.max(0, width - 1)) + "…";
    }

    private static int terminalWidth() {
        try {
            return Math.max(40, Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "100")));
        } catch (NumberFormatException e) {
            return 100;
        }
    }
}
