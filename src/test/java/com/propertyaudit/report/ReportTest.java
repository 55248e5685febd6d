package com.propertyaudit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyaudit.analysis.insights.Insights;
import com.propertyaudit.analysis.insights.InsightsCalculator;
import com.propertyaudit.domain.Answer;
import com.propertyaudit.domain.AnswerScore;
import com.propertyaudit.domain.AnswerOutcome;
import com.propertyaudit.domain.AuditQuery;
import com.propertyaudit.domain.Batch;
import com.propertyaudit.domain.Citation;
import com.propertyaudit.domain.EntityRank;
import com.propertyaudit.domain.Property;
import com.propertyaudit.domain.Run;
import com.propertyaudit.domain.RunStatus;
import com.propertyaudit.domain.StoredAnswer;
import com.propertyaudit.domain.Surface;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exports of a small batch with a completed, an empty and a failed answer, read back. */
class ReportTest {

    @TempDir
    Path dir;

    static ReportData data() {
        Property p = Property.named("Café Lofts").withQueries(List.of(new AuditQuery("best lofts – £2,000?", "price"),
                new AuditQuery("Café Lofts reviews", "brand")));
        Batch b = new Batch(UUID.randomUUID(), p.name(), p, 1, "{}", Instant.parse("2026-11-28T10:00:00Z"), null);
        Run run = new Run(UUID.randomUUID(), b.id(), 1, Surface.parse("simulated:demo"), RunStatus.COMPLETED, 3, null,
                null, 80.0, 10, 20, 0, null);
        StoredAnswer named = new StoredAnswer(new Answer(1, run.id(), 0, p.queries().get(0).text(), "price", 1,
                AnswerOutcome.COMPLETED, "=HYPERLINK(\"http://evil\") Café Lofts first, then The Yard.",
                List.of(new Citation("https://www.yelp.com/x", "Yelp")), "{}", "{}", "stop", null, null, 900, 5, 50,
                Instant.EPOCH, List.of()), new AnswerScore(true, 1, false, List.of(new EntityRank("The Yard", 2)),
                List.of("yelp.com"), 80.0, List.of()));
        StoredAnswer empty = new StoredAnswer(new Answer(2, run.id(), 1, p.queries().get(1).text(), "brand", 1,
                AnswerOutcome.EMPTY, "", List.of(), "{}", "{}", "stop", "no text", null, 800, 5, 0, Instant.EPOCH, List.of()),
                AnswerScore.EMPTY);
        StoredAnswer failed = new StoredAnswer(new Answer(3, run.id(), 1, p.queries().get(1).text(), "brand", 2,
                AnswerOutcome.FAILED, null, List.of(), "{}", "oops", null, null, "-Provider said no", 100, 0, 0,
                Instant.EPOCH, List.of()), AnswerScore.EMPTY);
        List<StoredAnswer> answers = List.of(named, empty, failed);
        Insights in = InsightsCalculator.compute(b, List.of(run), answers, q -> q.contains("Café Lofts"));
        return new ReportData(b, List.of(run), answers, in, List.of());
    }

