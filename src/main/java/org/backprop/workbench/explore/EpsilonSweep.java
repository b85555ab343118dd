package org.backprop.workbench.explore;

import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.check.CheckProgress;
import org.backprop.workbench.check.CheckResult;
import org.backprop.workbench.check.Thresholds;
import org.backprop.workbench.engine.Forward;
import org.backprop.workbench.engine.Network;
import org.ejml.data.DMatrixRMaj;

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
 * BP3, w^l_kj for BP4. {@link #costAlong} turns a check into that one-variable function t ↦ C(θ + t e), and the
 * {@link Method}s differentiate it at t = 0 with step ε.
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
     * A group larger than this is swept on an evenly spread sample of it, so that the worst-over-a-formula curve of a
     * large network (e.g. the 100,352 weights of w^1 in 784-128-64-10) stays a matter of seconds.
     */
    public static final int MAX_GROUP = 400;

    /** A finite-difference formula for f'(0) with step h. */
    public enum Method {
        /** (f(h) − f(0)) / h: truncation O(h), least total error near h ≈ sqrt(eps_machine) ≈ 1e-8. */
        FORWARD("forward difference", "O(ε)") {
            @Override
            public double derivative(DoubleUnaryOperator f, double f0, double h) {
                return (f.applyAsDouble(h) - f0) / h;
            }
        },
        /** (f(h) − f(−h)) / 2h: truncation O(h²), least total error near h ≈ eps_machine^(1/3) ≈ 1e-5. */
        CENTRAL("central difference", "O(ε²)") {
            @Override
            public double derivative(DoubleUnaryOperator f, double f0, double h) {
                return (f.applyAsDouble(h) - f.applyAsDouble(-h)) / (2 * h);
            }
        },
        /**
         * Richardson extrapolation of the central difference, (4 D(h/2) − D(h)) / 3: the h² terms cancel, truncation
         * O(h⁴), least total error near h ≈ eps_machine^(1/5) ≈ 1e-3.
         */
        RICHARDSON("Richardson extrapolation", "O(ε⁴)") {
            @Override
            public double derivative(DoubleUnaryOperator f, double f0, double h) {
                double full = CENTRAL.derivative(f, f0, h);
                double half = CENTRAL.derivative(f, f0, h / 2);
                return (4 * half - full) / 3;
            }
        };

        private final String label;
        private final String order;

        Method(String label, String order) {
            this.label = label;
            this.order = order;
        }

        /** f'(0) estimated with step h; f0 = f(0) is passed in so that methods needing it do not recompute it. */
        public abstract double derivative(DoubleUnaryOperator f, double f0, double h);

        public String label() { return label; }

        /** The order of the truncation error, e.g. "O(ε²)". */
        public String order() { return order; }
    }

    /** One ε of a sweep: the numerical estimate there and its relative error against the analytic value. */
    public record Point(double epsilon, double numeric, double relativeError) {
    }

    /** A curve of the plot: one method on one number, or the worst over a group of numbers. */
    public record Curve(String label, Method method, List<Point> points) {
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
        int l = check.layer();
        int[] index = check.index();
        switch (check.formula()) {
            case BP1, BP2 -> {
                DMatrixRMaj z = analysis.forward().z(l);
                int j = index[0];
                int x = index[1];
                int m = analysis.batch().size();
                DMatrixRMaj column = new DMatrixRMaj(z.numRows, 1);
                for (int i = 0; i < z.numRows; i++) {
                    column.set(i, 0, z.get(i, x));
                }
                double original = column.get(j, 0);
                return t -> {
                    column.set(j, 0, original + t);
                    return Forward.sampleCostFrom(analysis.network(), analysis.forward(), analysis.batch(), l, x,
                            column).cost() / m;
                };
            }
            case BP3 -> {
                Network probe = analysis.network().copy();
                DMatrixRMaj b = probe.b(l);
                double original = b.get(index[0], 0);
                return t -> {
                    b.set(index[0], 0, original + t);
                    double cost = Forward.run(probe, analysis.batch()).cost();
                    b.set(index[0], 0, original);
                    return cost;
                };
            }
            case BP4 -> {
                Network probe = analysis.network().copy();
                DMatrixRMaj w = probe.w(l);
                double original = w.get(index[0], index[1]);
                return t -> {
                    w.set(index[0], index[1], original + t);
                    double cost = Forward.run(probe, analysis.batch()).cost();
                    w.set(index[0], index[1], original);
                    return cost;
                };
            }
            default -> throw new AssertionError(check.formula());
        }
    }

    /** The sweep of one checked number with one method. */
    public static Curve sweep(Analysis analysis, CheckResult check, Method method, double[] grid) {
        DoubleUnaryOperator f = costAlong(analysis, check);
        double f0 = f.applyAsDouble(0);
        List<Point> points = new ArrayList<>(grid.length);
        for (double h : grid) {
            double numeric = method.derivative(f, f0, h);
            points.add(new Point(h, numeric, Thresholds.relativeError(check.analytic(), numeric)));
        }
        return new Curve(method.label() + ", " + check.quantity(), method, points);
    }

    /**
     * For each ε, the largest relative error over a group of checked numbers (e.g. every BP4 number of one layer);
     * a group larger than {@link #MAX_GROUP} is represented by an evenly spread sample of that size.
     */
    public static Curve worstOf(Analysis analysis, List<CheckResult> group, String groupName, Method method,
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
        return new Curve(method.label() + ", " + of, method, points);
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
