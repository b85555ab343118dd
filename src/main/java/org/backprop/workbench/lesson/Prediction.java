package org.backprop.workbench.lesson;

import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.check.Formula;
import org.backprop.workbench.i18n.Messages;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A "spot the bug" question ({@code @predict}): with the step's mistake switched on, which check fails first, going
 * backward from the output? The student picks one of the choices before the checks are revealed; the engine knows the
 * answer.
 *
 * <p>A choice is an id in English, the words of {@code @expect first failure ...} and of {@link Claim}: "BP1 layer 2",
 * ..., "none". Ids are what is stored and compared; {@link #label} is what the student reads, in the current language
 * (BP1–BP4 and the layer number stay as they are).
 *
 * @param choices "BP1 layer 2", "BP3 layer 2", "BP4 layer 2", "BP2 layer 1", ..., then "none", in the engine's order
 * @param answer  the right choice
 */
public record Prediction(List<String> choices, String answer) {
    /** The id of the choice "no check fails". */
    public static final String NONE = "none";

    /** An id naming a formula and a layer. */
    private static final Pattern CHOICE = Pattern.compile("(BP[1-4]) layer (\\d+)");

    public Prediction {
        choices = List.copyOf(choices);
        if (!choices.contains(answer)) {
            throw new IllegalArgumentException("the answer is not among the choices " + choices + ": " + answer);
        }
    }

    /** The choices and the answer for an analysis run with the step's mistake and ε. */
    public static Prediction of(Analysis analysis) {
        int depth = analysis.network().depth();
        List<String> choices = new ArrayList<>();
        for (int l = depth; l >= 1; l--) {
            choices.add(id(l == depth ? Formula.BP1 : Formula.BP2, l));
            choices.add(id(Formula.BP3, l));
            choices.add(id(Formula.BP4, l));
        }
        choices.add(NONE);
        return new Prediction(choices, Claim.firstFailure(analysis));
    }

    /** The id of the choice "this formula's check in this layer fails first": "BP2 layer 1". */
    static String id(Formula formula, int layer) {
        return formula + " layer " + layer;
    }

    /** The question, as the app asks it, in the current language. */
    public static String question() {
        return Messages.get("lessons.predictQuestion");
    }

    /** A choice as the student reads it, in the current language: "BP2 layer 1" / "BP2（第 1 层）", "none" / "都不失败". */
    public static String label(String choice) {
        if (choice.equals(NONE)) {
            return Messages.get("lessons.choiceNone");
        }
        Matcher m = CHOICE.matcher(choice);
        return m.matches() ? Messages.get("lessons.choice", m.group(1), Integer.parseInt(m.group(2))) : choice;
    }

    /** True if the choice is the answer. */
    public boolean isRight(String choice) {
        return answer.equals(choice);
    }

    /** What the app says after the student chose, in the current language, the choices by their {@link #label}. */
    public String feedback(String choice) {
        boolean none = answer.equals(NONE);
        if (isRight(choice)) {
            return none ? Messages.get("lessons.predictRightNone") : Messages.get("lessons.predictRight", label(answer));
        }
        return none ? Messages.get("lessons.predictWrongNone", label(choice))
                : Messages.get("lessons.predictWrong", label(choice), label(answer));
    }
}
