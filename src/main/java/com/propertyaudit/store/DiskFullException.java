package com.propertyaudit.store;

import java.nio.file.Path;

/** The disk holding the data folder is full: nothing more can be stored until space is freed. */
public final class DiskFullException extends StoreException {

    private static final long serialVersionUID = 1L;
    private final transient Path folder;

    DiskFullException(Path folder, Throwable cause) {
        super("The disk holding " + folder + " is full: free space on it, then try again.", cause);
        this.folder = folder;
    }

    /** The data folder whose disk is full. */
    public Path folder() {
        return folder;
    }
}
