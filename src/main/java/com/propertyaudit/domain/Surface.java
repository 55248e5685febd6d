package com.propertyaudit.domain;

import java.util.Objects;

/**
 * One provider + model + options that answers queries, written {@code PROVIDER:MODEL[+web]}:
 * {@code openai:gpt-5+web}, {@code anthropic:claude-sonnet-4-6}, {@code simulated:demo}.
 */
public record Surface(Provider provider, String model, boolean webSearch) {

    public Surface {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        if (model.isBlank()) throw new IllegalArgumentException("A surface needs a model name.");
    }

    /** Parses {@code PROVIDER:MODEL[+web]}; the message of the exception says what to fix. */
    public static Surface parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("A surface is empty: write PROVIDER:MODEL, e.g. openai:gpt-5.");
        }
        String s = text.strip();
        int colon = s.indexOf(':');
        if (colon <= 0 || colon == s.length() - 1) {
            throw new IllegalArgumentException("Surface '" + text
                    + "' is not PROVIDER:MODEL[+web], e.g. openai:gpt-5 or anthropic:claude-sonnet-4-6+web.");
        }
        Provider provider = Provider.fromId(s.substring(0, colon));
        String model = s.substring(colon + 1);
        boolean web = false;
        if (model.endsWith("+web")) {
            web = true;
            model = model.substring(0, model.length() - "+web".length());
        }
        if (model.isBlank() || model.contains(" ")) {
            throw new IllegalArgumentException("Surface '" + text + "' has no valid model name after the colon.");
        }
        return new Surface(provider, model, web);
    }

    /** The canonical string form, the inverse of {@link #parse}. */
    public String id() {
        return provider.id() + ":" + model + (webSearch ? "+web" : "");
    }

    /** "OpenAI gpt-5 (web)" — for progress lines and screens; Simulated always says so. */
    public String label() {
        return provider.displayName() + " " + model + (webSearch ? " (web)" : "");
    }

    @Override
    public String toString() {
        return id();
    }
}
