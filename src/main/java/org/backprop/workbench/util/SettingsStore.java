package org.backprop.workbench.util;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The user's settings between runs: one {@code settings.properties} file (UTF-8, key = value) in the settings
 * folder, beside the recent-files list and the log. The folder is, in order: the system property
 * {@value #HOME_PROPERTY} (the tests point it at a temporary folder), {@code %APPDATA%\backprop-workbench} on Windows,
 * {@code ~/Library/Application Support/backprop-workbench} on macOS, {@code $XDG_CONFIG_HOME/backprop-workbench}
 * (default {@code ~/.config/backprop-workbench}) elsewhere, as the XDG base-directory specification asks.
 *
 * <p>A store that cannot be read, or is damaged (not a properties file, bad escapes, not UTF-8), reads as empty, so
 * every setting takes its default; values that do not parse are the caller's defaults too. Writes replace the file
 * atomically, so a crash mid-write leaves the previous settings. A store that cannot be written is not an error: the
 * settings still hold for this run.
 */
public final class SettingsStore {
    /** The system property naming the settings folder (overrides the platform's default). */
    public static final String HOME_PROPERTY = "backprop.workbench.home";
    /** The file name of the settings in their folder. */
    public static final String FILE = "settings.properties";

    private final Path file;

    /** @param file the properties file ({@code null} not permitted); it need not exist */
    public SettingsStore(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** The store in the default settings folder. */
    public static SettingsStore standard() {
        return new SettingsStore(folder().resolve(FILE));
    }

    /** The settings folder (see the class comment); not created here. */
    public static Path folder() {
        return folder(System.getProperty(HOME_PROPERTY), System.getProperty("os.name", ""),
                System.getProperty("user.home", "."), System.getenv());
    }

    /** The settings folder for the given property, system, home and environment (for tests). */
    static Path folder(String property, String osName, String home, Map<String, String> env) {
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("win") && nonEmpty(env.get("APPDATA"))) {
            return Path.of(env.get("APPDATA"), "backprop-workbench");
        }
        if (os.startsWith("mac") || os.contains("darwin")) {
            return Path.of(home, "Library", "Application Support", "backprop-workbench");
        }
        String xdg = env.get("XDG_CONFIG_HOME");
        // the specification: a relative XDG path is invalid and is ignored
        if (nonEmpty(xdg) && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "backprop-workbench");
        }
        return Path.of(home, ".config", "backprop-workbench");
    }

    private static boolean nonEmpty(String s) {
        return s != null && !s.isEmpty();
    }

    /** The file this store reads and writes. */
    public Path file() {
        return file;
    }

    /** Every setting; empty if the store is missing, unreadable or damaged. */
    public synchronized Map<String, String> read() {
        Map<String, String> values = new TreeMap<>();
        if (!Files.isRegularFile(file)) {
            return values;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            // damaged (e.g. a malformed \\u escape, or bytes that are not UTF-8): every setting its default
            return values;
        }
        p.forEach((k, v) -> values.put(k.toString(), v.toString()));
        return values;
    }

    /** One setting, if it is there. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(read().get(key));
    }

    /** Sets one setting, keeping the others. */
    public void put(String key, String value) {
        putAll(Map.of(key, value));
    }

    /**
     * Sets several settings at once, keeping the others (a read-modify-write under this store's lock, so that the
     * language, written by {@code Messages}, and the window's settings do not overwrite each other in one run).
     *
     * @return false if the store could not be written
     */
    public synchronized boolean putAll(Map<String, String> changes) {
        Map<String, String> values = read();
        values.putAll(changes);
        Properties p = new Properties();
        p.putAll(values);
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, FILE, ".part");
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                p.store(out, "Backprop Workbench settings");
            }
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /** A double setting, or {@code fallback} if it is missing, not a number or outside [min, max]. */
    public static double parse(Map<String, String> values, String key, double fallback, double min, double max) {
        String s = values.get(key);
        if (s == null) {
            return fallback;
        }
        try {
            double v = Double.parseDouble(s.strip());
            return Double.isFinite(v) && v >= min && v <= max ? v : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
