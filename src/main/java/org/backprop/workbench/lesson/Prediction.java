package org.backprop.workbench.lesson;

import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.check.Formula;

import java.util.ArrayList;
import java.util.List;

/**
 * A "spot the bug" question ({@code @predict}): with the step's mistake switched on, which check fails first, going
 * backward from the output? The student picks one of the choices before the checks are revealed; the engine knows the
 * answer.
 *
 * @param choices "BP1 layer 2", "BP3 layer 2", "BP4 layer 2", "BP2 layer 1", ..., then "none", in the engine's order
 * @param answer  the right choice
 */
public record Prediction(List<String> choices, String answer) {
    /** The question, as the app asks it. */
    public static final String QUESTION = "With this mistake, which check fails first, going backward from the output?";

    public Prediction {
        choices = List.copyOf(choices);
        if (!choices.contains(answer)) {
            throw new IllegalArgumentException(answer + " is not among the choices " + choices);
        }
    }

    /** The choices and the answer for an analysis run with the step's mistake and ε. */
    public static Prediction of(Analysis analysis) {
        int depth = analysis.network().depth();
        List<String> choices = new ArrayList<>();
        for (int l = depth; l >= 1; l--) {
            choices.add((l == depth ? Formula.BP1 : Formula.BP2) + " layer " + l);
            choices.add(Formula.BP3 + " layer " + l);
            choices.add(Formula.BP4 + " layer " + l);
        }
        choices.add("none");
        return new Prediction(choices, Claim.firstFailure(analysis));
    }

    /** True if the choice is the answer; a sentence for the student either way. */
    public boolean isRight(String choice) {
        return answer.equals(choice);
    }

    /** What the app says after the student chose. */
    public String feedback(String choice) {
        if (isRight(choice)) {
            return "Right: " + (answer.equals("none") ? "no check fails." : answer + " is the first check to fail.");
        }
        return "Not this time: you said " + choice + ", but "
                + (answer.equals("none") ? "no check fails." : "the first check to fail is " + answer + ".")
                + " The next step shows the checks.";
    }
}
