package org.backprop.workbench.hostile;

import org.backprop.workbench.lesson.TexSubset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Formulas in lessons are typeset only inside the documented subset: nothing read, nothing defined, all bounded. */
class HostileTexTest {
    /** The formula's line: the lesson's body starts on line 12 (front matter 1-10, the step heading 11). */
    private static final int LINE = 12;

    private static Hostile.Run validate(Path dir, String formulaLine) throws Exception {
        Path lesson = Hostile.write(dir.resolve("lesson/hostile.md"), Hostile.lesson(formulaLine));
        return Hostile.cli("lesson", "--validate", lesson.toString());
    }

    private static void refused(Hostile.Run r, Path dir, String expected) {
        assertEquals(2, r.status(), r.out() + r.err());
        assertTrue(r.err().startsWith(dir.resolve("lesson/hostile.md") + ":" + LINE + ": the formula $"), r.err());
        assertTrue(r.err().contains(expected), r.err());
    }

    @Test
    void includegraphicsIsRefusedWithoutOpeningTheFileItNames(@TempDir Path dir) throws Exception {
        Path bait = Hostile.fifo(dir.resolve("bait.png"));
        Hostile.Run r = validate(dir, "See $\\includegraphics{" + bait + "}$ here.");
        refused(r, dir, "uses \\includegraphics, which is not in the lessons' TeX subset (a formula may not read "
                + "files or URLs)");
    }

    @Test
    void aUrlInIncludegraphicsIsRefusedToo(@TempDir Path dir) throws Exception {
        refused(validate(dir, "$$\\includegraphics{http://127.0.0.1:9/x.png}$$"), dir, "\\includegraphics");
    }

    @Test
    void macroDefinitionsAreRefusedAtOnceEvenWhenRecursive(@TempDir Path dir) throws Exception {
        for (String tex : List.of("\\newcommand{\\a}{\\a\\a}\\a", "\\def\\a{\\a\\a}\\a", "\\renewcommand{\\frac}{x}",
                "\\newenvironment{e}{}{}")) {
            Hostile.Run r = validate(dir, "$" + tex + "$");
            refused(r, dir, "(a lesson may not define macros)");
        }
    }

    @Test
    void deepNestingIsRefusedBeforeTheTypesetterRecurses(@TempDir Path dir) throws Exception {
        int n = 50_000;
        for (String tex : List.of("{".repeat(n) + "x" + "}".repeat(n), "\\frac{".repeat(n) + "1}{2}",
                "\\hat".repeat(n) + "x", "\\left(".repeat(n) + "x" + "\\right)".repeat(n), "x^{".repeat(n))) {
            Hostile.Run r = validate(dir, "$$" + tex + "$$");
            assertEquals(2, r.status(), r.err());
            assertTrue(r.err().contains("characters long; a formula may have at most " + TexSubset.MAX_LENGTH)
                    || r.err().contains("nests deeper than " + TexSubset.MAX_DEPTH), r.err());
            String shortTex = tex.substring(0, Math.min(tex.length(), 600));
            assertTrue(TexSubset.problem(shortTex).orElseThrow().contains("nests deeper"), shortTex);
        }
    }

    @Test
    void aFormulaLongerThanTheLimitIsRefusedAndTheMessageQuotesOnlyItsStart(@TempDir Path dir) throws Exception {
        Hostile.Run r = validate(dir, "$" + "x+".repeat(250_000) + "x$");
        refused(r, dir, "is 500001 characters long; a formula may have at most " + TexSubset.MAX_LENGTH);
        assertTrue(r.err().length() < 1000, "the message quotes the formula's start only");
    }

    @Test
    void charactersOutsideTheSubsetAreNamed(@TempDir Path dir) throws Exception {
        refused(validate(dir, "$x # y$"), dir, "holds the character \"#\" (U+0023), which a formula may not use "
                + "(macro parameters are not part of the subset)");
        refused(validate(dir, "$\\pmatrix@@env$"), dir, "uses \\pmatrix");
        refused(validate(dir, "$x \u001b[2J$"), dir, "U+001B");
        refused(validate(dir, "$\\hspace{100000cm}$"), dir, "uses \\hspace");
        refused(validate(dir, "$\\begin{tabular}{c}x\\end{tabular}$"), dir, "\\begin needs one of the environments");
    }

    @Test
    void whatTheLessonsWriteIsInsideTheSubset() {
        for (String tex : List.of("\\frac{\\partial C}{\\partial w^{l}_{jk}} = a^{l-1}_k \\delta^l_j",
                "\\delta^L = \\nabla_a C \\odot \\sigma'(z^L)", "\\textcolor{red}{x} + \\sqrt[3]{y}",
                "\\begin{pmatrix} 1 & 2 \\\\ 3 & 4 \\end{pmatrix}", "\\begin{array}{l} a = b \\\\ \\qquad = c\\end{array}",
                "\\left( \\sum_{i=1}^{m} \\tfrac{1}{m} \\right) \\approx 10^{-5}", "\\operatorname{softmax}(z)_j",
                "\\mathbf{w}^{\\top} \\cdot \\text{cost} \\; \\% \\, \\{x\\}", "a_{ij} ≤ π")) {
            assertEquals(java.util.Optional.empty(), TexSubset.problem(tex), tex);
        }
    }

    /**
     * The worst the subset admits (deepest nesting of each kind, longest formula) typesets quickly on a thread with a
     * small stack (256 KB, a quarter of the default): the bounds are low enough.
     */
    @Test
    void theWorstTheSubsetAdmitsTypesetsOnASmallStack() throws Exception {
        int d = TexSubset.MAX_DEPTH;
        List<String> worst = List.of("{".repeat(d) + "x" + "}".repeat(d), "\\hat".repeat(d) + " x",
                "\\frac{".repeat(d / 2) + "1" + "}{2}".repeat(d / 2), "\\sqrt".repeat(d) + " x",
                "\\left(".repeat(d) + "x" + "\\right)".repeat(d), "x^{".repeat(d) + "y" + "}".repeat(d),
                ("\\frac{a}{b}\\sqrt{c}+").repeat(TexSubset.MAX_LENGTH / 20));
        for (String tex : worst) {
            assertEquals(java.util.Optional.empty(), TexSubset.problem(tex), tex);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            assertTimeoutPreemptively(Hostile.HANG, () -> {
                Thread t = new Thread(null, () -> {
                    try {
                        new TeXFormula(tex).createTeXIcon(TeXConstants.STYLE_DISPLAY, 20);
                    } catch (Throwable e) {
                        failure.set(e);
                    }
                }, "small-stack", 256 * 1024);
                t.start();
                t.join();
            });
            assertNull(failure.get(), () -> tex + ": " + failure.get());
        }
    }
}
