package org.backprop.workbench.lesson;

import java.util.Optional;

/**
 * How a student's answer to a quiz compares with the engine's numbers.
 *
 * @param correct       true if the answer is within the quiz's tolerance of the analytic or the numerical value
 * @param answer        what the student typed, as a number (NaN if it was not a number)
 * @param expected      the analytic value (backprop without mistakes)
 * @param numeric       the central-difference estimate, NaN for quantities without a numerical check
 * @param absoluteError |answer − expected|
 * @param relativeError |answer − expected| / |expected| (infinite if expected is 0 and the answer is not)
 * @param message       one or two sentences for the student
 * @param hint          a likely reason for a wrong answer, if one fits
 */
public record QuizGrade(boolean correct, double answer, double expected, double numeric, double absoluteError,
                        double relativeError, String message, Optional<String> hint) {

    /** The message followed by the hint, if any. */
    public String feedback() {
        return hint.map(h -> message + " " + h).orElse(message);
    }
}
