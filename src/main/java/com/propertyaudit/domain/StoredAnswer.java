package com.propertyaudit.domain;

/** An answer as kept in the store, with the score it was given. Score is EMPTY for failed answers. */
public record StoredAnswer(Answer answer, AnswerScore score) {}
