package org.backprop.workbench.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's "Check your own backprop" section shows the real output of {@code check --against} on the shipped
 * example values file (written there as mine.json, the name its workflow gives it) and the real one-line refusal of
 * a transposed gradW, so that a change of the report shows up here and the README is brought along.
 */
class ReadmeAgainstTest {
    private static String readme() throws IOException {
        return Files.readString(Path.of("README.md"));
    }

    @Test
    void theReadmeShowsTheRealReportOfTheShippedBuggyValues() throws IOException {
        CheckCommandTest.Run r = CheckCommandTest.run("check", "examples/softmax-2-3-2.json", "--against",
                "examples/values/softmax-2-3-2-bp2-bug.json");
        assertEquals(1, r.status(), r.err());
        String shown = r.out().replace("examples/values/softmax-2-3-2-bp2-bug.json", "mine.json");
        assertTrue(readme().contains("--against mine.json\n" + shown), "README's --against output is not the current "
                + "output:\n" + shown);
    }

    @Test
    void theReadmeShowsTheRealRefusalOfATransposedGradW() throws IOException {
        Path file = Files.createTempDirectory("readme").resolve("transposed.json");
        Files.writeString(file, "{\"layers\": [{\"layer\": 2, \"gradW\": [[0.1, 0.2, 0.3], [0.4, 0.5, 0.6]]}]}");
        CheckCommandTest.Run r = CheckCommandTest.run("check", "examples/softmax-2-3-2.json", "--against",
                file.toString());
        assertEquals(2, r.status());
        String line = r.err().strip().replace(file.toString(), "transposed.json");
        String flowed = readme().replaceAll("\n(?=[a-z(])", " ");   // the README wraps the line at 120 columns
        assertTrue(flowed.contains("`" + line + "`"), "README's refusal is not the current one:\n" + line);
    }
}
