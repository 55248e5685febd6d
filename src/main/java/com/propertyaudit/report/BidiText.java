package com.propertyaudit.report;

import java.text.Bidi;

/**
 * Right-to-left text in visual order for the PDF, which lays glyphs out left to right as given: a
 * Hebrew or Arabic name would otherwise print backwards. Runs are reordered by the Unicode
 * bidirectional algorithm ({@link Bidi}), right-to-left runs reversed with their brackets mirrored.
 * Left-to-right text is returned as it is.
 */
final class BidiText {

    private BidiText() {}

    static String visual(String text) {
        if (text == null || text.isEmpty()) return text;
        char[] chars = text.toCharArray();
        if (!Bidi.requiresBidi(chars, 0, chars.length)) return text;
        StringBuilder out = new StringBuilder(text.length());
        // Line by line: the PDF breaks lines itself, but explicit breaks keep their places.
        String[] lines = text.split("\n", -1);
        for (int l = 0; l < lines.length; l++) {
            if (l > 0) out.append('\n');
            out.append(line(lines[l]));
        }
        return out.toString();
    }

    private static String line(String text) {
        if (text.isEmpty()) return text;
        Bidi bidi = new Bidi(text, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
        if (bidi.isLeftToRight()) return text;
        int runs = bidi.getRunCount();
        byte[] levels = new byte[runs];
        Integer[] order = new Integer[runs];
        for (int i = 0; i < runs; i++) {
            levels[i] = (byte) bidi.getRunLevel(i);
            order[i] = i;
        }
        Bidi.reorderVisually(levels, 0, order, 0, runs);
        StringBuilder out = new StringBuilder(text.length());
        for (Integer r : order) {
            String run = text.substring(bidi.getRunStart(r), bidi.getRunLimit(r));
            if ((bidi.getRunLevel(r) & 1) == 0) {
                out.append(run);
            } else {
                for (int i = run.length() - 1; i >= 0; i--) out.append(mirror(run.charAt(i)));
            }
        }
        return out.toString();
    }

    private static char mirror(char c) {
        return switch (c) {
            case '(' -> ')';
            case ')' -> '(';
            case '[' -> ']';
            case ']' -> '[';
            case '{' -> '}';
            case '}' -> '{';
            case '<' -> '>';
            case '>' -> '<';
            case '«' -> '»';
            case '»' -> '«';
            default -> c;
        };
    }
}
