package com.propertyaudit.store;

import com.propertyaudit.domain.AuditQuery;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Queries from a CSV file: one query a row, {@code text} then an optional {@code topic}; a first row
 * of {@code text,topic} is a header. Bad rows are reported with their line, never silently dropped.
 */
public final class QueryCsv {

    static final int MAX_LENGTH = 500;

    /** A row that cannot be a query, with its line in the file. */
    public record Problem(long line, String message) {}

    /** The queries read and the rows refused. */
    public record Result(List<AuditQuery> queries, List<Problem> problems) {}

    private QueryCsv() {}

    public static Result parse(String csv) {
        try (Reader r = new StringReader(csv.startsWith("\uFEFF") ? csv.substring(1) : csv);
                CSVParser parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(true).build().parse(r)) {
            List<AuditQuery> queries = new ArrayList<>();
            List<Problem> problems = new ArrayList<>();
            boolean first = true;
            for (CSVRecord row : parser) {
                long line = parser.getCurrentLineNumber();
                if (first && row.size() >= 1 && row.get(0).toLowerCase(Locale.ROOT).equals("text")) {
                    first = false;
                    continue;
                }
                first = false;
                if (row.size() > 2) {
                    problems.add(new Problem(line, "has " + row.size() + " columns; expected text and an optional topic"
                            + " (quote a text that contains commas)."));
                    continue;
                }
                String text = row.get(0);
                if (text.isBlank()) {
                    problems.add(new Problem(line, "has no query text."));
                } else if (text.length() > MAX_LENGTH) {
                    problems.add(new Problem(line, "is longer than " + MAX_LENGTH + " characters."));
                } else {
                    queries.add(new AuditQuery(text, row.size() > 1 && !row.get(1).isBlank() ? row.get(1) : null));
                }
            }
            return new Result(queries, problems);
        } catch (IOException | IllegalStateException e) {
            return new Result(List.of(), List.of(new Problem(0, "is not readable CSV: " + e.getMessage())));
        }
    }
}
