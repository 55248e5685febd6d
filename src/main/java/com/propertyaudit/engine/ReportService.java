package com.propertyaudit.engine;

import com.propertyaudit.analysis.insights.Insights;
import com.propertyaudit.analysis.insights.InsightsJson;
import com.propertyaudit.domain.Batch;
import com.propertyaudit.report.CsvExport;
import com.propertyaudit.report.PdfReport;
import com.propertyaudit.report.ReportData;
import com.propertyaudit.store.AnswerRepository;
import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;

/** Exports of a batch, for the CLI and the GUI alike. */
public final class ReportService {

    private final Workspace ws;

    ReportService(Workspace ws) {
        this.ws = ws;
    }

    public ReportData load(UUID batchId) {
        Batch batch = ws.batches().find(batchId).orElseThrow(() -> new IllegalArgumentException("No batch " + batchId));
        Insights in = ws.insights().insights(batchId).orElseThrow();
        return new ReportData(batch, ws.batches().runs(batchId),
                ws.answers().forBatch(batchId, AnswerRepository.Detail.FULL), in, ws.insights().trend(batch.propertyName()),
                new InsightsJson.Why(ws.analysis().latest(batchId).orElse(null), ws.discovery().discovered(batchId),
                        ws.analysis().sentiment(batchId)));
    }

    public void csv(UUID batchId, Path target) throws IOException {
        CsvExport.write(load(batchId), target);
    }

    public void pdf(UUID batchId, Path file) throws IOException {
        pdf(batchId, file, true);
    }

    /** @param withAppendix false leaves out the appendix of every answer */
    public void pdf(UUID batchId, Path file, boolean withAppendix) throws IOException {
        PdfReport.write(load(batchId), file, withAppendix);
    }
}
