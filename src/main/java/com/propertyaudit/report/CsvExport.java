package com.propertyaudit.report;

import com.propertyaudit.domain.AnswerOutcome;
import com.propertyaudit.analysis.insights.Insights;
import com.propertyaudit.domain.EntityRank;
import com.propertyaudit.domain.Run;
import com.propertyaudit.domain.StoredAnswer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A batch as CSV files: RFC 4180 through Commons CSV, UTF-8 with a byte-order mark so spreadsheet
 * programs read accents right, and text that a spreadsheet would run as a formula made inert.
 */
public final class CsvExport {

    public static final List<String> FILES = List.of("summary.csv", "answers.csv", "mentions.csv", "citations.csv",
            "competitors.csv", "domains.csv", "agreement.csv");

    private CsvExport() {}

    /**
     * Writes the files into {@code target}: a folder, or a zip when the name ends in .zip. Either
     * way everything is written to a temporary file or folder beside the target first and moved
     * into place only when complete, so a failure leaves nothing half-written; the temporary file
     * or folder is removed whatever happens.
     */
    public static void write(ReportData data, Path target) throws IOException {
        ExportTargets.checkCsv(target);
        boolean zip = ExportTargets.isZip(target);
        boolean into = !zip && Files.isDirectory(target);
        Path dir = into ? target.toAbsolutePath() : target.toAbsolutePath().getParent();
        Path created = UserFiles.folders(dir);
        Path tmp;
        try {
            tmp = zip ? UserFiles.temporary(dir, ".export-", ".zip") : UserFiles.temporaryFolder(dir, ".export-");
        } catch (IOException | RuntimeException e) {
            UserFiles.removeFolders(dir, created, e);
            throw e;
        }
        Throwable failure = null;
        try {
            try {
                if (zip) writeZip(data, tmp);
                else writeFolder(data, tmp);
            } catch (IOException e) {
                throw FileProblems.whileWriting(dir, e);
            }
            if (zip) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            } else if (into) {
                // Every file is complete before the first is moved; a rename within a folder cannot run out of space.
                for (String name : FILES) {
                    Files.move(tmp.resolve(name), target.resolve(name), StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                }
            } else {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (Throwable e) {
            failure = e;
            throw e;
        } finally {
            UserFiles.remove(tmp, failure);
            if (failure != null) UserFiles.removeFolders(dir, created, failure);
        }
    }

    private static void writeZip(ReportData data, Path file) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (String name : FILES) {
                zip.putNextEntry(new ZipEntry(name));
                writeOne(data, name, zip);
                zip.closeEntry();
            }
        }
    }

    private static void writeFolder(ReportData data, Path folder) throws IOException {
        for (String name : FILES) {
            try (OutputStream out = Files.newOutputStream(folder.resolve(name))) {
                writeOne(data, name, out);
            }
        }
    }

