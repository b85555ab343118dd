package org.backprop.workbench.lesson;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A quiz keeps its value hidden until it is found, asked for, or three tries have gone wrong. */
class QuizAttemptTest {
    /** The hand-computed δ of QuizTest's one neuron, as the feedback prints it (6 significant digits). */
    static final String DELTA_TEXT = String.format(Locale.ROOT, "%.6g", QuizTest.DELTA);

    static QuizAttempt attempt() throws LessonException {
        return new QuizAttempt(QuizTest.quiz("delta1[0]", QuizTest.doc("[[2.0]]", "[[1.0]]")));
    }

    @Test
    void wrongTriesGiveHintsWithoutTheValueUntilTheThird() throws LessonException {
        QuizAttempt attempt = attempt();
        QuizAttempt.Outcome first = attempt.answer("-0.05");
        assertFalse(first.correct());
        assertFalse(first.feedback().contains(DELTA_TEXT), first.feedback());
        assertFalse(first.feedback().contains("-0.0887"), first.feedback());
        assertTrue(first.feedback().contains("try 1 of 3"), first.feedback());
        assertTrue(first.feedback().contains("too small"), first.feedback());   // |-0.05| < |δ| = 0.0887
        assertFalse(attempt.revealed());
        assertEquals(2, attempt.triesLeft());

        // the answer of BP1 without σ' is the fingerprint of that mistake: the hint names it, not the value
        QuizAttempt.Outcome second = attempt.answer(String.valueOf(QuizTest.A - 1));
        assertTrue(second.feedback().contains("BP1 without σ'(z^L)"), second.feedback());
        assertFalse(second.feedback().contains(DELTA_TEXT), second.feedback());
        assertFalse(attempt.revealed());

        QuizAttempt.Outcome third = attempt.answer("0.0887");   // right size, wrong sign
        assertTrue(third.feedback().contains("wrong sign"), third.feedback());
        assertTrue(third.feedback().contains("The answer: δ^1[0, 0] = " + DELTA_TEXT), third.feedback());
        assertTrue(attempt.revealed());
        assertFalse(attempt.solved());
        assertEquals(QuizAttempt.TRIES, attempt.tries());
    }

    @Test
    void aRightAnswerRevealsTheValue() throws LessonException {
        QuizAttempt attempt = attempt();
        QuizAttempt.Outcome right = attempt.answer("-0.0887");
        assertTrue(right.correct());
        assertTrue(right.feedback().startsWith("Right: δ^1[0, 0] = " + DELTA_TEXT), right.feedback());
        assertTrue(attempt.revealed());
        assertTrue(attempt.solved());
    }

    @Test
    void textThatIsNotANumberDoesNotCountAsATry() throws LessonException {
        QuizAttempt attempt = attempt();
        QuizAttempt.Outcome outcome = attempt.answer("delta");
        assertFalse(outcome.counted());
        assertTrue(outcome.feedback().contains("is not a number"), outcome.feedback());
        assertEquals(0, attempt.tries());
        assertEquals(QuizAttempt.TRIES, attempt.triesLeft());
    }

    @Test
    void showAnswerRevealsTheValue() throws LessonException {
        QuizAttempt attempt = attempt();
        attempt.answer("1");
        QuizAttempt.Outcome shown = attempt.giveUp();
        assertEquals("The answer: δ^1[0, 0] = " + DELTA_TEXT + " (central difference: " + DELTA_TEXT + ").",
                shown.feedback());
        assertTrue(attempt.revealed());
        assertFalse(attempt.solved());
    }

    @Test
    void aNearMissIsToldToKeepMoreDigits() throws LessonException {
        Quiz quiz = QuizTest.quiz("delta1[0]", QuizTest.doc("[[2.0]]", "[[1.0]]"));
        String nudge = quiz.nudge(QuizTest.DELTA * 1.05);
        assertTrue(nudge.startsWith("Close, but not within the tolerance"), nudge);
        assertFalse(nudge.matches(".*\\d\\.\\d.*"), nudge);   // no number in it
        assertTrue(quiz.nudge(QuizTest.DELTA * 3).contains("too large"));
        assertTrue(quiz.nudge(-QuizTest.DELTA * 3).startsWith("The sign is wrong"));
    }
}
