package org.backprop.workbench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The window started from a plain {@code java -jar backprop-workbench.jar} in a second JVM with the flags the app
 * image's launcher gives it (docs/INSTALL.md, "Startup"): C1 only, and a class-data-sharing archive of the classes
 * the first such window loaded. A manifest cannot carry JVM flags, and without them the window's first paint costs
 * about twice the CPU (the C2 compiler's share, and class loading from the jar); the second JVM pays for itself many
 * times over (docs/NUMERICS.md, "First paint"). The first JVM waits for the window and exits with its status.
 * <p>
 * Only a {@code java -jar} start is relaunched, and only when the user gave the JVM no compiler, archive, agent or
 * debugger flags of their own; {@code -Dbackprop.workbench.relaunch=off} (or {@code BACKPROP_WORKBENCH_JIT=full},
 * which keeps C2) starts the window in the first JVM as before; {@code BACKPROP_WORKBENCH_CDS=off} leaves the
 * archive out. The archive is made once per jar (its path, size and time) in
 * {@code ${XDG_CACHE_HOME:-~/.cache}/backprop-workbench/cds}, by a background JVM after the first window closes.
 */
final class WindowJvm {
    /** Set on the second JVM: the first one's start (epoch ms) and its CPU ms, for the first-paint print. */
    static final String RELAUNCHED = "backprop.workbench.relaunched";
    static final String SWITCH = "backprop.workbench.relaunch";
    static final String C1 = "-XX:TieredStopAtLevel=1";

    private WindowJvm() {
    }

    /**
     * The command of the second JVM, or null if this JVM starts the window itself.
     *
     * @param java        the java executable
     * @param jar         the jar of a {@code java -jar} start ({@link #jarOf}), else null
     * @param jvmArgs     this JVM's own arguments (flags and properties)
     * @param env         the environment
     * @param archive     the archive file of this jar, or null for none
     * @param archiveUsable whether {@code archive} exists (else the window records its classes for it)
     */
    static List<String> command(Path java, Path jar, List<String> jvmArgs, Map<String, String> env,
                                Path archive, boolean archiveUsable, String relaunchedValue, List<String> args) {
        if (jar == null) {
            return null;   // not java -jar: the app image's launcher, an IDE, mvn javafx:run give their own flags
        }
        if ("full".equals(env.get("BACKPROP_WORKBENCH_JIT"))) {
            return null;
        }
        for (String a : jvmArgs) {
            if (a.equals("-D" + SWITCH + "=off") || a.startsWith("-D" + RELAUNCHED + "=")
                    || a.startsWith("-XX:TieredStopAtLevel") || a.startsWith("-XX:SharedArchiveFile")
                    || a.startsWith("-Xshare") || a.startsWith("-XX:+AutoCreateSharedArchive")
                    || a.startsWith("-XX:ArchiveClassesAtExit") || a.startsWith("-XX:DumpLoadedClassList")
                    || a.contains("TieredCompilation") || a.startsWith("-agentlib") || a.startsWith("-agentpath")
                    || a.startsWith("-javaagent") || a.startsWith("-Xdebug") || a.startsWith("-Xrunjdwp")) {
                return null;
            }
        }
        if (java == null || !Files.isExecutable(java)) {
            return null;
        }
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmArgs);
        command.add(C1);
        if (archive != null && archiveUsable) {
            command.add("-XX:SharedArchiveFile=" + archive);
            command.add("-Xshare:auto");   // an archive this JVM cannot use is ignored without a word
        } else if (archive != null) {
            command.add("-XX:DumpLoadedClassList=" + classList(archive));
        }
        command.add("-D" + RELAUNCHED + "=" + relaunchedValue);
        command.add("-cp");
        command.add(jar.toString());
        command.add(Launcher.class.getName());
        command.add("app");
        command.addAll(args);
        return command;
    }

    /**
     * Starts the window in a second JVM if {@link #command} gives one, waits for it and returns its exit status;
     * returns -1 if the window is to start in this JVM.
     */
    static int relaunch(List<String> args) {
        try {
            Path jar = jarOf(System.getProperty("sun.java.command"));
            Path archive = jar == null || "off".equals(System.getenv("BACKPROP_WORKBENCH_CDS")) ? null
                    : archiveOf(jar, cacheFolder());
            boolean usable = archive != null && Files.isRegularFile(archive);
            if (archive != null && !usable && Files.exists(failedMark(archive))) {
                archive = null;
            }
            String relaunched = ProcessHandle.current().info().startInstant().map(i -> i.toEpochMilli()).orElse(-1L)
                    + "," + ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis()).orElse(0L);
            // the same executable (javaw.exe on Windows stays without a console), else the runtime's java
            Path java = ProcessHandle.current().info().command().map(Path::of)
                    .orElse(Path.of(System.getProperty("java.home"), "bin", isWindows() ? "java.exe" : "java"));
            List<String> command = command(java, jar,
                    ManagementFactory.getRuntimeMXBean().getInputArguments(), System.getenv(), archive, usable,
                    relaunched, args);
            if (command == null) {
                return -1;
            }
            if (archive != null && !usable) {
                Files.createDirectories(archive.getParent());
            }
            Process window = new ProcessBuilder(command).inheritIO().start();
            int status = window.waitFor();
            if (archive != null && !usable) {
                Path list = classList(archive);
                if (status == 0 && Files.size(list) > 0) {
                    dumpInBackground(command.get(0), jar, list, archive);
                } else {
                    Files.deleteIfExists(list);   // a window that did not open says nothing of what one loads
                }
            }
            return status;
        } catch (IOException | RuntimeException e) {
            return -1;   // the window starts in this JVM, as it would without the relaunch
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /**
     * The jar of a {@code java -jar} start, as an absolute path (the archive is valid only for the path it was made
     * with), from {@code sun.java.command} ("JAR ARGS…", the jar's path may hold spaces); null for any other start.
     */
    static Path jarOf(String javaCommand) {
        if (javaCommand == null) {
            return null;
        }
        for (int end = javaCommand.indexOf(".jar"); end >= 0; end = javaCommand.indexOf(".jar", end + 1)) {
            int after = end + ".jar".length();
            if (after == javaCommand.length() || javaCommand.charAt(after) == ' ') {
                Path jar = Path.of(javaCommand.substring(0, after));
                if (Files.isRegularFile(jar)) {
                    return jar.toAbsolutePath().normalize();
                }
            }
        }
        return null;
    }

    /** The archive of {@code jar} in {@code cache}: one per jar path, size and time, as the JVM checks them. */
    static Path archiveOf(Path jar, Path cache) throws IOException {
        CRC32 crc = new CRC32();
        crc.update((jar + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return cache.resolve("app-jar-" + crc.getValue() + ".jsa");
    }

    static Path classList(Path archive) {
        return archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".classes");
    }

    static Path failedMark(Path archive) {
        return archive.resolveSibling(archive.getFileName() + ".failed");
    }

    /**
     * Starts a JVM that dumps the archive from the recorded list (without the lambda proxies: dumping those crashes
     * JDK 17.0.15) and does not wait for it: {@link #main} runs the dump and moves the archive into place.
     */
    private static void dumpInBackground(String java, Path jar, Path list, Path archive) throws IOException {
        List<String> classes = Files.readAllLines(list).stream().filter(l -> !l.startsWith("@")).toList();
        Files.write(list, classes);
        List<String> command = new ArrayList<>();
        if (!isWindows() && Files.isExecutable(Path.of("/usr/bin/nice"))) {
            command.add("/usr/bin/nice");
        }
        command.addAll(List.of(java, "-XX:TieredStopAtLevel=1", "-cp", jar.toString(), WindowJvm.class.getName(),
                jar.toString(), list.toString(), archive.toString()));
        new ProcessBuilder(command).directory(archive.getParent().toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** The background dump: {@code WindowJvm JAR LIST ARCHIVE}. */
    public static void main(String[] a) throws Exception {
        Path jar = Path.of(a[0]);
        Path list = Path.of(a[1]);
        Path archive = Path.of(a[2]);
        Path tmp = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            Process dump = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin",
                    isWindows() ? "java.exe" : "java").toString(), "-Xshare:dump", "-XX:SharedClassListFile=" + list,
                    "-XX:SharedArchiveFile=" + tmp, "-cp", jar.toString())
                    .directory(archive.getParent().toFile())   // a crash log stays out of the user's folder
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (dump.waitFor() == 0 && Files.isRegularFile(tmp)) {
                Files.move(tmp, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.deleteIfExists(tmp);
                Files.writeString(failedMark(archive), "");
            }
        } finally {
            Files.deleteIfExists(list);
        }
    }

    static Path cacheFolder() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (isWindows() && System.getenv("LOCALAPPDATA") != null) {
            return Path.of(System.getenv("LOCALAPPDATA"), "backprop-workbench", "cds");
        }
        String home = System.getenv("HOME");   // as the app image's launcher reads it
        Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg)
                : Path.of(home != null && !home.isEmpty() ? home : System.getProperty("user.home"), ".cache");
        return base.resolve("backprop-workbench").resolve("cds");
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("win");
    }
}
