package com.propertyaudit.ui;

import com.propertyaudit.domain.Property;
import com.propertyaudit.engine.AuditEngine;
import com.propertyaudit.engine.EngineOptions;
import com.propertyaudit.engine.InsightsService;
import com.propertyaudit.engine.Workspace;
import com.propertyaudit.settings.AppSettings;
import com.propertyaudit.settings.DataFolder;
import com.propertyaudit.store.PropertyJson;
import com.propertyaudit.ui.bridge.FxBridge;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What every screen shares: the workspace (store, settings, keys), the engine and the event bridge. */
public final class AppContext implements AutoCloseable {

    public static final String SAMPLE = "/com/propertyaudit/ui/sample-property.json";

    private final Workspace workspace;
    private final FxBridge bridge;
    private final boolean firstStart;

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
        try (InputStream in = AppContext.class.getResourceAsStream(SAMPLE)) {
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

    public FxBridge bridge() {
        return bridge;
    }

    /** True when this start created the data folder's first property (the sample). */
    public boolean firstStart() {
        return firstStart;
    }

    @Override
    public void close() {
        bridge.stop();
        workspace.close();
    }
}
