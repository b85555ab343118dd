package org.backprop.workbench.lesson;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code lessons/zh/} is a translation: every lesson is there, valid, with the same network data and the same
 * directives (steps, highlights, mistakes, quizzes, claims) in the same order; only the prose, the titles and the
 * network names change.
 */
class TranslatedLessonsTest {
    static final Path ZH = ShippedLessonsTest.FOLDER.resolve("zh");

    static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Lessons::isLessonFile).sorted().toList();
        }
    }

    private static List<String> frontMatterData(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        int end = lines.subList(1, lines.size()).indexOf("---") + 1;
        return lines.subList(1, end).stream()
                .filter(l -> !l.startsWith("title:") && !l.startsWith("summary:") && !l.strip().startsWith("name:"))
                .collect(Collectors.toList());
    }

    private static List<String> directives(Path file) throws IOException {
        return Files.readAllLines(file).stream().filter(l -> l.startsWith("@")).collect(Collectors.toList());
    }

    /** The lessons translated so far; a lesson added later is offered in English until it is translated. */
    static final int TRANSLATED = 11;

    @Test
    void everyTranslationHasTheSameNetworksAndDirectivesAsItsLesson() throws IOException {
        List<Path> zh = files(ZH);
        assertTrue(zh.size() >= TRANSLATED, "lessons/zh/ holds the first " + TRANSLATED + " lessons: " + zh);
        for (Path translated : zh) {
            Path en = ShippedLessonsTest.FOLDER.resolve(translated.getFileName());
            assertTrue(Files.exists(en), translated + " translates no lesson of lessons/");
            assertEquals(frontMatterData(en), frontMatterData(translated), translated + ": network data");
            assertEquals(directives(en), directives(translated), translated + ": directives");
        }
    }

    @Test
    void theNetworkFilesAreCopiedUnchanged() throws IOException {
        Path en = ShippedLessonsTest.FOLDER.resolve("networks");
        try (Stream<Path> files = Files.list(en)) {
            for (Path f : files.toList()) {
                assertEquals(Files.readString(f), Files.readString(ZH.resolve("networks").resolve(f.getFileName())),
                        "lessons/zh/networks/ holds the same " + f.getFileName());
            }
        }
    }

    @Test
    void everyChineseLessonIsValid() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : files(ZH)) {
            try {
                Lesson zh = Lessons.load(file);
                Lesson en = Lessons.load(ShippedLessonsTest.FOLDER.resolve(file.getFileName()));
                assertEquals(en.size(), zh.size(), file + ": steps");
            } catch (LessonException e) {
                problems.add(e.getMessage());
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theLibraryOffersTheLessonsOfTheLanguage() {
        LessonLibrary zh = LessonLibrary.find(java.util.Locale.SIMPLIFIED_CHINESE).orElseThrow();
        LessonLibrary en = LessonLibrary.find(java.util.Locale.ENGLISH).orElseThrow();
        assertEquals(ZH, zh.folder());
        assertEquals(ShippedLessonsTest.FOLDER, en.folder());
        assertEquals("一个神经元，一个样本", zh.entries().get(0).title());
        assertEquals("One neuron, one sample", en.entries().get(0).title());
    }
}
