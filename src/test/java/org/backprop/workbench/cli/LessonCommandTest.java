package org.backprop.workbench.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LessonCommandTest {
    record Run(int status, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Cli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void validatingAShippedLessonExitsZero() {
        Run r = run("lesson", "--validate", "lessons/01-one-neuron.md");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("lessons/01-one-neuron.md: valid: \"One neuron, one sample\""), r.out());
    }

    @Test
    void aLessonWithATypoInADirectiveIsRefusedWithItsLineNumber(@TempDir Path dir) throws IOException {
        String text = Files.readString(Path.of("lessons/01-one-neuron.md"))
                .replace("@mistake bp1-no-sigma-prime", "@mistake bp1-no-sigma-prim");
        int line = 1 + (int) text.substring(0, text.indexOf("@mistake bp1-no-sigma-prim")).chars()
                .filter(c -> c == '\n').count();
        Path bad = dir.resolve("typo.md");
        Files.writeString(bad, text);
        Run r = run("lesson", "--validate", bad.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().startsWith(bad + ":" + line + ": @mistake: unknown mistake \"bp1-no-sigma-prim\" "
                + "(did you mean \"bp1-no-sigma-prime\"?)"), r.err());
    }

    @Test
    void theShellGlobOfTheLessonsFolderSkipsItsReadmeAndValidates() {
        Run r = run("lesson", "--validate", "lessons/01-one-neuron.md", "lessons/README.md", "lessons/10-notation.md");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("lessons/README.md: skipped: the folder's README, not a lesson"), r.out());
        assertTrue(r.out().contains("lessons/10-notation.md: valid"), r.out());
    }

    @Test
    void listShowsTheLessonsOfTheFolderWithTheirStepCounts() {
        Run r = run("lesson", "--list");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("01-one-neuron.md                 One neuron, one sample (9 steps)"), r.out());
    }

    @Test
    void theOutlineListsTheSteps() {
        Run r = run("lesson", "lessons/01-one-neuron.md");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains(" 1. The smallest network  [step z1]"), r.out());
    }

    @Test
    void checkAcceptsALessonAndChecksItsNetwork() {
        Run r = run("check", "lessons/01-one-neuron.md");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("Network  1-1 sigmoid, quadratic"), r.out());
    }

    @Test
    void checkOfABrokenLessonNetworkExitsTwoWithTheLine(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.md");
        Files.writeString(bad, "---\ntitle: Bad\nnetwork: missing.json\n---\n## S\n");
        Run r = run("check", bad.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains(bad + ":3: network: "), r.err());
    }
}
