package org.backprop.workbench.check;

import java.util.Locale;

/**
 * Why a number got a verdict that its relative error alone does not explain. Reports print it beside the verdict
 * (JSON: {@code "reason"}), so that a WARN or FAIL says what it is.
 */
public enum Reason {
    /** The verdict is the relative error's. */
    NONE(""),
    /** The analytic or the numerical value is NaN or infinite: FAIL. */
    NON_FINITE("a cost or a derivative is NaN or infinite"),
    /** θ + h == θ or θ − h == θ in floating point: the step moved nothing, the quotient is no estimate. WARN. */
    STEP_LOST("the step h does not change the number (θ + h == θ in double)"),
    /**
     * The rounding noise of the numerical value is above {@link Thresholds#UNRESOLVED} times the network's largest
     * derivative of the kind (the step cannot verify them) and the two numbers differ. WARN, never a pass.
     */
    UNRESOLVED("the rounding noise of the numerical value is too large for this step to verify it"),
    /** {@code --epsilon auto}: the step selection's own error estimate is not to be trusted (see the note). WARN. */
    UNRELIABLE("the automatic step's error estimate is unreliable (rounding dominates, the step hit a limit, "
            + "or a kink is near)"),
    /** {@code --epsilon auto}: the difference exceeds the error bound's margin but not the FAIL threshold. WARN. */
    BEYOND_BOUND("the difference exceeds the margin of the error bound but not the fail threshold"),
    /**
     * The cost is finite but a pre-activation or an activation of the network is NaN or infinite (tanh(∞) = 1 hides
     * an overflowed z): the numerical value is computed through it and measures nothing. WARN, never a pass; a FAIL
     * stays a FAIL.
     */
    NON_FINITE_INTERMEDIATE("a pre-activation or activation is NaN or infinite although the cost is finite"),
    /** A relu-like input crossed 0 during the step: KINK. */
    KINK("a relu input crossed 0");

    private final String description;

    Reason(String description) {
        this.description = description;
    }

    public String id() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }

    public String description() { return description; }

    @Override
    public String toString() { return id(); }
}
