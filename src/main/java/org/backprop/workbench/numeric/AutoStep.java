package org.backprop.workbench.numeric;

import org.backprop.workbench.numeric.DifferenceMethod.Estimate;
import org.backprop.workbench.numeric.DifferenceMethod.Probe;

/**
 * A step chosen per number, with an error estimate: Ridders' method (C. J. F. Ridders, "Accurate computation of
 * F′(x) and F′(x)F″(x)", Advances in Engineering Software 4(2), 1982, 75–76; Press et al., <i>Numerical Recipes</i>,
 * 3rd ed., §5.7, {@code dfridr}). The difference quotient D(h) of the chosen method is computed at h₀, h₀/c,
 * h₀/c², … (c = 1.4) and extrapolated to h → 0 in a Neville tableau; each extrapolated entry's error is estimated
 * by its distance to the two entries it came from, and the entry with the least estimate is returned with that
 * estimate as its error bound and the step of its row as the step used. The tableau stops when the diagonal grows
 * by more than SAFE times the best estimate: rounding has then taken over, which is how the method finds the
 * bottom of the V without knowing C‴ or the noise.
 *
 * <p>Why this method: it is the only one of the published candidates (Stepleman–Winarsky, Curtis–Reid,
 * Gill–Murray–Saunders–Wright, Richardson/Ridders) that yields an error <em>estimate</em> for the returned value
 * directly from the same evaluations, works for every difference method (its tableau only needs the order of the
 * error series), and needs no second derivative or noise level as input. Its cost, up to 2·NTAB evaluations per
 * number for central differences, is acceptable for the small networks auto is meant for.
 */
public final class AutoStep {
    /** The step ratio between rows, Numerical Recipes' CON. */
    public static final double CON = 1.4;
    /** At most this many rows: h₀ down to h₀ / 1.4⁹ ≈ h₀ / 21. */
    public static final int NTAB = 10;
    /** Stop when the diagonal moves more than SAFE times the best error estimate (rounding has taken over). */
    public static final double SAFE = 2.0;
    /**
     * The first step, relative to max(1, |θ|): Ridders' method wants h₀ "not small", so that the first rows are
     * dominated by truncation, which the tableau removes; 0.1 keeps the last row (h₀ / 21 ≈ 5e-3) far above the
     * rounding regime of double for costs of order 1.
     */
    public static final double INITIAL = 0.1;

    /**
     * An estimate whose tableau ran to its end while still improving is unreliable only if its error is still above
     * this fraction of the value (it has not converged); below it, running out of rows cost nothing.
     */
    public static final double UNRELIABLE_ERROR = 1e-8;

    private AutoStep() {
    }

    /**
     * The chosen value, the step of the row it came from, its estimated error, whether any evaluation crossed a kink,
     * the largest |C| met, whether the estimate is reliable ({@code why} says why not), and its <em>noise step</em>:
     * the step a single difference quotient would need to carry as much rounding as the chosen tableau entry. An
     * extrapolated entry (f·D(h/c) − D(h))/(f − 1) carries the rounding of both rows, (f/(h/c) + 1/h)/(f − 1) in units
     * of the noise of C, each row's rounding being noise/h; worst case, the errors add. The noise of the value is then
     * the method's noise at this step ({@code NoiseModel.numericNoise}), 2 to 10 times that of its own row.
     */
    public record Result(double value, double step, double errorBound, boolean crossedKink, double magnitude,
                         boolean reliable, String why, double noiseStep) {
    }

    /**
     * The auto-step estimate of C′(θ) for a coordinate whose value is θ.
     */
    public static Result estimate(DifferenceMethod method, Probe probe, double theta) {
        return estimate(method, probe, theta, initial(method));
    }

    /**
     * The first step of forward differences, relative to max(1, |θ|): their error series starts at h·C″/2, which at
     * h = 0.1 is some 5 % of the value, and the tableau (which then removes h, h², h³, … one by one) stopped at its
     * first rows on wrong values with small estimates: with 0.1, {@code bench --auto-step 300} found 3.1 % of the
     * numbers outside their bound, the worst 1,600 times, and a few correct numbers failed; from 0.01 the
     * truncation is ten times smaller and rounding (2u|C|/h at h₀/21 ≈ 5e-4) still negligible.
     */
    public static final double FORWARD_INITIAL = 0.01;

