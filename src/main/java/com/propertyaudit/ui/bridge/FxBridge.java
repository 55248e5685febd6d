package com.propertyaudit.ui.bridge;

import com.propertyaudit.engine.EngineEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javafx.animation.AnimationTimer;

/**
 * The one way engine events reach the FX thread: an animation timer drains the coalescer at most
 * about 30 times a second and gives each listener the whole batch of events.
 */
public final class FxBridge {

    private static final long FRAME_NANOS = 33_000_000L;

    private final EventCoalescer coalescer = new EventCoalescer();
    private final List<Consumer<List<EngineEvent>>> listeners = new CopyOnWriteArrayList<>();
    private long maxApplyNanos;
    private long maxGapNanos;
    private final AnimationTimer timer = new AnimationTimer() {
        private long last;
        private long previousPulse;

        @Override
        public void handle(long now) {
            // The gap between two pulses is how long the FX thread could not draw: the UI's stall.
            if (previousPulse != 0) maxGapNanos = Math.max(maxGapNanos, now - previousPulse);
            previousPulse = now;
            if (now - last < FRAME_NANOS) return;
            last = now;
            List<EngineEvent> events = coalescer.drain();
            if (events.isEmpty()) return;
            long t0 = System.nanoTime();
            for (Consumer<List<EngineEvent>> l : listeners) l.accept(events);
            maxApplyNanos = Math.max(maxApplyNanos, System.nanoTime() - t0);
        }
    };

    /** Starts delivering; call on the FX thread (the animation timer belongs to it). */
    public void start() {
        timer.start();
    }

    /** Where the engine sends events; safe from any thread. */
    public Consumer<EngineEvent> sink() {
        return coalescer;
    }

    /** Called on the FX thread with each batch of events. */
    public void listen(Consumer<List<EngineEvent>> listener) {
        listeners.add(listener);
    }

    /** The longest time one batch of events took to apply on the FX thread so far, in ms. */
    public double longestApplyMillis() {
        return maxApplyNanos / 1e6;
    }

    /** The longest gap between two animation pulses so far, in ms: the longest FX-thread stall. */
    public double longestStallMillis() {
        return maxGapNanos / 1e6;
    }

    /** Starts measuring stalls afresh (e.g. when a batch starts). */
    public void resetStall() {
        maxGapNanos = 0;
    }

    public void stop() {
        timer.stop();
    }
}
