package org.backprop.workbench.check;

import org.backprop.workbench.engine.Backprop;
import org.backprop.workbench.engine.BackwardTrace;
import org.backprop.workbench.engine.Batch;
import org.backprop.workbench.engine.Forward;
import org.backprop.workbench.engine.ForwardTrace;
import org.backprop.workbench.engine.Network;
import org.backprop.workbench.numeric.AutoStep;
import org.backprop.workbench.numeric.ComplexForward;
import org.backprop.workbench.numeric.DifferenceMethod;
import org.backprop.workbench.numeric.DifferenceMethod.Estimate;
import org.backprop.workbench.numeric.DifferenceMethod.Probe;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Checks every formula against central differences of the cost, (C(θ + ε) − C(θ − ε)) / 2ε:
 * <ul>
 *   <li>BP1: each δ^L_jx, by perturbing z^L_jx and running the network on from there;</li>
 *   <li>BP2: each δ^l_jx of every hidden layer, likewise;</li>
 *   <li>BP3: each ∂C/∂b^l_j, by perturbing b^l_j;</li>
 *   <li>BP4: each ∂C/∂w^l_kj, by perturbing w^l_kj.</li>
 * </ul>
 * This is the direct method: two forward passes per number. It is the reference the faster methods are tested
 * against. Another {@link DifferenceMethod} (forward, Richardson, complex step) may replace the central difference;
 * the complex step runs {@link ComplexForward}.
 */
public final class GradientCheck {
    private final double epsilon;
    private final DifferenceMethod method;
    private final boolean auto;
    /** The auto-step result behind the latest estimate (the check runs on one thread). */
    private AutoStep.Result lastAuto;

    public GradientCheck() {
        this(Thresholds.DEFAULT_EPSILON);
    }

    /**
     * @param epsilon the step ε, positive and finite
     */
    public GradientCheck(double epsilon) {
        this(epsilon, DifferenceMethod.CENTRAL);
    }

