package com.propertyaudit.domain;

/** An entity by its canonical name and the 1-based rank of its first mention in an answer. */
public record EntityRank(String name, int rank) {}
