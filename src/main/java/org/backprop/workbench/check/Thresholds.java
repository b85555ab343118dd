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
     * The least denominator of the relative error, per unit of cost: the floor is
     * {@code ABSOLUTE_FLOOR · max(1, |C|)} (see {@link #floor}).
     *
     * <p>Why a floor: a central difference subtracts two costs, so it carries a rounding error of a few
     * eps_machine·|C|/ε ≈ 2e-11·|C| at ε = 1e-5 <em>whatever the size of the derivative</em>. Where the true
     * derivative is tiny (or 0), both numbers are mostly that noise and |a − n| / max(|a|, |n|) says nothing.
     * Dividing by at least the floor judges such numbers by their absolute error against the noise, and every
     * derivative above the floor by the plain relative error.
     *
     * <p>Why this value: over 20,000 random correct networks (every activation and loss, 1-3 layers of 1-5 neurons,
     * m = 1..5, 757,710 checks; {@code ThresholdsEvidenceTest} repeats a smaller sweep) the noise |a − n| of
     * derivatives below 1e-3 never exceeded 5.5·eps_machine·max(1, |C|)/ε ≈ 1.2e-10·max(1, |C|). Dividing by
     * 1e-3·max(1, |C|) maps it to at most about 1e-7, a pass. The earlier floor of 1e-4, not scaled by the cost,
     * gave 705 false WARNs in 378,855 checks of correct networks (relative errors up to 8.9e-7, all on derivatives
     * of 1e-5 to 3e-4 in networks with C between 1 and 5), and failed outright on networks whose cost is in the
     * thousands. The price: a wrong derivative smaller than about 1e-6·max(1, |C|) cannot fail (its absolute error
     * is below 1e-4 of the floor) — such numbers are beyond what a central difference at ε = 1e-5 resolves anyway.
     * The floor does not shrink or grow with ε, so that a badly chosen ε still shows as WARNs.
     */
    public static final double ABSOLUTE_FLOOR = 1e-3;

    /**
     * Default ε of the central difference. The error is truncation ε²·|C'''|/6 plus rounding
     * eps_machine·|C|/ε; the sum is least near ε = (3·eps_machine)^(1/3) ≈ 1e-5 for derivatives of order 1, where
     * both terms are about 1e-11 (the V curve of the ε sweep shows it).
     */
    public static final double DEFAULT_EPSILON = 1e-5;

    /**
     * The denominator floor for a network whose cost is C: ABSOLUTE_FLOOR · max(1, |C|). A cost that is not finite
     * gives the plain ABSOLUTE_FLOOR (the check then fails on its non-finite numbers anyway).
     */
    public static double floor(double cost) {
        return Double.isFinite(cost) ? ABSOLUTE_FLOOR * Math.max(1.0, Math.abs(cost)) : ABSOLUTE_FLOOR;
    }

    /**
     * Relative error for a network whose cost is at most 1: |a − n| / max(|a|, |n|, ABSOLUTE_FLOOR). NaN if either
     * number is not finite.
     */
    public static double relativeError(double analytic, double numeric) {
        return relativeError(analytic, numeric, 1.0);
    }

    /**
     * Relative error with the floor of a network whose cost is C: |a − n| / max(|a|, |n|, {@link #floor}(C)).
     * NaN if either number is not finite.
     */
    public static double relativeError(double analytic, double numeric, double cost) {
        if (!Double.isFinite(analytic) || !Double.isFinite(numeric)) {
            return Double.NaN;
        }
        double scale = Math.max(Math.max(Math.abs(analytic), Math.abs(numeric)), floor(cost));
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
