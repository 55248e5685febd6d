package com.propertyaudit.domain;

import java.util.Objects;

/** A renter's question put to a model; topic is free text such as "discovery" and may be null. */
public record AuditQuery(String text, String topic) {

    public AuditQuery {
        Objects.requireNonNull(text, "text");
    }
}
