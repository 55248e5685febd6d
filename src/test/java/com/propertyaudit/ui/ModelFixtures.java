package com.propertyaudit.ui;

import com.propertyaudit.domain.BatchStatus;
import com.propertyaudit.domain.Property;
import com.propertyaudit.domain.Surface;
import com.propertyaudit.engine.BatchHandle;
import com.propertyaudit.engine.EngineOptions;
import com.propertyaudit.engine.Workspace;
import com.propertyaudit.ui.common.Feedback;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** A real workspace on an H2 file with Simulated batches of the sample property, for view-model tests. */
public final class ModelFixtures {

    private ModelFixtures() {}

    /** Feedback that records what the analyst would have been told. */
    public static final class RecordingFeedback implements Feedback {
        public final List<String> errors = new ArrayList<>();
        public final List<String> notices = new ArrayList<>();
        /** The action offered by the last notice, if any. */
        public Runnable lastAction;

        @Override
        public void error(String header, String message) {
            errors.add(header + ": " + message);
        }

        @Override
        public void notice(String title, String message, String actionLabel, Runnable action) {
            notices.add(title + ": " + message);
            lastAction = action;
        }
    }

    public static Workspace workspace(Path home) {
        Workspace ws = Workspace.open(home, null, Map.of());
        ws.properties().save(AppContext.sampleProperty());
        return ws;
    }

    /** Runs a Simulated batch of the sample property to its end. */
    public static UUID runBatch(Workspace ws) throws Exception {
        Property p = ws.properties().findByName("Domain San Diego").orElseThrow();
        BatchHandle h = ws.engine(EngineOptions.defaults()).start(p, List.of(Surface.parse("simulated:demo")), 1, 8,
                "{}", e -> { });
        BatchStatus status = h.done().get(60, TimeUnit.SECONDS);
        if (status != BatchStatus.COMPLETE) throw new IllegalStateException("batch ended " + status);
        return h.batchId();
    }
}
