package org.backprop.workbench.hostile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A lesson's {@code network:} path stays in the lesson's folder tree. The files outside it are FIFOs: had the
 * validator opened one, it would hang and fail the time bound, so a passing test shows nothing outside was opened.
 */
class HostilePathsTest {
    private static final String NETWORK = """
            {"layers": [1, {"size": 1, "activation": "sigmoid"}], "loss": "quadratic",
             "weights": [[[0.5]]], "biases": [[0.1]], "inputs": [[1.0]], "targets": [[0.0]]}
            """;

    private static String lessonWith(String network) {
        return "---\ntitle: Paths\nnetwork: " + network + "\n---\n## One\nText.\n";
    }

    private static Hostile.Run validate(Path lesson) {
        return Hostile.cli("lesson", "--validate", lesson.toString());
    }

    private static void refused(Hostile.Run r, Path lesson, String expected) {
        assertEquals(2, r.status(), r.out() + r.err());
        assertTrue(r.err().startsWith(lesson + ":3: network: ")
                || r.err().startsWith("error: " + lesson + ":3: network: "), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertTrue(r.err().contains("a lesson's network must be in the lesson's folder or below it"), r.err());
    }

    @Test
    void anAbsolutePathIsRefusedWithoutOpeningIt(@TempDir Path dir) throws Exception {
        Path outside = Hostile.fifo(dir.resolve("outside.json"));
        Path lesson = Hostile.write(dir.resolve("course/lesson.md"), lessonWith(outside.toString()));
        refused(validate(lesson), lesson, outside + ": is an absolute path");
        refused(Hostile.cli("check", lesson.toString()), lesson, "is an absolute path");
    }

    @Test
    void dotDotOutOfTheFolderIsRefusedWithoutOpeningIt(@TempDir Path dir) throws Exception {
        Hostile.fifo(dir.resolve("outside.json"));
        Path lesson = Hostile.write(dir.resolve("course/lesson.md"), lessonWith("../outside.json"));
        refused(validate(lesson), lesson, "../outside.json: leaves the lesson's folder");
        Path sneaky = Hostile.write(dir.resolve("course/sneaky.md"), lessonWith("networks/../../outside.json"));
        Files.createDirectories(dir.resolve("course/networks"));
        refused(validate(sneaky), sneaky, "leaves the lesson's folder");
    }

    @Test
    void aLinkOutOfTheFolderIsRefusedWithoutOpeningItsTarget(@TempDir Path dir) throws Exception {
        Path outside = Hostile.fifo(dir.resolve("outside.json"));
        Files.createDirectories(dir.resolve("course/networks"));
        Files.createSymbolicLink(dir.resolve("course/networks/net.json"), outside);
        Path lesson = Hostile.write(dir.resolve("course/lesson.md"), lessonWith("networks/net.json"));
        refused(validate(lesson), lesson, "networks/net.json: is a link to a file outside the lesson's folder");
        Files.createSymbolicLink(dir.resolve("course/up"), dir);
        Path viaFolder = Hostile.write(dir.resolve("course/via-folder.md"), lessonWith("up/outside.json"));
        refused(validate(viaFolder), viaFolder, "is a link to a file outside the lesson's folder");
    }

    @Test
    void theContentOfAFileOutsideIsNeverEchoed(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "SECRET-TOKEN-123 is not JSON");
        Path lesson = Hostile.write(dir.resolve("course/lesson.md"), lessonWith(secret.toString()));
        Hostile.Run r = validate(lesson);
        assertEquals(2, r.status());
        assertFalse(r.err().contains("SECRET"), r.err());
    }

    @Test
    void aNulInTheNetworkPathIsRefusedInWords(@TempDir Path dir) throws Exception {
        Path lesson = Hostile.write(dir.resolve("course/lesson.md"), lessonWith("\"net\\0.json\""));
        Hostile.Run r = validate(lesson);
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("cannot name a file (it holds a NUL"), r.err());
        assertFalse(r.err().contains("InvalidPathException"), r.err());
    }

    @Test
    void aPathInsideTheFolderTreeAndALinkWithinItAreRead(@TempDir Path dir) throws Exception {
        Hostile.write(dir.resolve("course/networks/net.json"), NETWORK);
        Files.createSymbolicLink(dir.resolve("course/alias.json"), dir.resolve("course/networks/net.json"));
        for (String path : new String[]{"networks/net.json", "./networks/../networks/net.json", "alias.json"}) {
            Path lesson = Hostile.write(dir.resolve("course/lesson.md"), lessonWith(path));
            Hostile.Run r = validate(lesson);
            assertEquals(0, r.status(), path + ": " + r.err());
        }
    }
}
