import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;

/**
 * Builds the installer of this system from target/propertyaudit.jar (run by the Maven profile
 * {@code -Pinstaller} with the source launcher, so it needs nothing but a JDK):
 *
 * <ol>
 * <li>draws the icons (PNG, ICO, ICNS) into target/installer-work/icons;</li>
 * <li>links a runtime holding only installer/runtime-modules.txt (jlink);</li>
 * <li>makes the application image (jpackage --type app-image) with installer/app.args and
 *     installer/launcher.args, the
 *     JavaFX native libraries beside the jar (loaded from there, never unpacked at run time);</li>
 * <li>trains it (the window where a display is, --version, batches --json) and
 *     writes the class-data archive the launcher maps with -XX:SharedArchiveFile;</li>
 * <li>packages the image (jpackage with installer/app.args and installer/OS-TYPE.args) into
 *     target/installer.</li>
 * </ol>
 *
 * <pre>java installer/Package.java JDK_HOME JAR VERSION [deb|rpm|msi|dmg]</pre>
 */
public final class Package {

    private static final String APP = "PropertyAudit";
    private static final Path INSTALLER = Path.of("installer");
    /** JavaFX's native libraries, at the root of the jar, on each system. */
    private static final java.util.regex.Pattern JAVAFX_NATIVE = java.util.regex.Pattern.compile(
            "(lib)?(glass|prism|javafx|decora|fxplugins|gstreamer|jfx)[\\w-]*\\.(so|dll|dylib)");

    private final Path jdk;
    private final Path jar;
    private final String version;
    private final String type;
    private final Path work = Path.of("target", "installer-work");
    private final Path out = Path.of("target", "installer");
    private final int feature;

