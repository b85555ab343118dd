package org.backprop.workbench.hostile;

import org.backprop.workbench.lesson.Prose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The prose renderer's internal markers are private-use characters; a lesson's own are refused and defused. */
class HostileProseTest {
    @Test
    void theValidatorRefusesTheMarkersWithTheirLine(@TempDir Path dir) throws Exception {
        Path lesson = Hostile.write(dir.resolve("pua.md"), Hostile.lesson("First line.\nA \uE0009\uE001 and \uE001x."));
        Hostile.Run r = Hostile.cli("lesson", "--validate", lesson.toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains(lesson + ":13: holds the private-use character U+E000, which a lesson may not use"),
                r.err());
    }

    @Test
    void whatTheAppRendersNeverThrowsWhateverTheProseHolds() {
        for (String text : new String[]{"\uE000", "\uE001", "\uE000\uE001", "\uE00099999999999\uE001",
                "$x$ \uE0000\uE001 $y$", "\uE000-1\uE001", "a\uE000b"}) {
            Prose prose = Prose.of(text);
            prose.html();   // walks every text node through spans(), as the app's ProseView does
            assertTrue(prose.spans(text).stream().noneMatch(s -> s.text().indexOf('\uE000') >= 0), text);
            assertEquals(1, prose.problems().size(), text);
        }
    }
}
