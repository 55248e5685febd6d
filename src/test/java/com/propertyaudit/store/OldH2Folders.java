package com.propertyaudit.store;

import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.Statement;
import java.util.Properties;

/**
 * Data folders as PropertyAudit 0.1 left them: a {@code propertyaudit.mv.db} written by H2 2.3.232
 * itself (the jar the app carries for migrations), holding what another folder holds.
 */
public final class OldH2Folders {

    private OldH2Folders() {}

    /** Writes {@code target/propertyaudit.mv.db} with the old H2, with the content of {@code source}'s database. */
    public static void copyWithOldH2(Path source, Path target) throws Exception {
        Path script = Files.createTempFile("old-h2", ".sql");
        try (Database db = Database.openFolder(source)) {
            db.read(c -> {
                try (Statement st = c.createStatement()) {
                    return st.execute("SCRIPT TO " + Sql.literal(script.toString()));
                }
            });
        }
        Path jar = Files.createTempFile("h2-old", ".jar");
        try (InputStream in = LegacyH2.class.getResourceAsStream("h2-legacy.jar")) {
            Files.copy(in, jar, StandardCopyOption.REPLACE_EXISTING);
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            Driver driver = (Driver) Class.forName("org.h2.Driver", true, loader).getDeclaredConstructor().newInstance();
            Properties login = new Properties();
            login.setProperty("user", "sa");
            login.setProperty("password", "");
            Files.createDirectories(target);
            try (Connection c = driver.connect("jdbc:h2:file:" + target.resolve("propertyaudit") + ";DB_CLOSE_ON_EXIT=FALSE",
                    login); Statement st = c.createStatement()) {
                st.execute("RUNSCRIPT FROM " + Sql.literal(script.toString()));
                // 0.1 had no record of the H2 that wrote the file.
                st.execute("DROP TABLE " + H2FileFormat.TABLE);
                try (var rs = st.executeQuery("SELECT H2VERSION()")) {
                    rs.next();
                    if (!rs.getString(1).equals("2.3.232")) throw new IllegalStateException("not the old H2: " + rs.getString(1));
                }
            }
        } finally {
            Files.deleteIfExists(jar);
            Files.deleteIfExists(script);
        }
    }
}