    /**
     * @param epsilon the step h, positive and finite
     * @param method  how each number is estimated from costs
     */
    public GradientCheck(double epsilon, DifferenceMethod method) {
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("ε must be a positive finite number, not " + epsilon);
        }
        this.epsilon = epsilon;
        this.method = method;
        this.auto = false;
    }

    private GradientCheck(DifferenceMethod method) {
        this.epsilon = method.defaultStep();
        this.method = method;
        this.auto = true;
    }

    /** {@code --epsilon auto}: a step chosen per number by {@link AutoStep} (Ridders), with an error bound. */
    public static GradientCheck auto(DifferenceMethod method) {
        return new GradientCheck(method);
    }

    /** True if the step is chosen per number. */
    public boolean isAuto() { return auto; }

    /**
     * How much larger each restart's first step is, and how many restarts at most: a tableau whose answer is
     * rounding-limited (its error bar, Ridders' estimate or the rounding noise carried through the tableau, is above
     * {@link Thresholds#UNRESOLVED} of the largest derivative, so it cannot verify the number) is restarted from
     * √10, 10, 10√10 and 100 times the first step (h₀ = 0.1·max(1, |θ|) up to 10·max(1, |θ|)): the rounding of a
     * difference quotient falls as 1/h, and the tableau removes the larger truncation. A restart's answer replaces the
     * previous one only if it lies within the previous answer's error bar (a wide first step can run the tableau over
     * a saturated stretch of tanh or σ, where its rows agree on a wrong value) and it resolves more, that is, its
     * smallest failing difference BOUND_MARGIN · bound + NOISE_MARGIN · noise ({@link Thresholds#judgeWithBound}) is
     * smaller. Costs nothing where the first answer resolves the number (every network of ordinary scale: the
     * figures of {@code bench --auto-step} are unchanged by it).
     */
    static final double RESTART_FACTOR = Math.sqrt(10);
    static final int RESTARTS = 4;

    private Estimate estimateOf(Probe probe, double theta, NoiseModel noise, int sample) {
        if (!auto) {
            return method.estimate(probe, epsilon);
        }
        lastAuto = AutoStep.estimate(method, probe, theta);
        double initial = AutoStep.initial(method);
        double perUnit = sample >= 0 ? 1.0 / noise.samples() : 1.0;
        for (int restart = 0; restart < RESTARTS && !method.isComplex(); restart++) {
            double bar = bound(lastAuto, perUnit) + noise(lastAuto, noise, sample);
            if (!(Math.max(bound(lastAuto, perUnit), noise(lastAuto, noise, sample))
                    > Thresholds.UNRESOLVED * noise.scale(sample >= 0))) {
                break;
            }
            initial *= RESTART_FACTOR;
            AutoStep.Result wider = AutoStep.estimate(method, probe, theta, initial);
            boolean consistent = Math.abs(wider.value() - lastAuto.value()) * perUnit <= bar;
            if (wider.reliable() && !wider.crossedKink() && consistent
                    && resolution(wider, noise, sample, perUnit) < resolution(lastAuto, noise, sample, perUnit)) {
                lastAuto = wider;
            }
        }
        return new Estimate(lastAuto.value(), lastAuto.crossedKink(), lastAuto.magnitude());
    }

    /** Ridders' error estimate in the units of the checked number (∞ if there is none). */
    private static double bound(AutoStep.Result r, double perUnit) {
        return Double.isFinite(r.errorBound()) ? r.errorBound() * perUnit : Double.POSITIVE_INFINITY;
    }

    /** The rounding noise of an auto-step value, carried through its tableau. */
    private double noise(AutoStep.Result r, NoiseModel noise, int sample) {
        return noise.numericNoise(sample, method, r.noiseStep(), r.magnitude());
    }

    /** The smallest difference the fail rule of {@link Thresholds#judgeWithBound} calls a fail with this answer. */
    private double resolution(AutoStep.Result r, NoiseModel noise, int sample, double perUnit) {
        return Thresholds.BOUND_MARGIN * bound(r, perUnit) + Thresholds.NOISE_MARGIN * noise(r, noise, sample);
    }

    public double epsilon() { return epsilon; }

    public DifferenceMethod method() { return method; }

    /** Number of checks {@link #run} makes: Σ_l n_l m (δ) + n_l (b) + n_{l-1} n_l (w). */
    public static long count(Network net, int m) {
        long count = 0;
        for (int l = 1; l <= net.depth(); l++) {
            count += (long) net.size(l) * m + net.size(l) + (long) net.size(l - 1) * net.size(l);
        }
        return count;
    }

    public List<CheckResult> run(Network net, Batch batch, ForwardTrace forward, BackwardTrace backward) {
        return run(net, batch, forward, backward, CheckProgress.NONE);
    }

    /**
     * Checks every δ^l, ∂C/∂b^l and ∂C/∂w^l of a backward trace, ordered by layer from the output down and, within a
     * layer, δ (BP1 or BP2), then BP3, then BP4.
     */
    public List<CheckResult> run(Network net, Batch batch, ForwardTrace forward, BackwardTrace backward,
                                 CheckProgress progress) {
        if (method.isComplex()) {
            ComplexForward.requireAnalytic(net);
        }
        long total = count(net, batch.size());
        List<CheckResult> results = new ArrayList<>((int) Math.min(total, Integer.MAX_VALUE));
        NoiseModel noise = NoiseModel.of(net, batch, forward);
        Network probe = net.copy();
        int depth = net.depth();
        for (int l = depth; l >= 1; l--) {
            checkDelta(net, batch, forward, backward, l, results, noise);
            report(progress, results.size(), total);
            checkBiases(probe, batch, forward, backward, l, results, progress, total, noise);
            checkWeights(probe, batch, forward, backward, l, results, progress, total, noise);
        }
        progress.advanced(results.size(), total);
        return guardIntermediates(forward, results);
    }

    /**
     * The results, with every pass, warn and finite-valued fail within the fail threshold made a warn with
     * {@link Reason#NON_FINITE_INTERMEDIATE} if some z^l or a^l of the unperturbed forward pass is NaN or infinite
     * (the cost may still be finite: a saturating activation maps ∞ to a finite value, and then C(θ ± h) = C(θ) and
     * 0 = 0 would pass). A non-finite value or a difference beyond the fail threshold stays a FAIL. Unchanged when
     * every intermediate is finite.
     */
    static List<CheckResult> guardIntermediates(ForwardTrace forward, List<CheckResult> results) {
        if (allFinite(forward)) {
            return results;
        }
        List<CheckResult> guarded = new ArrayList<>(results.size());
        for (CheckResult r : results) {
            // the noise estimate runs through the overflow too (it is NaN or ∞), which made finite numbers "non-finite"
            // failures; numbers that are finite are judged by what they are
            boolean demote = r.verdict() == Verdict.PASS || r.verdict() == Verdict.WARN
                    || r.verdict() == Verdict.FAIL && !r.nonFinite() && !(r.relativeError() > Thresholds.FAIL);
            double scale = Math.max(Math.abs(r.analytic()), Math.abs(r.numeric()));
            double plain = scale == 0 ? 0 : Math.abs(r.analytic() - r.numeric()) / scale;
            guarded.add(demote ? new CheckResult(r.formula(), r.layer(), r.index(), r.analytic(), r.numeric(),
                    plain, Verdict.WARN, Reason.NON_FINITE_INTERMEDIATE, r.noise(), r.step(), r.errorBound()) : r);
        }
        return java.util.Collections.unmodifiableList(guarded);
    }

    /** True if every z^l and a^l (l ≥ 1) of the forward pass is finite. */
    static boolean allFinite(ForwardTrace forward) {
        for (int l = 1; l <= forward.depth(); l++) {
            for (double[] values : new double[][]{forward.z(l).data, forward.a(l).data}) {
                for (double v : values) {
                    if (!Double.isFinite(v)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** BP1 (l = L) or BP2: δ^l_jx against ∂C/∂z^l_jx = (C_x(z + ε) − C_x(z − ε)) / 2ε / m. */
    private void checkDelta(Network net, Batch batch, ForwardTrace forward, BackwardTrace backward, int l,
                            List<CheckResult> results, NoiseModel noise) {
        Formula formula = l == net.depth() ? Formula.BP1 : Formula.BP2;
        int m = batch.size();
        for (int j = 0; j < net.size(l); j++) {
            for (int x = 0; x < m; x++) {
                double original = forward.z(l).get(j, x);
                Estimate estimate = estimateOf(CostProbe.of(net, batch, forward, formula, l, new int[]{j, x}),
                        original, noise, x);
                double numeric = estimate.value() / m;
                results.add(result(formula, l, new int[]{j, x}, backward.delta(l).get(j, x), numeric,
                        estimate, noise, x, original));
            }
        }
    }

    /** BP3: ∂C/∂b^l_j against (C(b + ε) − C(b − ε)) / 2ε. */
    private void checkBiases(Network probe, Batch batch, ForwardTrace forward, BackwardTrace backward, int l,
                             List<CheckResult> results, CheckProgress progress, long total, NoiseModel noise) {
        for (int j = 0; j < probe.size(l); j++) {
            double original = probe.b(l).get(j, 0);
            Estimate estimate = estimateOf(CostProbe.of(probe, batch, forward, Formula.BP3, l, new int[]{j}),
                    original, noise, -1);
            results.add(result(Formula.BP3, l, new int[]{j}, backward.gradB(l).get(j, 0), estimate.value(),
                    estimate, noise, -1, original));
            report(progress, results.size(), total);
        }
    }

    /** BP4: ∂C/∂w^l_kj against (C(w + ε) − C(w − ε)) / 2ε. */
    private void checkWeights(Network probe, Batch batch, ForwardTrace forward, BackwardTrace backward, int l,
                              List<CheckResult> results, CheckProgress progress, long total, NoiseModel noise) {
        for (int k = 0; k < probe.size(l - 1); k++) {
            for (int j = 0; j < probe.size(l); j++) {
                double original = probe.w(l).get(k, j);
                Estimate estimate = estimateOf(
                        CostProbe.of(probe, batch, forward, Formula.BP4, l, new int[]{k, j}), original, noise, -1);
                results.add(result(Formula.BP4, l, new int[]{k, j}, backward.gradW(l).get(k, j), estimate.value(),
                        estimate, noise, -1, original));
                report(progress, results.size(), total);
            }
        }
    }

    /**
     * The verdict on one number against the rounding noise of its numerical value.
     *
     * @param sample the sample x of a δ check, −1 for a parameter
     * @param theta  the perturbed number's value (z^l_jx, b^l_j or w^l_kj)
     */
    private CheckResult result(Formula formula, int layer, int[] index, double analytic, double numeric,
                               Estimate estimate, NoiseModel noise, int sample, double theta) {
        if (auto) {
            double scale = sample >= 0 ? 1.0 / noise.samples() : 1.0;
            double n = noise.numericNoise(sample, method, lastAuto.noiseStep(), estimate.magnitude());
            double bound = lastAuto.errorBound() * scale;
            Thresholds.Judgement j = Thresholds.judgeWithBound(analytic, numeric, n, noise.scale(sample >= 0),
                    estimate.crossedKink(), bound, lastAuto.reliable());
            return new CheckResult(formula, layer, index, analytic, numeric, j.relativeError(), j.verdict(),
                    j.reason(), n, lastAuto.step(), Math.max(bound, n));
        }
        return judged(formula, layer, index, analytic, numeric, estimate, noise, sample, theta, method, epsilon);
    }

    /** The verdict on one number by {@link Thresholds#judge}, shared with the fast check. */
    static CheckResult judged(Formula formula, int layer, int[] index, double analytic, double numeric,
                              Estimate estimate, NoiseModel noise, int sample, double theta,
                              DifferenceMethod method, double h) {
        double n = noise.numericNoise(sample, method, h, estimate.magnitude());
        Thresholds.Judgement j = Thresholds.judge(analytic, numeric, n, noise.scale(sample >= 0),
                estimate.crossedKink(), method.stepLost(theta, h));
        return new CheckResult(formula, layer, index, analytic, numeric, j.relativeError(), j.verdict(), j.reason(),
                n, h, Double.NaN);
    }

    private static void report(CheckProgress progress, long done, long total) {
        if (progress.cancelled()) {
            throw new CancellationException("gradient check cancelled after " + done + " of " + total);
        }
        if ((done & 0xFF) == 0) {
            progress.advanced(done, total);
        }
    }

    /** Forward, backward and every check with a step chosen per number ({@code --epsilon auto}). */
    public static Analysis analyseAuto(Network net, Batch batch, Backprop backprop, DifferenceMethod method,
                                       CheckProgress progress) {
        ForwardTrace forward = Forward.run(net, batch);
        BackwardTrace backward = backprop.run(net, forward, batch);
        List<CheckResult> checks = auto(method).run(net, batch, forward, backward, progress);
        return new Analysis(net, batch, backprop.mistake(), Double.NaN, forward, backward, checks, method,
                org.backprop.workbench.numeric.Precision.DOUBLE, CheckMode.ALL);
    }

    /** Forward, backward and every check in one call. */
    public static Analysis analyse(Network net, Batch batch, Backprop backprop, double epsilon) {
        return analyse(net, batch, backprop, epsilon, CheckProgress.NONE);
    }

    public static Analysis analyse(Network net, Batch batch, Backprop backprop, double epsilon, CheckProgress progress) {
        return analyse(net, batch, backprop, DifferenceMethod.CENTRAL, epsilon, progress);
    }

    /** Forward, backward and every check by the given method with step h = epsilon. */
    public static Analysis analyse(Network net, Batch batch, Backprop backprop, DifferenceMethod method, double epsilon,
                                   CheckProgress progress) {
        ForwardTrace forward = Forward.run(net, batch);
        BackwardTrace backward = backprop.run(net, forward, batch);
        List<CheckResult> checks = new GradientCheck(epsilon, method).run(net, batch, forward, backward, progress);
        return new Analysis(net, batch, backprop.mistake(), epsilon, forward, backward, checks, method,
                org.backprop.workbench.numeric.Precision.DOUBLE, CheckMode.ALL);
    }
}
