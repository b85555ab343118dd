package org.backprop.workbench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * What the window needs from the system, checked before JavaFX starts.
 *
 * <p>The cross-platform jar ({@code mvn -Pdist package}) holds the JavaFX natives of every platform under
 * {@code natives/<platform>/} ({@code linux}, {@code linux-aarch64}, {@code win}, {@code mac}, {@code mac-aarch64},
 * the classifiers of Maven Central), because x64 and aarch64 libraries of one system share their file names. The
 * natives of this system are copied once to a cache folder and put first on {@code java.library.path}, where
 * JavaFX's loader looks after its own jar resources. The plain jar and the app image keep JavaFX's own layout and
 * skip this.
 *
 * <p>On Linux the window needs GTK 3 (JavaFX's glass toolkit loads {@code libgtk-3.so.0}); without it JavaFX dies
 * with a long stack trace, so the launcher looks for the library first and names the package instead.
 */
final class Platforms {
    static final String NATIVES = "natives/";
    /** Written by the dist build beside the natives: its presence says this is the cross-platform jar. */
    static final String NATIVES_MARKER = NATIVES + "platforms.txt";
    private static final String GTK3 = "libgtk-3.so.0";
    /** Where the dynamic linker looks when neither LD_LIBRARY_PATH nor ld.so.cache names the library. */
    private static final List<String> LINUX_LIBRARY_DIRS = List.of("/usr/lib/x86_64-linux-gnu",
            "/usr/lib/aarch64-linux-gnu", "/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib64", "/lib64",
            "/usr/lib", "/lib", "/usr/local/lib");

    private Platforms() {
    }

    /** The Maven Central classifier of JavaFX for this system, e.g. {@code linux} or {@code mac-aarch64}. */
    static String classifier(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String base = os.startsWith("win") ? "win" : os.startsWith("mac") || os.contains("darwin") ? "mac" : "linux";
        boolean arm = osArch.equals("aarch64") || osArch.equals("arm64");
        return arm ? base + "-aarch64" : base;
    }

    /**
     * One sentence if the window has no display to open on (Linux and the BSDs: neither {@code DISPLAY} nor
     * {@code WAYLAND_DISPLAY} set, e.g. over ssh or in CI), else null. Windows and macOS always have one; the
     * Monocle glass of the tests needs none.
     */
    static String displayProblem(String osName, java.util.Map<String, String> env, String glassPlatform) {
        String os = osName.toLowerCase(Locale.ROOT);
        if ("Monocle".equals(glassPlatform) || os.startsWith("win") || os.startsWith("mac") || os.contains("darwin")) {
            return null;
        }
        if (isSet(env.get("DISPLAY")) || isSet(env.get("WAYLAND_DISPLAY"))) {
            return null;
        }
        return org.backprop.workbench.i18n.Messages.get("launcher.noDisplay");
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    /** True if {@code e} (or a cause) is JavaFX's refusal to start without a display it can open. */
    static boolean isNoDisplay(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnsupportedOperationException && t.getMessage() != null
                    && t.getMessage().contains("DISPLAY")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Gets the window ready to open: unpacks bundled natives if this jar has them; returns null, or one sentence
     * saying what is missing.
     */
    static String prepareWindow() {
        if ("Monocle".equals(System.getProperty("glass.platform"))) {
            return null;
        }
        String platform = classifier(System.getProperty("os.name"), System.getProperty("os.arch"));
        try {
            unpackNatives(platform);
        } catch (IOException | RuntimeException e) {
            return "could not unpack the JavaFX libraries for " + platform + ": " + e.getMessage();
        }
        if (platform.startsWith("linux") && !hasGtk3(System.getenv("LD_LIBRARY_PATH"))) {
            return org.backprop.workbench.i18n.Messages.get("launcher.noGtk");
        }
        return null;
    }

    /** True if the dynamic linker can find libgtk-3.so.0: in LD_LIBRARY_PATH, ld.so.cache or a usual folder. */
    static boolean hasGtk3(String ldLibraryPath) {
        List<Path> dirs = new ArrayList<>();
        if (ldLibraryPath != null) {
            for (String d : ldLibraryPath.split(":")) {
                if (!d.isEmpty()) {
                    dirs.add(Path.of(d));
                }
            }
        }
        LINUX_LIBRARY_DIRS.forEach(d -> dirs.add(Path.of(d)));
        return hasGtk3(dirs, Path.of("/etc/ld.so.cache"));
    }

    /** True if one of {@code dirs} holds libgtk-3.so.0 or the linker cache {@code ldCache} names it. */
    static boolean hasGtk3(List<Path> dirs, Path ldCache) {
        for (Path dir : dirs) {
            if (Files.exists(dir.resolve(GTK3))) {
                return true;
            }
        }
        try {
            return Files.isReadable(ldCache) && new String(Files.readAllBytes(ldCache),
                    java.nio.charset.StandardCharsets.ISO_8859_1).contains(GTK3);
        } catch (IOException e) {
            return false;
        }
    }

    private static void unpackNatives(String platform) throws IOException {
        String prefix = NATIVES + platform + "/";
        if (Platforms.class.getClassLoader().getResource(NATIVES_MARKER) == null) {
            return;
        }
        Path jar = ownJar();
        if (jar == null) {
            return;
        }
        Path target = cacheFolder().resolve(Version.get()).resolve(platform);
        Files.createDirectories(target);
        boolean found = false;
        try (JarFile jf = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> en = jf.entries(); en.hasMoreElements(); ) {
                JarEntry e = en.nextElement();
                if (e.isDirectory() || !e.getName().startsWith(prefix)) {
                    continue;
                }
                found = true;
                Path out = target.resolve(e.getName().substring(prefix.length()));
                if (Files.exists(out) && Files.size(out) == e.getSize()) {
                    continue;
                }
                Path tmp = Files.createTempFile(target, "lib", ".part");
                try (InputStream in = jf.getInputStream(e)) {
                    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        if (!found) {
            throw new IOException("this jar has no natives for " + platform + " (" + jar + ")");
        }
        String path = System.getProperty("java.library.path", "");
        System.setProperty("java.library.path", target + (path.isEmpty() ? "" : java.io.File.pathSeparator + path));
    }

    private static Path ownJar() throws IOException {
        CodeSource cs = Platforms.class.getProtectionDomain().getCodeSource();
        if (cs == null) {
            return null;
        }
        try {
            Path p = Path.of(cs.getLocation().toURI());
            return Files.isRegularFile(p) ? p : null;
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }

    private static Path cacheFolder() {
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (os.startsWith("win") && System.getenv("LOCALAPPDATA") != null) {
            return Path.of(System.getenv("LOCALAPPDATA"), "backprop-workbench", "natives");
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(home, ".cache");
        return base.resolve("backprop-workbench").resolve("natives");
    }
}
