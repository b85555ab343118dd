package org.backprop.workbench.app.panels;

import org.backprop.workbench.check.Verdict;
import org.backprop.workbench.engine.Mistake;
import org.backprop.workbench.i18n.Messages;
import org.backprop.workbench.numeric.DifferenceMethod;
import org.backprop.workbench.steps.Notation;
import org.backprop.workbench.steps.Step;

/**
 * The names the app shows for the core's enums, in the current language: a verdict (pass, warn, fail, kink) and a
 * difference method (central differences, …), a deliberate mistake, a weight notation. The core keeps its English
 * ids and descriptions for files and the command line.
 */
public final class Names {
    private Names() {
    }

    /** A verdict as the app shows it: pass, warn, fail, kink (通过、警告、失败、折点). */
    public static String verdict(Verdict verdict) {
        return Messages.get(switch (verdict) {
            case PASS -> "verdict.pass";
            case WARN -> "verdict.warn";
            case FAIL -> "verdict.fail";
            case KINK -> "verdict.kink";
        });
    }

    /** A difference method as the app describes it: "central differences" (中心差分). */
    public static String method(DifferenceMethod method) {
        return Messages.get(switch (method) {
            case FORWARD -> "method.forward";
            case CENTRAL -> "method.central";
            case RICHARDSON -> "method.richardson";
            case COMPLEX_STEP -> "method.complexStep";
        });
    }

    /** The order of a method's truncation error, for the ε plot's legend: "O(ε²)", "O(ε²), no subtraction". */
    public static String order(DifferenceMethod method) {
        return Messages.get(switch (method) {
            case FORWARD -> "method.orderForward";
            case CENTRAL -> "method.orderCentral";
            case RICHARDSON -> "method.orderRichardson";
            case COMPLEX_STEP -> "method.orderComplexStep";
        });
    }

    /** What a deliberate mistake does, in the note's notation ("BP2 without σ'(z^l): δ^l = w^{l+1} δ^{l+1}"). */
    public static String mistake(Mistake mistake) {
        return org.backprop.workbench.report.MistakeText.description(mistake);
    }

    /**
     * What a deliberate mistake does, its formula written in the given notation: for Nielsen's w_jk the products with w
     * are transposed ("δ^l = (w^{l+1})^T δ^{l+1}"), as the step view writes them.
     */
    public static String mistake(Mistake mistake, Notation notation) {
        if (notation.transposesWeights()) {
            switch (mistake) {
                case BP2_NO_SIGMA_PRIME:
                    return Messages.get("mistake.bp2NoSigmaPrimeJk");
                case BP4_Z_NOT_A:
                    return Messages.get("mistake.bp4ZNotAJk");
                default:
                    break;
            }
        }
        return mistake(mistake);
    }

    /** A step's sentence-like title ("BP2: error of layer 1"), as {@link Step#title()} in the current language. */
    public static String stepTitle(Step step) {
        return Messages.get(switch (step.kind()) {
            case Z -> "stepTitle.z";
            case A -> "stepTitle.a";
            case COST -> "stepTitle.cost";
            case GRAD_A -> "stepTitle.gradA";
            case DELTA -> step.layer() == step.depth() ? "stepTitle.bp1" : "stepTitle.bp2";
            case GRAD_B -> "stepTitle.gradB";
            case GRAD_W -> "stepTitle.gradW";
        }, step.layer());
    }

    /** A weight notation for menus: "w_kj (rows = inputs, the note)". */
    public static String notation(Notation notation) {
        return Messages.get(switch (notation) {
            case NOTE -> "notation.note";
            case NIELSEN -> "notation.nielsen";
        });
    }
}
