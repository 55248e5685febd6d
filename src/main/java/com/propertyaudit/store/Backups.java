package com.propertyaudit.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code backups} folder of a data folder. A backup is the database as SQL (H2's SCRIPT,
 * gzip), readable by any later H2; the copy kept before a migration is the old file itself, as it
 * was. Automatic backups (once a day, before a migration, before a restore) are kept to the newest
 * {@value #KEEP}; those asked for with {@code db backup} are never deleted.
 */
public final class Backups {

    /** How many automatic backups are kept. */
    public static final int KEEP = 7;

    private static final String PREFIX = "propertyaudit-";
    private static final Pattern MADE_AT = Pattern.compile("^" + PREFIX + "[a-z-]+-(\\d{8}-\\d{6}-\\d{3})\\.");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);

    /** Why a backup was made; all but MANUAL are automatic. */
    enum Kind {
        DAILY("daily"), MANUAL("manual"), BEFORE_RESTORE("before-restore"), BEFORE_MIGRATION("before-migration");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private final Path dir;
    private final Clock clock;

    Backups(Path dataFolder, Clock clock) {
        this.dir = dataFolder.resolve("backups");
        this.clock = clock;
    }

    public static Backups of(Path dataFolder) {
        return new Backups(dataFolder, Clock.systemUTC());
    }

    public Path folder() {
        return dir;
    }

    /** {@code db backup}: the database as it is now, kept until the user deletes it. */
    public Path manual(Database db) {
        return script(db, Kind.MANUAL);
    }

    /** A backup when none was made in the last day. Returns it, or null when none was due. */
    Path dailyIfDue(Database db) {
        Instant dayAgo = clock.instant().minus(Duration.ofDays(1));
        boolean recent = files().stream().filter(p -> isKind(p, Kind.DAILY)).anyMatch(p -> madeAt(p).isAfter(dayAgo));
        return recent ? null : script(db, Kind.DAILY);
    }

    Path beforeRestore(Connection c) throws SQLException {
        return script(c, Kind.BEFORE_RESTORE);
    }

    /** The file as it is, copied byte for byte: a database that cannot be opened or an old format. */
    Path copyBeforeRestore(Path mvFile) throws IOException {
        return copy(mvFile, Kind.BEFORE_RESTORE);
    }

    Path copyBeforeMigration(Path mvFile) throws IOException {
        return copy(mvFile, Kind.BEFORE_MIGRATION);
    }

    private Path copy(Path mvFile, Kind kind) throws IOException {
        Files.createDirectories(dir);
        Path target = dir.resolve(name(kind, ".mv.db"));
        Files.copy(mvFile, target);
        prune();
        return target;
    }

    private Path script(Database db, Kind kind) {
        return db.read(c -> script(c, kind));
    }

    private Path script(Connection c, Kind kind) throws SQLException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("The backups folder " + dir + " cannot be created", e);
        }
        Path target = dir.resolve(name(kind, ".sql.gz"));
        try (Statement st = c.createStatement()) {
            st.execute("SCRIPT TO " + Sql.literal(target.toString()) + " COMPRESSION GZIP");
        }
        prune();
        return target;
    }

    private String name(Kind kind, String suffix) {
        return PREFIX + kind.label + "-" + STAMP.format(clock.instant()) + suffix;
    }

    /** Every backup, newest first. */
    public List<Path> files() {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> MADE_AT.matcher(p.getFileName().toString()).find())
                    .sorted(Comparator.comparing(Backups::madeAt).reversed()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void prune() {
        List<Path> automatic = files().stream().filter(p -> !isKind(p, Kind.MANUAL)).toList();
        for (Path old : automatic.subList(Math.min(KEEP, automatic.size()), automatic.size())) {
            try {
                Files.deleteIfExists(old);
            } catch (IOException e) {
                throw new UncheckedIOException("An old backup " + old + " cannot be deleted", e);
            }
        }
    }

    private static boolean isKind(Path p, Kind kind) {
        return p.getFileName().toString().startsWith(PREFIX + kind.label + "-");
    }

    /** When a backup was made, from its name (file times change when files are copied about). */
    private static Instant madeAt(Path p) {
        Matcher m = MADE_AT.matcher(p.getFileName().toString());
        return m.find() ? STAMP.parse(m.group(1), Instant::from) : Instant.EPOCH;
    }
}
