package org.backprop.workbench.lesson;

/**
 * One thing wrong with a lesson, where it is: {@code lessons/02-delta.md:14: unknown mistake "bp2-no-sigma"}.
 *
 * @param file    the lesson's name as the user gave it
 * @param line    1-based line number in the lesson file
 * @param message what is wrong and what was expected
 */
public record LessonProblem(String file, int line, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
