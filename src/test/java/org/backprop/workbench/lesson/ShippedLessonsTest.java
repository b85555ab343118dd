package org.backprop.workbench.lesson;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code mvn verify} validates every lesson in lessons/: a lesson whose claims stop holding breaks the build. */
class ShippedLessonsTest {
    static final Path FOLDER = Path.of("lessons");

    static List<Path> lessonFiles() throws IOException {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.filter(Lessons::isLessonFile).sorted().toList();
        }
    }

    @Test
    void everyLessonInTheFolderIsValid() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : lessonFiles()) {
            try {
                Lessons.load(file);
            } catch (LessonException e) {
                problems.add(e.getMessage());
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theCompleteExampleOfTheReadmeIsAValidLesson() throws Exception {
        String readme = Files.readString(FOLDER.resolve("README.md"));
        int start = readme.indexOf("```markdown\n") + "```markdown\n".length();
        String example = readme.substring(start, readme.indexOf("\n```\n", start) + 1);
        Lesson lesson = Lessons.load(example, "README example", LessonParserTest.NO_FILES);
        assertEquals(5, lesson.size());
        LessonException typo = org.junit.jupiter.api.Assertions.assertThrows(LessonException.class, () -> Lessons.load(
                example.replace("@mistake bp1-no-sigma-prime", "@mistake bp1-no-sigma"), "lessons/NN-name.md",
                LessonParserTest.NO_FILES));
        String shown = typo.problems().get(0).toString();
        assertTrue(readme.contains(shown.substring(0, shown.indexOf(" expected one of"))), shown);
    }

    @Test
    void theLessonsAreNumberedInOrderAndEachHasStepsAndATitle() throws Exception {
        List<Path> files = lessonFiles();
        assertTrue(files.size() >= 3, "lessons: " + files);
        for (int i = 0; i < files.size(); i++) {
            String name = files.get(i).getFileName().toString();
            assertTrue(name.startsWith(String.format("%02d-", i + 1)), name);
            Lesson lesson = LessonParser.parse(files.get(i));
            assertTrue(!lesson.title().isBlank() && lesson.size() >= 3, name);
        }
    }
}
