package org.backprop.workbench.bench;

import org.backprop.workbench.check.CheckResult;
import org.backprop.workbench.check.GradientCheck;
import org.backprop.workbench.engine.Activation;
import org.backprop.workbench.engine.Backprop;
import org.backprop.workbench.engine.BackwardTrace;
import org.backprop.workbench.engine.Batch;
import org.backprop.workbench.engine.Forward;
import org.backprop.workbench.engine.ForwardTrace;
import org.backprop.workbench.engine.Layer;
import org.backprop.workbench.engine.Loss;
import org.backprop.workbench.engine.Network;
import org.backprop.workbench.i18n.Messages;
import org.backprop.workbench.numeric.DifferenceMethod;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The targets of {@code --epsilon auto}, measured ({@code bench --auto-step N}): on N seeded random smooth networks
 * (1-2 hidden layers of 2-4 sigmoid/tanh/softplus neurons, an identity output with the quadratic cost, m = 1..3,
 * Glorot initialisation), central differences with the step chosen per number against an independent float64
 * reference, the complex step Im C(θ + ih)/h with h = 1e-20 (no subtraction, accurate to a few ulps). Numbers whose
 * reference is below 1e-8 in magnitude are left out of the relative errors (their relative error measures nothing).
 */
public final class AutoStepBenchmark {
    /** The fixed steps the auto step is compared against: 1e-1 .. 1e-10, a decade apart. */
    static final double[] GRID = {1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10};
    /** References smaller than this are left out of the relative-error statistics. */
    static final double SMALLEST_REFERENCE = 1e-8;

    private AutoStepBenchmark() {
    }

    /**
     * The figures.
     *
     * @param numbers        numbers measured
     * @param medianAuto     median relative error of the auto step against the reference
     * @param medianFixed    median relative error of fixed ε = 1e-5
     * @param withinTenOfBest fraction of numbers whose auto error is within 10× of the best fixed step of the grid
     *                       (or within 4 ulps of the reference)
     * @param boundCovers    fraction of numbers whose true error is at most the reported error bound
     * @param medianStep     median chosen step
     * @param worstRatio     the largest ratio of a true error to its reported error bound (the fail rule's margin,
     *                       {@code Thresholds.BOUND_MARGIN}, must stay well above it)
     */
    public record Figures(DifferenceMethod method, int numbers, double medianAuto, double medianFixed,
                          double withinTenOfBest, double boundCovers, double medianStep, double worstRatio) {
        public String text() {
            String nl = System.lineSeparator();
            return Messages.get("bench.auto.heading", method.id(), String.valueOf(numbers)) + nl
                    + "  " + Messages.get("bench.auto.medianAuto", f("%.2e", medianAuto)) + nl
                    + "  " + Messages.get("bench.auto.medianFixed", String.format(Locale.ROOT, "%-5s", fixedStep(method)),
                    f("%.2e", medianFixed)) + nl
                    + "  " + Messages.get("bench.auto.within", f("%.1f", 100 * withinTenOfBest)) + nl
                    + "  " + Messages.get("bench.auto.covers", f("%.1f", 100 * boundCovers)) + nl
                    + "  " + Messages.get("bench.auto.step", f("%.2e", medianStep)) + nl
                    + "  " + Messages.get("bench.auto.ratio", f("%.2f", worstRatio)) + nl;
        }

        private static String f(String format, double v) {
            return String.format(Locale.ROOT, format, v);
        }
    }

    /** The method's default step as the table writes it: 1e-5. */
    private static String fixedStep(DifferenceMethod method) {
        return String.format(Locale.ROOT, "%.0e", method.defaultStep()).replace("e-0", "e-");
    }

    /** Measures central differences on {@code networks} random networks from {@code seed}. */
    public static Figures run(int networks, long seed) {
        return run(networks, seed, DifferenceMethod.CENTRAL);
    }

    /**
     * Measures {@code method} (forward, central or Richardson) on {@code networks} random networks from {@code seed},
     * against fixed steps of the same method (the median at its default step).
     */
    public static Figures run(int networks, long seed, DifferenceMethod method) {
        Random random = new Random(seed);
        Activation[] smooth = {Activation.SIGMOID, Activation.TANH, Activation.SOFTPLUS};
        List<Double> autoErrors = new ArrayList<>();
        List<Double> fixedErrors = new ArrayList<>();
        List<Double> steps = new ArrayList<>();
        int within = 0;
        int covered = 0;
        int counted = 0;
        double worstRatio = 0;
        for (int i = 0; i < networks; i++) {
            List<Layer> layers = new ArrayList<>();
            for (int l = 1 + random.nextInt(2); l > 0; l--) {
                layers.add(new Layer(2 + random.nextInt(3), smooth[random.nextInt(smooth.length)]));
            }
            layers.add(new Layer(1 + random.nextInt(2), Activation.IDENTITY));
            Network net = Network.initialised(1 + random.nextInt(3), layers, Loss.QUADRATIC, random.nextLong());
            int m = 1 + random.nextInt(3);
            DMatrixRMaj inputs = new DMatrixRMaj(net.size(0), m);
            DMatrixRMaj targets = new DMatrixRMaj(net.size(net.depth()), m);
            for (int k = 0; k < inputs.data.length; k++) {
                inputs.data[k] = 2 * random.nextDouble() - 1;
            }
            for (int k = 0; k < targets.data.length; k++) {
                targets.data[k] = 2 * random.nextDouble() - 1;
            }
            Batch batch = new Batch(inputs, targets);
            ForwardTrace forward = Forward.run(net, batch);
            BackwardTrace backward = new Backprop().run(net, forward, batch);
            List<CheckResult> reference = new GradientCheck(1e-20, DifferenceMethod.COMPLEX_STEP)
                    .run(net, batch, forward, backward);
            List<CheckResult> auto = GradientCheck.auto(method).run(net, batch, forward, backward);
            List<CheckResult> fixed = new GradientCheck(method.defaultStep(), method).run(net, batch, forward, backward);
            List<List<CheckResult>> grid = new ArrayList<>();
            for (double h : GRID) {
                grid.add(new GradientCheck(h, method).run(net, batch, forward, backward));
            }
            for (int k = 0; k < reference.size(); k++) {
                double ref = reference.get(k).numeric();
                double autoError = Math.abs(auto.get(k).numeric() - ref);
                if (autoError <= auto.get(k).errorBound()) {
                    covered++;
                }
                worstRatio = Math.max(worstRatio, autoError / auto.get(k).errorBound());
                double best = Double.POSITIVE_INFINITY;
                for (List<CheckResult> g : grid) {
                    best = Math.min(best, Math.abs(g.get(k).numeric() - ref));
                }
                if (autoError <= Math.max(10 * best, 4 * Math.ulp(ref))) {
                    within++;
                }
                counted++;
                steps.add(auto.get(k).step());
                if (Math.abs(ref) >= SMALLEST_REFERENCE) {
                    autoErrors.add(autoError / Math.abs(ref));
                    fixedErrors.add(Math.abs(fixed.get(k).numeric() - ref) / Math.abs(ref));
                }
            }
        }
        return new Figures(method, counted, median(autoErrors), median(fixedErrors), within / (double) counted,
                covered / (double) counted, median(steps), worstRatio);
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v.length == 0 ? Double.NaN : v[v.length / 2];
    }
}
