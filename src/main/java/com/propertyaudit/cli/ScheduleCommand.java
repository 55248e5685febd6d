package com.propertyaudit.cli;

import com.propertyaudit.domain.Surface;
import com.propertyaudit.engine.Workspace;
import com.propertyaudit.tracking.Every;
import com.propertyaudit.tracking.Schedule;
import com.propertyaudit.tracking.Tracking;
import com.propertyaudit.tracking.TrackingJson;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code propertyaudit schedule add | list | remove}: a property's periodic audit, run by run-due. */
@Command(name = "schedule", mixinStandardHelpOptions = true,
        description = "Periodic audits of a property, run by 'propertyaudit run-due' (cron, systemd, Task Scheduler) or the open app.",
        subcommands = {ScheduleCommand.Add.class, ScheduleCommand.ListSchedules.class, ScheduleCommand.Remove.class})
final class ScheduleCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: add, list or remove.");
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a schedule; it is due at once. Prints its id.")
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--property", required = true, paramLabel = "NAME", description = "A stored property's name.")
        String property;

        @Option(names = "--every", required = true, paramLabel = "12h|1d|7d",
                description = "The period: 12h, 1d (same local time each day) or 7d.")
        String every;

        @Option(names = "--surface", paramLabel = "SURFACE",
                description = "PROVIDER:MODEL[+web], repeatable. Default: the surfaces saved in settings.")
        List<String> surfaces = new ArrayList<>();

        @Option(names = "--samples", paramLabel = "N", defaultValue = "1",
                description = "Answers per query and surface (default: ${DEFAULT-VALUE}).")
        int samples;

        @Override
        public Integer call() {
            Every period;
            try {
                period = Every.parse(every);
            } catch (IllegalArgumentException e) {
                throw UserError.badInput("--every: " + e.getMessage());
            }
            if (samples < 1 || samples > 50) throw UserError.badInput("--samples must be between 1 and 50.");
            try (Workspace ws = Workspaces.open(); Tracking tracking = TrackingCli.open(ws)) {
                List<Surface> chosen = RunCommand.parseSurfaces(surfaces.isEmpty() ? ws.settings().defaultSurfaces() : surfaces);
                long id;
                try {
                    id = tracking.schedules().add(property, period, chosen, samples);
                } catch (IllegalArgumentException e) {
                    throw UserError.badInput(e.getMessage());
                }
                spec.commandLine().getOut().println(id);
                return PropertyAuditCommand.OK;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List schedules.")
    static final class ListSchedules implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "One JSON array.")
        boolean json;

        @Override
        public Integer call() {
            try (Workspace ws = Workspaces.open(); Tracking tracking = TrackingCli.open(ws)) {
                List<Schedule> all = tracking.schedules().list();
                PrintWriter out = spec.commandLine().getOut();
                if (json) {
                    out.println(TrackingJson.schedules(all));
                } else if (all.isEmpty()) {
                    out.println("No schedules. Add one with 'propertyaudit schedule add --property NAME --every 1d'.");
                } else {
                    for (Schedule s : all) {
                        out.printf(Locale.ROOT, "%4d  %-30s %-4s next %s  last %s  %d sample(s)  %s%n", s.id(),
                                Terminal.safe(s.property()), s.every().id(), s.nextRun().toString().substring(0, 16).replace('T', ' '),
                                s.lastRun() == null ? "never           " : s.lastRun().toString().substring(0, 16).replace('T', ' '),
                                s.samples(), Terminal.safe(String.join(", ", s.surfaces())));
                    }
                }
                return PropertyAuditCommand.OK;
            }
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a schedule by its id.")
    static final class Remove implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "The schedule's id ('schedule list' shows them).")
        long id;

        @Override
        public Integer call() {
            try (Workspace ws = Workspaces.open(); Tracking tracking = TrackingCli.open(ws)) {
                if (!tracking.schedules().remove(id)) {
                    throw UserError.badInput("No schedule " + id + ". 'propertyaudit schedule list' shows them.");
                }
                spec.commandLine().getOut().println("Removed schedule " + id + ".");
                return PropertyAuditCommand.OK;
            }
        }
    }
}
