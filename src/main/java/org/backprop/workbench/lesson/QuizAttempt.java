package org.backprop.workbench.lesson;

import org.backprop.workbench.i18n.Messages;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A student working on one quiz: the tries so far and whether the answer has been revealed. Until it is (a right
 * answer, {@link #giveUp()}, or {@link #TRIES} wrong tries) the value stays hidden: a wrong try is told only a hint
 * that leads toward the value ({@link Quiz#nudge}), so the workbench's views keep the asked entry hidden too.
 */
public final class QuizAttempt {
    /**
     * Wrong tries after which the answer is shown: enough to act on two hints, few enough that a stuck student is
     * not left guessing.
     */
    public static final int TRIES = 3;

    private final Quiz quiz;
    private int tries;
    private boolean revealed;
    private boolean solved;

    /**
     * What a try tells the student.
     *
     * @param correct the answer was right
     * @param counted it was a number, so it counted as a try (text that is not a number does not)
     * @param text    its feedback, written in the current language each time it is asked for, so that feedback on
     *                screen can be said again after a language switch
     */
    public record Outcome(boolean correct, boolean counted, Supplier<String> text) {
        /** One or two sentences, in the current language; they name the value only once the answer is revealed. */
        public String feedback() {
            return text.get();
        }
    }

    /** @param quiz the quiz ({@code null} not permitted) */
    public QuizAttempt(Quiz quiz) {
        this.quiz = Objects.requireNonNull(quiz, "quiz");
    }

    /** One try, as typed. After the answer is revealed, answers are still graded, with the value. */
    public Outcome answer(String typed) {
        Optional<Double> number = Quiz.parseNumber(typed);
        if (number.isEmpty()) {
            return new Outcome(false, false, () -> quiz.grade(typed).message());
        }
        double answer = number.get();
        QuizGrade grade = quiz.grade(answer);
        if (revealed) {
            return new Outcome(grade.correct(), true, () -> quiz.grade(answer).feedback());
        }
        tries++;
        if (grade.correct()) {
            revealed = true;
            solved = true;
            return new Outcome(true, true, () -> quiz.grade(answer).message());
        }
        int tried = tries;
        if (tried >= TRIES) {
            revealed = true;
            return new Outcome(false, true,
                    () -> Messages.get("quiz.tryOfRevealed", tried, TRIES, quiz.nudge(answer), quiz.answerText()));
        }
        return new Outcome(false, true, () -> Messages.get("quiz.tryOf", tried, TRIES, quiz.nudge(answer)));
    }

    /** The student asks for the answer. */
    public Outcome giveUp() {
        revealed = true;
        return new Outcome(false, false, () -> Messages.get("quiz.answer", quiz.answerText()));
    }

    public Quiz quiz() { return quiz; }

    /** Wrong and right tries so far (text that was not a number is not counted). */
    public int tries() { return tries; }

    /** Tries left before the answer is shown; 0 once it is. */
    public int triesLeft() { return revealed ? 0 : TRIES - tries; }

    /** True once the value may be shown: answered right, given up, or out of tries. */
    public boolean revealed() { return revealed; }

    /** True if the student found the value (before it was revealed). */
    public boolean solved() { return solved; }
}
