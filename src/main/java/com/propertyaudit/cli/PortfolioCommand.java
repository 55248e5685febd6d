package com.propertyaudit.cli;

import com.propertyaudit.engine.Workspace;
import com.propertyaudit.tracking.AlertText;
import com.propertyaudit.tracking.PortfolioRow;
import com.propertyaudit.tracking.Tracking;
import com.propertyaudit.tracking.TrackingJson;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code propertyaudit portfolio}: every property's newest batch, its change and the alert. */
@Command(name = "portfolio", mixinStandardHelpOptions = true,
        description = "Every property: newest batch, change against the previous comparable batch, alert, next run.")
final class PortfolioCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "One JSON array.")
    boolean json;

    @Override
    public Integer call() {
        try (Workspace ws = Workspaces.open(); Tracking tracking = TrackingCli.open(ws)) {
            List<PortfolioRow> rows = tracking.portfolio();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(TrackingJson.portfolio(rows));
                return PropertyAuditCommand.OK;
            }
            if (rows.isEmpty()) {
                out.println("No properties yet. Add one with 'propertyaudit property import P.json'.");
                return PropertyAuditCommand.OK;
            }
            out.printf(Locale.ROOT, "%-5s  %-30s %-16s %-11s %8s  %-34s %s%n", "", "property", "latest batch", "status",
                    "mentions", "change", "next run");
            for (PortfolioRow r : rows) {
                String change = r.change() == null ? "no comparable batch"
                        : String.format(Locale.ROOT, "%s %+.1f, p %s%s", r.change().metric().toLowerCase(Locale.ROOT)
                                .replace("brand mention rate", "mentions"), r.change().delta() == null ? 0 : r.change().delta(),
                                AlertText.p(r.change().pValue()), r.change().significant() ? "" : " (noise)");
                out.printf(Locale.ROOT, "%-5s  %-30s %-16s %-11s %8s  %-34s %s%n", r.alert() ? "ALERT" : "",
                        Terminal.safe(r.property()) + (r.simulated() ? " (sim.)" : ""),
                        r.latestAt() == null ? "never" : r.latestAt().toString().substring(0, 16).replace('T', ' '),
                        r.status() == null ? "-" : r.status().id(),
                        r.numbers().brandMentionRate() == null ? "-"
                                : String.format(Locale.ROOT, "%.1f%%", r.numbers().brandMentionRate()),
                        Terminal.safe(change), r.nextRun() == null ? "-" : r.nextRun().toString().substring(0, 16).replace('T', ' '));
            }
            return PropertyAuditCommand.OK;
        }
    }
}
