package com.propertyaudit.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.propertyaudit.analysis.AnswerScorer;
import com.propertyaudit.analysis.ScoreJson;
import com.propertyaudit.domain.Citation;
import com.propertyaudit.domain.Property;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Streams a JSON Lines file of answers through the scorer: chunks of lines are parsed and scored
 * on all cores and written back in input order, with a bounded number of chunks in flight so
 * memory stays constant whatever the file's size.
 */
final class AnswerFileScorer {

    private static final int CHUNK_LINES = 256;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A line that is not a valid answer; the message names file, line and field. */
    static final class BadAnswerLine extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadAnswerLine(String message) {
            super(message);
        }
    }

    private final AnswerScorer scorer;

    AnswerFileScorer(Property property) {
        this.scorer = new AnswerScorer(property);
    }

    void score(Path answers, OutputStream sink) throws IOException {
        String name = answers.toString();
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "score-worker");
            t.setDaemon(true);
            return t;
        });
        ArrayDeque<Future<byte[]>> inFlight = new ArrayDeque<>();
        int maxInFlight = threads * 4;
        try (InputStream in = Files.newInputStream(answers)) {
            Utf8Lines reader = new Utf8Lines(in);
            int lineNo = 0;
            List<String> chunk = new ArrayList<>(CHUNK_LINES);
            int chunkStart = 1;
            while (true) {
                String line;
                try {
                    line = reader.next();
                } catch (CharacterCodingException e) {
                    throw new BadAnswerLine(name + ", line " + (lineNo + 1)
                            + ": the file is not UTF-8 text; save it as UTF-8 and try again.");
                }
                if (line == null) break;
                lineNo++;
                if (lineNo == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
                chunk.add(line);
                if (chunk.size() == CHUNK_LINES) {
                    submit(pool, inFlight, chunk, chunkStart, name);
                    chunk = new ArrayList<>(CHUNK_LINES);
                    chunkStart = lineNo + 1;
                    while (inFlight.size() >= maxInFlight) write(inFlight.poll(), sink);
                }
            }
            if (!chunk.isEmpty()) submit(pool, inFlight, chunk, chunkStart, name);
            while (!inFlight.isEmpty()) write(inFlight.poll(), sink);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Lines decoded one at a time, so that a byte that is not UTF-8 is reported on its own line
     * (a decoding reader works ahead in blocks and would blame an earlier line).
     */
    private static final class Utf8Lines {
        private final InputStream in;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        private byte[] buf = new byte[8192];

        Utf8Lines(InputStream in) {
            this.in = in;
        }

        private final byte[] block = new byte[1 << 16];
        private int pos;
        private int limit;

        String next() throws IOException {
            int len = 0;
            boolean any = false;
            while (true) {
                if (pos == limit) {
                    limit = in.read(block, 0, block.length);
                    pos = 0;
                    if (limit <= 0) {
                        limit = 0;
                        if (!any) return null;
                        break;
                    }
                }
                any = true;
                int start = pos;
                while (pos < limit && block[pos] != '\n') pos++;
                int n = pos - start;
                if (len + n > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
                System.arraycopy(block, start, buf, len, n);
                len += n;
                if (pos < limit) {
                    pos++; // the new line itself
                    break;
                }
            }
            if (len > 0 && buf[len - 1] == '\r') len--;
            return decoder.decode(ByteBuffer.wrap(buf, 0, len)).toString();
        }
    }

    private void submit(ExecutorService pool, ArrayDeque<Future<byte[]>> inFlight, List<String> lines,
            int firstLine, String name) {
        inFlight.add(pool.submit(() -> scoreChunk(lines, firstLine, name)));
    }

    private static void write(Future<byte[]> result, OutputStream sink) throws IOException {
        try {
            sink.write(result.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof BadAnswerLine bad) throw bad;
            if (e.getCause() instanceof UncheckedIOException io) throw io.getCause();
            throw new IllegalStateException(e.getCause());
        }
    }

    private byte[] scoreChunk(List<String> lines, int firstLine, String name) throws JsonProcessingException {
        StringBuilder out = new StringBuilder(lines.size() * 200);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            // A blank line (often the last one) carries no answer and gives no result.
            if (line.isBlank()) continue;
            int lineNo = firstLine + i;
            JsonNode node;
            try (JsonParser parser = MAPPER.createParser(line)) {
                node = MAPPER.readTree(parser);
                // A second value after the first is an error, not silently dropped.
                if (parser.nextToken() != null) {
                    throw new BadAnswerLine(name + ", line " + lineNo + ": more than one JSON value on the line;"
                            + " write one answer object per line.");
                }
            } catch (JsonProcessingException e) {
                throw new BadAnswerLine(name + ", line " + lineNo + ": not valid JSON ("
                        + e.getOriginalMessage() + ").");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ObjectNode result = ScoreJson.toResultLine(id(node, name, lineNo),
                    scorer.score(text(node, name, lineNo), citations(node, name, lineNo)));
            out.append(MAPPER.writeValueAsString(result)).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String id(JsonNode node, String name, int lineNo) {
        if (!node.isObject()) throw new BadAnswerLine(name + ", line " + lineNo + ": expected a JSON object.");
        JsonNode id = node.get("id");
        if (id == null || id.isNull()) throw bad(name, lineNo, "id", "is required.");
        if (!id.isTextual() && !id.isIntegralNumber()) throw bad(name, lineNo, "id", "must be a string.");
        if (id.asText().isBlank()) throw bad(name, lineNo, "id", "must not be blank.");
        return id.asText();
    }

    private static String text(JsonNode node, String name, int lineNo) {
        JsonNode text = node.get("text");
        if (text == null || text.isNull()) return null;
        if (!text.isTextual()) throw bad(name, lineNo, "text", "must be a string or null.");
        return text.asText();
    }

    private static List<Citation> citations(JsonNode node, String name, int lineNo) {
        JsonNode cs = node.get("citations");
        if (cs == null || cs.isNull()) return List.of();
        if (!cs.isArray()) throw bad(name, lineNo, "citations", "must be a list of {\"url\", \"title\"} objects.");
        List<Citation> out = new ArrayList<>(cs.size());
        for (int i = 0; i < cs.size(); i++) {
            JsonNode c = cs.get(i);
            String field = "citations[" + i + "]";
            if (!c.isObject()) throw bad(name, lineNo, field, "must be an object with a \"url\".");
            JsonNode url = c.get("url");
            if (url == null || !url.isTextual() || url.asText().isBlank()) {
                throw bad(name, lineNo, field + ".url", "is required and must be a string.");
            }
            JsonNode title = c.get("title");
            if (title != null && !title.isNull() && !title.isTextual()) {
                throw bad(name, lineNo, field + ".title", "must be a string or null.");
            }
            out.add(new Citation(url.asText(), title == null || title.isNull() ? null : title.asText()));
        }
        return out;
    }

    private static BadAnswerLine bad(String name, int lineNo, String field, String what) {
        return new BadAnswerLine(name + ", line " + lineNo + ", field \"" + field + "\": " + what);
    }
}
