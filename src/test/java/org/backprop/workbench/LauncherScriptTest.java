package org.backprop.workbench;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The app image's launcher, {@code src/dist/backprop-workbench} (a shell script), run as a user runs
 * {@code bin/backprop-workbench}: from a folder laid out like the image that {@code mvn -Pdist} builds
 * ({@code bin/}, {@code lib/app/backprop-workbench.jar}, {@code lib/app/cli-classes.lst} made by
 * {@code src/dist/cli-classes.sh}, and {@code lib/runtime}, here a link to this JDK), with an empty {@code HOME},
 * {@code PATH=/usr/bin:/bin} and nothing else in the environment. The jar holds the compiled classes and names the
 * dependency jars in its manifest's {@code Class-Path}, so the test needs no packaging step and runs in every
 * {@code mvn verify}. The image itself is tried by hand (docs/INSTALL.md).
 */
class LauncherScriptTest {
    private static final Path SCRIPT = Path.of("src", "dist", "backprop-workbench");
    private static final Path CLASS_LIST_SCRIPT = Path.of("src", "dist", "cli-classes.sh");
    private static final String EXAMPLE = "examples/softmax-2-3-2.json";
    /** A bound on the wait for the archive dumped in the background (~2 s of CPU), not a timing check. */
    private static final long ARCHIVE_WAIT_SECONDS = 120;

    @TempDir
    static Path image;

    @TempDir
    Path home;

