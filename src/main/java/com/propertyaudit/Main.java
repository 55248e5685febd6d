package com.propertyaudit;

import com.propertyaudit.cli.PropertyAuditCommand;
import com.propertyaudit.ui.Gui;

/**
 * Entry point. No arguments opens the window; anything else is the command line. This class does
 * not extend {@code Application}, so the shaded jar starts without a JavaFX module path.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        if (PropertyAuditCommand.wantsGui(args)) {
            Gui.launch(PropertyAuditCommand.guiArguments(args));
            return;
        }
        System.exit(PropertyAuditCommand.execute(args));
    }
}