    private Package(Path jdk, Path jar, String version, String type) throws IOException, InterruptedException {
        this.jdk = jdk;
        this.jar = jar;
        // jpackage takes 1 to 3 numbers: 0.1.0-SNAPSHOT is packaged as 0.1.0.
        this.version = version.replaceAll("[^0-9.].*$", "");
        this.type = type;
        this.feature = Integer.parseInt(run(List.of(tool("java"), "-version"), true).lines()
                .filter(l -> l.contains("version \"")).findFirst().orElseThrow()
                .replaceAll(".*version \"(\\d+).*", "$1"));
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("Usage: java installer/Package.java JDK_HOME JAR VERSION [deb|rpm|msi|dmg]");
            System.exit(2);
        }
        String type = args.length > 3 && !args[3].isBlank() ? args[3] : defaultType();
        new Package(Path.of(args[0]), Path.of(args[1]), args[2], type).build();
    }

    private static String defaultType() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) return "msi";
        if (os.startsWith("mac")) return "dmg";
        return Files.isExecutable(Path.of("/usr/bin/dpkg")) ? "deb" : "rpm";
    }

    private void build() throws Exception {
        // The class-data archive must be usable wherever the app is installed: only JDK 20 and newer
        // map an archive whose jar has moved (JDK-8279366), and the Linux package scripts follow the
        // jpackage templates of JDK 21 and newer.
        if (feature < 21) {
            fail("The installer needs a JDK 21 or newer for jlink and jpackage; this is JDK " + feature + " ("
                    + jdk + "). Run with JAVA_HOME set to one (on Debian: /usr/lib/jvm/temurin-25-jdk-amd64),"
                    + " or pass -Dinstaller.jdk=DIR.");
        }
        delete(work);
        delete(out);
        Files.createDirectories(out);
        Path icons = Icons.draw(work.resolve("icons"));
        Path runtime = link();
        Path image = appImage(runtime, icons);
        archive(image);
        System.out.printf("Application image %s: %.0f MB%n", image, size(image) / 1e6);
        packageImage(image, icons);
    }

    private Path link() throws IOException, InterruptedException {
        Set<String> available = new LinkedHashSet<>(run(List.of(tool("java"), "--list-modules"), true).lines()
                .map(l -> l.replaceAll("@.*", "").trim()).toList());
        List<String> modules = Files.readAllLines(INSTALLER.resolve("runtime-modules.txt")).stream()
                .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .filter(available::contains).toList();
        Path runtime = work.resolve("runtime");
        List<String> cmd = new ArrayList<>(List.of(tool("jlink"), "--add-modules", String.join(",", modules),
                "--output", runtime.toString(), "--strip-debug", "--no-header-files", "--no-man-pages",
                "--compress", "zip-9"));
        run(cmd, false);
        stripSymbols(runtime);
        return runtime;
    }

    /**
     * The runtime's native libraries keep their symbol tables (libjvm.so: 5 of its 30 MB); Linux
     * distributions strip them too. strip comes with binutils; without it they stay as they are.
     */
    private void stripSymbols(Path runtime) throws IOException, InterruptedException {
        Path strip = Path.of("/usr/bin/strip");
        if (!osName().equals("linux") || !Files.isExecutable(strip)) return;
        List<String> cmd = new ArrayList<>(List.of(strip.toString(), "--strip-unneeded"));
        try (Stream<Path> s = Files.walk(runtime.resolve("lib"))) {
            s.filter(p -> p.getFileName().toString().endsWith(".so")).forEach(p -> {
                p.toFile().setWritable(true);
                cmd.add(p.toString());
            });
        }
        run(cmd, false);
    }

    private Path appImage(Path runtime, Path icons) throws IOException, InterruptedException {
        Path input = work.resolve("input");
        Files.createDirectories(input);
        Files.copy(jar, input.resolve("propertyaudit.jar"));
        unpackNativeLibraries(input);
        Path images = work.resolve("image");
        List<String> cmd = new ArrayList<>(List.of(tool("jpackage"), "--type", "app-image",
                "--dest", images.toString(), "--input", input.toString(), "--main-jar", "propertyaudit.jar",
                "--runtime-image", runtime.toString(), "--app-version", version,
                "--icon", icons.resolve(iconFile()).toString(),
                "--java-options", "-XX:SharedArchiveFile=$APPDIR/propertyaudit.jsa"));
        for (String option : jvmOptions()) cmd.addAll(List.of("--java-options", option));
        cmd.addAll(argumentFile("app.args"));
        cmd.addAll(argumentFile("launcher.args"));
        Path osImage = INSTALLER.resolve(osName() + "-image.args");
        if (Files.exists(osImage)) cmd.addAll(argumentFile(osImage.getFileName().toString()));
        run(cmd, false);
        try (Stream<Path> s = Files.list(images)) {
            return s.findFirst().orElseThrow();
        }
    }

    /**
     * The launcher's JVM options, also given to the training runs and the archive's dump: an archive
     * made with other module options is mapped without its module graph, with an error each start.
     */
    private List<String> jvmOptions() {
        // A desktop app with a small heap: the serial collector starts fastest and is enough for it.
        List<String> options = new ArrayList<>(List.of("-XX:+UseSerialGC"));
        // JavaFX 21 loads its libraries and uses sun.misc.Unsafe from the class path; newer JDKs
        // warn on each start unless these are allowed.
        options.add("--enable-native-access=ALL-UNNAMED");
        if (feature >= 23) options.add("--sun-misc-unsafe-memory-access=allow");
        return options;
    }

    /** JavaFX looks for its native libraries beside the jar first; there they load without a copy to ~/.openjfx. */
    private void unpackNativeLibraries(Path dir) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry e : zip.stream().toList()) {
                String name = e.getName();
                if (!JAVAFX_NATIVE.matcher(name).matches()) continue;
                try (InputStream in = zip.getInputStream(e)) {
                    Files.copy(in, dir.resolve(name));
                }
            }
        }
    }

    /**
     * Runs the image's own runtime on the jar as the launcher does, records the classes each
     * training run loads, and dumps them into the archive beside the jar.
     */
    private void archive(Path image) throws IOException, InterruptedException {
        Path appJar = find(image, "propertyaudit.jar");
        Path java = find(image.resolve(runtimeDir()), isWindows() ? "java.exe" : "java");
        Path home = work.resolve("training-home");
        Path lists = work.resolve("classlists");
        Files.createDirectories(lists);
        List<List<String>> trainings = new ArrayList<>();
        if (canOpenWindows()) {
            trainings.add(List.of("-D" + "propertyaudit.trainingRun=true", "com.propertyaudit.Main",
                    "--home", home.toString()));
        } else {
            System.out.println("No display: the class-data archive is trained on the command line only.");
        }
        trainings.add(List.of("com.propertyaudit.Main", "--version"));
        trainings.add(List.of("com.propertyaudit.Main", "--home", home.toString(), "batches", "--json"));
        List<String> classes = new ArrayList<>();
        int n = 0;
        for (List<String> training : trainings) {
            Path list = lists.resolve("run" + (n++) + ".classlist");
            List<String> cmd = new ArrayList<>(List.of(java.toString()));
            cmd.addAll(jvmOptions());
            cmd.addAll(List.of("-XX:DumpLoadedClassList=" + list, "-cp", appJar.toString()));
            cmd.addAll(training);
            run(cmd, false);
            // Lists are merged without their ids, which only classes of other class loaders (with a
            // source:, left out) refer to; the ids of two runs would clash.
            for (String line : Files.readAllLines(list)) {
                if (!line.contains(" source: ")) classes.add(line.replaceAll(" id: \\d+$", ""));
            }
        }
        Path merged = lists.resolve("all.classlist");
        Files.write(merged, new LinkedHashSet<>(classes));
        Path archive = appJar.resolveSibling("propertyaudit.jsa");
        // Classes that cannot be archived (picocli's, compiled for Java 5) are left out with a warning each: quiet.
        List<String> dump = new ArrayList<>(List.of(java.toString()));
        dump.addAll(jvmOptions());
        dump.addAll(List.of("-Xshare:dump", "-Xlog:all=error", "-XX:SharedClassListFile=" + merged,
                "-XX:SharedArchiveFile=" + archive, "-cp", appJar.toString()));
        run(dump, false);
        System.out.printf("Class-data archive %s: %.0f MB%n", archive, Files.size(archive) / 1e6);
    }

    private boolean canOpenWindows() {
        if (!osName().equals("linux")) return true;
        String display = System.getenv("DISPLAY");
        return display != null && !display.isBlank();
    }

    private void packageImage(Path image, Path icons) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(tool("jpackage"), "--app-image", image.toString(),
                "--dest", out.toString(), "--name", APP, "--app-version", version,
                "--icon", icons.resolve(iconFile()).toString()));
        cmd.addAll(argumentFile("app.args").subList(2, argumentFile("app.args").size()));
        cmd.addAll(argumentFile(osName() + "-" + type + ".args"));
        Path jar = find(image, "propertyaudit.jar");
        java.nio.file.attribute.FileTime archived = Files.getLastModifiedTime(jar);
        if (type.equals("deb")) {
            // Compressed again below: the quickest compression here.
            run(cmd, false, "DPKG_DEB_COMPRESSOR_TYPE", "gzip", "DPKG_DEB_COMPRESSOR_LEVEL", "1");
            keepJarTime(image.relativize(jar), archived);
        } else {
            run(cmd, false);
        }
        try (Stream<Path> s = Files.list(out)) {
            s.forEach(p -> System.out.println("Installer: " + p));
        }
    }

    /**
     * The class-data archive only maps a jar with the time it had when the archive was made, and
     * jpackage's copy of the image gives it a new one: the package is unpacked, the jar's time set
     * back, and packed again (dpkg-deb keeps times).
     */
    private void keepJarTime(Path jarInImage, java.nio.file.attribute.FileTime archived)
            throws IOException, InterruptedException {
        Path deb;
        try (Stream<Path> s = Files.list(out)) {
            deb = s.filter(p -> p.toString().endsWith(".deb")).findFirst().orElseThrow();
        }
        Path tree = work.resolve("deb");
        run(List.of("dpkg-deb", "-R", deb.toString(), tree.toString()), false);
        Path jar;
        try (Stream<Path> s = Files.walk(tree)) {
            jar = s.filter(p -> p.endsWith(jarInImage)).findFirst().orElseThrow();
        }
        Files.setLastModifiedTime(jar, archived);
        run(List.of("dpkg-deb", "--root-owner-group", "-b", tree.toString(), deb.toString()), false);
    }

    /** An argument file of installer/: one or more arguments a line, "quoted" where they hold spaces, # comments. */
    private static List<String> argumentFile(String name) throws IOException {
        List<String> args = new ArrayList<>();
        for (String line : Files.readAllLines(INSTALLER.resolve(name))) {
            String l = line.trim();
            if (l.isEmpty() || l.startsWith("#")) continue;
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(l);
            while (m.find()) args.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return args;
    }

    private String iconFile() {
        return switch (osName()) {
            case "windows" -> "propertyaudit.ico";
            case "mac" -> "propertyaudit.icns";
            default -> "propertyaudit.png";
        };
    }

    private String runtimeDir() {
        return switch (osName()) {
            case "windows" -> "runtime";
            case "mac" -> "Contents/runtime";
            default -> "lib/runtime";
        };
    }

    private static String osName() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        return os.startsWith("windows") ? "windows" : os.startsWith("mac") ? "mac" : "linux";
    }

    private static boolean isWindows() {
        return osName().equals("windows");
    }

    private String tool(String name) {
        return jdk.resolve("bin").resolve(isWindows() ? name + ".exe" : name).toString();
    }

    private static Path find(Path dir, String name) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().equals(name) && Files.isRegularFile(p))
                    .filter(p -> !name.startsWith("java") || p.getParent().getFileName().toString().equals("bin"))
                    .findFirst().orElseThrow(() -> new IllegalStateException(name + " is missing from " + dir));
        }
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    /** Runs a command; its output goes to this one's, or is returned when {@code capture}. */
    private static String run(List<String> cmd, boolean capture, String... env) throws IOException, InterruptedException {
        System.out.println("> " + String.join(" ", cmd));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        for (int i = 0; i + 1 < env.length; i += 2) pb.environment().put(env[i], env[i + 1]);
        if (!capture) pb.inheritIO();
        Process p = pb.start();
        String output = capture ? new String(p.getInputStream().readAllBytes()) : "";
        if (!p.waitFor(20, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail(cmd.get(0) + " did not finish within 20 minutes.");
        }
        if (p.exitValue() != 0) fail(cmd.get(0) + " failed (exit " + p.exitValue() + "); its output is above.");
        return output;
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(1);
    }

    /** The product's icon, drawn: a house on a blue tile, with the bars of an audit in front of it. */
    static final class Icons {

        static Path draw(Path dir) throws IOException {
            Files.createDirectories(dir);
            ImageIO.write(image(256), "png", dir.resolve("propertyaudit.png").toFile());
            Files.write(dir.resolve("propertyaudit.ico"), ico());
            Files.write(dir.resolve("propertyaudit.icns"), icns());
            return dir;
        }

        static BufferedImage image(int size) {
            BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = img.createGraphics();
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.scale(size / 100.0, size / 100.0);
            g.setPaint(new GradientPaint(0, 0, new Color(0x2F6FDB), 0, 100, new Color(0x1B3F8F)));
            g.fill(new RoundRectangle2D.Double(4, 4, 92, 92, 22, 22));
            // the house
            Path2D house = new Path2D.Double();
            house.moveTo(18, 50);
            house.lineTo(50, 22);
            house.lineTo(82, 50);
            house.moveTo(27, 43);
            house.lineTo(27, 80);
            house.lineTo(73, 80);
            house.lineTo(73, 43);
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(7, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(house);
            // three bars of the audit, the last one ours
            g.setColor(new Color(0xBFD4FF));
            g.fill(new RoundRectangle2D.Double(36, 62, 7, 12, 3, 3));
            g.fill(new RoundRectangle2D.Double(47, 55, 7, 19, 3, 3));
            g.setColor(new Color(0xFFB020));
            g.fill(new RoundRectangle2D.Double(58, 47, 7, 27, 3, 3));
            g.dispose();
            return img;
        }

        static byte[] png(int size) {
            try {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                ImageIO.write(image(size), "png", b);
                return b.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Windows icon: PNG entries (valid since Windows Vista), 16 to 256 pixels. */
        static byte[] ico() throws IOException {
            int[] sizes = {16, 32, 48, 64, 128, 256};
            List<byte[]> images = new ArrayList<>();
            for (int s : sizes) images.add(png(s));
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            DataOutputStream d = new DataOutputStream(b);
            d.writeShort(0);
            d.writeShort(Short.reverseBytes((short) 1));
            d.writeShort(Short.reverseBytes((short) sizes.length));
            int offset = 6 + 16 * sizes.length;
            for (int i = 0; i < sizes.length; i++) {
                d.writeByte(sizes[i] >= 256 ? 0 : sizes[i]);
                d.writeByte(sizes[i] >= 256 ? 0 : sizes[i]);
                d.writeByte(0);
                d.writeByte(0);
                d.writeShort(Short.reverseBytes((short) 1));
                d.writeShort(Short.reverseBytes((short) 32));
                d.writeInt(Integer.reverseBytes(images.get(i).length));
                d.writeInt(Integer.reverseBytes(offset));
                offset += images.get(i).length;
            }
            for (byte[] img : images) d.write(img);
            return b.toByteArray();
        }

        /** macOS icon: PNG entries of 32 (ic11) to 1024 (ic10) pixels. */
        static byte[] icns() throws IOException {
            String[] types = {"ic11", "ic12", "ic07", "ic08", "ic09", "ic10"};
            int[] sizes = {32, 64, 128, 256, 512, 1024};
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            DataOutputStream d = new DataOutputStream(body);
            for (int i = 0; i < types.length; i++) {
                byte[] img = png(sizes[i]);
                d.writeBytes(types[i]);
                d.writeInt(8 + img.length);
                d.write(img);
            }
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            DataOutputStream h = new DataOutputStream(b);
            h.writeBytes("icns");
            h.writeInt(8 + body.size());
            h.write(body.toByteArray());
            return b.toByteArray();
        }
    }
}
