package com.propertyaudit.cli;

import com.propertyaudit.engine.Workspace;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** Turns {@code --batch ID|latest} (and every other option naming a batch) into a batch id, or a sentence. */
final class Batches {

    /** Hex digits and dashes, as {@code batches} prints ids; four at least, so a guess rarely picks one. */
    private static final Pattern ID_PREFIX = Pattern.compile("[0-9a-f-]{4,36}");

    private Batches() {}

    static UUID resolve(Workspace ws, String batch, String property) {
        if (batch == null || batch.strip().equalsIgnoreCase("latest")) {
            if (property != null && ws.properties().idOf(property).isEmpty() && ws.batches().latest(property).isEmpty()) {
                throw UserError.badInput("No property named '" + property
                        + "'. 'propertyaudit property list' shows them.");
            }
            return ws.batches().latest(property).orElseThrow(() -> UserError.badInput(property == null
                    ? "There are no batches yet. Run one with 'propertyaudit run --property NAME'."
                    : "Property '" + property + "' has no batches yet."));
        }
        return byId(ws, "--batch", batch);
    }

    /** Refuses at once, before any database is opened, a value that cannot name a batch ({@code latest} can). */
    static void check(String option, String text) {
        if (text != null && !text.strip().equalsIgnoreCase("latest")) prefix(option, text);
    }

    /** The one batch whose id starts with {@code text}; {@code option} names where the id was given. */
    static UUID byId(Workspace ws, String option, String text) {
        String prefix = prefix(option, text);
        List<UUID> ids = ws.batches().idsStartingWith(prefix, 2);
        if (ids.isEmpty()) {
            throw UserError.badInput(option + ": no batch id starts with '" + prefix + "' in " + ws.describe()
                    + ". 'propertyaudit batches' lists them.");
        }
        if (ids.size() > 1) {
            throw UserError.badInput(option + ": several batch ids start with '" + prefix
                    + "'; give more of the id ('propertyaudit batches' lists them).");
        }
        return ids.get(0);
    }

    /** The id or its first characters, trimmed and in lower case; anything else is a sentence. */
    static String prefix(String option, String text) {
        String p = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (!ID_PREFIX.matcher(p).matches()) {
            throw UserError.badInput(option + ": '" + (text == null ? "" : text) + "' is not a batch id;"
                    + " give the id or at least its first 4 characters (hex digits and dashes, as 'propertyaudit"
                    + " batches' shows them).");
        }
        return p;
    }
}
