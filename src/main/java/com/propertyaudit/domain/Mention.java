package com.propertyaudit.domain;

/**
 * One occurrence of an entity's name in an answer. {@code start}/{@code end} are UTF-16 offsets
 * into the original (not normalised) answer text, so screens can highlight them.
 */
public record Mention(String entity, boolean brand, int start, int end) {}
