package org.backprop.workbench.check;

import org.backprop.workbench.engine.Backprop;
import org.backprop.workbench.engine.BackwardTrace;
import org.backprop.workbench.engine.Batch;
import org.backprop.workbench.engine.Forward;
import org.backprop.workbench.engine.ForwardTrace;
import org.backprop.workbench.engine.Network;
import org.backprop.workbench.numeric.ComplexForward;
import org.backprop.workbench.numeric.DifferenceMethod;
import org.backprop.workbench.numeric.DifferenceMethod.Estimate;
import org.backprop.workbench.numeric.IncrementalCost;
import org.backprop.workbench.numeric.NotAnalyticException;
import org.backprop.workbench.numeric.Precision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * The ε sweep: the relative error of each difference method against its step h, for one number or the worst over
 * a formula. Central differences draw a V: truncation h²|C'''|/6 falls to the right, rounding eps_machine|C|/h rises
 * to the left, least near h = 1e-5 at about 1e-10; forward differences a flatter V with its floor near 1e-8 at
 * h = 1e-8; Richardson a steeper one (h⁴) bottoming near h = 1e-3; the complex step falls as h² and stays at machine
 * precision however small h gets.
 */
public final class EpsilonSweep {
    /** The first (largest) step of the default sweep. */
    public static final double LARGEST_STEP = 1e-1;

    /** The last (smallest) step: below it even double rounding swamps every real method. */
    public static final double SMALLEST_STEP = 1e-12;

    /** Steps of the default sweep: half a decade apart from 1e-1 to 1e-12. */
    public static final int STEPS = 23;

    private EpsilonSweep() {
    }

    /** 23 steps, log-spaced from 1e-1 down to 1e-12. */
    public static double[] defaultSteps() {
        double[] steps = new double[STEPS];
        double from = Math.log10(LARGEST_STEP);
        double to = Math.log10(SMALLEST_STEP);
        for (int i = 0; i < STEPS; i++) {
            steps[i] = Math.pow(10, from + (to - from) * i / (STEPS - 1));
        }
        return steps;
    }

    /**
     * One step of a curve.
     *
     * @param epsilon        the step h
     * @param relativeError  the worst relative error over the numbers swept (the only one for a single number)
     * @param medianRelativeError the median over the numbers swept
     * @param kinks          how many of the numbers crossed a relu kink at this step
     */
    public record Point(double epsilon, double relativeError, double medianRelativeError, int kinks) {
    }

    /** The curve of one method. */
    public record Curve(DifferenceMethod method, List<Point> points) {
        public Curve {
            points = List.copyOf(points);
        }

        /** The step with the least worst-case error (the first of equals). */
        public Point best() {
            Point best = points.get(0);
            for (Point p : points) {
                if (p.relativeError() < best.relativeError()) {
                    best = p;
                }
            }
            return best;
        }
    }

    /**
     * A whole sweep.
     *
     * @param target    what was swept, e.g. "BP4 ∂C/∂w^1[0, 1]" or "BP4, worst over layers 1-2 (12 numbers)"
     * @param numbers   how many numbers were swept
     * @param precision the arithmetic of the forward passes
     * @param curves    one per method that applies
     * @param notes     why a method was left out, if one was
     */
    public record Result(String target, int numbers, Precision precision, List<Curve> curves, List<String> notes) {
        public Result {
            curves = List.copyOf(curves);
            notes = List.copyOf(notes);
        }

        public Curve curve(DifferenceMethod method) {
            return curves.stream().filter(c -> c.method() == method).findFirst().orElseThrow();
        }
    }

    /**
     * Sweeps every method over the steps.
     *
     * @param formula the formula (BP1 means δ^L, BP2 a hidden δ^l)
     * @param layer   the layer, or 0 for every layer the formula has
     * @param index   one number's index ([j, x] for δ, [j] for b, [k, j] for w), or null for the worst over all
     * @throws IllegalArgumentException if the formula has no such layer or index, with a message saying what exists
     */
    public static Result sweep(Network net, Batch batch, Formula formula, int layer, int[] index, Precision precision,
                               double[] steps, int threads, CheckProgress progress) {
        return sweep(net, batch, formula, layer, index, precision, steps, threads, 0, 0, progress);
    }

    /**
     * As {@link #sweep(Network, Batch, Formula, int, int[], Precision, double[], int, CheckProgress)}, over at most
     * {@code sample} of the numbers: when the selection is larger, a seeded random subset of that size is swept (the
     * same seed gives the same subset) and the result's target and notes say so.
     *
     * @param sample the most numbers to sweep, or 0 for all of them
     * @param seed   the seed of the subset
     */
    public static Result sweep(Network net, Batch batch, Formula formula, int layer, int[] index, Precision precision,
                               double[] steps, int threads, int sample, long seed, CheckProgress progress) {
        List<FastGradientCheck.Item> selected = select(net, batch.size(), formula, layer, index);
        List<FastGradientCheck.Item> items = sample > 0 && selected.size() > sample
                ? subset(selected, sample, seed) : selected;
        ForwardTrace forward = Forward.run(net, batch);
        BackwardTrace backward = new Backprop().run(net, forward, batch);
        IncrementalCost cost = IncrementalCost.of(net, batch, forward, precision);
        List<DifferenceMethod> methods = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (items.size() < selected.size()) {
            notes.add(String.format(Locale.ROOT, "sampled: %,d of the %,d numbers, drawn at random with seed %d "
                    + "(the worst and the median are over the sample)", items.size(), selected.size(), seed));
        }
        for (DifferenceMethod method : DifferenceMethod.values()) {
            if (method.isComplex()) {
                try {
                    ComplexForward.requireAnalytic(net);
                } catch (NotAnalyticException e) {
                    notes.add("complex step left out: " + e.getMessage());
                    continue;
                }
            }
            methods.add(method);
        }
        int s = steps.length;
        int perItem = methods.size() * s;
        double[][] errors = new double[items.size()][];
        boolean[][] kinks = new boolean[items.size()][];
        AtomicLong done = new AtomicLong();
        ThreadLocal<IncrementalCost.Workspace> workspaces = ThreadLocal.withInitial(cost::workspace);
        Runnable all = () -> IntStream.range(0, items.size()).parallel().forEach(n -> {
            if (progress.cancelled()) {
                throw new CancellationException("sweep cancelled");
            }
            FastGradientCheck.Item item = items.get(n);
            IncrementalCost.Workspace ws = workspaces.get();
            double analytic = FastGradientCheck.analytic(item, backward);
            double scale = FastGradientCheck.scale(item, batch.size());
            double[] e = new double[perItem];
            boolean[] k = new boolean[perItem];
            for (int mi = 0; mi < methods.size(); mi++) {
                for (int si = 0; si < s; si++) {
                    Estimate estimate = methods.get(mi).estimate(FastGradientCheck.probe(item, ws), steps[si]);
                    e[mi * s + si] = Thresholds.relativeError(analytic, estimate.value() * scale, forward.cost());
                    k[mi * s + si] = estimate.crossedKink();
                }
            }
            errors[n] = e;
            kinks[n] = k;
            progress.advanced(done.incrementAndGet(), items.size());
        });
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(all).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("sweep interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<Curve> curves = new ArrayList<>();
        for (int mi = 0; mi < methods.size(); mi++) {
            List<Point> points = new ArrayList<>();
            for (int si = 0; si < s; si++) {
                double[] column = new double[items.size()];
                int kinked = 0;
                for (int n = 0; n < items.size(); n++) {
                    column[n] = errors[n][mi * s + si];
                    kinked += kinks[n][mi * s + si] ? 1 : 0;
                }
                Arrays.sort(column);   // NaN sorts last, so a NaN anywhere makes the worst NaN
                points.add(new Point(steps[si], column[column.length - 1], column[column.length / 2], kinked));
            }
            curves.add(new Curve(methods.get(mi), points));
        }
        String target = describe(net, formula, layer, index, selected.size());
        if (items.size() < selected.size()) {
            target = target.substring(0, target.length() - 1)
                    + String.format(Locale.ROOT, ", a sample of %,d)", items.size());
        }
        return new Result(target, items.size(), precision, curves, notes);
    }

    /** {@code size} of the items, drawn by a seeded partial Fisher-Yates shuffle, in their original order. */
    private static List<FastGradientCheck.Item> subset(List<FastGradientCheck.Item> items, int size, long seed) {
        Random random = new Random(seed);
        int[] all = IntStream.range(0, items.size()).toArray();
        for (int i = 0; i < size; i++) {
            int r = i + random.nextInt(all.length - i);
            int tmp = all[i];
            all[i] = all[r];
            all[r] = tmp;
        }
        int[] chosen = Arrays.copyOf(all, size);
        Arrays.sort(chosen);
        List<FastGradientCheck.Item> subset = new ArrayList<>(size);
        for (int i : chosen) {
            subset.add(items.get(i));
        }
        return subset;
    }

    private static List<FastGradientCheck.Item> select(Network net, int m, Formula formula, int layer, int[] index) {
        int depth = net.depth();
        String layers = switch (formula) {
            case BP1 -> "layer " + depth;
            case BP2 -> depth == 1 ? "no layer (the network has no hidden layer)" : "layers 1-" + (depth - 1);
            default -> "layers 1-" + depth;
        };
        if (formula == Formula.BP2 && depth == 1) {
            throw new IllegalArgumentException("BP2 has " + layers);
        }
        if (layer != 0) {
            boolean ok = switch (formula) {
                case BP1 -> layer == depth;
                case BP2 -> layer >= 1 && layer < depth;
                default -> layer >= 1 && layer <= depth;
            };
            if (!ok) {
                throw new IllegalArgumentException(formula + " has " + layers + ", not layer " + layer);
            }
        }
        if (index != null && layer == 0) {
            throw new IllegalArgumentException("an index needs a layer: give the layer of " + formula + " ("
                    + layers + ")");
        }
        List<FastGradientCheck.Item> items = new ArrayList<>();
        for (FastGradientCheck.Item item : FastGradientCheck.items(net, m, CheckMode.ALL)) {
            if (item.formula() == formula && (layer == 0 || item.layer() == layer)
                    && (index == null || Arrays.equals(item.index(), index))) {
                items.add(item);
            }
        }
        if (items.isEmpty()) {
            throw new IllegalArgumentException(formula + " of layer " + layer + " has no index "
                    + Arrays.toString(index) + "; expected " + shape(net, m, formula, layer));
        }
        return items;
    }

    private static String shape(Network net, int m, Formula formula, int layer) {
        return switch (formula) {
            case BP1, BP2 -> "[j, x] with j < " + net.size(layer) + " (neurons) and x < " + m + " (samples)";
            case BP3 -> "[j] with j < " + net.size(layer);
            case BP4 -> "[k, j] with k < " + net.size(layer - 1) + " (inputs) and j < " + net.size(layer);
        };
    }

    private static String describe(Network net, Formula formula, int layer, int[] index, int count) {
        if (index != null) {
            String symbol = switch (formula) {
                case BP1, BP2 -> "δ^" + layer;
                case BP3 -> "∂C/∂b^" + layer;
                case BP4 -> "∂C/∂w^" + layer;
            };
            return formula + " " + symbol + Arrays.toString(index);
        }
        return formula + ", worst over " + (layer == 0 ? "all its layers" : "layer " + layer) + " (" + count
                + " numbers)";
    }
}
