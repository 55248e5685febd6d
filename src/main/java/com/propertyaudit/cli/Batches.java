package com.propertyaudit.cli;

import com.propertyaudit.engine.Workspace;
import java.util.UUID;

/** Turns {@code --batch ID|latest} into a batch id, or a sentence saying what to fix. */
final class Batches {

    private Batches() {}

    static UUID resolve(Workspace ws, String batch, String property) {
        if (batch == null || batch.equalsIgnoreCase("latest")) {
            if (property != null && ws.properties().idOf(property).isEmpty() && ws.batches().latest(property).isEmpty()) {
                throw UserError.badInput("No property named '" + property + "'. 'propertyaudit property list' shows them.");
            }
            return ws.batches().latest(property).orElseThrow(() -> UserError.badInput(property == null
                    ? "There are no batches yet. Run one with 'propertyaudit run --property NAME'."
                    : "Property '" + property + "' has no batches yet."));
        }
        return ws.batches().findByPrefix(batch).orElseThrow(() -> UserError.badInput("--batch: no single batch"
                + " starts with '" + batch + "'. 'propertyaudit batches' lists them.")).id();
    }
}
