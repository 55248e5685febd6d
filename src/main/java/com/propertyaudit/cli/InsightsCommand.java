package com.propertyaudit.cli;

import com.fasterxml.jackson.databind.ObjectMapper;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.propertyaudit.analysis.insights.BatchComparison;
import com.propertyaudit.analysis.insights.Insights;
import com.propertyaudit.analysis.insights.InsightsJson;
import com.propertyaudit.analysis.insights.Measures;
import com.propertyaudit.engine.AnalysisService;
import com.propertyaudit.engine.Workspace;
import com.propertyaudit.store.BatchRepository;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code propertyaudit insights}: the insights of a batch, as the GUI's Insights screen shows them. */
@Command(name = "insights", mixinStandardHelpOptions = true,
        description = "Insights of a batch: share of voice, visibility per surface, competitors, domains, agreement.")
final class InsightsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--batch", paramLabel = "ID|latest", defaultValue = "latest",
            description = "A batch id (its first 8 characters are enough) or 'latest' (default).")
    String batch;

    @Option(names = "--property", paramLabel = "NAME", description = "With 'latest': the latest batch of this property.")
    String property;

    @Option(names = "--json", description = "Print the insights object of cli.md.")
    boolean json;

    @Option(names = "--compare", paramLabel = "EARLIER_ID",
            description = "Also compare with an earlier batch: deltas with a significance flag (McNemar or two-proportion).")
    String compare;

    @Option(names = "--trend", description = "Also show the property's trend over all its batches.")
    boolean trend;

    @Override
    public Integer call() throws Exception {
        Batches.check("--batch", batch);
        if (compare != null) Batches.prefix("--compare", compare);
        try (Workspace ws = Workspaces.open()) {
            ws.engine(com.propertyaudit.engine.EngineOptions.defaults()).detectInterrupted();
            UUID id = Batches.resolve(ws, batch, property);
            Insights in = ws.insights().insights(id).orElseThrow();
            PrintWriter out = spec.commandLine().getOut();
            UUID earlier = compare == null ? null : Batches.byId(ws, "--compare", compare);
            BatchComparison.Result compared = earlier == null ? null
                    : ws.insights().comparison(earlier, id).orElseThrow();
            List<BatchComparison.Delta> deltas = compared == null ? null : compared.deltas();
            List<BatchRepository.TrendPoint> points = trend ? ws.insights().trend(in.property()) : null;
            if (json) {
                ObjectNode o = InsightsJson.toJson(in, why(ws, id));
                if (deltas != null) {
                    ObjectNode cmp = o.putObject("comparability").put("comparable", compared.comparability().comparable());
                    ArrayNode diffs = cmp.putArray("differences");
                    compared.comparability().differences().forEach(diffs::add);
                    ArrayNode arr = o.putArray("comparison");
                    for (BatchComparison.Delta d : deltas) {
                        ObjectNode dn = arr.addObject().put("metric", d.metric());
                        number(dn, "before", d.before());
                        number(dn, "after", d.after());
                        number(dn, "change", d.change());
                        if (d.pValue() == null) dn.putNull("pValue");
                        else dn.put("pValue", Math.round(d.pValue() * 10_000) / 10_000.0);
                        dn.put("test", d.test());
                        dn.put("significant", d.significant());
                    }
                }
                if (points != null) {
                    ArrayNode arr = o.putArray("trend");
                    for (BatchRepository.TrendPoint p : points) {
                        ObjectNode pn = arr.addObject().put("batchId", p.batchId().toString())
                                .put("createdAt", p.createdAt().toString()).put("answers", p.answers())
                                .put("status", p.status().id()).put("queryChange", p.queryChange());
                        number(pn, "brandSOV", p.brandSOV());
                        ObjectNode v = pn.putObject("visibility");
                        p.visibility().forEach((k, x) -> number(v, k, x));
                    }
                }
                out.println(new ObjectMapper().writeValueAsString(o));
            } else {
                print(out, in);
                InsightsJson.Why why = why(ws, id);
                AnalysisText.discovered(out, why.discovered());
                if (why.analysis() != null) AnalysisText.print(out, why.analysis());
                if (deltas != null) {
                    out.println();
                    out.println("Compared with batch " + earlier.toString().substring(0, 8) + ":");
                    if (!compared.comparability().comparable()) {
                        out.println("  " + Terminal.safe(compared.comparability().sentence()));
                    }
                    for (BatchComparison.Delta d : deltas) {
                        out.printf(Locale.ROOT, "  %-44s %7s -> %7s  %s%s%n", Terminal.safe(d.metric()), fmt(d.before()), fmt(d.after()),
                                d.change() == null ? "" : String.format(Locale.ROOT, "%+.1f", d.change()),
                                d.pValue() == null ? "" : String.format(Locale.ROOT, "  p=%.3f %s", d.pValue(),
                                        d.significant() ? "significant" : "not significant (noise)"));
                    }
                }
                if (points != null) {
                    out.println();
                    out.println("Trend of " + Terminal.safe(in.property()) + ":");
                    for (BatchRepository.TrendPoint p : points) {
                        out.printf(Locale.ROOT, "  %s  %s  SOV %s  %s%s%n", p.batchId().toString().substring(0, 8),
                                p.createdAt().toString().substring(0, 16).replace('T', ' '), pct(p.brandSOV()),
                                visibility(p.visibility()), p.mark());
                    }
                }
            }
            return PropertyAuditCommand.OK;
        }
    }

    /** The analysis, discovered names and sentiment of the batch. */
    static InsightsJson.Why why(Workspace ws, UUID id) {
        AnalysisService analysis = ws.analysis();
        return new InsightsJson.Why(analysis.latest(id).orElse(null), ws.discovery().discovered(id),
                analysis.sentiment(id));
    }

    private static void print(PrintWriter out, Insights in) {
        Insights.Summary s = in.summary();
        out.printf(Locale.ROOT, "%s - batch %s (%s)%n", Terminal.safe(in.property()), in.batchId().toString().substring(0, 8),
                in.createdAt());
        out.printf(Locale.ROOT, "%s%n%n", Terminal.safe(in.batchStatus().message()));
        out.printf(Locale.ROOT, "Brand mention rate   %s%s%n", pct(s.brandMentionRate().percent()),
                ci(s.brandMentionRate().ci(), s.brandMentionRate().n(), s.brandMentionRate().directional()));
        out.printf(Locale.ROOT, "Brand share of voice %s   unbranded: %s over %d answers%n", pct(s.brandSOV()),
                pct(s.unbranded().brandSOV()), s.unbranded().answers());
        out.printf(Locale.ROOT, "Top competitor      %s%n", s.topCompetitor() == null ? "-" : Terminal.safe(s.topCompetitor()));
        s.visibility().forEach((surface, v) -> out.printf(Locale.ROOT, "%s · %-28s %s%s%n",
                Measures.VISIBILITY_SCORE, Terminal.safe(surface),
                v.score() == null ? "-" : String.format(Locale.ROOT, "%.1f", v.score()),
                v.ci() == null ? "" : String.format(Locale.ROOT, "  [%.1f, %.1f], n=%d", v.ci()[0], v.ci()[1], v.answers())));
        out.println();
        out.println("Competitors (answers naming them, share of voice, mean rank):");
        for (Insights.CompetitorRow c : in.competitors()) {
            out.printf(Locale.ROOT, "  %-36s %4d  %s  %.1f%n", Terminal.safe(c.name()), c.mentions(), pct(c.sov()),
                    c.avgRank());
        }
        out.println("Cited domains:");
        in.domains().stream().limit(10).forEach(d -> out.printf(Locale.ROOT, "  %-36s %4d  %s%n", Terminal.safe(d.domain()),
                d.citations(), pct(d.share())));
        Insights.Agreement a = in.agreement();
        if (a.rate() != null) {
            out.printf(Locale.ROOT, "Agreement on %d queries: %s, kappa %s (%s); disagree on %d%n", a.queries(),
                    pct(a.rate()), a.kappa() == null ? "undefined" : String.format(Locale.ROOT, "%.2f", a.kappa()),
                    a.kappaMethod(), a.disagreements().size());
        }
    }

    private static void number(ObjectNode o, String field, Double v) {
        if (v == null) o.putNull(field);
        else o.put(field, Math.round(v * 10) / 10.0);
    }

    private static String visibility(java.util.Map<String, Double> v) {
        StringBuilder sb = new StringBuilder();
        v.forEach((k, x) -> sb.append(sb.length() == 0 ? "visibility score " : ", ").append(Terminal.safe(k)).append(' ').append(fmt(x)));
        return sb.toString();
    }

    private static String fmt(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String pct(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.1f%%", v);
    }

    private static String ci(double[] ci, int n, boolean directional) {
        if (ci == null) return "";
        return String.format(Locale.ROOT, "  [%.1f, %.1f], n=%d%s", ci[0], ci[1], n, directional ? " (directional)" : "");
    }

}
