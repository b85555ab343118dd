package org.backprop.workbench.lesson;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LessonLibraryTest {
    @Test
    void aFolderListsItsLessonsInFileNameOrderWithTheirTitlesAndWithoutTheReadme() {
        List<LessonLibrary.Entry> entries = LessonLibrary.of(Path.of("lessons")).entries();
        assertEquals("01-one-neuron.md", entries.get(0).name());
        assertEquals("One neuron, one sample", entries.get(0).title());
        assertEquals("BP3 and BP4: bias and weight gradients", entries.get(2).title());
        assertTrue(entries.stream().noneMatch(e -> e.name().equals("README.md")));
    }

    @Test
    void theBundledCopyHasTheSameLessonsAndLoadsThemWithTheirNetworks() throws LessonException {
        LessonLibrary bundled = LessonLibrary.bundled().orElseThrow();
        assertTrue(bundled.isBundled());
        List<String> names = bundled.entries().stream().map(LessonLibrary.Entry::name).toList();
        assertEquals(LessonLibrary.of(Path.of("lessons")).entries().stream().map(LessonLibrary.Entry::name).toList(),
                names);
        LessonLibrary.Entry spotTheBug = bundled.entries().stream()
                .filter(e -> e.name().equals("09-spot-the-bug.md")).findFirst().orElseThrow();
        Lesson lesson = bundled.load(spotTheBug);   // its network is networks/softmax-2-3-2.json
        assertEquals(4, lesson.document().batch().size());
        assertEquals("lessons/09-spot-the-bug.md", lesson.file());
    }
}
