package org.backprop.workbench.report;

import org.backprop.workbench.engine.Mistake;
import org.backprop.workbench.i18n.Messages;

/**
 * What each deliberate mistake does, in the current language. The engine keeps its own English description (it
 * knows no bundles); the bundles hold the same English and its Chinese, and MistakeTextTest keeps the English equal.
 */
public final class MistakeText {
    private MistakeText() {
    }

    /** The description of {@code mistake}, as {@code check --mistake list} and the reports show it. */
    public static String description(Mistake mistake) {
        return Messages.get(switch (mistake) {
            case NONE -> "mistake.none";
            case BP1_NO_SIGMA_PRIME -> "mistake.bp1NoSigmaPrime";
            case BP2_NO_SIGMA_PRIME -> "mistake.bp2NoSigmaPrime";
            case SIGMA_PRIME_AT_A -> "mistake.sigmaPrimeAtA";
            case SOFTMAX_DIAGONAL -> "mistake.softmaxDiagonal";
            case FORGOT_ONE_OVER_M -> "mistake.forgotOneOverM";
            case BP3B_FIRST_SAMPLE -> "mistake.bp3bFirstSample";
            case BP3B_MEAN -> "mistake.bp3bMean";
            case BP4_Z_NOT_A -> "mistake.bp4ZNotA";
            case GRAD_A_SIGN -> "mistake.gradASign";
        });
    }
}
