package com.propertyaudit.cli;

import com.propertyaudit.analysis.ai.AnalysisRecord;
import com.propertyaudit.analysis.ai.Evidence;
import com.propertyaudit.analysis.ai.Finding;
import com.propertyaudit.analysis.discovery.DiscoveredName;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The analysis and the discovered names as terminal text, escaped. */
final class AnalysisText {

    private AnalysisText() {}

    static void print(PrintWriter out, AnalysisRecord r) {
        out.printf(Locale.ROOT, "AI analysis by %s%s on %s: %s, %d in / %d out tokens, $%.4f, %d item(s) dropped%n",
                Terminal.safe(r.surface()), r.simulated() ? " (simulated, not a model)" : "",
                r.createdAt().toString().substring(0, 16).replace('T', ' '), r.status().id(), r.inputTokens(),
                r.outputTokens(), r.costUsd(), r.analysis() == null ? 0 : r.analysis().droppedItems());
        if (r.error() != null) out.println("  " + Terminal.safe(r.error()));
        if (r.analysis() == null) return;
        if (r.error() != null) out.println("The last completed analysis:");
        section(out, "Consensus (models agree)", r.analysis().consensus());
        section(out, "Divergences (investigate)", r.analysis().divergences());
        section(out, "Recommendations", r.analysis().recommendations());
    }

    private static void section(PrintWriter out, String title, List<Finding> items) {
        if (items.isEmpty()) return;
        out.println(title + ":");
        for (Finding f : items) {
            out.println("  - " + Terminal.safe(f.text()) + (f.confidence() == null ? "" : " [" + f.confidence() + "]"));
            if (f.why() != null && !f.why().isBlank()) out.println("    why: " + Terminal.safe(f.why()));
            out.println("    evidence: " + Terminal.safe(evidence(f.evidence())));
        }
    }

    static String evidence(List<Evidence> evidence) {
        return evidence.stream().map(e -> "query " + e.query() + (e.surfaces().isEmpty() ? ""
                : " (" + String.join(", ", e.surfaces()) + ")")).collect(Collectors.joining("; "));
    }

    static void discovered(PrintWriter out, List<DiscoveredName> names) {
        if (names.isEmpty()) return;
        out.println("Named by the answers, not tracked (answers):");
        names.stream().limit(10).forEach(n -> out.printf(Locale.ROOT, "  %-36s %4d%n", Terminal.safe(n.name()), n.answers()));
    }
}
