package com.propertyaudit.ui.audit;

import com.propertyaudit.domain.Property;
import com.propertyaudit.domain.Surface;
import com.propertyaudit.engine.BatchHandle;
import java.util.List;

/**
 * The services Run Audit uses, as the view model sees them; every call may block (the store, the
 * OS keychain), so the view model makes them through its {@code Background}.
 */
public interface Launch {

    List<String> propertyNames();

    /** The stored property; fails with a sentence when it is gone. */
    Property property(String name);

    /** The surfaces ticked at first: Settings' defaults when a key is set, else the Simulated ones. */
    List<String> defaultSurfaces();

    /** Requests in flight per provider, as Settings says. */
    int settingsConcurrency();

    /** Starts a batch; fails before anything is created when a chosen surface has no key. */
    BatchHandle start(Property property, List<Surface> surfaces, int samples, int concurrency);
}
