package org.backprop.workbench.lesson;

import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.i18n.Messages;

import org.backprop.workbench.io.NetworkDocument;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;

/**
 * Checks what a parsed lesson claims against the engine: every {@code @expect} must hold when the network is run with
 * that step's mistake and ε, every quiz must have a finite answer, and every prediction a failure to find (or the
 * explicit answer "none"). The names in the lesson were checked by the {@link LessonParser} already.
 */
public final class LessonValidator {
    private LessonValidator() {
    }

    /** Every problem found, each with its line; empty for a valid lesson. */
    public static List<LessonProblem> validate(Lesson lesson) {
        List<LessonProblem> problems = new ArrayList<>();
        Map<NetworkDocument, LessonParser.Analyses> analyses = new IdentityHashMap<>();
        for (LessonStep step : lesson.steps()) {
            Analysis analysis = analyses.computeIfAbsent(step.document(), LessonParser.Analyses::new)
                    .get(step.mistake(), step.method(), step.epsilon());
            for (LessonStep.Expectation expectation : step.claims()) {
                expectation.claim().disproof(analysis).ifPresent(found -> problems.add(new LessonProblem(
                        lesson.file(), expectation.line(), Messages.get("lesson.check.claimFails",
                        expectation.claim().text(), step.mistake().id(), step.method().id(),
                        org.backprop.workbench.numeric.Epsilon.isAuto(step.epsilon()) ? "auto"
                                : String.format(Locale.ROOT, "%.3g", step.epsilon()), found))));
            }
            step.quizQuestion().ifPresent(quiz -> {
                if (!Double.isFinite(quiz.expected())) {
                    problems.add(new LessonProblem(lesson.file(), step.line(), Messages.get("lesson.check.quizNotFinite",
                            quiz.quantity().id(), String.valueOf(quiz.expected()))));
                }
            });
        }
        return problems;
    }
}
