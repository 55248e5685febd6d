package com.propertyaudit.store;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The H2 that wrote the data folders of earlier versions (the build copies its jar into the app as
 * {@code h2-legacy.jar}), loaded in a class loader of its own, beside today's H2, only to export
 * such a folder's database as SQL. Works offline and from the shaded jar.
 */
final class LegacyH2 {

    private static final String JAR = "h2-legacy.jar";

    private LegacyH2() {}

    /**
     * Writes the database {@code base}{@code .mv.db}, read-only, to a gzip-compressed SQL script;
     * returns the version of H2 that read it.
     */
    static String exportScript(Path base, Path script) throws IOException, SQLException {
        Path jar = Files.createTempFile("propertyaudit-h2-legacy", ".jar");
        try {
            try (InputStream in = LegacyH2.class.getResourceAsStream(JAR)) {
                if (in == null) throw new IOException(JAR + " is missing from the application");
                Files.copy(in, jar, StandardCopyOption.REPLACE_EXISTING);
            }
            // The platform loader as parent: the old org.h2 classes must not resolve to today's.
            try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                    ClassLoader.getPlatformClassLoader())) {
                Driver driver = (Driver) Class.forName("org.h2.Driver", true, loader).getDeclaredConstructor()
                        .newInstance();
                Properties login = new Properties();
                login.setProperty("user", "sa");
                login.setProperty("password", "");
                try (Connection c = driver.connect("jdbc:h2:file:" + base
                        + ";ACCESS_MODE_DATA=r;TRACE_LEVEL_FILE=0;DB_CLOSE_ON_EXIT=FALSE", login);
                        Statement st = c.createStatement()) {
                    st.execute("SCRIPT TO " + Sql.literal(script.toString()) + " COMPRESSION GZIP");
                    try (var rs = st.executeQuery("SELECT H2VERSION()")) {
                        rs.next();
                        return rs.getString(1);
                    }
                }
            } catch (ReflectiveOperationException e) {
                throw new IOException("the H2 of earlier versions could not be loaded: " + e, e);
            }
        } finally {
            Files.deleteIfExists(jar);
        }
    }
}
