package org.backprop.workbench.check;

import org.backprop.workbench.engine.Backprop;
import org.backprop.workbench.engine.BackwardTrace;
import org.backprop.workbench.engine.Batch;
import org.backprop.workbench.engine.Forward;
import org.backprop.workbench.engine.ForwardTrace;
import org.backprop.workbench.engine.Network;
import org.backprop.workbench.i18n.Messages;
import org.backprop.workbench.numeric.ComplexForward;
import org.backprop.workbench.numeric.DifferenceMethod;
import org.backprop.workbench.numeric.DifferenceMethod.Estimate;
import org.backprop.workbench.numeric.DifferenceMethod.Probe;
import org.backprop.workbench.numeric.IncrementalCost;
import org.backprop.workbench.numeric.NotAnalyticException;
import org.backprop.workbench.numeric.Precision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleUnaryOperator;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The ε sweep: the relative error of each difference method against its step h, for one number or the worst over
 * a group of numbers. Central differences draw a V: truncation h²|C'''|/6 falls to the right, rounding
 * eps_machine|C|/h rises to the left, least near h = 1e-5 at about 1e-10; forward differences a flatter V with its
 * floor near 1e-8 at h = 1e-8; Richardson a steeper one (h⁴) bottoming near h = 1e-3; the complex step falls as h²
 * and stays at machine precision however small h gets.
 *
 * <p>There is one sweep ({@link #run}); what differs between its users are its parameters: the grid of steps
 * ({@link #grid(int)}), the analytic side (a {@link BackwardTrace}: the CLI's {@code sweep} compares against the
 * correct backprop, the app's ε plot against the {@link Analysis} as it stands, deliberate mistake included, so that
 * the plot agrees with the check table and a wrong formula draws a flat line), and the {@link CostProbe.Source} of
 * C(θ ± h) (the CLI's through the incremental cost in the chosen precision, the app's through the engine's forward
 * pass, as its check table).
 */
public final class EpsilonSweep {
    /** Largest ε of a sweep: beyond it the truncation error of every method is of the order of the derivative. */
    public static final double LARGEST = 1e-1;

    /** Smallest ε of a sweep: at 1e-12 the rounding error eps_machine·|C|/ε ≈ 1e-4 already fails a check. */
    public static final double SMALLEST = 1e-12;

    /** The CLI's grid: two steps per decade (23 steps) keep a table of every method on one screen. */
    public static final int CLI_STEPS_PER_DECADE = 2;

    /** The plot's grid: four points per decade (45 points) draw the V smoothly, under 100 passes for one number. */
    public static final int POINTS_PER_DECADE = 4;

    /**
     * A group of the plot larger than this is swept on an evenly spread sample of it: each member costs a full sweep
     * (about 90 forward passes), so the worst-over-a-formula curve of a large network (e.g. the 100,352 weights of
     * w^1 in 784-128-64-10, about 2 ms a pass) stays at about 10 seconds. Small networks are swept whole.
     */
    public static final int MAX_GROUP = 50;

    private EpsilonSweep() {
    }

    /**
     * ε from {@link #LARGEST} down to {@link #SMALLEST}, {@code perDecade} steps to a decade, exact decades included.
     */
    public static double[] grid(int perDecade) {
        int decades = (int) Math.round(Math.log10(LARGEST / SMALLEST));
        double[] grid = new double[decades * perDecade + 1];
        double top = Math.log10(LARGEST);
        for (int i = 0; i < grid.length; i++) {
            grid[i] = Math.pow(10, top - (double) i / perDecade);
        }
        return grid;
    }

    /** The CLI's 23 steps, half a decade apart from 1e-1 down to 1e-12. */
    public static double[] defaultSteps() {
        return grid(CLI_STEPS_PER_DECADE);
    }

    /** The plot's 45 points, a quarter of a decade apart from 1e-1 down to 1e-12. */
    public static double[] grid() {
        return grid(POINTS_PER_DECADE);
    }

    /**
     * One step of a curve.
     *
     * @param epsilon             the step h
     * @param numeric             the estimate of the number whose error is {@code relativeError}
     * @param relativeError       the worst relative error over the numbers swept (the only one for a single number);
     *                            NaN if any estimate was not finite
     * @param medianRelativeError the median over the numbers swept
     * @param kinks               how many of the numbers crossed a relu kink at this step
     */
    public record Point(double epsilon, double numeric, double relativeError, double medianRelativeError, int kinks) {
    }

    /** The curve of one method, over one number or the worst over a group. */
    public record Curve(String label, DifferenceMethod method, List<Point> points) {
        public Curve {
            points = List.copyOf(points);
        }

        /** The step with the least worst-case error, the first of equals (NaN points never win). */
        public Point best() {
            return points.stream().filter(p -> !Double.isNaN(p.relativeError()))
                    .min(Comparator.comparingDouble(Point::relativeError)).orElse(points.get(0));
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

    // ---- the sweep ------------------------------------------------------------------------------------------------

    /**
     * The one sweep: every method on every number at every step, the error of each estimate against the analytic
     * side, reduced per method and step to the worst (a NaN is the worst there is), the median and the count of
     * kink crossings.
     *
     * @param items    the numbers
     * @param methods  the difference methods, each applicable to the network
     * @param steps    the grid
     * @param analytic the backward pass whose values are judged
     * @param m        the batch size (the estimate of a δ is C_x's slope divided by m)
     * @param cost     the cost of the unperturbed network, the floor of the relative errors
     * @param probes   one probe source per thread
     * @param threads  1 runs on the calling thread
     * @return one curve per method, labelled by {@code label}
     */
    static List<Curve> run(List<FastGradientCheck.Item> items, List<DifferenceMethod> methods, double[] steps,
                           BackwardTrace analytic, int m, double cost, Supplier<CostProbe.Source> probes,
                           int threads, CheckProgress progress, String label) {
        int s = steps.length;
        int perItem = methods.size() * s;
        double[][] numeric = new double[items.size()][];
        double[][] errors = new double[items.size()][];
        boolean[][] kinks = new boolean[items.size()][];
        AtomicLong done = new AtomicLong();
        ThreadLocal<CostProbe.Source> sources = ThreadLocal.withInitial(probes);
        IntConsumer one = n -> {
            if (progress.cancelled()) {
                throw new CancellationException("ε sweep cancelled");
            }
            FastGradientCheck.Item item = items.get(n);
            Probe probe = sources.get().along(item.formula(), item.layer(), item.index());
            double exact = FastGradientCheck.analytic(item, analytic);
            double scale = FastGradientCheck.scale(item, m);
            double[] v = new double[perItem];
            double[] e = new double[perItem];
            boolean[] k = new boolean[perItem];
            for (int mi = 0; mi < methods.size(); mi++) {
                for (int si = 0; si < s; si++) {
                    Estimate estimate = methods.get(mi).estimate(probe, steps[si]);
                    v[mi * s + si] = estimate.value() * scale;
                    e[mi * s + si] = Thresholds.relativeError(exact, v[mi * s + si], cost);
                    k[mi * s + si] = estimate.crossedKink();
                }
            }
            numeric[n] = v;
            errors[n] = e;
            kinks[n] = k;
            progress.advanced(done.incrementAndGet(), items.size());
        };
        if (threads == 1) {
            for (int n = 0; n < items.size(); n++) {
                one.accept(n);
            }
        } else {
            inPool(threads, () -> IntStream.range(0, items.size()).parallel().forEach(one));
        }
        List<Curve> curves = new ArrayList<>();
        for (int mi = 0; mi < methods.size(); mi++) {
            List<Point> points = new ArrayList<>();
            for (int si = 0; si < s; si++) {
                int c = mi * s + si;
                double[] column = new double[items.size()];
                int worst = 0;
                int kinked = 0;
                for (int n = 0; n < items.size(); n++) {
                    column[n] = errors[n][c];
                    double w = errors[worst][c];
                    if (!Double.isNaN(w) && (Double.isNaN(column[n]) || column[n] > w)) {
                        worst = n;
                    }
                    kinked += kinks[n][c] ? 1 : 0;
                }
                Arrays.sort(column);   // NaN sorts last
                points.add(new Point(steps[si], numeric[worst][c], errors[worst][c], column[column.length / 2],
                        kinked));
            }
            DifferenceMethod method = methods.get(mi);
            curves.add(new Curve(Messages.get("sweep.curveLabel", method.description(), label), method, points));
        }
        return curves;
    }

    private static void inPool(int threads, Runnable all) {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(all).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("ε sweep interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Why the method cannot run on the network (the complex step needs one without relu), or empty if it can. */
    public static Optional<String> notApplicable(Network net, DifferenceMethod method) {
        if (method.isComplex()) {
            try {
                ComplexForward.requireAnalytic(net);
            } catch (NotAnalyticException e) {
                return Optional.of(e.getMessage());
            }
        }
        return Optional.empty();
    }

    // ---- the CLI: a formula, a layer or one number, against the correct backprop ------------------------------------

    /**
     * Sweeps every method over the steps, against the correct backprop, through the incremental cost.
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
            notes.add(Messages.get("sweep.about.sampled", items.size(), selected.size(), String.valueOf(seed)));
        }
        for (DifferenceMethod method : DifferenceMethod.values()) {
            Optional<String> why = notApplicable(net, method);
            why.ifPresent(w -> notes.add(Messages.get("sweep.about.complexLeftOut", w)));
            if (why.isEmpty()) {
                methods.add(method);
            }
        }
        String target = describe(formula, layer, index, selected.size(), items.size());
        List<Curve> curves = run(items, methods, steps, backward, batch.size(), forward.cost(),
                () -> CostProbe.incremental(cost.workspace()), threads, progress, target);
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
            case BP1 -> Messages.get("sweep.about.layer", String.valueOf(depth));
            case BP2 -> depth == 1 ? Messages.get("sweep.about.noHiddenLayer")
                    : Messages.get("sweep.about.layers", String.valueOf(depth - 1));
            default -> Messages.get("sweep.about.layers", String.valueOf(depth));
        };
        if (formula == Formula.BP2 && depth == 1) {
            throw new IllegalArgumentException(Messages.get("sweep.about.has", formula, layers));
        }
        if (layer != 0) {
            boolean ok = switch (formula) {
                case BP1 -> layer == depth;
                case BP2 -> layer >= 1 && layer < depth;
                default -> layer >= 1 && layer <= depth;
            };
            if (!ok) {
                throw new IllegalArgumentException(Messages.get("sweep.about.notLayer", formula, layers,
                        String.valueOf(layer)));
            }
        }
        if (index != null && layer == 0) {
            throw new IllegalArgumentException(Messages.get("sweep.about.indexNeedsLayer", formula, layers));
        }
        List<FastGradientCheck.Item> items = new ArrayList<>();
        for (FastGradientCheck.Item item : FastGradientCheck.items(net, m, CheckMode.ALL)) {
            if (item.formula() == formula && (layer == 0 || item.layer() == layer)
                    && (index == null || Arrays.equals(item.index(), index))) {
                items.add(item);
            }
        }
        if (items.isEmpty()) {
            throw new IllegalArgumentException(Messages.get("sweep.about.noIndex", formula, String.valueOf(layer),
                    Arrays.toString(index), shape(net, m, formula, layer)));
        }
        return items;
    }

    private static String shape(Network net, int m, Formula formula, int layer) {
        return switch (formula) {
            case BP1, BP2 -> Messages.get("sweep.about.shapeDelta", String.valueOf(net.size(layer)), String.valueOf(m));
            case BP3 -> Messages.get("sweep.about.shapeBias", String.valueOf(net.size(layer)));
            case BP4 -> Messages.get("sweep.about.shapeWeight", String.valueOf(net.size(layer - 1)),
                    String.valueOf(net.size(layer)));
        };
    }

    /** What was swept: one number by its symbol, or the worst of {@code count} ({@code swept} of them if sampled). */
    private static String describe(Formula formula, int layer, int[] index, int count, int swept) {
        if (index != null) {
            String symbol = switch (formula) {
                case BP1, BP2 -> "δ^" + layer;
                case BP3 -> "∂C/∂b^" + layer;
                case BP4 -> "∂C/∂w^" + layer;
            };
            return formula + " " + symbol + Arrays.toString(index);
        }
        String numbers = swept < count ? Messages.get("sweep.about.numbersSampled", count, swept)
                : Messages.get("sweep.about.numbers", count);
        return layer == 0 ? Messages.get("sweep.about.allLayers", formula, numbers)
                : Messages.get("sweep.about.oneLayer", formula, String.valueOf(layer), numbers);
    }

    // ---- the app: checked numbers of an analysis, against its own analytic values ------------------------------------

    /** The sweep of one checked number with one method, against the analysis's analytic values. */
    public static Curve sweep(Analysis analysis, CheckResult check, DifferenceMethod method, double[] grid) {
        return run(List.of(item(check)), List.of(method), grid, analysis.backward(), analysis.batch().size(),
                analysis.forward().cost(), engine(analysis), 1, CheckProgress.NONE, check.quantity()).get(0);
    }

    /**
     * For each ε, the largest relative error over a group of checked numbers (e.g. every BP4 number of one layer);
     * a group larger than {@link #MAX_GROUP} is represented by an evenly spread sample of that size. The curve's label,
     * "worst of the 6 in BP4 of layer 1" ({@code groupName} as the caller words it), is in the current language, its
     * counts formatted for it.
     */
    public static Curve worstOf(Analysis analysis, List<CheckResult> group, String groupName,
                                DifferenceMethod method, double[] grid, CheckProgress progress) {
        List<CheckResult> sample = sample(group, MAX_GROUP);
        String of = sample.size() < group.size()
                ? Messages.get("sweep.worstOfSampled", sample.size(), group.size(), groupName)
                : Messages.get("sweep.worstOf", group.size(), groupName);
        return run(sample.stream().map(EpsilonSweep::item).toList(), List.of(method), grid, analysis.backward(),
                analysis.batch().size(), analysis.forward().cost(), engine(analysis), 1, progress, of).get(0);
    }

    /** True if the method can run on the analysed network (the complex step needs one without relu). */
    public static boolean applicable(Analysis analysis, DifferenceMethod method) {
        return notApplicable(analysis.network(), method).isEmpty();
    }

    /**
     * The method's estimate of a checked number at one step, as a point of {@link #sweep(Analysis, CheckResult,
     * DifferenceMethod, double[])} would have it.
     */
    public static double estimate(Analysis analysis, CheckResult check, DifferenceMethod method, double h) {
        FastGradientCheck.Item item = item(check);
        Probe probe = engine(analysis).get().along(item.formula(), item.layer(), item.index());
        return method.estimate(probe, h).value() * FastGradientCheck.scale(item, analysis.batch().size());
    }

    /** The relative error of one estimate, with the floor of the analysed network's cost (as the checks use). */
    public static double relativeError(Analysis analysis, CheckResult check, double numeric) {
        return Thresholds.relativeError(check.analytic(), numeric, analysis.forward().cost());
    }

    /**
     * The probe along the coordinate of a check, divided by m for δ so that every method estimates the checked
     * number itself. The probe owns a private copy of the network and is not safe for concurrent use.
     */
    public static Probe probe(Analysis analysis, CheckResult check) {
        Probe probe = engine(analysis).get().along(check.formula(), check.layer(), check.index());
        boolean delta = check.formula() == Formula.BP1 || check.formula() == Formula.BP2;
        return delta ? CostProbe.perBatch(probe, analysis.batch().size()) : probe;
    }

    /**
     * The cost as a function of an offset t added to the coordinate that the check perturbs; f(0) is the cost of the
     * analysed network. For δ (BP1, BP2) it is C_x / m with z^l_jx + t, whose derivative is δ^l_jx; for BP3 and BP4
     * it is the batch cost C with b^l_j + t or w^l_kj + t.
     */
    public static DoubleUnaryOperator costAlong(Analysis analysis, CheckResult check) {
        Probe probe = probe(analysis, check);
        return t -> probe.real(t).cost();
    }

    private static Supplier<CostProbe.Source> engine(Analysis analysis) {
        return () -> CostProbe.engine(analysis.network(), analysis.batch(), analysis.forward());
    }

    private static FastGradientCheck.Item item(CheckResult check) {
        int[] index = check.index();
        return new FastGradientCheck.Item(check.formula(), check.layer(), index[0], index.length > 1 ? index[1] : 0);
    }

    /** At most {@code limit} elements spread evenly over the list, first and last included. */
    static <T> List<T> sample(List<T> list, int limit) {
        if (list.size() <= limit) {
            return list;
        }
        List<T> sample = new ArrayList<>(limit);
        for (int i = 0; i < limit; i++) {
            sample.add(list.get((int) ((long) i * (list.size() - 1) / (limit - 1))));
        }
        return sample;
    }
}
