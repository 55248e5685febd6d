package com.propertyaudit.store;

import java.time.Instant;

/** A line of the property list. */
public record PropertySummary(long id, String name, int competitors, int queries, int version, Instant updatedAt) {}
