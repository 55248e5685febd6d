package com.propertyaudit.report;

import com.propertyaudit.analysis.insights.Insights;
import com.propertyaudit.analysis.insights.InsightsJson;
import com.propertyaudit.domain.Batch;
import com.propertyaudit.domain.Run;
import com.propertyaudit.domain.StoredAnswer;
import com.propertyaudit.store.BatchRepository;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything an export of one batch needs, read once.
 *
 * @param trend the property's trend over its batches (for the PDF chart); may be empty
 */
public record ReportData(Batch batch, List<Run> runs, List<StoredAnswer> answers, Insights insights,
        List<BatchRepository.TrendPoint> trend, InsightsJson.Why why) {

    public ReportData {
        why = why == null ? new InsightsJson.Why(null, List.of(), Map.of()) : why;
    }

    /** Without the AI analysis, discovered names or sentiment. */
    public ReportData(Batch batch, List<Run> runs, List<StoredAnswer> answers, Insights insights,
            List<BatchRepository.TrendPoint> trend) {
        this(batch, runs, answers, insights, trend, null);
    }

    /** Surface id by run id. */
    public Map<UUID, Run> runsById() {
        return runs.stream().collect(java.util.stream.Collectors.toMap(Run::id, r -> r));
    }

    public boolean simulated() {
        return runs.stream().anyMatch(r -> r.surface().provider() == com.propertyaudit.domain.Provider.SIMULATED);
    }
}
