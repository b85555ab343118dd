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

    @Test
    void everyLessonIsTranslatedWithTheSameNetworksAndDirectives() throws IOException {
        List<Path> en = files(ShippedLessonsTest.FOLDER);
        List<Path> zh = files(ZH);
        assertEquals(en.stream().map(p -> p.getFileName().toString()).toList(),
                zh.stream().map(p -> p.getFileName().toString()).toList(), "lessons/zh/ holds every lesson");
        for (int i = 0; i < en.size(); i++) {
            assertEquals(frontMatterData(en.get(i)), frontMatterData(zh.get(i)), zh.get(i) + ": network data");
            assertEquals(directives(en.get(i)), directives(zh.get(i)), zh.get(i) + ": directives");
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