    private static void writeOne(ReportData data, String name, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(nonClosing(out), StandardCharsets.UTF_8);
        w.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180)) {
            switch (name) {
                case "summary.csv" -> summary(data, csv);
                case "answers.csv" -> answers(data, csv);
                case "mentions.csv" -> mentions(data, csv);
                case "citations.csv" -> citations(data, csv);
                case "competitors.csv" -> competitors(data.insights(), csv);
                case "domains.csv" -> domains(data.insights(), csv);
                case "agreement.csv" -> agreement(data.insights(), csv);
                default -> throw new IllegalArgumentException(name);
            }
        }
    }

    /**
     * A text cell a spreadsheet would evaluate (=, +, -, @, tab, carriage return first) gets a
     * leading apostrophe; numbers are written as numbers and never touched.
     */
    static Object safe(Object value) {
        if (!(value instanceof String s) || s.isEmpty()) return value;
        char c = s.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + s : s;
    }

    private static void row(CSVPrinter csv, Object... values) throws IOException {
        List<Object> out = new ArrayList<>(values.length);
        for (Object v : values) out.add(safe(v));
        csv.printRecord(out);
    }

    private static void summary(ReportData d, CSVPrinter csv) throws IOException {
        Insights in = d.insights();
        Insights.Summary s = in.summary();
        row(csv, "metric", "value", "ci_low", "ci_high", "n");
        row(csv, "property", in.property(), null, null, null);
        row(csv, "batch", in.batchId().toString(), null, null, null);
        row(csv, "created_at", in.createdAt().toString(), null, null, null);
        row(csv, "batch_status", in.batchStatus().status().id(), null, null, null);
        row(csv, "status_message", in.batchStatus().message(), null, null, null);
        row(csv, "simulated_data", d.simulated(), null, null, null);
        Insights.Rate r = s.brandMentionRate();
        row(csv, "brand_mention_rate", r1(r.percent()), ci(r.ci(), 0), ci(r.ci(), 1), r.n());
        row(csv, "brand_sov", r1(s.brandSOV()), null, null, null);
        Insights.Rate u = s.unbranded().brandMentionRate();
        row(csv, "unbranded_brand_mention_rate", r1(u.percent()), ci(u.ci(), 0), ci(u.ci(), 1), u.n());
        row(csv, "unbranded_brand_sov", r1(s.unbranded().brandSOV()), null, null, null);
        row(csv, "top_competitor", s.topCompetitor(), null, null, null);
        row(csv, "answers", s.answers(), null, null, null);
        for (AnswerOutcome o : AnswerOutcome.values()) row(csv, "replies_" + o.id(), s.outcomes().of(o), null, null, null);
        row(csv, "replies_excluded", s.outcomes().excluded(), null, null, null);
        for (Map.Entry<String, Insights.Visibility> e : s.visibility().entrySet()) {
            Insights.Visibility v = e.getValue();
            row(csv, "visibility_score " + e.getKey(), r1(v.score()), ci(v.ci(), 0), ci(v.ci(), 1), v.answers());
        }
        row(csv, "agreement_rate", r1(in.agreement().rate()), null, null, in.agreement().queries());
        Double kappa = in.agreement().kappa();
        row(csv, "kappa", kappa == null ? null : Math.round(kappa * 100) / 100.0, null, null, in.agreement().queries());
    }

    private static Double ci(double[] ci, int i) {
        return ci == null ? null : r1(ci[i]);
    }

    /** One decimal, as the screens and the CLI show it (kappa: two). */
    static Double r1(Double v) {
        return v == null ? null : Math.round(v * 10) / 10.0;
    }

    /** A surface id as a column-name part: {@code openai:gpt-5+web} → {@code openai_gpt_5_web}. */
    static String column(String surface) {
        return surface.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    private static void answers(ReportData d, CSVPrinter csv) throws IOException {
        Map<UUID, Run> runs = d.runsById();
        row(csv, "answer_id", "batch", "run", "surface", "model", "query", "topic", "sample", "outcome", "score",
                "brand_mentioned",
                "brand_rank", "brand_cited", "latency_ms", "input_tokens", "output_tokens", "finish_reason", "note",
                "error", "text");
        for (StoredAnswer a : d.answers()) {
            Run r = runs.get(a.answer().runId());
            // Numbers only where the reply counts; a cut-off, empty or failed reply has none.
            boolean ok = a.answer().outcome().isAnswer();
            row(csv, a.answer().id(), d.batch().id().toString(), r.id().toString(), r.surface().id(), r.surface().model(),
                    a.answer().queryText(), a.answer().topic(), a.answer().sample(), a.answer().outcome().id(),
                    ok ? r1(a.score().score()) : null, ok ? a.score().brandMentioned() : null, a.score().brandRank(),
                    ok ? a.score().brandCited() : null, a.answer().latencyMs(), a.answer().inputTokens(),
                    a.answer().outputTokens(), a.answer().finishReason(), a.answer().note(), a.answer().error(),
                    a.answer().text());
        }
    }

    private static void mentions(ReportData d, CSVPrinter csv) throws IOException {
        Map<UUID, Run> runs = d.runsById();
        row(csv, "answer_id", "surface", "query", "sample", "entity", "is_brand", "rank");
        for (StoredAnswer a : d.answers()) {
            String surface = runs.get(a.answer().runId()).surface().id();
            if (a.score().brandMentioned()) {
                row(csv, a.answer().id(), surface, a.answer().queryText(), a.answer().sample(), d.batch().propertyName(),
                        true, a.score().brandRank());
            }
            for (EntityRank c : a.score().competitors()) {
                row(csv, a.answer().id(), surface, a.answer().queryText(), a.answer().sample(), c.name(), false, c.rank());
            }
        }
    }

    private static void citations(ReportData d, CSVPrinter csv) throws IOException {
        Map<UUID, Run> runs = d.runsById();
        row(csv, "answer_id", "surface", "query", "sample", "domain");
        for (StoredAnswer a : d.answers()) {
            for (String domain : a.score().citedDomains()) {
                row(csv, a.answer().id(), runs.get(a.answer().runId()).surface().id(), a.answer().queryText(),
                        a.answer().sample(), domain);
            }
        }
    }

    /** Per-surface counts get one column per surface of the batch, so a spreadsheet can sum and chart them. */
    private static void competitors(Insights in, CSVPrinter csv) throws IOException {
        List<String> surfaces = List.copyOf(in.summary().visibility().keySet());
        List<Object> header = new ArrayList<>(List.of("competitor", "answers_naming_it", "sov", "avg_rank"));
        surfaces.forEach(s -> header.add("mentions_" + column(s)));
        row(csv, header.toArray());
        for (Insights.CompetitorRow c : in.competitors()) {
            List<Object> r = new ArrayList<>(List.of(c.name(), c.mentions()));
            r.add(r1(c.sov()));
            r.add(r1(c.avgRank()));
            for (String s : surfaces) r.add(c.bySurface().getOrDefault(s, 0));
            row(csv, r.toArray());
        }
    }

    private static void domains(Insights in, CSVPrinter csv) throws IOException {
        List<String> surfaces = List.copyOf(in.summary().visibility().keySet());
        List<Object> header = new ArrayList<>(List.of("domain", "answers_citing_it", "share_of_citations_pct"));
        surfaces.forEach(s -> header.add("citations_" + column(s)));
        header.add("answers_retrieving_not_citing");
        row(csv, header.toArray());
        for (Insights.DomainRow d : in.domains()) {
            List<Object> r = new ArrayList<>(List.of(d.domain(), d.citations()));
            r.add(r1(d.share()));
            for (String s : surfaces) r.add(d.bySurface().getOrDefault(s, 0));
            r.add(d.retrievedOnly());
            row(csv, r.toArray());
        }
    }

    private static void agreement(Insights in, CSVPrinter csv) throws IOException {
        List<String> surfaces = List.copyOf(in.summary().visibility().keySet());
        List<Object> header = new ArrayList<>(List.of("query", "names_brand"));
        surfaces.forEach(s -> header.add(s));
        header.add("agree");
        row(csv, header.toArray());
        for (Insights.QueryAgreement q : in.agreement().perQuery()) {
            List<Object> r = new ArrayList<>(List.of(q.query(), q.namesBrand()));
            for (String s : surfaces) r.add(q.mentions().get(s));
            r.add(q.agree());
            row(csv, r.toArray());
        }
    }

    /** Lets each file be closed by its printer without closing the zip around it. */
    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
