package org.backprop.workbench.lesson;

import org.backprop.workbench.io.NetworkDocument;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuizTest {
    /**
     * One sigmoid neuron: z = 0.5 * 2 - 0.5 = 0.5, a = σ(0.5), t = 1, quadratic cost, so by hand
     * δ = (a - t) σ'(z) = (a - 1) a (1 - a).
     */
    static final String ONE_NEURON = """
            ---
            title: Quiz
            network:
              layers: [1, {size: 1, activation: sigmoid}]
              loss: quadratic
              weights: [[[0.5]]]
              biases: [[-0.5]]
              inputs: %s
              targets: %s
            ---
            ## Q
            """;

    static final double A = 1 / (1 + Math.exp(-0.5));
    static final double DELTA = (A - 1) * A * (1 - A);

    static NetworkDocument doc(String inputs, String targets) throws LessonException {
        return LessonParser.parse(ONE_NEURON.formatted(inputs, targets), "q.md", LessonParserTest.NO_FILES).document();
    }

    static Quiz quiz(String entry, NetworkDocument doc) {
        return Quiz.of(doc, Quantity.parse(entry, doc.network(), doc.batch().size()), null, 1e-5);
    }

    @Test
    void theRightAnswerIsAcceptedWithinOnePercent() throws LessonException {
        Quiz quiz = quiz("delta1[0]", doc("[[2.0]]", "[[1.0]]"));
        assertEquals(DELTA, quiz.expected(), 1e-15);
        assertEquals(DELTA, quiz.numeric(), 1e-9);
        QuizGrade grade = quiz.grade("-0.0887");
        assertTrue(grade.correct(), grade.feedback());
        assertTrue(grade.message().startsWith("Right: δ^1[0, 0] = -0.0887235"), grade.message());
        assertFalse(quiz.grade("-0.0870").correct());
    }

    @Test
    void aWrongAnswerIsExplainedWithHowFarOffItIs() throws LessonException {
        QuizGrade grade = quiz("delta1[0]", doc("[[2.0]]", "[[1.0]]")).grade(-0.05);
        assertFalse(grade.correct());
        assertEquals(Math.abs(-0.05 - DELTA), grade.absoluteError(), 1e-15);
        assertEquals(Math.abs(-0.05 - DELTA) / Math.abs(DELTA), grade.relativeError(), 1e-12);
        assertTrue(grade.message().contains("You are off by 0.0387235 (43.6 %)"), grade.message());
    }

    @Test
    void forgettingSigmaPrimeIsRecognised() throws LessonException {
        QuizGrade grade = quiz("delta1[0]", doc("[[2.0]]", "[[1.0]]")).grade(A - 1);
        assertFalse(grade.correct());
        assertTrue(grade.hint().orElseThrow().contains("BP1 without σ'(z^L)"), grade.feedback());
    }

    @Test
    void forgettingTheOneOverMIsRecognisedAsAFactorM() throws LessonException {
        // four copies of the sample: each column of δ is a quarter of the one-sample δ
        NetworkDocument batch = doc("[[2.0], [2.0], [2.0], [2.0]]", "[[1.0], [1.0], [1.0], [1.0]]");
        Quiz quiz = quiz("delta1[0,2]", batch);
        assertEquals(DELTA / 4, quiz.expected(), 1e-15);
        QuizGrade grade = quiz.grade(DELTA);
        assertFalse(grade.correct());
        assertEquals("You are off by a factor m = 4: did you forget the 1/m of the batch mean?", grade.hint().orElseThrow());
        QuizGrade twice = quiz.grade(DELTA / 16);
        assertTrue(twice.hint().orElseThrow().contains("factor 1/m = 1/4"), twice.feedback());
    }

    @Test
    void aFlippedSignIsRecognised() throws LessonException {
        QuizGrade grade = quiz("gradW1[0,0]", doc("[[2.0]]", "[[1.0]]")).grade(-2 * DELTA);
        assertTrue(grade.hint().orElseThrow().startsWith("Right size, wrong sign"), grade.feedback());
    }

    @Test
    void somethingThatIsNotANumberIsExplained() throws LessonException {
        QuizGrade grade = quiz("delta1[0]", doc("[[2.0]]", "[[1.0]]")).grade("minus a bit");
        assertFalse(grade.correct());
        assertTrue(grade.message().contains("is not a number"), grade.message());
    }

    @Test
    void answersMayUseACommaAUnicodeMinusOrAFraction() {
        assertEquals(-0.25, Quiz.parseNumber("−0,25").orElseThrow());
        assertEquals(0.25, Quiz.parseNumber("1/4").orElseThrow());
        assertEquals(1.5e-3, Quiz.parseNumber(" 1.5e-3 ").orElseThrow());
        assertTrue(Quiz.parseNumber("1/0").isEmpty());
    }

    @Test
    void anExplicitToleranceIsAbsolute() throws LessonException {
        NetworkDocument doc = doc("[[2.0]]", "[[1.0]]");
        Quiz quiz = Quiz.of(doc, Quantity.parse("delta1[0]", doc.network(), 1), 0.01, 1e-5);
        assertTrue(quiz.grade(-0.08).correct());
        assertFalse(quiz.grade(-0.07).correct());
    }
}
