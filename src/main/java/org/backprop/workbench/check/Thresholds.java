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
     * The floor of the <em>plotting</em> relative error {@link #relativeError(double, double, double)} (ε sweeps,
     * benchmarks), per unit of cost: {@code ABSOLUTE_FLOOR · max(1, |C|)}. Verdicts no longer use it (issue 9): they
     * use {@link #judge} with the rounding noise of each numerical value ({@link NoiseModel}), because this floor
     * depends on the scale of the cost (at C ≈ 1e-12 it swallows every hidden-layer derivative, at C ≈ 5e23 every
     * derivative of 1e12). The history of this constant:
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
     * The noise, relative to the largest derivative of its kind in the network, above which an inexact agreement is
     * {@link Reason#UNRESOLVED} rather than a pass. The noise of {@link NoiseModel} is a worst-case bound (a linear
     * sum of |terms|, where rounding errors mostly cancel like a random walk); on the random networks of
     * {@code ThresholdsEvidenceTest} the actual |a − n| stays 10 to 100 times below it. At 1e-5 the actual noise is
     * then below about PASS of the gradient, which is what a pass claims. Float forward passes (noise ≈ 1e-2 at
     * ε = 1e-5) and a cost of 5e23 with derivatives of 1e12 (noise ≈ 1e13) are above it.
     */
    public static final double UNRESOLVED = 1e-5;

    /**
     * A verdict with its relative error and reason.
     *
     * @param relativeError |a − n| / max(|a|, |n|, noise / PASS); NaN if either number is not finite
     */
    public record Judgement(double relativeError, Verdict verdict, Reason reason) {
    }

    /**
     * The relative error whose floor is the rounding noise of the numerical value: |a − n| / max(|a|, |n|, N/PASS)
     * with N = {@code noise}. Where a derivative is above the floor this is the plain relative error; below it,
     * the absolute error |a − n| is judged against the noise: it passes if |a − n| ≤ N and fails if it exceeds
     * N·FAIL/PASS = 1000 N. The floor follows the noise wherever it comes from (|C|, the operation count, the step),
     * so the verdict does not depend on the scale of the cost (docs/CHECKS.md). NaN if either number is not finite;
     * 0 if both are exactly 0.
     */
    public static double relativeErrorAgainstNoise(double analytic, double numeric, double noise) {
        if (!Double.isFinite(analytic) || !Double.isFinite(numeric)) {
            return Double.NaN;
        }
        double scale = Math.max(Math.max(Math.abs(analytic), Math.abs(numeric)), noise / PASS);
        return scale == 0 ? 0 : Math.abs(analytic - numeric) / scale;
    }

    /**
     * With {@code --epsilon auto}, a difference fails only if it exceeds BOUND_MARGIN times Ridders' error estimate
     * plus NOISE_MARGIN times the rounding noise (and the plain relative error exceeds FAIL). Ridders' estimate is
     * the distance between neighbouring tableau entries, an <em>estimate</em> of the truncation and rounding left in
     * the value, not a bound: an order of magnitude guards against an estimate that is off by a few times. Measured
     * ({@code bench --auto-step 300}, 9,986 numbers against the complex step; docs/NUMERICS.md): the true error never
     * exceeded the reported bound, and its largest ratio to it is printed by the benchmark.
     */
    public static final double BOUND_MARGIN = 10;

    /**
     * The factor on the rounding noise N of the automatic step's value (and on backprop's own rounding) in the fail
     * rule. N is a worst-case first-order bound, carried through the Ridders tableau
     * ({@code AutoStep.Result.noiseStep}), not an estimate: |n − true| ≤ N + (truncation). A difference above 2 N
     * (plus the margin on the truncation estimate) therefore leaves at least half of it in the analytic value. Unlike
     * the fixed step's rule, a fail does not need |a − n| > (FAIL/PASS)·N = 1000 N: that factor is the width of the
     * fixed step's warn band below its noise floor, and at a cost of 5e23 (N ≈ 2 % of the derivatives) it let a sign
     * error (relative error 2) stay a warn.
     */
    public static final double NOISE_MARGIN = 2;

    /**
     * The verdict with an automatic step's error bound: non-finite FAIL; kink KINK; FAIL if the plain relative error
     * |a − n| / max(|a|, |n|) exceeds FAIL and |a − n| > BOUND_MARGIN · bound + NOISE_MARGIN · (noise + 64 ulps)
     * (the relative error reported is then the plain one); an unreliable estimate WARN (unreliable); a bound or noise
     * above UNRESOLVED times the largest derivative WARN (unresolved); |a − n| beyond the margins WARN
     * (beyond-bound); otherwise PASS if the relative error against the noise is at most PASS, else WARN.
     */
    public static Judgement judgeWithBound(double analytic, double numeric, double noise, double gradientScale,
                                           boolean crossedKink, double bound, boolean reliable) {
        double rel = relativeErrorAgainstNoise(analytic, numeric, noise);
        if (Double.isNaN(rel)) {
            return new Judgement(rel, Verdict.FAIL, Reason.NON_FINITE);
        }
        if (crossedKink) {
            return new Judgement(rel, Verdict.KINK, Reason.KINK);
        }
        double estimate = Double.isFinite(bound) ? bound : Double.POSITIVE_INFINITY;
        // backprop's own value carries rounding too: 64 ulps of the larger number bound it for these small networks
        double rounding = noise + 0x1p-46 * Math.max(Math.abs(analytic), Math.abs(numeric));
        double b = Math.max(estimate, rounding);
        double margin = BOUND_MARGIN * estimate + NOISE_MARGIN * rounding;
        double diff = Math.abs(analytic - numeric);
        double plainRel = plain(analytic, numeric);
        if (plainRel > FAIL && diff > margin) {
            return new Judgement(plainRel, Verdict.FAIL, Reason.NONE);
        }
        if (!reliable) {
            return new Judgement(rel, Verdict.WARN, Reason.UNRELIABLE);
        }
        if (analytic != numeric && b > UNRESOLVED * gradientScale) {
            return new Judgement(plainRel, Verdict.WARN, Reason.UNRESOLVED);
        }
        if (diff > margin) {
            return new Judgement(rel, Verdict.WARN, Reason.BEYOND_BOUND);
        }
        return new Judgement(rel, rel <= PASS ? Verdict.PASS : Verdict.WARN, Reason.NONE);
    }

    /** |a − n| / max(|a|, |n|) without a floor, 0 if both are 0. */
    private static double plain(double analytic, double numeric) {
        double scale = Math.max(Math.abs(analytic), Math.abs(numeric));
        return scale == 0 ? 0 : Math.abs(analytic - numeric) / scale;
    }

    /**
     * The verdict on one number, in this order: a NaN or infinity on either side is a FAIL (non-finite); a step
     * that moved nothing (θ ± h == θ) is a WARN (step lost), never a pass; a step across a relu kink is a KINK;
     * a relative error above FAIL is a FAIL (|a − n| then exceeds 1000 times the noise, so it is no rounding);
     * a noise above {@link #UNRESOLVED} times the largest derivative of its kind in the network (this step cannot
     * verify them) makes an inexact agreement a WARN (unresolved), never a pass; otherwise the relative error
     * against the noise decides.
     *
     * @param noise         the rounding noise of the numerical value (absolute), see {@link NoiseModel}
     * @param gradientScale the largest derivative of its kind in the network
     */
    public static Judgement judge(double analytic, double numeric, double noise, double gradientScale,
                                  boolean crossedKink, boolean stepLost) {
        double rel = relativeErrorAgainstNoise(analytic, numeric, noise);
        if (Double.isNaN(rel)) {
            return new Judgement(rel, Verdict.FAIL, Reason.NON_FINITE);
        }
        if (stepLost) {
            return new Judgement(plain(analytic, numeric), Verdict.WARN, Reason.STEP_LOST);
        }
        if (crossedKink) {
            return new Judgement(rel, Verdict.KINK, Reason.KINK);
        }
        if (rel > FAIL) {
            return new Judgement(rel, Verdict.FAIL, Reason.NONE);
        }
        boolean drowned = analytic != numeric && (!Double.isFinite(noise) || noise > UNRESOLVED * gradientScale);
        if (drowned) {
            // the floored error says "within the noise"; the plain one shows how far apart the numbers really are
            return new Judgement(plain(analytic, numeric), Verdict.WARN, Reason.UNRESOLVED);
        }
        return new Judgement(rel, verdict(rel, false), Reason.NONE);
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
