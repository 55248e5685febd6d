package com.propertyaudit.domain;

import java.util.Locale;

/** Who answers a surface's queries. */
public enum Provider {
    OPENAI("openai", "OpenAI"),
    ANTHROPIC("anthropic", "Anthropic"),
    SIMULATED("simulated", "Simulated");

    private final String id;
    private final String displayName;

    Provider(String id, String displayName) {
        this.id = id;
        this.displayName = displayName;
    }

    /** The lower-case name used in surface strings such as {@code openai:gpt-5}. */
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public static Provider fromId(String id) {
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        for (Provider p : values()) {
            if (p.id.equals(wanted)) return p;
        }
        throw new IllegalArgumentException(
                "Unknown provider '" + id + "': use openai, anthropic or simulated.");
    }
}
