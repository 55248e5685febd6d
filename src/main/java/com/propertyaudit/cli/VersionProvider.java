package com.propertyaudit.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar manifest; "development" when run from classes. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = PropertyAuditCommand.class.getPackage().getImplementationVersion();
        return new String[] {"PropertyAudit " + (v == null ? "development build" : v)};
    }
}
