package com.propertyaudit.ui.bridge;

import com.propertyaudit.engine.EngineEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * Collects engine events from any thread and hands them over in batches: the UI applies each batch
 * in one go on the FX thread, so a thousand events a second cost thirty screen updates, not a
 * thousand {@code Platform.runLater} calls. No JavaFX here, so it is tested without a stage.
 */
public final class EventCoalescer implements Consumer<EngineEvent> {

    private final ConcurrentLinkedQueue<EngineEvent> queue = new ConcurrentLinkedQueue<>();

    @Override
    public void accept(EngineEvent event) {
        queue.add(event);
    }

    /** Everything queued so far, in arrival order; empty when nothing came. */
    public List<EngineEvent> drain() {
        List<EngineEvent> out = new ArrayList<>();
        EngineEvent e;
        while ((e = queue.poll()) != null) out.add(e);
        return out;
    }
}
