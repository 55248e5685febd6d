package com.propertyaudit.store;

import java.nio.file.Path;

/** The two stores the storage tests run on: an H2 file in a folder, and a database on the PostgreSQL server. */
public enum TestStores {
    H2, POSTGRESQL;

    /** A fresh, empty database of this kind; {@link Opened#again} opens it once more, as another process would. */
    public Opened open(Path folder) {
        if (this == H2) return new Opened(Database.openFolder(folder), () -> Database.openFolder(folder), () -> {});
        TestPostgres.Fresh fresh = TestPostgres.fresh();
        return new Opened(fresh.open(), fresh::open, fresh::close);
    }

    /** An open database and how to open it again; closing closes it and drops a server database. */
    public record Opened(Database db, java.util.function.Supplier<Database> opener, Runnable drop) implements AutoCloseable {

        public Database again() {
            return opener.get();
        }

        /** The URL another process is given (--db); for H2 the folder's file, shared thanks to AUTO_SERVER. */
        public String url() {
            return db.url();
        }

        @Override
        public void close() {
            db.close();
            drop.run();
        }
    }
}
