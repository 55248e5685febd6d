package com.propertyaudit.store;

import com.propertyaudit.domain.AuditQuery;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Queries from a CSV file: one query a row, {@code text} then an optional {@code topic}; a first row
 * of {@code text,topic} is a header. Columns are separated by commas, or by semicolons or tabs as
 * spreadsheets in many languages write them (the first row tells which). Bad rows are reported
 * with their line, never silently dropped: a quote that is never closed spoils only its own row.
 */
public final class QueryCsv {

    /** A row that cannot be a query, with its line in the file (0 for the file as a whole). */
    public record Problem(long line, String message) {}

    /** The queries read, the rows refused, and the separator the columns were read with. */
    public record Result(List<AuditQuery> queries, List<Problem> problems, char separator) {}

    private static final char[] SEPARATORS = {',', ';', '\t'};

    private QueryCsv() {}

    /** Reads a file; one that is not UTF-8 is a problem saying so, with the line of its first bad byte. */
    public static Result read(Path file) throws IOException {
        try {
            return parse(Utf8.decode(Files.readAllBytes(file)));
        } catch (Utf8.NotUtf8 e) {
            return new Result(List.of(), List.of(new Problem(e.line, "is not UTF-8 text: the file is in another"
                    + " encoding. Save it as UTF-8 (in Excel: \"CSV UTF-8\") and import it again.")), ',');
        }
    }

    public static Result parse(String text) {
        String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
        char separator = separator(csv);
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separator).setIgnoreEmptyLines(true)
                .setTrim(true).get();
        Lines lines = new Lines(csv);
        List<AuditQuery> queries = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        boolean first = true;
        int from = 0;
        // Parse from line `from` on; a row the parser cannot read is listed, and parsing starts again after it.
        while (from < lines.count()) {
            int offset = lines.start(from);
            int consumed = 0;
            try (CSVParser parser = CSVParser.parse(new StringReader(csv.substring(offset)), format)) {
                Iterator<CSVRecord> rows = parser.iterator();
                try {
                    while (rows.hasNext()) {
                        CSVRecord row = rows.next();
                        consumed = (int) parser.getCurrentLineNumber();
                        long line = lines.lineOf(offset + row.getCharacterPosition());
                        if (first && row.get(0).toLowerCase(Locale.ROOT).equals("text")) {
                            first = false;
                            continue;
                        }
                        first = false;
                        row(row, line, queries, problems);
                    }
                    break;
                } catch (UncheckedIOException | IllegalStateException unreadable) {
                    int bad = from + consumed;
                    while (bad < lines.count() - 1 && lines.isEmpty(bad)) bad++;
                    problems.add(new Problem(bad + 1, "has a quote (\") that is not closed, or text after a closing"
                            + " quote: put the whole text in quotes and double any quote inside it (\"\")."));
                    first = false;
                    from = bad + 1;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Result(queries, problems, separator);
    }

    private static void row(CSVRecord row, long line, List<AuditQuery> queries, List<Problem> problems) {
        if (row.size() > 2) {
            problems.add(new Problem(line, "has " + row.size() + " columns; expected text and an optional topic"
                    + " (quote a text that contains the separator)."));
            return;
        }
        String text = row.get(0);
        String topic = row.size() > 1 && !row.get(1).isBlank() ? row.get(1) : null;
        if (text.isBlank()) {
            problems.add(new Problem(line, "has no query text."));
            return;
        }
        String problem = PropertyLimits.text(text, PropertyLimits.QUERY_TEXT);
        if (problem != null) {
            problems.add(new Problem(line, "the query text " + problem));
            return;
        }
        problem = topic == null ? null : PropertyLimits.text(topic, PropertyLimits.TOPIC);
        if (problem != null) {
            problems.add(new Problem(line, "the topic " + problem));
            return;
        }
        queries.add(new AuditQuery(text, topic));
    }

    /** The separator found most often outside quotes in the first line that has text; a comma when none is. */
    static char separator(String csv) {
        int[] counts = new int[SEPARATORS.length];
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (c == '"') quoted = !quoted;
            if (!quoted && (c == '\n' || c == '\r')) {
                if (any) break;
                continue;
            }
            any |= !Character.isWhitespace(c);
            for (int s = 0; s < SEPARATORS.length; s++) {
                if (!quoted && c == SEPARATORS[s]) counts[s]++;
            }
        }
        int best = 0;
        for (int s = 1; s < SEPARATORS.length; s++) {
            if (counts[s] > counts[best]) best = s;
        }
        return SEPARATORS[best];
    }

    /** Where each line of the text starts, for line numbers of rows and for starting again after a bad row. */
    private static final class Lines {
        private final String text;
        private final int[] starts;

        Lines(String text) {
            this.text = text;
            int[] s = new int[16];
            int n = 0;
            s[n++] = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) {
                    if (n == s.length) s = Arrays.copyOf(s, n * 2);
                    s[n++] = i + 1;
                }
            }
            this.starts = Arrays.copyOf(s, n);
        }

        int count() {
            return starts.length;
        }

        int start(int line) {
            return starts[line];
        }

        boolean isEmpty(int line) {
            int end = line + 1 < starts.length ? starts[line + 1] : text.length();
            return text.substring(starts[line], end).isBlank();
        }

        /** The line, from 1, of a char offset. */
        long lineOf(long offset) {
            int i = Arrays.binarySearch(starts, (int) offset);
            return (i >= 0 ? i : -i - 2) + 1;
        }
    }
}
