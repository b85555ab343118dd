package org.backprop.workbench.check;

import org.backprop.workbench.i18n.Messages;

import java.util.Locale;

/**
 * Why a number got a verdict that its relative error alone does not explain. Reports print it beside the verdict
 * (JSON: {@code "reason"}), so that a WARN or FAIL says what it is.
 */
public enum Reason {
    /** The verdict is the relative error's. */
    NONE(""),
    /** The analytic or the numerical value is NaN or infinite: FAIL. */
    NON_FINITE("check.reason.nonFinite"),
    /** θ + h == θ or θ − h == θ in floating point: the step moved nothing, the quotient is no estimate. WARN. */
    STEP_LOST("check.reason.stepLost"),
    /**
     * The rounding noise of the numerical value is above {@link Thresholds#UNRESOLVED} times the network's largest
     * derivative of the kind (the step cannot verify them) and the two numbers differ. WARN, never a pass.
     */
    UNRESOLVED("check.reason.unresolved"),
    /** {@code --epsilon auto}: the step selection's own error estimate is not to be trusted (see the note). WARN. */
    UNRELIABLE("check.reason.unreliable"),
    /** {@code --epsilon auto}: the difference exceeds the error bound's margin but not the FAIL threshold. WARN. */
    BEYOND_BOUND("check.reason.beyondBound"),
    /**
     * The cost is finite but a pre-activation or an activation of the network is NaN or infinite (tanh(∞) = 1 hides
     * an overflowed z): the numerical value is computed through it and measures nothing. WARN, never a pass; a FAIL
     * stays a FAIL.
     */
    NON_FINITE_INTERMEDIATE("check.reason.nonFiniteIntermediate"),
    /** A relu-like input crossed 0 during the step: KINK. */
    KINK("check.reason.kink");

    private final String description;

    Reason(String description) {
        this.description = description;
    }

    public String id() { return name().toLowerCase(Locale.ROOT).replace('_', '-'); }

    /** Why, in the current language ("" for {@link #NONE}); JSON writes {@link #id()} instead. */
    public String description() { return description.isEmpty() ? "" : Messages.get(description); }

    @Override
    public String toString() { return id(); }
}
