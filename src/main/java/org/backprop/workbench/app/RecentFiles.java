package org.backprop.workbench.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The most recently opened or saved files, newest first, kept as one path per line in a small text file
 * (in the settings folder beside {@code settings.properties} in the app, a temporary folder in tests).
 */
public final class RecentFiles {
    /** Entries kept; a File menu with more stops being quicker than the file dialog. */
    public static final int LIMIT = 8;

    private final Path store;

    /** @param store the text file holding the list; created on the first {@link #add} */
    public RecentFiles(Path store) {
        this.store = store;
    }

    /** The settings folder ({@link org.backprop.workbench.util.SettingsStore#folder()}), where the list is kept. */
    public static Path defaultFolder() {
        return org.backprop.workbench.util.SettingsStore.folder();
    }

    /** The paths, newest first; files that no longer exist are left out. An unreadable store reads as empty. */
    public List<Path> list() {
        List<Path> paths = new ArrayList<>();
        try {
            if (Files.isRegularFile(store)) {
                for (String line : Files.readAllLines(store, StandardCharsets.UTF_8)) {
                    try {
                        Path p = Path.of(line.trim());
                        if (!line.isBlank() && Files.isRegularFile(p) && !paths.contains(p)) {
                            paths.add(p);
                        }
                    } catch (InvalidPathException e) {
                        // a line written by something else: skip it
                    }
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return paths;
    }

    /** Puts a path first. A store that cannot be written is not worth an error dialog: the list is a convenience. */
    public void add(Path path) {
        List<Path> paths = new ArrayList<>(list());
        Path absolute = path.toAbsolutePath().normalize();
        paths.remove(absolute);
        paths.add(0, absolute);
        while (paths.size() > LIMIT) {
            paths.remove(paths.size() - 1);
        }
        try {
            Files.createDirectories(store.toAbsolutePath().getParent());
            Files.write(store, paths.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            // see above
        }
    }
}
