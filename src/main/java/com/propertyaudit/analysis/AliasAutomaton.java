package com.propertyaudit.analysis;

import java.util.Arrays;
import java.util.List;

/**
 * Aho–Corasick automaton over case-folded aliases: one pass over a text reports every place where
 * any alias ends with no letter or digit after it (rule 3), whatever the number of aliases. The
 * end check is made once per position, before any pattern is visited, because short aliases end
 * inside ordinary words all the time ({@code ric} in {@code price}). Transitions are a full table over a compact
 * alphabet (the chars that occur in aliases, plus one class for every other char), so each text
 * char costs one read of the class table and one of the transition table. Case folding is built
 * into the class table.
 *
 * <p>Immutable after construction, so one instance serves any number of threads.
 */
final class AliasAutomaton {

    /** Receives each occurrence of a pattern; {@code end} is exclusive. */
    interface MatchSink {
        void match(int pattern, int end);
    }

    private static final int ROOT = 0;
    private static final int ENDS_HERE = 0x8000_0000;

    private final short[] charClass = new short[Character.MAX_VALUE + 1];
    /** Row width of the transition table: a power of two at least the number of char classes. */
    private final int rowShift;
    private final int classCount;
    /**
     * Transitions: {@code step[row + class]} is the target state's row (state × classCount), with
     * the sign bit set when a pattern ends in that state, so the scan needs no multiplication and
     * no second read to know whether to report.
     */
    private final int[] step;
    /** First state on the failure chain (this one included) where a pattern ends, or -1. */
    private final int[] report;
    /** Next state on the failure chain after this one where a pattern ends, or -1. */
    private final int[] dictionaryLink;
    private final int[] ownFirstPattern;
    private final int[] nextPatternSameState;

    /** @param folded non-empty patterns already folded with {@link #fold(char)}; the index is the pattern id */
    AliasAutomaton(List<String> folded) {
        rowShift = 32 - Integer.numberOfLeadingZeros(assignClasses(folded) - 1);
        classCount = 1 << rowShift;
        int maxStates = 1 + folded.stream().mapToInt(String::length).sum();
        int[] table = new int[Math.multiplyExact(maxStates, classCount)];
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
        int[] delta = Arrays.copyOf(table, states * classCount);
        ownFirstPattern = Arrays.copyOf(ownFirst, states);
        report = new int[states];
        dictionaryLink = new int[states];
        linkFailures(delta, states);
        step = new int[delta.length];
        for (int slot = 0; slot < delta.length; slot++) {
            int target = delta[slot];
            step[slot] = target * classCount | (report[target] >= 0 ? ENDS_HERE : 0);
        }
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
    private void linkFailures(int[] delta, int states) {
        int[] failure = new int[states];
        int[] queue = new int[states];
        int head = 0;
        int tail = 0;
        report[ROOT] = -1;
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

    /** Reports every occurrence of a pattern in {@code text} that no letter or digit follows. */
    void scan(char[] text, int length, MatchSink sink) {
        // Locals, so the loop need not reload fields after each call to the sink.
        final int[] step = this.step;
        final short[] charClass = this.charClass;
        final int rowShift = this.rowShift;
        int row = ROOT;
        for (int i = 0; i < length; i++) {
            int next = step[row + charClass[text[i]]];
            if (next < 0) {
                row = next & ~ENDS_HERE;
                if (i + 1 < length && WordChars.startsAt(text, i + 1, length)) continue;
                for (int s = report[row >>> rowShift]; s >= 0; s = dictionaryLink[s]) {
                    for (int p = ownFirstPattern[s]; p >= 0; p = nextPatternSameState[p]) {
                        sink.match(p, i + 1);
                    }
                }
            } else {
                row = next;
            }
        }
    }
}
