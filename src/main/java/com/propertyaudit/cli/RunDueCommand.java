package com.propertyaudit.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.propertyaudit.engine.EngineOptions;
import com.propertyaudit.engine.Workspace;
import com.propertyaudit.tracking.Tracking;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code propertyaudit run-due}: every schedule whose time has come, once each; for cron, systemd and Task Scheduler. */
@Command(name = "run-due", mixinStandardHelpOptions = true,
        description = "Run every schedule whose time has come, once each however many periods were missed.")
final class RunDueCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print {\"ran\": [run objects], \"notDue\": N}.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Workspace ws = Workspaces.open(); Tracking tracking = TrackingCli.open(ws)) {
            ws.engine(EngineOptions.defaults().withConcurrency(ws.settings().concurrency())).detectInterrupted();
            long t0 = System.currentTimeMillis();
            Tracking.DueRuns due = tracking.startDue(property -> ManyRuns.progress(err, property));
            due.problems().forEach(p -> err.println(Terminal.safe(p)));
            List<ManyRuns.Started> started = due.started().stream()
                    .map(s -> new ManyRuns.Started(s.schedule().property(), s.handle(), t0)).toList();
            ManyRuns.Result result = ManyRuns.finish(ws, tracking, started, err);
            if (json) {
                ObjectNode o = ManyRuns.object();
                o.set("ran", result.json());
                o.put("notDue", due.notDue());
                out.println(o);
            } else {
                result.text().forEach(out::print);
                out.flush();
                out.println(started.size() + " schedule(s) ran, " + due.notDue() + " not due."
                        + tracking.nextDue().map(t -> " Next due: " + t + ".").orElse(""));
            }
            if (!due.problems().isEmpty()) {
                return due.problems().stream().anyMatch(p -> p.contains("No API key"))
                        ? PropertyAuditCommand.ENVIRONMENT : PropertyAuditCommand.NOT_SUCCEEDED;
            }
            return result.ok() ? PropertyAuditCommand.OK : PropertyAuditCommand.NOT_SUCCEEDED;
        }
    }
}
