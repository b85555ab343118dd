package org.backprop.workbench.explore;

import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.check.CheckProgress;
import org.backprop.workbench.check.CheckResult;
import org.backprop.workbench.check.CostProbe;
import org.backprop.workbench.check.Formula;
import org.backprop.workbench.check.Thresholds;
import org.backprop.workbench.engine.Network;
import org.backprop.workbench.numeric.ComplexForward;
import org.backprop.workbench.numeric.DifferenceMethod;
import org.backprop.workbench.numeric.DifferenceMethod.Probe;
import org.backprop.workbench.numeric.NotAnalyticException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.DoubleUnaryOperator;

/**
 * Relative error of a numerical derivative against the analytic one, as ε runs from {@value #LARGEST} down to
 * {@value #SMALLEST}: the V of truncation (large ε) against rounding (small ε).
 *
 * <p>Every checked number is the derivative of the cost along one coordinate: z^l_jx for δ (BP1, BP2), b^l_j for
 * BP3, w^l_kj for BP4. {@link #probe} turns a check into that one-variable function t ↦ C(θ + t e), and the
 * {@link DifferenceMethod}s of the numeric package differentiate it at t = 0 with step ε.
 *
 * <p>The CLI's {@code sweep} ({@link org.backprop.workbench.check.EpsilonSweep}) sweeps against the correct backprop
 * with incremental costs; this one sweeps against the analytic values of an {@link Analysis} as it stands, deliberate
 * mistake included, so that the app's plot agrees with its check table (a wrong formula draws a flat line).
 */
public final class EpsilonSweep {
    private EpsilonSweep() {
    }

    /** Largest ε of the sweep: beyond it the truncation error of every method is of the order of the derivative. */
    public static final double LARGEST = 1e-1;

    /** Smallest ε of the sweep: at 1e-12 the rounding error eps_machine·|C|/ε ≈ 1e-4 already fails a check. */
    public static final double SMALLEST = 1e-12;

    /** Four points per decade draw the V smoothly (45 points) while a sweep of one number stays under 100 passes. */
    public static final int POINTS_PER_DECADE = 4;

    /**
     * A group larger than this is swept on an evenly spread sample of it: each member costs a full sweep (about 90
     * forward passes), so the worst-over-a-formula curve of a large network (e.g. the 100,352 weights of w^1 in
     * 784-128-64-10, about 2 ms a pass) stays at about 10 seconds. Small networks are swept whole.
     */
    public static final int MAX_GROUP = 50;

    /** The order of the truncation error of a method, e.g. "O(ε²)", for legends. */
    public static String order(DifferenceMethod method) {
        return switch (method) {
            case FORWARD -> "O(ε)";
            case CENTRAL -> "O(ε²)";
            case RICHARDSON -> "O(ε⁴)";
            case COMPLEX_STEP -> "O(ε²), no subtraction";
        };
    }

    /** One ε of a sweep: the numerical estimate there and its relative error against the analytic value. */
    public record Point(double epsilon, double numeric, double relativeError) {
    }

    /** A curve of the plot: one method on one number, or the worst over a group of numbers. */
    public record Curve(String label, DifferenceMethod method, List<Point> points) {
        public Curve {
            points = List.copyOf(points);
        }

        /** The point with the least relative error (NaN points never win). */
        public Point best() {
            return points.stream().filter(p -> !Double.isNaN(p.relativeError()))
                    .min(Comparator.comparingDouble(Point::relativeError)).orElse(points.get(0));
        }
    }

    /** ε from {@link #LARGEST} down to {@link #SMALLEST}, {@link #POINTS_PER_DECADE} per decade, exact decades included. */
    public static double[] grid() {
        int decades = (int) Math.round(Math.log10(LARGEST / SMALLEST));
        double[] grid = new double[decades * POINTS_PER_DECADE + 1];
        double top = Math.log10(LARGEST);
        for (int i = 0; i < grid.length; i++) {
            grid[i] = Math.pow(10, top - (double) i / POINTS_PER_DECADE);
        }
        return grid;
    }

