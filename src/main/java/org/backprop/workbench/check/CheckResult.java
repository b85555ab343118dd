package org.backprop.workbench.check;

import java.util.Arrays;

/**
 * One checked number.
 *
 * @param formula       which equation produced the analytic value
 * @param layer         l
 * @param index         zero-based: [j, x] for BP1/BP2 (neuron, sample), [j] for BP3, [k, j] for BP4 (row = input)
 * @param analytic      what backprop computed
 * @param numeric       the finite-difference estimate
 * @param relativeError see {@link Thresholds#relativeError}; NaN if either value is not finite
 * @param verdict       pass, warn, fail or kink
 * @param reason        why, where the relative error alone does not say ({@link Reason#NONE} otherwise)
 * @param noise         the estimated rounding noise of the numerical value (absolute; see {@link NoiseModel}), NaN
 *                      where none was estimated
 * @param step          the step h the numerical value used (with {@code --epsilon auto}: the one chosen for it)
 * @param errorBound    with {@code --epsilon auto}: the estimated error of the numerical value; NaN otherwise
 */
public record CheckResult(Formula formula, int layer, int[] index, double analytic, double numeric,
                          double relativeError, Verdict verdict, Reason reason, double noise, double step,
                          double errorBound) {

    /** A result of a fixed step. */
    public CheckResult(Formula formula, int layer, int[] index, double analytic, double numeric,
                       double relativeError, Verdict verdict, Reason reason, double noise) {
        this(formula, layer, index, analytic, numeric, relativeError, verdict, reason, noise, Double.NaN, Double.NaN);
    }

    /** A result without a reason or a noise estimate. */
    public CheckResult(Formula formula, int layer, int[] index, double analytic, double numeric,
                       double relativeError, Verdict verdict) {
        this(formula, layer, index, analytic, numeric, relativeError, verdict,
                verdict == Verdict.KINK ? Reason.KINK : Reason.NONE, Double.NaN);
    }

    /** True if the analytic or numeric value is NaN or infinite. */
    public boolean nonFinite() {
        return !Double.isFinite(analytic) || !Double.isFinite(numeric);
    }

    /** "δ^2[1, 0]", "∂C/∂w^1[0, 2]": the quantity in the note's symbols. */
    public String quantity() {
        String symbol = switch (formula) {
            case BP1, BP2 -> "δ^" + layer;
            case BP3 -> "∂C/∂b^" + layer;
            case BP4 -> "∂C/∂w^" + layer;
        };
        return symbol + Arrays.toString(index);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CheckResult r && formula == r.formula && layer == r.layer
                && Arrays.equals(index, r.index) && Double.compare(analytic, r.analytic) == 0
                && Double.compare(numeric, r.numeric) == 0 && verdict == r.verdict;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * formula.hashCode() + layer) + Arrays.hashCode(index);
    }

    @Override
    public String toString() {
        return formula + " " + quantity() + " analytic=" + analytic + " numeric=" + numeric
                + " rel=" + relativeError + " " + verdict;
    }
}
