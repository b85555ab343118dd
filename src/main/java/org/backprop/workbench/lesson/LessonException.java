package org.backprop.workbench.lesson;

import java.util.List;

/** A lesson that cannot be used, with every problem found in it (each with its line number). */
public class LessonException extends Exception {
    private final List<LessonProblem> problems;

    public LessonException(List<LessonProblem> problems) {
        super(String.join("\n", problems.stream().map(LessonProblem::toString).toList()));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a LessonException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    public List<LessonProblem> problems() { return problems; }
}
