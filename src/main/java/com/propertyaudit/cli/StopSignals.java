package com.propertyaudit.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The stop signals of a running batch, handled before any JVM exit begins: H2 closes its database
 * in its own exit hook, so a batch marked from an exit hook of ours could find it closed. Ctrl-C
 * (INT) cancels; TERM (kill, a service manager) and HUP (the terminal closed) interrupt, leaving
 * the batch resumable. A second signal leaves at once. Where the JVM offers no such signal
 * (Windows has no TERM), that signal keeps its default.
 */
final class StopSignals implements AutoCloseable {

    private record Installed(Signal signal, SignalHandler previous) {}

    private final List<Installed> installed = new ArrayList<>();
    private final AtomicBoolean stopping = new AtomicBoolean();

    /**
     * @param cancel    what Ctrl-C does
     * @param interrupt what TERM and HUP do
     */
    StopSignals(Runnable cancel, Runnable interrupt) {
        install("INT", cancel);
        install("TERM", interrupt);
        install("HUP", interrupt);
    }

    private void install(String name, Runnable action) {
        try {
            Signal signal = new Signal(name);
            SignalHandler previous = Signal.handle(signal, sig -> {
                if (!stopping.compareAndSet(false, true)) System.exit(128 + sig.getNumber());
                action.run();
            });
            installed.add(new Installed(signal, previous));
        } catch (IllegalArgumentException | UnsupportedOperationException unavailable) {
            // This platform has no such signal, or the JVM keeps it (-Xrs): its default stays.
        }
    }

    @Override
    public void close() {
        for (Installed i : installed) Signal.handle(i.signal(), i.previous());
    }
}
