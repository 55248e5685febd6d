package com.propertyaudit.analysis;

import java.util.Arrays;
import java.util.List;

/**
 * Aho–Corasick automaton over case-folded aliases: one pass over a text reports every place where
 * any alias ends, whatever the number of aliases. Transitions are a full table over a compact
 * alphabet (the chars that occur in aliases, plus one class for every other char), so each text
 * char costs two array reads. Case folding is built into the char-class table.
 *
 * <p>Immutable after construction, so one instance serves any number of threads.
 */
final class AliasAutomaton {

    /** Receives each occurrence of a pattern; {@code end} is exclusive. */
    interface MatchSink {
        void match(int pattern, int end);
    }

    private static final int ROOT = 0;

    private final short[] charClass = new short[Character.MAX_VALUE + 1];
    private final int classCount;
    private final int[] delta;
    /** First state on the failure chain (this one included) where a pattern ends, or -1. */
    private final int[] report;
    /** Next state on the failure chain after this one where a pattern ends, or -1. */
    private final int[] dictionaryLink;
    private final int[] ownFirstPattern;
    private final int[] nextPatternSameState;

    /** @param folded patterns already folded with {@link #fold(char)}; the index is the pattern id */
    AliasAutomaton(List<String> folded) {
        classCount = assignClasses(folded);
        int maxStates = 1 + folded.stream().mapToInt(String::length).sum();
        int[] table = new int[maxStates * classCount];
        Arrays.fill(table, -1);
        int[] ownFirst = new int[maxStates];
        Arrays.fill(ownFirst, -1);
        nextPatternSameState = new int[folded.size()];
        int states = 1;
        for (int p = 0; p < folded.size(); p++) {
            int state = ROOT;
            for (char c : folded.get(p).toCharArray()) {
                int slot = state * classCount + charClass[c];
                if (table[slot] < 0) table[slot] = states++;
                state = table[slot];
            }
            nextPatternSameState[p] = ownFirst[state];
            ownFirst[state] = p;
        }
        delta = Arrays.copyOf(table, states * classCount);
        ownFirstPattern = Arrays.copyOf(ownFirst, states);
        report = new int[states];
        dictionaryLink = new int[states];
        linkFailures(states);
    }

    /** The case folding used for matching; one char to one char, so offsets are unchanged. */
    static char fold(char c) {
        return Character.toLowerCase(c);
    }

    private int assignClasses(List<String> folded) {
        short next = 1;
        short[] classOfFolded = new short[Character.MAX_VALUE + 1];
        for (String pattern : folded) {
            for (char c : pattern.toCharArray()) {
                if (classOfFolded[c] == 0) {
                    if (next == Short.MAX_VALUE) throw new IllegalArgumentException("Too many distinct chars in aliases.");
                    classOfFolded[c] = next++;
                }
            }
        }
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            charClass[c] = classOfFolded[fold((char) c)];
        }
        return next;
    }

    /** Breadth-first: completes the transition table with failure moves and links outputs. */
    private void linkFailures(int states) {
        int[] failure = new int[states];
        int[] queue = new int[states];
        int head = 0;
        int tail = 0;
        report[ROOT] = ownFirstPattern[ROOT] >= 0 ? ROOT : -1;
        dictionaryLink[ROOT] = -1;
        for (int c = 0; c < classCount; c++) {
            int child = delta[c];
            if (child < 0) {
                delta[c] = ROOT;
            } else {
                failure[child] = ROOT;
                queue[tail++] = child;
            }
        }
        while (head < tail) {
            int state = queue[head++];
            int fail = failure[state];
            dictionaryLink[state] = report[fail];
            report[state] = ownFirstPattern[state] >= 0 ? state : dictionaryLink[state];
            for (int c = 0; c < classCount; c++) {
                int slot = state * classCount + c;
                int child = delta[slot];
                int viaFailure = delta[fail * classCount + c];
                if (child < 0) {
                    delta[slot] = viaFailure;
                } else {
                    failure[child] = viaFailure;
                    queue[tail++] = child;
                }
            }
        }
    }

    void scan(char[] text, int length, MatchSink sink) {
        int state = ROOT;
        for (int i = 0; i < length; i++) {
            state = delta[state * classCount + charClass[text[i]]];
            int hit = report[state];
            if (hit >= 0) {
                for (int s = hit; s >= 0; s = dictionaryLink[s]) {
                    for (int p = ownFirstPattern[s]; p >= 0; p = nextPatternSameState[p]) {
                        sink.match(p, i + 1);
                    }
                }
            }
        }
    }
}
