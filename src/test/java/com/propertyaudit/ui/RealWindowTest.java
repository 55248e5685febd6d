package com.propertyaudit.ui;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real app on a new temporary data folder (the sample's first start), driven as an analyst
 * would. The window shows at once; a test starts once the data folder is open and the screens can
 * come. Runs under Xvfb in CI.
 */
abstract class RealWindowTest extends FxRobot {

    @TempDir
    Path home;

    PropertyAuditApp app;

    @BeforeEach
    void startApp() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = (PropertyAuditApp) FxToolkit.setupApplication(PropertyAuditApp.class, "--home", home.toString());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.context() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stopApp() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }
}
