package com.propertyaudit.ui;

import com.propertyaudit.domain.Property;
import com.propertyaudit.engine.AuditEngine;
import com.propertyaudit.engine.EngineOptions;
import com.propertyaudit.engine.InsightsService;
import com.propertyaudit.engine.Workspace;
import com.propertyaudit.settings.AppSettings;
import com.propertyaudit.settings.DataFolder;
import com.propertyaudit.store.PropertyJson;
import com.propertyaudit.tracking.SampleHistory;
import com.propertyaudit.tracking.Tracking;
import com.propertyaudit.ui.bridge.FxBridge;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What every screen shares: the workspace (store, settings, keys), the engine and the event bridge. */
public final class AppContext implements AutoCloseable {

    public static final String SAMPLE = "/com/propertyaudit/ui/sample-property.json";
    /** The second sample property: the one that loses ground in the sample's earlier batches. */
    public static final String SAMPLE_2 = "/com/propertyaudit/ui/sample-property-2.json";

    private final Workspace workspace;
    private final FxBridge bridge;
    private final boolean firstStart;
    private Tracking tracking;
    private volatile boolean closed;

    private AppContext(Workspace workspace, FxBridge bridge, boolean firstStart) {
        this.workspace = workspace;
        this.bridge = bridge;
        this.firstStart = firstStart;
    }

    /**
     * Opens the data folder of {@code --home} (or the default) and its database, migrated; on an empty
     * one, adds the sample property. Slow on a new data folder: the GUI calls it off the FX thread.
     */
    public static AppContext open(List<String> args, Map<String, String> env) {
        Workspace ws = Workspace.open(homeOption(args), null, env);
        // A team's shared server is never given the sample: it is the team's data, not a first start.
        boolean first = !ws.database().isPostgres() && ws.properties().list().isEmpty() && ws.batches().list(null).isEmpty();
        if (first) {
            ws.properties().save(sampleProperty());
            Property second = sample(SAMPLE_2);
            ws.properties().save(second);
            // Two earlier Simulated batches each, so the Portfolio has a change (and an alert) to show.
            SampleHistory.write(ws, sampleProperty(), second, Instant.now());
            // The sample's demo analyses offline, like its Simulated surfaces.
            ws.settingsStore().save(ws.settings().withAnalysis(new AppSettings.Analysis("simulated:demo", true)));
        }
        return new AppContext(ws, new FxBridge(), first);
    }

    /** The data folder the arguments name ({@code --home DIR} or {@code --home=DIR}), else the default one. */
    public static Path folder(List<String> args, Map<String, String> env) {
        return DataFolder.resolve(homeOption(args), env);
    }

    private static Path homeOption(List<String> args) {
        Path home = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--home") && i + 1 < args.size()) home = Path.of(args.get(i + 1));
            else if (a.startsWith("--home=")) home = Path.of(a.substring("--home=".length()));
        }
        return home;
    }

    public static Property sampleProperty() {
        return sample(SAMPLE);
    }

    private static Property sample(String resource) {
        try (InputStream in = AppContext.class.getResourceAsStream(resource)) {
            return PropertyJson.read(in, "sample property");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Workspace workspace() {
        return workspace;
    }

    public AuditEngine engine() {
        return workspace.engine(EngineOptions.defaults().withConcurrency(workspace.settings().concurrency()));
    }

    public InsightsService insights() {
        return workspace.insights();
    }

    /** Portfolio, schedules and alerts of this data folder, in the local time zone; opened on first use. */
    public synchronized Tracking tracking() {
        if (tracking == null) tracking = new Tracking(workspace, System.getenv(), Clock.systemDefaultZone());
        return tracking;
    }

    public FxBridge bridge() {
        return bridge;
    }

    /** True when this start created the data folder's first property (the sample). */
    public boolean firstStart() {
        return firstStart;
    }

    /** True once the app closed this context: work still under way then ends quietly. */
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        closed = true;
        bridge.stop();
        synchronized (this) {
            if (tracking != null) tracking.close();
        }
        workspace.close();
    }
}
