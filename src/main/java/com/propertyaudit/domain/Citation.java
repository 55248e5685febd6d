package com.propertyaudit.domain;

import java.util.Objects;

/** A source a provider returned beside the answer text. Title may be null. */
public record Citation(String url, String title) {

    public Citation {
        Objects.requireNonNull(url, "url");
    }
}
