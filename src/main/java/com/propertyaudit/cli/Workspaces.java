package com.propertyaudit.cli;

import com.propertyaudit.engine.Workspace;

/** Opens the workspace the global options and environment point at: a bad --db is exit 2, other failures exit 3. */
final class Workspaces {

    private Workspaces() {}

    static Workspace open() {
        try {
            return Workspace.open(GlobalOptions.home(), GlobalOptions.db(), System.getenv());
        } catch (Workspace.NotReadyException e) {
            throw UserError.environment(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw UserError.badInput(e.getMessage());
        }
    }
}
