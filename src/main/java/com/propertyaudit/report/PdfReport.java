package com.propertyaudit.report;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontSelector;
import com.lowagie.text.pdf.DefaultFontMapper;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import com.propertyaudit.analysis.ai.AnalysisRecord;
import com.propertyaudit.analysis.ai.Finding;
import com.propertyaudit.analysis.ai.SentimentCounts;
import com.propertyaudit.analysis.insights.Insights;
import com.propertyaudit.analysis.insights.Measures;
import com.propertyaudit.analysis.insights.TrendLabels;
import com.propertyaudit.domain.AnswerOutcome;
import com.propertyaudit.domain.BatchStatus;
import com.propertyaudit.domain.Run;
import com.propertyaudit.domain.StoredAnswer;
import com.propertyaudit.store.BatchRepository;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * A batch as a PDF report for people who never open the app: cover, executive summary, charts
 * drawn as vectors, tables, the agreement matrix, a per-query appendix and the methodology.
 */
public final class PdfReport {

    private static final Color ACCENT = new Color(0x0969DA);
    private static final Color MUTED = new Color(0x57606A);
    private static final Color OK = new Color(0x1A7F37);
    private static final Color WARN = new Color(0x9A6700);
    private static final Color BAD = new Color(0xCF222E);

    private final BaseFont regular;
    private final BaseFont bold;
    private final boolean withAppendix;
    /** The document being built, for headings that must move to the next page. */
    private Document currentDoc;
    private PdfWriter currentWriter;

    private PdfReport(boolean withAppendix) throws IOException {
        this.withAppendix = withAppendix;
        regular = font("DejaVuSans.ttf");
        bold = font("DejaVuSans-Bold.ttf");
    }

    /**
     * Writes the report to {@code file}: a temporary file first, moved into place when complete and
     * removed whatever happens.
     */
    public static void write(ReportData data, Path file) throws IOException {
        write(data, file, true);
    }

    /** @param withAppendix whether the appendix of every answer is included (the rest is the same) */
    public static void write(ReportData data, Path file, boolean withAppendix) throws IOException {
        ExportTargets.checkPdf(file);
        Path dir = file.toAbsolutePath().getParent();
        Path created = UserFiles.folders(dir);
        Path tmp;
        try {
            tmp = UserFiles.temporary(dir, ".report-", ".pdf");
        } catch (IOException | RuntimeException e) {
            UserFiles.removeFolders(dir, created, e);
            throw e;
        }
        Throwable failure = null;
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                writeTo(data, out, withAppendix);
            } catch (IOException e) {
                throw FileProblems.whileWriting(dir, e);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (Throwable e) {
            failure = e;
            throw e;
        } finally {
            UserFiles.remove(tmp, failure);
            if (failure != null) UserFiles.removeFolders(dir, created, failure);
        }
    }

    /**
     * Renders the report into {@code out}. OpenPDF wraps a failed write in its own exceptions, and
     * closing the half-built document then fails on its syntax, hiding the cause: the first write
     * error is kept and thrown instead.
     */
    static void writeTo(ReportData data, OutputStream out) throws IOException {
        writeTo(data, out, true);
    }

    static void writeTo(ReportData data, OutputStream out, boolean withAppendix) throws IOException {
        FirstWriteError sink = new FirstWriteError(out);
        try {
            new PdfReport(withAppendix).render(data, sink);
        } catch (RuntimeException e) {
            if (sink.error != null) throw sink.error;
            throw e;
        }
        if (sink.error != null) throw sink.error;
    }

    /** Passes bytes on and remembers the first write that failed. */
    private static final class FirstWriteError extends java.io.FilterOutputStream {
        IOException error;

