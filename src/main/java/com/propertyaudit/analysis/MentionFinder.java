package com.propertyaudit.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rules 1 and 3–6 of score-cli.md: finds the mentions of every entity in one pass of an
 * {@link AliasAutomaton}, keeps those that are whole words, in the right case and outside links,
 * and resolves overlaps leftmost-longest.
 *
 * <p>Entities are numbered by the caller (the brand is 0). When two entities share an alias, the
 * lower number wins, so the brand keeps a name it shares with a competitor.
 */
final class MentionFinder {

    /** Pattern ids, lengths and entity numbers are packed into one sortable long. */
    static final int MAX_PATTERNS = 1 << 16;
    static final int MAX_ALIAS_LENGTH = (1 << 16) - 1;

    /** One alias of one entity, normalised. */
    record Alias(int entity, String normalised) {}

    /**
     * Matches in normalised-text offsets, in text order.
     *
     * @param entities {@code entities[k]} is the entity of match {@code k}
     */
    record Matches(int count, int[] entities, int[] starts, int[] ends) {}

    private final AliasAutomaton automaton;
    private final int[] entityOf;
    private final int[] lengthOf;
    /** The written chars of one-word aliases, which must match exactly; null for the others. */
    private final char[][] exactCase;

    MentionFinder(List<Alias> aliases) {
        Map<String, Alias> unique = new LinkedHashMap<>();
        for (Alias alias : aliases) {
            if (!alias.normalised().isEmpty()) unique.putIfAbsent(alias.entity() + "\u0000" + alias.normalised(), alias);
        }
        List<Alias> patterns = new ArrayList<>(unique.values());
        patterns.sort((a, b) -> Integer.compare(a.entity(), b.entity()));
        if (patterns.size() > MAX_PATTERNS) {
            throw new IllegalArgumentException("A property may have at most " + MAX_PATTERNS + " names and aliases.");
        }
        entityOf = new int[patterns.size()];
        lengthOf = new int[patterns.size()];
        exactCase = new char[patterns.size()][];
        List<String> folded = new ArrayList<>(patterns.size());
        for (int p = 0; p < patterns.size(); p++) {
            String text = patterns.get(p).normalised();
            if (text.length() > MAX_ALIAS_LENGTH) {
                throw new IllegalArgumentException("An alias is longer than " + MAX_ALIAS_LENGTH + " chars.");
            }
            entityOf[p] = patterns.get(p).entity();
            lengthOf[p] = text.length();
            exactCase[p] = text.indexOf(' ') < 0 ? text.toCharArray() : null;
            folded.add(fold(text));
        }
        automaton = new AliasAutomaton(folded);
    }

    private static String fold(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = AliasAutomaton.fold(chars[i]);
        }
        return new String(chars);
    }

    Matches find(NormalisedText text, Links links) {
        char[] chars = text.chars();
        int length = text.length();
        Candidates candidates = new Candidates();
        automaton.scan(chars, length, (pattern, end) -> {
            int start = end - lengthOf[pattern];
            if ((start == 0 || !WordChars.endsBefore(chars, start))
                    && hasWrittenCase(chars, start, pattern)
                    && !links.overlaps(start, end)) {
                candidates.add(start, lengthOf[pattern], pattern);
            }
        });
        return candidates.leftmostLongest(entityOf);
    }

    private boolean hasWrittenCase(char[] chars, int start, int pattern) {
        char[] written = exactCase[pattern];
        if (written == null) return true;
        for (int i = 0; i < written.length; i++) {
            if (chars[start + i] != written[i]) return false;
        }
        return true;
    }

    /** Valid matches, sortable by start, then longest, then lowest pattern (= lowest entity). */
    private static final class Candidates {
        private long[] keys = new long[16];
        private int count;

        void add(int start, int length, int pattern) {
            if (count == keys.length) keys = Arrays.copyOf(keys, count * 2);
            keys[count++] = ((long) start << 32) | ((long) (MAX_ALIAS_LENGTH - length) << 16) | pattern;
        }

        Matches leftmostLongest(int[] entityOf) {
            Arrays.sort(keys, 0, count);
            int[] entities = new int[count];
            int[] starts = new int[count];
            int[] ends = new int[count];
            int kept = 0;
            int coveredUntil = 0;
            for (int k = 0; k < count; k++) {
                int start = (int) (keys[k] >>> 32);
                int length = MAX_ALIAS_LENGTH - (int) ((keys[k] >>> 16) & 0xFFFF);
                int pattern = (int) (keys[k] & 0xFFFF);
                if (start < coveredUntil) continue;
                entities[kept] = entityOf[pattern];
                starts[kept] = start;
                ends[kept] = start + length;
                coveredUntil = start + length;
                kept++;
            }
            return new Matches(kept, entities, starts, ends);
        }
    }
}
