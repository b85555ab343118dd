package org.backprop.workbench.lesson;

import org.backprop.workbench.i18n.Messages;

/**
 * One thing wrong with a lesson, where it is: {@code lessons/02-delta.md:14: unknown mistake "bp2-no-sigma"} (the
 * message in the current language, the file and line as they are, so that an editor can jump to it).
 *
 * @param file    the lesson's name as the user gave it
 * @param line    1-based line number in the lesson file
 * @param message what is wrong and what was expected
 */
public record LessonProblem(String file, int line, String message) {
    @Override
    public String toString() {
        return Messages.get("lesson.problem", file, String.valueOf(line), message);
    }
}
