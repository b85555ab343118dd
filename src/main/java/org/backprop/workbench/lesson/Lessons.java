package org.backprop.workbench.lesson;

import java.nio.file.Path;
import java.util.List;

/** Loading a lesson the way the app and the command line do: parsed, then validated against the engine. */
public final class Lessons {
    private Lessons() {
    }

    /**
     * Reads and validates a lesson file.
     *
     * @throws LessonException listing every problem, each with its line number
     */
    public static Lesson load(Path path) throws LessonException {
        return validated(LessonParser.parse(path));
    }

    /** Parses and validates the text of a lesson; {@code network:} paths are resolved by {@code source}. */
    public static Lesson load(String text, String file, LessonParser.NetworkSource source) throws LessonException {
        return validated(LessonParser.parse(text, file, source));
    }

    private static Lesson validated(Lesson lesson) throws LessonException {
        List<LessonProblem> problems = LessonValidator.validate(lesson);
        if (!problems.isEmpty()) {
            throw new LessonException(problems);
        }
        return lesson;
    }

    /** True for a file name a lesson has: ends with {@code .md} and is not the folder's README. */
    public static boolean isLessonFile(Path path) {
        String name = path.getFileName().toString();
        return name.endsWith(".md") && !name.equalsIgnoreCase("README.md");
    }
}
