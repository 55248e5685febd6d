package com.propertyaudit.store;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding of a user's file: a byte sequence that is not UTF-8 is found with its line, never replaced. */
final class Utf8 {

    /** The file is not UTF-8 text; {@link #line} is where the first bad byte is, from 1. */
    static final class NotUtf8 extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;

        NotUtf8(int line) {
            super("not UTF-8 text at line " + line);
            this.line = line;
        }
    }

    private Utf8() {}

    /** The text, without a leading byte-order mark. */
    static String decode(byte[] bytes) throws NotUtf8 {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) result = decoder.flush(out);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (bytes[i] == '\n') line++;
            }
            throw new NotUtf8(line);
        }
        String s = out.flip().toString();
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}
