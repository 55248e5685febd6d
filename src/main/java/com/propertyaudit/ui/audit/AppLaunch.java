package com.propertyaudit.ui.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.propertyaudit.domain.Property;
import com.propertyaudit.domain.Provider;
import com.propertyaudit.domain.Surface;
import com.propertyaudit.engine.BatchHandle;
import com.propertyaudit.engine.EngineOptions;
import com.propertyaudit.store.PropertySummary;
import com.propertyaudit.ui.AppContext;
import java.time.Duration;
import java.util.List;

/** {@link Launch} over the app's workspace, engine and event bridge. */
final class AppLaunch implements Launch {

    /** Without keys, the two Simulated surfaces: the whole flow, agreement and a partial batch included. */
    static final List<String> SIMULATED = List.of("simulated:demo", "simulated:demo+web");

    private static final Duration MODEL_LIST_WAIT = Duration.ofSeconds(15);

    private final AppContext ctx;

    AppLaunch(AppContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public List<String> propertyNames() {
        return ctx.workspace().properties().list().stream().map(PropertySummary::name).toList();
    }

    @Override
    public Property property(String name) {
        return ctx.workspace().properties().findByName(name).orElseThrow(() -> new IllegalStateException(
                "'" + name + "' is no longer stored (deleted in another window?): choose another property."));
    }

    @Override
    public List<String> defaultSurfaces() {
        boolean anyKey = Provider.remote().stream()
                .anyMatch(p -> p.keyRequired() && ctx.workspace().keys().key(p).isPresent());
        return anyKey ? ctx.workspace().settings().defaultSurfaces() : SIMULATED;
    }

    @Override
    public int settingsConcurrency() {
        return ctx.workspace().settings().concurrency();
    }

    @Override
    public BatchHandle start(Property property, List<Surface> surfaces, int samples, int concurrency) {
        List<String> missing = ctx.workspace().missingKeys(surfaces);
        if (!missing.isEmpty()) throw new RunAuditModel.MissingKey(missing);
        List<String> unavailable = ctx.workspace().models().unavailable(surfaces, MODEL_LIST_WAIT);
        if (!unavailable.isEmpty()) throw new IllegalArgumentException(String.join(" ", unavailable));
        ObjectNode json = new ObjectMapper().createObjectNode();
        // A fixed cap stays the number it always was; Auto is written as such.
        if (concurrency == EngineOptions.AUTO) json.put("concurrency", "auto");
        else json.put("concurrency", concurrency);
        String settings = json.put("source", "gui").toString();
        return ctx.engine().start(property, surfaces, samples, concurrency, settings, ctx.bridge().sink());
    }
}