    @Test
    void csvFilesRoundTripThroughAParserWithABomAndInertFormulas() throws Exception {
        CsvExport.write(data(), dir.resolve("out"));
        for (String name : CsvExport.FILES) assertThat(dir.resolve("out").resolve(name)).exists();
        byte[] bytes = Files.readAllBytes(dir.resolve("out/answers.csv"));
        assertThat(bytes[0] & 0xff).isEqualTo(0xEF);
        List<CSVRecord> rows;
        try (Reader r = new InputStreamReader(Files.newInputStream(dir.resolve("out/answers.csv")), StandardCharsets.UTF_8)) {
            r.read(); // the byte-order mark
            rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r).getRecords();
        }
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("text")).startsWith("'=HYPERLINK(").contains("Café Lofts");
        assertThat(rows.get(0).get("score")).isEqualTo("80.0");
        assertThat(rows.get(0).get("query")).isEqualTo("best lofts – £2,000?");
        assertThat(rows.get(1).get("outcome")).isEqualTo("empty");
        assertThat(rows.get(1).get("note")).isEqualTo("no text");
        assertThat(rows.get(1).get("score")).isEmpty();
        assertThat(rows.get(2).get("outcome")).isEqualTo("failed");
        assertThat(rows.get(2).get("error")).isEqualTo("'-Provider said no");
        assertThat(rows.get(2).get("score")).isEmpty();
    }

    static List<CSVRecord> read(Path file) throws Exception {
        try (Reader r = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            r.read(); // the byte-order mark
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(r).getRecords();
        }
    }

    @Test
    void answersJoinMentionsOnAnswerIdAndPerSurfaceCountsAreColumns() throws Exception {
        CsvExport.write(data(), dir.resolve("out"));
        List<CSVRecord> answers = read(dir.resolve("out/answers.csv"));
        List<CSVRecord> mentions = read(dir.resolve("out/mentions.csv"));
        List<CSVRecord> citations = read(dir.resolve("out/citations.csv"));
        java.util.Set<String> ids = new java.util.HashSet<>(answers.stream().map(a -> a.get("answer_id")).toList());
        assertThat(ids).containsExactlyInAnyOrder("1", "2", "3");
        assertThat(mentions).isNotEmpty().allSatisfy(m -> assertThat(ids).contains(m.get("answer_id")));
        assertThat(citations).isNotEmpty().allSatisfy(c -> assertThat(ids).contains(c.get("answer_id")));

        List<CSVRecord> competitors = read(dir.resolve("out/competitors.csv"));
        assertThat(competitors.get(0).get("mentions_simulated_demo")).isEqualTo("1");
        List<CSVRecord> domains = read(dir.resolve("out/domains.csv"));
        assertThat(domains.get(0).get("citations_simulated_demo")).isEqualTo("1");
        assertThat(domains.get(0).get("share_of_citations_pct")).isEqualTo("100.0");
        for (String name : CsvExport.FILES) {
            assertThat(Files.readString(dir.resolve("out").resolve(name))).as(name).doesNotContain("={", "{simulated");
        }
        assertThat(CsvExport.r1(14.369846878680802)).isEqualTo(14.4);
        assertThat(CsvExport.column("openai:gpt-5+web")).isEqualTo("openai_gpt_5_web");
    }

    @Test
    void numbersAreNeverQuoted() {
        assertThat(CsvExport.safe(-3.5)).isEqualTo(-3.5);
        assertThat(CsvExport.safe("+1 555")).isEqualTo("'+1 555");
        assertThat(CsvExport.safe("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvExport.safe("\tx")).isEqualTo("'\tx");
        assertThat(CsvExport.safe("plain")).isEqualTo("plain");
    }

    @Test
    void aZipHoldsTheSameFiles() throws Exception {
        CsvExport.write(data(), dir.resolve("batch.zip"));
        try (ZipFile zip = new ZipFile(dir.resolve("batch.zip").toFile())) {
            assertThat(zip.stream().map(e -> e.getName()).toList()).containsExactlyElementsOf(CsvExport.FILES);
        }
    }

    @Test
    void thePdfReadsBackWithItsSectionsUnicodeAndTheSimulatedMark() throws Exception {
        Path pdf = dir.resolve("report.pdf");
        PdfReport.write(data(), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isBetween(5, 8);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Café Lofts", "best lofts – £2,000?", "Executive summary", "Competitors",
                    "Where the models agree", "Appendix", "Methodology", "All models complete");
            assertThat(text).contains("Failed: -Provider said no");
            String lastPage;
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(doc.getNumberOfPages());
            stripper.setEndPage(doc.getNumberOfPages());
            lastPage = stripper.getText(doc);
            assertThat(lastPage).contains("SIMULATED DATA");
        }
    }

    @Test
    void theAppendixIsOptionalAndRightToLeftNamesReadInOrder() throws Exception {
        ReportData d = data();
        Path without = dir.resolve("short.pdf");
        PdfReport.write(d, without, false);
        Path with = dir.resolve("long.pdf");
        PdfReport.write(d, with, true);
        try (PDDocument a = Loader.loadPDF(without.toFile()); PDDocument b = Loader.loadPDF(with.toFile())) {
            assertThat(new PDFTextStripper().getText(a)).doesNotContain("Appendix").contains("Methodology");
            assertThat(a.getNumberOfPages()).isLessThan(b.getNumberOfPages());
        }

        // Hebrew is written in visual order, so a reader (and PDFBox's extraction) gets it back in logical order.
        String hebrew = "דירות הנמל";
        assertThat(BidiText.visual(hebrew)).isEqualTo(new StringBuilder(hebrew).reverse().toString());
        assertThat(BidiText.visual("Lofts (" + hebrew + ")")).isEqualTo("Lofts (" + new StringBuilder(hebrew).reverse() + ")");
        assertThat(BidiText.visual("Café Lofts")).isEqualTo("Café Lofts");
        Property p = d.batch().snapshot();
        Property named = new Property(hebrew, p.aliases(), p.domains(), p.location(), p.competitors(), p.queries());
        Batch b = new Batch(d.batch().id(), hebrew, named, 1, "{}", d.batch().createdAt(), null);
        Insights in = InsightsCalculator.compute(b, d.runs(), d.answers(), q -> false);
        Path rtl = dir.resolve("rtl.pdf");
        PdfReport.write(new ReportData(b, d.runs(), d.answers(), in, List.of()), rtl, false);
        try (PDDocument doc = Loader.loadPDF(rtl.toFile())) {
            PDFTextStripper first = new PDFTextStripper();
            first.setEndPage(1);
            assertThat(first.getText(doc)).contains(hebrew);
        }
    }

    @Test
    void everyScriptPrintsAndExtractsBack() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(FallbackFonts.all().size() == 2,
                "needs fonts-wqy-microhei and fonts-symbola (.ci/run installs them)");
        ReportData d = data();
        String japanese = "ドメイン・サンディエゴ";
        String chinese = "北京公寓";
        String korean = "서울 아파트";
        String hebrew = "דירות הנמל";
        String emoji = "Pet friendly 🐶";
        Property p = d.batch().snapshot();
        Property named = new Property(japanese, p.aliases(), p.domains(), p.location(),
                List.of(com.propertyaudit.domain.Competitor.named(chinese), com.propertyaudit.domain.Competitor.named(korean),
                        com.propertyaudit.domain.Competitor.named(hebrew), com.propertyaudit.domain.Competitor.named(emoji)),
                p.queries());
        Batch b = new Batch(d.batch().id(), japanese, named, 1, "{}", d.batch().createdAt(), null);
        Run run = d.runs().get(0);
        StoredAnswer all = new StoredAnswer(new Answer(9, run.id(), 0, p.queries().get(0).text(), "price", 1,
                AnswerOutcome.COMPLETED, chinese + ", " + korean + ", " + hebrew + " and " + emoji, List.of(), "{}", "{}",
                "stop", null, null, 900, 5, 50, Instant.EPOCH, List.of()), new AnswerScore(false, null, false,
                List.of(new EntityRank(chinese, 1), new EntityRank(korean, 2), new EntityRank(hebrew, 3),
                        new EntityRank(emoji, 4)), List.of(), 0.0, List.of()));
        Insights in = InsightsCalculator.compute(b, d.runs(), List.of(all), q -> false);
        Path pdf = dir.resolve("scripts.pdf");
        PdfReport.write(new ReportData(b, d.runs(), List.of(all), in, List.of()), pdf, true);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains(japanese, chinese, korean, hebrew, emoji);
        }
    }
}