    /**
     * The cost as a function of an offset t added to the coordinate that the check perturbs; f(0) is the cost of the
     * analysed network. For δ (BP1, BP2) it is C_x / m with z^l_jx + t, whose derivative is δ^l_jx; for BP3 and BP4
     * it is the batch cost C with b^l_j + t or w^l_kj + t.
     * The function owns a private copy of the network and is not safe for concurrent use.
     */
    public static DoubleUnaryOperator costAlong(Analysis analysis, CheckResult check) {
        Probe probe = probe(analysis, check);
        return t -> probe.real(t).cost();
    }

    /**
     * The probe of the difference methods along the coordinate of a check: real steps through the engine's forward
     * pass, imaginary steps through the complex forward pass (analytic networks only). For δ the cost is divided by
     * m, so that every method estimates the checked number itself.
     */
    public static Probe probe(Analysis analysis, CheckResult check) {
        Formula f = check.formula();
        boolean delta = f == Formula.BP1 || f == Formula.BP2;
        Network net = delta ? analysis.network() : analysis.network().copy();
        Probe probe = CostProbe.of(net, analysis.batch(), analysis.forward(), f, check.layer(), check.index());
        return delta ? CostProbe.perBatch(probe, analysis.batch().size()) : probe;
    }

    /** True if the method can run on the analysed network (the complex step needs one without relu). */
    public static boolean applicable(Analysis analysis, DifferenceMethod method) {
        if (!method.isComplex()) {
            return true;
        }
        try {
            ComplexForward.requireAnalytic(analysis.network());
            return true;
        } catch (NotAnalyticException e) {
            return false;
        }
    }

    /** The relative error of one estimate, with the floor of the analysed network's cost (as the checks use). */
    public static double relativeError(Analysis analysis, CheckResult check, double numeric) {
        return Thresholds.relativeError(check.analytic(), numeric, analysis.forward().cost());
    }

    /** The sweep of one checked number with one method. */
    public static Curve sweep(Analysis analysis, CheckResult check, DifferenceMethod method, double[] grid) {
        Probe probe = probe(analysis, check);
        List<Point> points = new ArrayList<>(grid.length);
        for (double h : grid) {
            double numeric = method.estimate(probe, h).value();
            points.add(new Point(h, numeric, relativeError(analysis, check, numeric)));
        }
        return new Curve(method.description() + ", " + check.quantity(), method, points);
    }

    /**
     * For each ε, the largest relative error over a group of checked numbers (e.g. every BP4 number of one layer);
     * a group larger than {@link #MAX_GROUP} is represented by an evenly spread sample of that size.
     */
    public static Curve worstOf(Analysis analysis, List<CheckResult> group, String groupName,
                                DifferenceMethod method,
                                double[] grid, CheckProgress progress) {
        List<CheckResult> sample = sample(group, MAX_GROUP);
        double[] worst = new double[grid.length];
        double[] worstNumeric = new double[grid.length];
        Arrays.fill(worst, Double.NEGATIVE_INFINITY);
        for (int c = 0; c < sample.size(); c++) {
            if (progress.cancelled()) {
                throw new CancellationException("ε sweep cancelled");
            }
            Curve curve = sweep(analysis, sample.get(c), method, grid);
            for (int i = 0; i < grid.length; i++) {
                Point p = curve.points().get(i);
                // a NaN (non-finite estimate) is the worst there is and stays
                if (!Double.isNaN(worst[i]) && (Double.isNaN(p.relativeError()) || p.relativeError() > worst[i])) {
                    worst[i] = p.relativeError();
                    worstNumeric[i] = p.numeric();
                }
            }
            progress.advanced(c + 1, sample.size());
        }
        List<Point> points = new ArrayList<>(grid.length);
        for (int i = 0; i < grid.length; i++) {
            points.add(new Point(grid[i], worstNumeric[i], worst[i]));
        }
        String of = sample.size() < group.size()
                ? "worst of " + sample.size() + " sampled from " + group.size() + " in " + groupName
                : "worst of the " + group.size() + " in " + groupName;
        return new Curve(method.description() + ", " + of, method, points);
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