    /** The first step of the method's tableau, relative to max(1, |θ|). */
    public static double initial(DifferenceMethod method) {
        return method == DifferenceMethod.FORWARD ? FORWARD_INITIAL : INITIAL;
    }

    /**
     * The same with the first step {@code initial} · max(1, |θ|) instead of {@link #INITIAL}: a caller whose estimate
     * came out rounding-limited restarts the tableau from a larger first step (Ridders' advice: h₀ large enough that
     * truncation, which the tableau removes, dominates the first rows).
     */
    public static Result estimate(DifferenceMethod method, Probe probe, double theta, double initial) {
        if (method.isComplex()) {
            Estimate e = method.estimate(probe, method.defaultStep());
            // no subtraction, so no step to choose: the error is the rounding of one evaluation
            return new Result(e.value(), method.defaultStep(), 0x1p-52 * Math.abs(e.value()), false, 0, true,
                    "the complex step needs no choice of step", method.defaultStep());
        }
        double order = method == DifferenceMethod.FORWARD ? 1 : method == DifferenceMethod.CENTRAL ? 2 : 4;
        double increment = method == DifferenceMethod.FORWARD ? CON : CON * CON;
        double h = initial * Math.max(1, Math.abs(theta));
        // a kink within the first steps: shrink until the steps stay on one side (or give up and say kink)
        Estimate first = method.estimate(probe, h);
        int shrinks = 0;
        while (first.crossedKink() && shrinks < 12) {
            h /= 10;
            first = method.estimate(probe, h);
            shrinks++;
        }
        if (first.crossedKink()) {
            return new Result(first.value(), h, Double.NaN, true, first.magnitude(), false, "a kink is near", h);
        }
        double[][] a = new double[NTAB][NTAB];
        double[][] gain = new double[NTAB][NTAB];   // rounding of each entry, in units of (noise of C) / 1
        a[0][0] = first.value();
        gain[0][0] = 1 / h;
        double noiseStep = h;
        double magnitude = first.magnitude();
        boolean kink = false;
        double err = Double.POSITIVE_INFINITY;
        double ans = first.value();
        double step = h;
        int bestRow = 0;
        int bestColumn = 0;
        double hh = h;
        int rows = 1;
        for (int i = 1; i < NTAB; i++) {
            hh /= CON;
            Estimate e = method.estimate(probe, hh);
            kink |= e.crossedKink();
            magnitude = Math.max(magnitude, e.magnitude());
            a[0][i] = e.value();
            gain[0][i] = 1 / hh;
            rows = i + 1;
            double fac = Math.pow(CON, order);
            for (int j = 1; j <= i; j++) {
                a[j][i] = (a[j - 1][i] * fac - a[j - 1][i - 1]) / (fac - 1);
                gain[j][i] = (gain[j - 1][i] * fac + gain[j - 1][i - 1]) / (fac - 1);
                fac *= increment;
                double errt = Math.max(Math.abs(a[j][i] - a[j - 1][i]), Math.abs(a[j][i] - a[j - 1][i - 1]));
                if (errt <= err) {
                    err = errt;
                    ans = a[j][i];
                    step = hh;
                    bestRow = i;
                    bestColumn = j;
                    noiseStep = 1 / gain[j][i];
                }
            }
            if (Math.abs(a[i][i] - a[i - 1][i - 1]) >= SAFE * err) {
                break;
            }
        }
        // the estimate is the distance to the two entries the answer came from; a lucky agreement of those can make it
        // tiny, so it is also at least the distance to the entry of the same order one row up (measured, bench
        // --auto-step 300: the largest error/bound ratio of forward differences 56 → 11, of Richardson 1.7 → 0.16,
        // central unchanged)
        if (bestRow - 1 >= bestColumn) {
            err = Math.max(err, Math.abs(ans - a[bestColumn][bestRow - 1]));
        }
        String why = "";
        if (!Double.isFinite(err) || !Double.isFinite(ans)) {
            why = "the tableau did not converge";
        } else if (bestRow == NTAB - 1 && rows == NTAB && err > UNRELIABLE_ERROR * Math.abs(ans)) {
            why = "the step hit the end of the tableau (h₀ / 21) while still improving";
        } else if (kink) {
            why = "a kink is near";
        }
        return new Result(ans, step, err, kink, magnitude, why.isEmpty(), why.isEmpty() ? "" : why, noiseStep);
    }
}