        FirstWriteError(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                if (error == null) error = e;
                throw e;
            }
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                if (error == null) error = e;
                throw e;
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                if (error == null) error = e;
                throw e;
            }
        }
    }

    private static BaseFont font(String name) throws IOException {
        try (InputStream in = PdfReport.class.getResourceAsStream("fonts/" + name)) {
            byte[] bytes = in.readAllBytes();
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, bytes, null);
        }
    }

    private Font f(float size, boolean isBold, Color color) {
        return new Font(isBold ? bold : regular, size, Font.NORMAL, color);
    }

    /**
     * Text that may hold any script (names, queries, answers): right-to-left runs in reading order,
     * and each character in the first font that has it — DejaVu Sans, else a CJK or symbol font.
     */
    private Phrase text(String s, float size, boolean isBold, Color color) {
        FontSelector selector = new FontSelector();
        selector.addFont(f(size, isBold, color));
        for (BaseFont fallback : FallbackFonts.all()) selector.addFont(new Font(fallback, size, Font.NORMAL, color));
        String visual = s == null ? "" : BidiText.visual(s);
        return visual.isEmpty() ? new Phrase("", f(size, isBold, color)) : selector.process(visual);
    }

    private Paragraph paragraph(String s, float size, boolean isBold, Color color) {
        Paragraph p = new Paragraph(text(s, size, isBold, color));
        p.setLeading(size * 1.5f);
        return p;
    }

    private void render(ReportData d, OutputStream out) {
        Insights in = d.insights();
        Document doc = new Document(PageSize.A4, 48, 48, 56, 56);
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        currentDoc = doc;
        currentWriter = writer;
        writer.setPageEvent(new Footer(in.property(), d.simulated()));
        doc.addTitle("GEO audit - " + in.property());
        doc.addCreator("PropertyAudit");
        doc.open();
        try {
            cover(doc, d);
            doc.newPage();
            summary(doc, in);
            charts(doc, writer, d);
            if (d.why().analysis() != null) {
                doc.newPage();
                aiAnalysis(doc, d);
            }
            doc.newPage();
            tables(doc, in);
            agreement(doc, in);
            if (withAppendix) {
                doc.newPage();
                appendix(doc, d);
            }
            doc.newPage();
            methodology(doc, in);
        } catch (DocumentException e) {
            throw new IllegalStateException("The PDF could not be built: " + e.getMessage(), e);
        }
        doc.close();
    }

    private void cover(Document doc, ReportData d) {
        Insights in = d.insights();
        doc.add(spacer(120));
        doc.add(new Paragraph("Generative engine visibility audit", f(12, false, MUTED)));
        doc.add(paragraph(in.property(), 28, true, Color.BLACK));
        doc.add(spacer(8));
        doc.add(new Paragraph("Batch of " + in.createdAt().toString().substring(0, 16).replace('T', ' ') + " UTC · "
                + in.batchId().toString().substring(0, 8), f(11, false, MUTED)));
        doc.add(spacer(16));
        for (Run r : d.runs()) {
            doc.add(new Paragraph("• " + r.surface().label() + " (" + r.surface().id() + ") - " + r.status().id(),
                    f(11, false, Color.BLACK)));
        }
        doc.add(spacer(20));
        doc.add(banner(in.batchStatus()));
        if (d.simulated()) {
            doc.add(spacer(12));
            doc.add(new Paragraph("Simulated data: at least one surface answered offline with generated sample"
                    + " answers. Do not read its numbers as real model behaviour.", f(10, true, BAD)));
        }
    }

    private PdfPTable banner(Insights.StatusView status) {
        Color c = status.status() == BatchStatus.COMPLETE ? OK : status.status() == BatchStatus.FAILED ? BAD : WARN;
        PdfPTable t = new PdfPTable(1);
        t.setWidthPercentage(100);
        PdfPCell cell = new PdfPCell(new Phrase(status.message(), f(11, true, Color.WHITE)));
        cell.setBackgroundColor(c);
        cell.setPadding(10);
        cell.setBorder(Rectangle.NO_BORDER);
        t.addCell(cell);
        return t;
    }

    private void summary(Document doc, Insights in) {
        doc.add(heading("Executive summary"));
        Insights.Summary s = in.summary();
        PdfPTable t = table(new float[] {3, 2, 3});
        header(t, "Measure", "Value", "Uncertainty");
        Insights.Rate r = s.brandMentionRate();
        row(t, "Brand " + Measures.MENTION_RATE.toLowerCase(Locale.ROOT), pct(r.percent()), interval(r));
        row(t, "Brand share of voice", pct(s.brandSOV()), "over all entities named");
        Insights.Rate u = s.unbranded().brandMentionRate();
        row(t, "Unbranded share of voice", pct(s.unbranded().brandSOV()),
                s.unbranded().queries() + " queries that do not name the brand; " + Measures.MENTION_RATE.toLowerCase(Locale.ROOT)
                        + " " + pct(u.percent()));
        row(t, "Top competitor", s.topCompetitor() == null ? "-" : s.topCompetitor(), "");
        for (Map.Entry<String, Insights.Visibility> e : s.visibility().entrySet()) {
            Insights.Visibility v = e.getValue();
            row(t, Measures.VISIBILITY_SCORE + " · " + e.getKey(), num(v.score()), v.ci() == null ? "n=" + v.answers()
                    : String.format(Locale.ROOT, "95%% CI %.1f–%.1f, n=%d%s", v.ci()[0], v.ci()[1], v.answers(),
                            v.answers() < Insights.DIRECTIONAL_BELOW ? ", directional" : ""));
        }
        String excluded = s.outcomes().exclusionSentence();
        row(t, "Answers", String.valueOf(s.answers()), (s.outcomes().refused() > 0 ? s.outcomes().refused()
                + " refused (counted, naming no one); " : "") + (excluded == null ? "no reply left out" : excluded));
        Insights.Agreement a = in.agreement();
        if (a.rate() != null) {
            row(t, "Cross-model agreement", pct(a.rate()), "kappa " + (a.kappa() == null ? "undefined"
                    : String.format(Locale.ROOT, "%.2f", a.kappa())) + " over " + a.queries() + " queries");
        }
        doc.add(t);
    }

    private void charts(Document doc, PdfWriter writer, ReportData d) {
        Insights in = d.insights();
        doc.add(heading("Charts"));
        DefaultCategoryDataset sov = new DefaultCategoryDataset();
        if (in.summary().brandSOV() != null) sov.addValue(in.summary().brandSOV(), "SOV", BidiText.visual(in.property()));
        in.competitors().stream().limit(7).forEach(c -> sov.addValue(c.sov(), "SOV", BidiText.visual(c.name())));
        JFreeChart shares = ChartFactory.createBarChart("Share of voice (%)", null, "%", sov,
                PlotOrientation.HORIZONTAL, false, false, false);
        if (in.summary().brandSOV() != null) {
            // The property's own bar (the first) in green, as on screen.
            shares.getCategoryPlot().setRenderer(new org.jfree.chart.renderer.category.BarRenderer() {
                private static final long serialVersionUID = 1L;

                @Override
                public java.awt.Paint getItemPaint(int row, int column) {
                    return column == 0 ? OK : super.getItemPaint(row, column);
                }
            });
        }
        doc.add(chart(writer, shares, 500, 220));
        DefaultCategoryDataset vis = new DefaultCategoryDataset();
        in.summary().visibility().forEach((s, v) -> {
            if (v.score() != null) vis.addValue(v.score(), "Visibility", s);
        });
        DefaultCategoryDataset dom = new DefaultCategoryDataset();
        in.domains().stream().limit(8).forEach(x -> dom.addValue(x.citations(), "Answers", x.domain()));
        PdfPTable two = new PdfPTable(2);
        two.setWidthPercentage(100);
        JFreeChart visibility = ChartFactory.createBarChart(Measures.VISIBILITY_SCORE + " per surface", null, null, vis,
                PlotOrientation.HORIZONTAL, false, false, false);
        visibility.getCategoryPlot().getRangeAxis().setRange(0, 100);
        two.addCell(bare(chart(writer, visibility, 250, 220)));
        two.addCell(bare(chart(writer, ChartFactory.createBarChart("Top cited domains", null, "answers", dom,
                PlotOrientation.HORIZONTAL, false, false, false), 250, 220)));
        doc.add(two);
        // The trend ends at the batch this report is about: later batches are not part of its story.
        List<BatchRepository.TrendPoint> upTo = d.trend().stream()
                .filter(p -> !p.createdAt().isAfter(d.batch().createdAt())).toList();
        if (upTo.size() > 1) {
            DefaultCategoryDataset trend = new DefaultCategoryDataset();
            TrendLabels labels = new TrendLabels();
            for (BatchRepository.TrendPoint p : upTo) {
                String when = labels.next(p.createdAt()) + p.mark();
                if (p.brandSOV() != null) trend.addValue(p.brandSOV(), "Brand SOV", when);
                p.visibility().forEach((s, v) -> trend.addValue(v, "Visibility score · " + s, when));
            }
            JFreeChart line = ChartFactory.createLineChart("Trend over batches (UTC)", null, null, trend,
                    PlotOrientation.VERTICAL, true, false, false);
            // Points drawn too, so a batch is seen even where a line has only one.
            ((org.jfree.chart.renderer.category.LineAndShapeRenderer) line.getCategoryPlot().getRenderer())
                    .setDefaultShapesVisible(true);
            doc.add(chart(writer, line, 500, 220));
        }
    }

    /** A JFreeChart drawn straight into the PDF as vectors. */
    private static Image chart(PdfWriter writer, JFreeChart chart, float w, float h) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(new java.awt.Font("SansSerif", java.awt.Font.BOLD, 12));
        if (chart.getPlot() instanceof org.jfree.chart.plot.CategoryPlot plot) {
            plot.setBackgroundPaint(Color.WHITE);
            plot.setRangeGridlinePaint(new Color(0xD0D7DE));
            plot.setOutlineVisible(false);
            if (plot.getRenderer() instanceof org.jfree.chart.renderer.category.BarRenderer bars) {
                bars.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
                bars.setShadowVisible(false);
                bars.setSeriesPaint(0, ACCENT);
                // Each bar carries its value, so the chart reads without the axis.
                bars.setDefaultItemLabelGenerator(new org.jfree.chart.labels.StandardCategoryItemLabelGenerator("{2}",
                        new java.text.DecimalFormat("0.#", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT))));
                bars.setDefaultItemLabelsVisible(true);
                if (plot.getOrientation() == PlotOrientation.HORIZONTAL) {
                    bars.setDefaultPositiveItemLabelPosition(new org.jfree.chart.labels.ItemLabelPosition(
                            org.jfree.chart.labels.ItemLabelAnchor.OUTSIDE3, org.jfree.chart.ui.TextAnchor.CENTER_LEFT));
                }
                bars.setDefaultItemLabelFont(new java.awt.Font("SansSerif", java.awt.Font.PLAIN, 8));
                plot.getRangeAxis().setUpperMargin(0.12);
            }
            plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.5f);
            plot.getDomainAxis().setTickLabelFont(new java.awt.Font("SansSerif", java.awt.Font.PLAIN, 9));
        }
        PdfContentByte cb = writer.getDirectContent();
        PdfTemplate tpl = cb.createTemplate(w, h);
        Graphics2D g2 = tpl.createGraphics(w, h, new DefaultFontMapper());
        chart.draw(g2, new Rectangle2D.Double(0, 0, w, h));
        g2.dispose();
        try {
            Image img = Image.getInstance(tpl);
            img.setAlignment(Element.ALIGN_CENTER);
            return img;
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PdfPCell bare(Image img) {
        PdfPCell c = new PdfPCell(img, true);
        c.setBorder(Rectangle.NO_BORDER);
        return c;
    }

    /**
     * The holistic AI analysis, marked as model-generated, with each item's evidence; how the answers
     * speak of each entity (phase 2); the names the answers put forward that are not tracked.
     */
    private void aiAnalysis(Document doc, ReportData d) {
        AnalysisRecord r = d.why().analysis();
        doc.add(heading("AI analysis"));
        String by = r.simulated() ? "the Simulated analyst (offline demo text, not a model)" : r.model() + " (" + r.surface() + ")";
        doc.add(new Paragraph("Model-generated: written by " + by + " on " + r.createdAt().toString().substring(0, 16)
                .replace('T', ' ') + " UTC from this batch's numbers and answers. Every item names the queries and"
                + " surfaces it rests on; " + (r.analysis() == null ? 0 : r.analysis().droppedItems()) + " item(s) whose"
                + " evidence was not in the batch were dropped. Check each finding against its evidence.",
                f(9, true, r.simulated() ? BAD : WARN)));
        if (r.error() != null) doc.add(new Paragraph("The latest attempt failed: " + r.error(), f(9, false, BAD)));
        if (r.analysis() != null) {
            findings(doc, "Consensus (the models agree)", r.analysis().consensus());
            findings(doc, "Divergences (worth investigating)", r.analysis().divergences());
            findings(doc, "Recommendations", r.analysis().recommendations());
        }
        Map<String, SentimentCounts> sentiment = d.why().sentiment();
        if (!sentiment.isEmpty()) {
            doc.add(subheading("How the answers speak of each entity"));
            PdfPTable t = table(new float[] {5, 2, 2, 2});
            header(t, "Entity", "Positive", "Neutral", "Negative");
            List<String> names = new ArrayList<>();
            names.add(d.insights().property());
            d.insights().competitors().forEach(c -> names.add(c.name()));
            for (String n : names) {
                SentimentCounts c = sentiment.getOrDefault(n, SentimentCounts.NONE);
                row(t, n, String.valueOf(c.positive()), String.valueOf(c.neutral()), String.valueOf(c.negative()));
            }
            doc.add(t);
        }
        if (!d.why().discovered().isEmpty()) {
            doc.add(subheading("Named by the answers, not tracked"));
            PdfPTable t = table(new float[] {5, 2, 5});
            header(t, "Name", "Answers", "By surface");
            d.why().discovered().stream().limit(15).forEach(n -> row(t, n.name(), String.valueOf(n.answers()),
                    bySurface(n.bySurface())));
            doc.add(t);
        }
    }

    private void findings(Document doc, String title, List<Finding> items) {
        doc.add(subheading(title));
        PdfPTable t = table(new float[] {7, 3, 1.6f});
        header(t, "Finding", "Evidence (query: surfaces)", "Confidence");
        for (Finding f : items) {
            String text = f.why() == null || f.why().isBlank() ? f.text() : f.text() + " - " + f.why();
            String evidence = f.evidence().stream().map(e -> "query " + e.query() + (e.surfaces().isEmpty() ? ""
                    : ": " + String.join(", ", e.surfaces()))).collect(Collectors.joining("; "));
            row(t, text, evidence, f.confidence() == null ? "-" : f.confidence());
        }
        if (items.isEmpty()) row(t, "None.", "", "");
        doc.add(t);
    }

    private void tables(Document doc, Insights in) {
        doc.add(heading("Competitors"));
        PdfPTable c = table(new float[] {4, 2, 2, 2, 5});
        header(c, "Competitor", "Answers", "Share of voice", "Mean rank", "By surface");
        for (Insights.CompetitorRow r : in.competitors()) {
            row(c, r.name(), String.valueOf(r.mentions()), pct(r.sov()), num(r.avgRank()), bySurface(r.bySurface()));
        }
        if (in.competitors().isEmpty()) row(c, "No competitor was named.", "", "", "", "");
        doc.add(c);
        doc.add(heading("Cited domains"));
        PdfPTable t = table(new float[] {4, 2, 2, 5});
        header(t, "Domain", "Answers", "Share", "By surface");
        in.domains().stream().limit(25).forEach(r -> row(t, r.domain(), String.valueOf(r.citations()), pct(r.share()),
                bySurface(r.bySurface())));
        if (in.domains().isEmpty()) row(t, "No source was cited.", "", "", "");
        doc.add(t);
    }

    private void agreement(Document doc, Insights in) {
        doc.add(heading("Where the models agree"));
        List<String> surfaces = List.copyOf(in.summary().visibility().keySet());
        float[] widths = new float[surfaces.size() + 1];
        widths[0] = 6;
        for (int i = 1; i < widths.length; i++) widths[i] = 2;
        PdfPTable t = table(widths);
        String[] head = new String[widths.length];
        head[0] = "Query (✓ brand named by the surface, ✗ not)";
        for (int i = 0; i < surfaces.size(); i++) head[i + 1] = surfaces.get(i);
        header(t, head);
        for (Insights.QueryAgreement q : in.agreement().perQuery()) {
            String[] cells = new String[widths.length];
            cells[0] = q.query() + (q.namesBrand() ? " (names the brand)" : "");
            for (int i = 0; i < surfaces.size(); i++) {
                Boolean named = q.mentions().get(surfaces.get(i));
                cells[i + 1] = named == null ? "·" : named ? "✓" : "✗";
            }
            row(t, cells);
        }
        doc.add(t);
    }

    private void appendix(Document doc, ReportData d) {
        doc.add(heading("Appendix: every query, every answer"));
        Map<UUID, Run> runs = d.runsById();
        Map<Integer, List<StoredAnswer>> byQuery = d.answers().stream()
                .collect(Collectors.groupingBy(a -> a.answer().queryIndex(), java.util.TreeMap::new, Collectors.toList()));
        for (Map.Entry<Integer, List<StoredAnswer>> e : byQuery.entrySet()) {
            Paragraph q = paragraph((e.getKey() + 1) + ". " + e.getValue().get(0).answer().queryText(), 10, true, ACCENT);
            keepWithNext(doc, 90);
            q.setSpacingBefore(6);
            q.setSpacingAfter(4);
            doc.add(q);
            PdfPTable t = table(new float[] {4, 1.4f, 1.1f, 1.3f, 8});
            header(t, "Surface", "Named", "Rank", "Score", "Citations and excerpt");
            for (StoredAnswer a : e.getValue()) {
                String surface = runs.get(a.answer().runId()).surface().id() + (d.batch().samples() > 1
                        ? " #" + a.answer().sample() : "");
                if (a.answer().outcome() == AnswerOutcome.FAILED) {
                    row(t, surface, "-", "-", "-", "Failed: " + a.answer().error());
                    continue;
                }
                if (!a.answer().outcome().isAnswer()) {
                    row(t, surface, "-", "-", "-", "Not counted (" + a.answer().outcome().label() + "): "
                            + a.answer().note() + " " + excerpt(a.answer().text()));
                    continue;
                }
                String excerpt = excerpt(a.answer().text());
                String cited = a.score().citedDomains().isEmpty() ? "" : "Cites " + String.join(", ",
                        a.score().citedDomains()) + ". ";
                row(t, surface, a.score().brandMentioned() ? "yes" : "no",
                        a.score().brandRank() == null ? "-" : String.valueOf(a.score().brandRank()),
                        String.format(Locale.ROOT, "%.1f", a.score().score()), cited + excerpt);
            }
            doc.add(t);
        }
    }

    private void methodology(Document doc, Insights in) {
        doc.add(heading("Methodology"));
        String[] paragraphs = {
            "Each renter question was put to every surface (a provider, model and options) as written, "
                    + "one or more times (samples). Every answer was stored as received and scored by fixed rules.",
            "Names: the property and each competitor count with all their aliases. Text and names are normalised "
                    + "(accents removed, curly quotes straightened, white space collapsed) and matched as whole words; "
                    + "names of two or more words match in any case, one-word names only as written. Nothing inside a "
                    + "URL, a bare domain or an e-mail address counts as a mention. Entities are ranked by first mention.",
            "Cited domains are the registrable domains (Public Suffix List) of the sources returned beside the "
                    + "answer and of the links and bare domains in its text. The brand is cited when one of its own "
                    + "domains is.",
            "Answer score = 100 × (0.5 × named + 0.3 × 1/rank if named + 0.2 × cited). Visibility of a surface is "
                    + "the mean score of its completed answers. Share of voice of an entity is the number of answers "
                    + "naming it over the sum of that number for all entities. Failed requests are not counted.",
            "Uncertainty: every rate carries its sample size and a 95% Wilson interval; visibility carries a 95% "
                    + "interval of the mean. A figure from fewer than " + Insights.DIRECTIONAL_BELOW + " answers is "
                    + "marked directional: a hint to check with more samples, not a finding.",
            "Unbranded share of voice leaves out the queries whose own text names the brand (such as \"… reviews\"), "
                    + "since those answers name it by construction.",
            "Agreement: for each query, a surface names the brand when at least half of its samples do. The rate "
                    + "is the share of queries where all surfaces agree; kappa corrects it for chance (Cohen's for two "
                    + "surfaces, Fleiss' for more).",
            "Only replies a renter would be shown count: completed answers, and refusals (which name no one). A reply "
                    + "cut off at the token limit is asked again once with twice the budget, one with no text once "
                    + "more; what is still cut off, empty or failed is left out of every number and listed.",
            "This batch: " + in.summary().answers() + " answers; " + in.batchStatus().message() + "."};
        for (String p : paragraphs) {
            Paragraph para = new Paragraph(p, f(10, false, Color.BLACK));
            para.setSpacingAfter(8);
            doc.add(para);
        }
    }

    private static String excerpt(String text) {
        if (text == null || text.isBlank()) return "(empty answer)";
        // Markdown emphasis reads as noise in print.
        String flat = text.replace("**", "").replace("__", "").replace("`", "").replaceAll("\\s+", " ").strip();
        return flat.length() > 320 ? flat.substring(0, 319) + "…" : flat;
    }

    private Paragraph subheading(String text) {
        keepWithNext(currentDoc, 90);
        Paragraph p = paragraph(text, 11, true, Color.BLACK);
        p.setSpacingBefore(6);
        p.setSpacingAfter(6);
        return p;
    }

    private Paragraph heading(String text) {
        keepWithNext(currentDoc, 130);
        Paragraph p = paragraph(text, 15, true, ACCENT);
        p.setSpacingBefore(10);
        p.setSpacingAfter(8);
        return p;
    }

    /**
     * A heading is never left alone at a page's foot: when less than {@code room} points are left
     * below it for what follows, it starts the next page.
     */
    private void keepWithNext(Document doc, float room) {
        if (doc == null || currentWriter == null) return;
        if (currentWriter.getVerticalPosition(true) - doc.bottom() < room) doc.newPage();
    }

    private static Paragraph spacer(float points) {
        Paragraph p = new Paragraph(" ");
        p.setSpacingBefore(points);
        return p;
    }

    private static PdfPTable table(float[] widths) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setSpacingAfter(10);
        t.setHeaderRows(1);
        return t;
    }

    private void header(PdfPTable t, String... cells) {
        for (String c : cells) {
            PdfPCell cell = new PdfPCell(text(c, 8.5f, true, Color.WHITE));
            cell.setBackgroundColor(ACCENT);
            cell.setPadding(4);
            t.addCell(cell);
        }
    }

    private void row(PdfPTable t, String... cells) {
        for (String c : cells) {
            PdfPCell cell = new PdfPCell(text(c, 8.5f, false, Color.BLACK));
            cell.setPadding(4);
            cell.setBorderColor(new Color(0xD0D7DE));
            t.addCell(cell);
        }
    }

    private static String pct(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.1f%%", v);
    }

    private static String num(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String interval(Insights.Rate r) {
        if (r.ci() == null) return "no answers";
        return String.format(Locale.ROOT, "95%% CI %.1f–%.1f%%, n=%d%s", r.ci()[0], r.ci()[1], r.n(),
                r.directional() ? ", directional" : "");
    }

    private static String bySurface(Map<String, Integer> m) {
        return m.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    /** Page numbers, and the Simulated mark on every page when a surface was simulated. */
    private final class Footer extends PdfPageEventHelper {
        private final String property;
        private final boolean simulated;

        Footer(String property, boolean simulated) {
            this.property = property;
            this.simulated = simulated;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte cb = writer.getDirectContent();
            Phrase left = text("PropertyAudit · " + property, 8, false, MUTED);
            Phrase right = new Phrase("Page " + writer.getPageNumber(), f(8, false, MUTED));
            com.lowagie.text.pdf.ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, left, document.left(), 30, 0);
            com.lowagie.text.pdf.ColumnText.showTextAligned(cb, Element.ALIGN_RIGHT, right, document.right(), 30, 0);
            if (simulated) {
                com.lowagie.text.pdf.ColumnText.showTextAligned(cb, Element.ALIGN_CENTER,
                        new Phrase("SIMULATED DATA", f(8, true, BAD)), (document.left() + document.right()) / 2, 30, 0);
            }
        }
    }

}
