package org.backprop.workbench.app.panels;

import org.backprop.workbench.check.Verdict;
import org.backprop.workbench.i18n.Messages;
import org.backprop.workbench.numeric.DifferenceMethod;

/**
 * The names the app shows for the core's enums, in the current language: a verdict (pass, warn, fail, kink) and a
 * difference method (central differences, …). The core keeps its English ids for files and the command line.
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
}