    @BeforeAll
    static void layOutTheImage() throws Exception {
        assumeTrue(!System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("win"),
                "the launcher script is the Linux image's");
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no /bin/sh");
        for (String tool : List.of("readlink", "dirname", "stat", "cksum", "cut", "find", "nice", "grep", "mkdir")) {
            assumeTrue(Files.isExecutable(Path.of("/usr/bin", tool)) || Files.isExecutable(Path.of("/bin", tool)),
                    "no " + tool);
        }
        Path bin = Files.createDirectories(image.resolve("bin"));
        Path app = Files.createDirectories(image.resolve("lib/app"));
        Files.copy(SCRIPT, bin.resolve("backprop-workbench"));
        Files.setPosixFilePermissions(bin.resolve("backprop-workbench"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createSymbolicLink(image.resolve("lib/runtime"), Path.of(System.getProperty("java.home")));
        writeJar(app.resolve("backprop-workbench.jar"));
        Path examples = Files.createDirectories(image.resolve("examples"));
        Files.copy(Path.of(EXAMPLE), examples.resolve("softmax-2-3-2.json"));

        Process p = new ProcessBuilder("/bin/sh", CLASS_LIST_SCRIPT.toString(), image.toString(),
                image.resolve("work").toString(), image.resolve(EXAMPLE).toString())
                .redirectErrorStream(true).redirectOutput(image.resolve("cli-classes.out").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "cli-classes.sh ends");
        assertEquals(0, p.exitValue(), Files.readString(image.resolve("cli-classes.out")));
        List<String> classes = Files.readAllLines(app.resolve("cli-classes.lst"));
        assertTrue(classes.contains(Launcher.class.getName().replace('.', '/')), "the list names the entry point");
        assertTrue(classes.stream().noneMatch(l -> l.startsWith("@")), "no @lambda lines (they crash JDK 17's dump)");
    }

    /**
     * The classes of this build in a jar whose manifest names each dependency jar of the test class path (the
     * shaded jar of {@code mvn package} does not exist yet when the tests run).
     */
    private static void writeJar(Path jar) throws IOException, URISyntaxException {
        Path classes = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        StringBuilder classPath = new StringBuilder();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (entry.endsWith(".jar") && Files.isRegularFile(p) && !p.equals(classes)) {
                classPath.append(p.toAbsolutePath().toUri()).append(' ');
            }
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath.toString().strip());
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Launcher.class.getName());   // java -jar too
        if (Files.isRegularFile(classes)) {   // run from a jar already: it goes first, the rest as above
            Path copy = jar.resolveSibling("classes.jar");
            Files.copy(classes, copy);
            manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, copy.toUri() + " " + classPath.toString().strip());
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
                out.flush();
            }
            return;
        }
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
    }

    private record Run(int status, String out, String err) {
    }

    /**
     * Runs {@code bin/backprop-workbench ARGS} in the image folder with only {@code env} in its environment, and the
     * archive off unless {@code env} turns it on (each first command would start a dump in the background).
     */
    private Run launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return launch(image.resolve("bin/backprop-workbench"), env, args);
    }

    private Run launch(Path launcher, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(home.getParent(), "out", ".txt");
        Path err = Files.createTempFile(home.getParent(), "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(image.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.environment().put("HOME", home.toString());
        // the settings folder too (a remembered language would outrank LANG): Java's user.home is the account's home
        // from the password database, not $HOME, so without this the launched JVM read the machine's own settings
        pb.environment().put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        pb.environment().put("BACKPROP_WORKBENCH_CDS", "off");
        pb.environment().putAll(env);
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the launcher ends by itself");
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private Path cds() {
        return home.resolve(".cache/backprop-workbench/cds");
    }

    /** Waits for the background dump: the archive or the mark of its failure. */
    private Path awaitArchive() throws IOException, InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(ARCHIVE_WAIT_SECONDS);
        while (System.nanoTime() < end) {
            if (Files.isDirectory(cds())) {
                try (Stream<Path> files = Files.list(cds())) {
                    List<Path> done = files.filter(f -> f.toString().endsWith(".jsa")
                            || f.toString().endsWith(".failed")).toList();
                    if (!done.isEmpty()) {
                        return done.get(0);
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no archive and no failure mark in " + cds() + " after " + ARCHIVE_WAIT_SECONDS + " s");
    }

    @Test
    void versionPrintsTheVersionOfThePom() throws Exception {
        Matcher m = Pattern.compile("<artifactId>backprop-workbench</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(m.find(), "the pom's version");
        Run run = launch(Map.of(), "--version");
        assertEquals(0, run.status(), run.err());
        assertEquals("Backprop Workbench " + m.group(1), run.out().strip());
        assertEquals("", run.err());
    }

    @Test
    void theFirstCommandChecksAndLeavesAnArchiveThatTheNextCommandLoadsClassesFrom() throws Exception {
        Run first = launch(Map.of("BACKPROP_WORKBENCH_CDS", "on"), "check", EXAMPLE);
        assertEquals(0, first.status(), first.err());
        assertTrue(first.out().contains("all             37    37     0     0     0"), first.out());
        assertEquals("", first.err());

        Path archive = awaitArchive();
        assertTrue(archive.getFileName().toString().matches("cli-\\d+\\.jsa"), "an archive, not a failure: " + archive);

        Path log = home.resolve("class-load.log");
        Run second = launch(Map.of("BACKPROP_WORKBENCH_CDS", "on",
                "JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + log), "check", EXAMPLE);
        assertEquals(0, second.status(), second.err());
        assertEquals(first.out(), second.out());
        String launcherLine = Files.readAllLines(log).stream()
                .filter(l -> l.contains(" " + Launcher.class.getName() + " ")).findFirst().orElseThrow();
        assertTrue(launcherLine.contains("source: shared objects file"), "from the archive: " + launcherLine);
    }

    @Test
    void aFileThatIsNotThereExitsWithStatusTwoAndSaysSo() throws Exception {
        Run run = launch(Map.of(), "check", "examples/none.json");
        assertEquals(2, run.status());
        assertEquals("error: examples/none.json: no such file", run.err().strip());
        assertEquals("", run.out());
    }

    @Test
    void theSystemLocaleChoosesChinese() throws Exception {
        Run run = launch(Map.of("LANG", "zh_CN.UTF-8"), "check", "examples/none.json");
        assertEquals(2, run.status());
        assertTrue(run.err().contains("examples/none.json") && run.err().contains("文件不存在"), run.err());
    }

    @Test
    void withTheArchiveOffNothingIsWrittenToTheCache() throws Exception {
        Run run = launch(Map.of("BACKPROP_WORKBENCH_CDS", "off"), "check", EXAMPLE);
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("all             37    37     0     0     0"), run.out());
        Thread.sleep(500);   // a dump, were one started, would have made its folder by now
        assertFalse(Files.exists(home.resolve(".cache")), "no cache folder");
    }

    @Test
    void anUnwritableCacheIsHarmless() throws Exception {
        Run run = launch(Map.of("BACKPROP_WORKBENCH_CDS", "on", "XDG_CACHE_HOME", "/dev/null/cache"),
                "check", EXAMPLE);
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("all             37    37     0     0     0"), run.out());
        assertEquals("", run.err());
    }

    @Test
    void aLinkToTheLauncherFindsTheImage() throws Exception {
        Path link = Files.createSymbolicLink(home.resolve("bw"), image.resolve("bin/backprop-workbench"));
        Run run = launch(link, Map.of(), "--version");
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().startsWith("Backprop Workbench "), run.out());
    }

    @Test
    void theWindowWithoutADisplaySaysSoInOneLine() throws Exception {
        Run run = launch(Map.of());
        assertNotEquals(0, run.status());
        String said = (run.out() + run.err()).strip();
        assertEquals(1, said.lines().count(), said);
        assertTrue(said.contains("needs a display"), said);
        assertFalse(said.contains("Exception"), said);
    }

    /**
     * The window as the launcher starts it, headless (Monocle, which the test class path has) and quitting after its
     * first pulse: the first window records its classes and leaves an archive of them, which the next window loads
     * its classes from.
     */
    @Test
    void theFirstWindowLeavesAnArchiveThatTheNextWindowLoadsClassesFrom() throws Exception {
        String headless = "-Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw"
                + " -Dbw.firstPaint=exit -Dbackprop.workbench.home=" + home.resolve("settings");
        Run first = launch(Map.of("BACKPROP_WORKBENCH_CDS", "on", "JAVA_TOOL_OPTIONS", headless));
        assertEquals(0, first.status(), first.err());
        assertTrue(first.err().contains("first pulse:"), first.err());

        Path archive = awaitArchive();
        assertTrue(archive.getFileName().toString().matches("app-\\d+\\.jsa"), "an archive, not a failure: " + archive);
        try (Stream<Path> left = Files.list(cds())) {
            assertTrue(left.noneMatch(f -> f.toString().endsWith(".classes")), "the class list is removed");
        }

        Path log = home.resolve("window-class-load.log");
        Run second = launch(Map.of("BACKPROP_WORKBENCH_CDS", "on",
                "JAVA_TOOL_OPTIONS", headless + " -Xlog:class+load=info:file=" + log));
        assertEquals(0, second.status(), second.err());
        assertTrue(second.err().contains("first pulse:"), second.err());
        // classes of the window's start that extend no JavaFX class: this layout names the JavaFX jars in the
        // manifest's Class-Path, whose classes (and their subclasses) the JVM leaves out of the archive; in the image
        // they are in the one jar and come from the archive too (docs/NUMERICS.md)
        for (String name : List.of(Launcher.class.getName(), "org.backprop.workbench.app.AppSettings",
                "org.backprop.workbench.app.DefaultNetwork", "org.backprop.workbench.app.HeldExecutor")) {
            String line = Files.readAllLines(log).stream().filter(l -> l.contains(" " + name + " ")).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " not loaded"));
            assertTrue(line.contains("source: shared objects file"), "from the archive: " + line);
        }
    }

    /**
     * {@code java -jar backprop-workbench.jar} (the image's jar here, headless): the window runs in a second JVM with
     * C1 (WindowJvm); the first such window records its classes and leaves an archive of them in the cache, which
     * the next window, again from {@code java -jar}, loads its classes from.
     */
    @Test
    void javaDashJarStartsTheWindowInASecondJvmThatMakesAndUsesAnArchive() throws Exception {
        String headless = "-Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw"
                + " -Dbw.firstPaint=exit -Dbackprop.workbench.home=" + home.resolve("settings");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path jar = image.resolve("lib/app/backprop-workbench.jar");
        Run first = run(List.of(java.toString(), "-jar", jar.toString()), Map.of("JAVA_TOOL_OPTIONS", headless));
        assertEquals(0, first.status(), first.out() + first.err());
        assertTrue(first.err().contains("first pulse:"), first.err());

        Path archive = awaitArchive();
        assertTrue(archive.getFileName().toString().matches("app-jar-\\d+\\.jsa"),
                "an archive, not a failure: " + archive);

        Run second = run(List.of(java.toString(), "-jar", jar.toString()), Map.of("JAVA_TOOL_OPTIONS",
                headless + " -Xlog:class+load=info:file=" + home.resolve("load-%p.log")));
        assertEquals(0, second.status(), second.err());
        assertTrue(second.err().contains("first pulse:"), second.err());
        List<String> window = new ArrayList<>();
        try (Stream<Path> logs = Files.list(home)) {
            for (Path log : (Iterable<Path>) logs.filter(f -> f.getFileName().toString().startsWith("load-"))::iterator) {
                window.addAll(Files.readAllLines(log).stream()
                        .filter(l -> l.contains(" org.backprop.workbench.app.AppSettings ")).toList());
            }
        }
        assertEquals(1, window.size(), "one JVM, the second, loaded the window's classes: " + window);
        assertTrue(window.get(0).contains("source: shared objects file"), "from the archive: " + window.get(0));
    }

    private Run run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        Path out = Files.createTempFile(home.getParent(), "out", ".txt");
        Path err = Files.createTempFile(home.getParent(), "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(image.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.environment().put("HOME", home.toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the window ends by itself");
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
