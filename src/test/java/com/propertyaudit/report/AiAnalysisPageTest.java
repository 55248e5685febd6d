package com.propertyaudit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyaudit.analysis.ai.AnalysisRecord;
import com.propertyaudit.analysis.ai.Evidence;
import com.propertyaudit.analysis.ai.Finding;
import com.propertyaudit.analysis.ai.HolisticAnalysis;
import com.propertyaudit.analysis.ai.SentimentCounts;
import com.propertyaudit.analysis.discovery.DiscoveredName;
import com.propertyaudit.analysis.insights.InsightsJson;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PDF's AI-analysis page: after the executive summary, marked as model-generated, with evidence. */
class AiAnalysisPageTest {

    @TempDir
    Path dir;

    @Test
    void thePageFollowsTheSummaryAndShowsEachItemsEvidence() throws Exception {
        ReportData plain = ReportTest.data();
        AnalysisRecord r = new AnalysisRecord(AnalysisRecord.Status.COMPLETED, "openai:gpt-5", "gpt-5",
                Instant.parse("2026-12-02T10:00:00Z"), new HolisticAnalysis(
                        List.of(new Finding("Both models rank The Yard second", null,
                                List.of(new Evidence(1, List.of("simulated:demo"))), "high")),
                        List.of(), List.of(new Finding("Publish a reviews page", "Query 2 names no one",
                                List.of(new Evidence(2, List.of())), "medium")), 2), 900, 300, 0.0105, null);
        ReportData d = new ReportData(plain.batch(), plain.runs(), plain.answers(), plain.insights(), plain.trend(),
                new InsightsJson.Why(r, List.of(new DiscoveredName("The Annex", 2, Map.of("simulated:demo", 2))),
                        Map.of("Café Lofts", new SentimentCounts(1, 0, 0))));
        Path pdf = dir.resolve("report.pdf");
        PdfReport.write(d, pdf);
        Path without = dir.resolve("plain.pdf");
        PdfReport.write(plain, without);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile()); PDDocument base = Loader.loadPDF(without.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(base.getNumberOfPages() + 1);
            PDFTextStripper strip = new PDFTextStripper();
            strip.setStartPage(3);
            strip.setEndPage(3);
            String page = strip.getText(doc).replaceAll("\\s+", " ");
            assertThat(page).contains("AI analysis").contains("Model-generated: written by gpt-5 (openai:gpt-5)")
                    .contains("2 item(s) whose evidence was not in the batch were dropped")
                    .contains("Both models rank The Yard second").contains("query 1: simulated:demo")
                    .contains("Publish a reviews page - Query 2 names no one").contains("The Annex");
            strip.setStartPage(2);
            strip.setEndPage(2);
            assertThat(strip.getText(doc)).contains("Executive summary");
        }
    }
}
