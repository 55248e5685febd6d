package com.propertyaudit.cli;

import com.propertyaudit.engine.Workspace;
import com.propertyaudit.tracking.Tracking;
import java.io.PrintWriter;
import java.time.Clock;

/** Tracking over the command line's workspace, in the local time zone (schedules' days are local days). */
final class TrackingCli {

    private TrackingCli() {}

    static Tracking open(Workspace ws) {
        return new Tracking(ws, System.getenv(), Clock.systemDefaultZone());
    }

    /** After a batch: on a significant drop, the alert's sentence and what became of its webhook, on standard error. */
    static void report(Tracking.Outcome o, PrintWriter err) {
        if (!o.raised()) return;
        err.println("Alert: " + Terminal.safe(o.text()));
        if (o.webhookError() != null) err.println("Warning: " + Terminal.safe(o.webhookError()));
        else if (o.posted()) err.println("The alert was posted to the webhook.");
    }
}
