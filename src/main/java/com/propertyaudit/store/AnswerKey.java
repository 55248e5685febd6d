package com.propertyaudit.store;

/** One (query, sample) pair of a run. */
public record AnswerKey(int queryIndex, int sample) {}
