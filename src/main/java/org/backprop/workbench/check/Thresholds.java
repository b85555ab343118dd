package org.backprop.workbench.check;

/**
 * The numbers that decide a verdict, with the reason for each.
 */
public final class Thresholds {
    private Thresholds() {
    }

    /**
     * Relative error at or below which a check passes: CS231n's "1e-7 and less you should be happy" for double
     * precision. A correct formula on a smooth network with ε = 1e-5 lands near 1e-10.
     */
    public static final double PASS = 1e-7;

    /**
     * Relative error above which a check fails: CS231n's "above 1e-4 wrong unless at a kink". Between PASS and FAIL
     * the verdict is WARN.
     */
    public static final double FAIL = 1e-4;

    /**
     * The least denominator of the relative error. Central differences of a cost of order 1 carry an absolute error
     * of about eps_machine·|C|/ε + ε²·|C'''|/6 ≈ 1e-11 + 1e-11 (ε = 1e-5); when the true derivative is 0 both numbers
     * are that noise, and |a − n| / max(|a|, |n|) would be of order 1. Dividing by at least 1e-4 maps such noise to
     * ≤ 1e-7 (a pass), while any derivative larger than 1e-4 is judged by the plain relative error.
     */
    public static final double ABSOLUTE_FLOOR = 1e-4;

    /**
     * Default ε of the central difference. The error is truncation ε²·|C'''|/6 plus rounding
     * eps_machine·|C|/ε; the sum is least near ε = (3·eps_machine)^(1/3) ≈ 1e-5 for derivatives of order 1, where
     * both terms are about 1e-11 (the V curve of the ε sweep shows it).
     */
    public static final double DEFAULT_EPSILON = 1e-5;

    /** Relative error with the absolute floor: |a − n| / max(|a|, |n|, ABSOLUTE_FLOOR). NaN if either is not finite. */
    public static double relativeError(double analytic, double numeric) {
        if (!Double.isFinite(analytic) || !Double.isFinite(numeric)) {
            return Double.NaN;
        }
        double scale = Math.max(Math.max(Math.abs(analytic), Math.abs(numeric)), ABSOLUTE_FLOOR);
        return Math.abs(analytic - numeric) / scale;
    }

    /**
     * The verdict for a relative error: a NaN or infinity is a FAIL; a perturbation that moved a relu-like input
     * across 0 is a KINK whatever the numbers (the difference quotient then measures the jump, not the derivative).
     */
    public static Verdict verdict(double relativeError, boolean crossedKink) {
        if (Double.isNaN(relativeError)) {
            return Verdict.FAIL;
        }
        if (crossedKink) {
            return Verdict.KINK;
        }
        if (relativeError <= PASS) {
            return Verdict.PASS;
        }
        return relativeError <= FAIL ? Verdict.WARN : Verdict.FAIL;
    }
}
