package org.backprop.workbench.lesson;

import org.backprop.workbench.i18n.Messages;
import org.backprop.workbench.io.SafeFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The lessons the app offers: the files of a {@code lessons/} folder, or, when there is none beside the working
 * directory, the copy bundled in the jar (the build copies {@code lessons/} and {@code examples/} into it).
 */
public final class LessonLibrary {
    /** The folder name, on disk and in the jar. */
    public static final String FOLDER = "lessons";

    /** A lesson file and its title, read from the front matter without loading the lesson. */
    public record Entry(Path path, String title) {
        /** The file name, e.g. {@code 01-one-neuron.md}. */
        public String name() {
            return path.getFileName().toString();
        }
    }

    private final Path folder;
    private final boolean bundled;

    private LessonLibrary(Path folder, boolean bundled) {
        this.folder = folder;
        this.bundled = bundled;
    }

    /** The lessons of a folder on disk. */
    public static LessonLibrary of(Path folder) {
        return new LessonLibrary(folder, false);
    }

    /** The lessons in the current language ({@link Messages#locale()}): see {@link #find(Locale)}. */
    public static Optional<LessonLibrary> find() {
        return find(Messages.locale());
    }

    /**
     * {@code lessons/} in the working directory if it holds lessons, else the bundled ones, if any; in Chinese the
     * translations in their {@code zh/} subfolder, where there are some.
     */
    public static Optional<LessonLibrary> find(Locale language) {
        String translation = translationFolder(language);
        Path local = Path.of(FOLDER);
        if (Files.isDirectory(local) && !of(local).entries().isEmpty()) {
            Path translated = translation == null ? null : local.resolve(translation);
            if (translated != null && Files.isDirectory(translated) && !of(translated).entries().isEmpty()) {
                return Optional.of(of(translated));
            }
            return Optional.of(of(local));
        }
        if (translation != null) {
            Optional<LessonLibrary> translated = bundled(FOLDER + "/" + translation);
            if (translated.isPresent() && !translated.get().entries().isEmpty()) {
                return translated;
            }
        }
        return bundled();
    }

    /** The subfolder of the translated lessons for {@code language}, or null for English (the folder itself). */
    static String translationFolder(Locale language) {
        return language != null && language.getLanguage().equals("zh") ? "zh" : null;
    }

    /** The lessons bundled on the class path (in the jar, or target/classes during development). */
    public static Optional<LessonLibrary> bundled() {
        return bundled(FOLDER);
    }

    private static Optional<LessonLibrary> bundled(String resourceFolder) {
        URL url = LessonLibrary.class.getResource("/" + resourceFolder + "/");
        if (url == null) {
            return Optional.empty();
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return Optional.of(new LessonLibrary(fs.getPath("/" + resourceFolder), true));
            }
            return Optional.of(new LessonLibrary(Path.of(uri), true));
        } catch (URISyntaxException | IOException e) {
            return Optional.empty();
        }
    }

    /** The folder the lessons are read from. */
    public Path folder() { return folder; }

    /** True for the copy inside the application. */
    public boolean isBundled() { return bundled; }

    /** The lessons in file-name order (the numbers in the names give the order). */
    public List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.filter(Lessons::isLessonFile).sorted().toList()) {
                entries.add(new Entry(p, title(p)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the lessons in " + folder, e);
        }
        return entries;
    }

    /** Loads and validates one lesson. */
    public Lesson load(Entry entry) throws LessonException {
        if (bundled) {
            String text = LessonParser.read(entry.path());
            String label = folder.getFileName() != null && !folder.getFileName().toString().equals(FOLDER)
                    ? FOLDER + "/" + folder.getFileName() + "/" + entry.name() : FOLDER + "/" + entry.name();
            return Lessons.load(text, label, LessonParser.relativeTo(entry.path()));
        }
        return Lessons.load(entry.path());
    }

    /** The front matter's title (first {@code title:} line), or the file name if there is none. */
    static String title(Path lesson) {
        try (Stream<String> lines = new String(SafeFiles.read(lesson, LessonParser.MAX_FILE_BYTES, Messages.get("file.what.lesson")),
                StandardCharsets.UTF_8).lines()) {
            return lines.limit(20).filter(l -> l.startsWith("title:")).findFirst()
                    .map(l -> unquote(l.substring("title:".length()).strip()))
                    .orElse(lesson.getFileName().toString());
        } catch (IOException | UncheckedIOException e) {
            return lesson.getFileName().toString();
        }
    }

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
