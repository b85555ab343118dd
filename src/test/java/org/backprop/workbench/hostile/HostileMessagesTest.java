package org.backprop.workbench.hostile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every refusal names file, field or line, and expectation in the project's words; nothing reaches the terminal raw. */
class HostileMessagesTest {
    private static final String NETWORK = "{\"layers\": [1, {\"size\": 1, \"activation\": \"sigmoid\"}], "
            + "\"loss\": \"quadratic\", \"weights\": [[[%s]]], \"biases\": [[0.1]], \"inputs\": [[1.0]], "
            + "\"targets\": [[0.0]]}";

    private static void noImplementation(String message) {
        for (String leak : new String[]{"Exception", "BigDecimal", "For input string", "StreamReadConstraints",
                "java.", "jackson"}) {
            assertFalse(message.contains(leak), leak + " in: " + message);
        }
    }

    @Test
    void numbersWithHugeExponentsAreRefusedWithTheirPlace(@TempDir Path dir) throws Exception {
        for (String number : new String[]{"1e999999999999", "0.1e-2147483648", "-5e2147483648"}) {
            Path file = Files.writeString(dir.resolve("n.json"), String.format(NETWORK, number));
            Hostile.Run r = Hostile.cli("check", file.toString());
            assertEquals(2, r.status(), r.err());
            assertTrue(r.err().startsWith("error: " + file + ": line 1, column "), r.err());
            assertTrue(r.err().contains("a number with an exponent far beyond the range of double precision"), r.err());
            noImplementation(r.err());
        }
    }

    @Test
    void jacksonLimitsAreSaidInTheProjectsWords(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("long.json"), String.format(NETWORK, "0." + "1".repeat(5000)));
        Hostile.Run r = Hostile.cli("check", file.toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("a number written with"), r.err());
        noImplementation(r.err());
    }

    @Test
    void aRawControlCharacterInAStringIsNamedAndShownEscaped(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("ansi.json"),
                "{\"layers\": [1, {\"size\": 1, \"activation\": \"\u001b[2Jsigmoid\"}], \"loss\": \"quadratic\"}");
        Hostile.Run r = Hostile.cli("check", file.toString());
        assertEquals(2, r.status(), r.err());
        assertEquals("error: " + file + ": line 1, column 43: malformed JSON: a control character (U+001B) inside a "
                + "string; JSON allows it only escaped, as \\u001b, and no name in a network file needs one",
                r.err().strip());
        noImplementation(r.err());
    }

    @Test
    void aHugeIndexInALessonIsAnOutOfRangeIndexNotAParserMessage(@TempDir Path dir) throws Exception {
        Path lesson = Hostile.write(dir.resolve("l.md"), Hostile.lesson("@highlight w1[99999999999999999999,0]\n"
                + "@expect BP99999999999999 layer 1 fails\n@quiz a99999999999[0]"));
        Hostile.Run r = Hostile.cli("lesson", "--validate", lesson.toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains(lesson + ":12: @highlight: the index 999999999... (20 digits) is far beyond"),
                r.err());
        noImplementation(r.err());
    }

    @Test
    void yamlNumbersBeyondDoublePrecisionAreOutOfRangeNotInfinity(@TempDir Path dir) throws Exception {
        Path lesson = Hostile.write(dir.resolve("l.md"), Hostile.lesson("Text.").replace("[[[0.5]]]", "[[[1e400]]]"));
        Hostile.Run r = Hostile.cli("lesson", "--validate", lesson.toString());
        assertEquals(2, r.status(), r.err());
        assertTrue(r.err().contains("is beyond the range of double precision"), r.err());
        assertFalse(r.err().contains("Infinity"), r.err());
    }

    @Test
    void aByteOrderMarkBeforeTheFrontMatterIsAccepted(@TempDir Path dir) throws Exception {
        Path lesson = Hostile.write(dir.resolve("bom.md"), "\uFEFF" + Hostile.lesson("Text."));
        Hostile.Run r = Hostile.cli("lesson", "--validate", lesson.toString());
        assertEquals(0, r.status(), r.err());
    }

    @Test
    void escapeSequencesFromALessonNeverReachTheTerminal(@TempDir Path dir) throws Exception {
        Path lesson = Hostile.write(dir.resolve("ansi.md"), Hostile.lesson("Text.")
                .replace("title: Hostile", "title: \"\\e[2J\\e[31mPwned\\rerror: forged\"")
                .replace("## One step", "## Step \u001b]0;title\u0007 \u202Eevil"));
        Hostile.Run valid = Hostile.cli("lesson", "--validate", lesson.toString());
        Hostile.Run outline = Hostile.cli("lesson", lesson.toString());
        for (Hostile.Run r : new Hostile.Run[]{valid, outline}) {
            assertEquals(0, r.status(), r.err());
            assertTrue(r.out().chars().noneMatch(c -> c == 0x1b || c == '\r' || c == 7 || c == 0x202E), r.out());
        }
        assertTrue(valid.out().contains("valid: \"\\e[2J\\e[31mPwned\\rerror: forged\""), valid.out());
        assertTrue(outline.out().contains("Step \\e]0;title\\u0007 \\u202Eevil"), outline.out());
    }

    @Test
    void aNewlineInAFieldNameCannotForgeAnErrorLine(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("n.json"), String.format(NETWORK, "0.5")
                .replace("{\"layers\"", "{\"x\\nerror: all checks passed\\u001b[2J\": 1, \"layers\""));
        Hostile.Run r = Hostile.cli("check", file.toString());
        assertEquals(2, r.status(), r.err());
        assertEquals(1, r.err().lines().filter(l -> l.startsWith("error:")).count(), r.err());
        assertTrue(r.err().contains("x\\nerror: all checks passed\\e[2J"), r.err());
    }

    @Test
    void optionsAcceptOnlyTheNumbersTheyDocument() {
        Hostile.Run r = Hostile.cli("check", "examples/one-neuron.json", "--epsilon", "1e-5f");
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--epsilon': expected a decimal number such as 1e-5; found \"1e-5f\""), r.err());
        for (String hex : new String[]{"0x1p-10", "1e-5d"}) {
            assertEquals(2, Hostile.cli("check", "examples/one-neuron.json", "--epsilon", hex).status(), hex);
        }
        Hostile.Run arabic = Hostile.cli("check", "examples/one-neuron.json", "--mode", "sample:\u0663");
        assertEquals(2, arabic.status());
        assertTrue(arabic.err().contains("--mode: sample:N needs a whole number N >= 1"), arabic.err());
        Hostile.Run threads = Hostile.cli("check", "examples/one-neuron.json", "--threads", "\u0664");
        assertEquals(2, threads.status());
        assertTrue(threads.err().contains("expected a whole number such as 4 (digits 0-9)"), threads.err());
    }
}
