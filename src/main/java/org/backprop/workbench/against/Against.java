package org.backprop.workbench.against;

import org.backprop.workbench.i18n.Messages;
import org.backprop.workbench.report.MistakeText;

import org.backprop.workbench.check.CheckResult;
import org.backprop.workbench.check.Formula;
import org.backprop.workbench.engine.Activation;
import org.backprop.workbench.engine.Backprop;
import org.backprop.workbench.engine.BackwardTrace;
import org.backprop.workbench.engine.Batch;
import org.backprop.workbench.engine.Forward;
import org.backprop.workbench.engine.ForwardTrace;
import org.backprop.workbench.engine.Mistake;
import org.backprop.workbench.engine.Network;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Compares a student's values with the workbench's analytic ones, finds the first divergence in backprop order and
 * diagnoses its cause.
 *
 * <p>Backprop order: C, then z^1, a^1, z^2, a^2, ... upward, then ∇_a C, δ^L (BP1), δ^{L-1} .. δ^1 (BP2), ∂C/∂b^L ..
 * ∂C/∂b^1 (BP3), ∂C/∂w^L .. ∂C/∂w^1 (BP4). The first quantity in that order that differs is where the student's code
 * goes wrong first: everything after it may be wrong only because it is.
 */
public final class Against {
    /**
     * The default largest relative error that still matches. Two double-precision implementations of the same
     * formulas agree to about 1e-15 (a few units of rounding, grown by the sums of a small network); a wrong formula
     * is off by 1e-2 or far more. 1e-6 sits between with room on both sides: summation order, another exp/log
     * library or a fused multiply-add cannot reach it, a formula mistake cannot hide under it. Float32 code
     * (unit roundoff 6e-8, errors of 1e-7 to 1e-5 after the sums) needs a looser tolerance, such as 1e-4.
     */
    public static final double DEFAULT_TOLERANCE = 1e-6;

    /**
     * The floor of the relative error's denominator, as a fraction of the quantity's largest analytic entry: an entry
     * a thousand times smaller than its matrix's largest is judged by its absolute error against that scale, not by
     * its own size. Why: rounding in a sum is relative to the terms summed, which are of the matrix's scale; an
     * entry that comes out near 0 by cancellation (1e-17 instead of 0) would otherwise show a relative error of 1.
     * The price: an entry below 1e-3 of its matrix's scale that is wrong by less than tolerance · 1e-3 of that scale
     * goes unnoticed, far below anything a formula mistake does.
     */
    public static final double FLOOR_FRACTION = 1e-3;

    /**
     * Differences no larger than this, when every differing quantity stays under it, look like float32 rounding
     * rather than a formula mistake: float32's unit roundoff is 6e-8, and the sums and exp of a small network
     * grow it by two or three orders of magnitude, while a formula mistake is off by 1e-2 or more.
     */
    public static final double FLOAT_ROUNDING = 1e-4;

    /** Diagnosis id for a gradW that is the transpose of the right one (a square layer, written w_jk). */
    public static final String TRANSPOSED = "transposed";
    /** Diagnosis id for a quantity off by a factor m or 1/m (the batch size). */
    public static final String FACTOR_M = "factor-m";
    /** Diagnosis id for a quantity with the wrong sign. */
    public static final String SIGN = "sign";

    private Against() {
    }

    /**
     * Compares {@code values} with the analytic values of {@code net} on {@code batch}.
     *
     * @param numeric the numerical checks run beside (any mode; may be empty): their estimates are reported at
     *                each quantity's worst entry where one covers it
     */
    public static Comparison compare(Network net, Batch batch, StudentValues values, double tolerance,
                                     List<CheckResult> numeric) {
        ForwardTrace forward = Forward.run(net, batch);
        BackwardTrace backward = new Backprop().run(net, forward, batch);
        List<QuantityComparison> rows = new ArrayList<>();
        for (QuantityKey key : order(net.depth())) {
            DMatrixRMaj analytic = value(key, forward, backward);
            String formula = key.quantity().formula(key.layer(), net.depth());
            DMatrixRMaj yours = values.values().get(key);
            if (yours == null) {
                rows.add(new QuantityComparison(key, formula, Status.NOT_GIVEN, Double.NaN, null, null, analytic,
                        Double.NaN, null));
                continue;
            }
            double floor = floor(analytic);
            boolean[] differing = new boolean[analytic.getNumElements()];
            double max = -1;
            int worst = 0;
            for (int i = 0; i < differing.length; i++) {
                double e = relativeError(yours.get(i), analytic.get(i), floor);
                differing[i] = !(e <= tolerance);
                double rank = Double.isNaN(e) ? Double.POSITIVE_INFINITY : e;
                if (rank > max) {
                    max = rank;
                    worst = i;
                }
            }
            double maxRel = relativeError(yours.get(worst), analytic.get(worst), floor);
            int[] index = index(key, worst, analytic);
            Status status = maxRel <= tolerance ? Status.MATCHES : Status.DIFFERS;
            rows.add(new QuantityComparison(key, formula, status, maxRel, index, yours, analytic,
                    numericAt(numeric, key, index, net.depth()), differing));
        }
        QuantityComparison first = rows.stream().filter(q -> q.status() == Status.DIFFERS).findFirst().orElse(null);
        if (first == null) {
            long given = rows.stream().filter(q -> q.status() != Status.NOT_GIVEN).count();
            return new Comparison(values.file(), tolerance, rows, Messages.get("against.allMatch",
                    String.valueOf(given), String.valueOf(rows.size()), tolerance(tolerance)), null, null);
        }
        String explanation = explain(first, rows, net);
        Diagnosis diagnosis = diagnose(first, rows, net, batch, values, tolerance);
        boolean small = rows.stream().filter(q -> q.status() == Status.DIFFERS)
                .allMatch(q -> q.maxRelError() <= FLOAT_ROUNDING);
        String floatNote = small ? Messages.get("against.floatNote", tolerance(FLOAT_ROUNDING)) : null;
        return new Comparison(values.file(), tolerance, rows, explanation, diagnosis, floatNote);
    }

    /** Every quantity of a network of depth L in backprop order. */
    public static List<QuantityKey> order(int depth) {
        List<QuantityKey> keys = new ArrayList<>();
        keys.add(new QuantityKey(Quantity.LOSS, 0));
        for (int l = 1; l <= depth; l++) {
            keys.add(new QuantityKey(Quantity.Z, l));
            keys.add(new QuantityKey(Quantity.A, l));
        }
        keys.add(new QuantityKey(Quantity.GRAD_A, depth));
        for (int l = depth; l >= 1; l--) {
            keys.add(new QuantityKey(Quantity.DELTA, l));
        }
        for (int l = depth; l >= 1; l--) {
            keys.add(new QuantityKey(Quantity.GRAD_B, l));
        }
        for (int l = depth; l >= 1; l--) {
            keys.add(new QuantityKey(Quantity.GRAD_W, l));
        }
        return keys;
    }

    /**
     * |yours − analytic| / max(|yours|, |analytic|, floor); 0 when both are 0; NaN when either is not finite (unless
     * both are the same infinity).
     */
    public static double relativeError(double yours, double analytic, double floor) {
        if (yours == analytic) {
            return 0;
        }
        if (!Double.isFinite(yours) || !Double.isFinite(analytic)) {
            return Double.NaN;
        }
        return Math.abs(yours - analytic) / Math.max(Math.max(Math.abs(yours), Math.abs(analytic)), floor);
    }

    /** FLOOR_FRACTION of the largest |entry|; the least positive double for an all-zero matrix. */
    static double floor(DMatrixRMaj analytic) {
        double max = 0;
        for (int i = 0; i < analytic.getNumElements(); i++) {
            max = Math.max(max, Math.abs(analytic.get(i)));
        }
        return max > 0 ? FLOOR_FRACTION * max : Double.MIN_NORMAL;
    }

    /** The workbench's value of a quantity, in the note's shape (the loss as 1 x 1). */
    public static DMatrixRMaj value(QuantityKey key, ForwardTrace forward, BackwardTrace backward) {
        int l = key.layer();
        return switch (key.quantity()) {
            case LOSS -> new DMatrixRMaj(1, 1, true, forward.cost());
            case Z -> forward.z(l);
            case A -> forward.a(l);
            case GRAD_A -> backward.gradA();
            case DELTA -> backward.delta(l);
            case GRAD_B -> backward.gradB(l);
            case GRAD_W -> backward.gradW(l);
        };
    }

    private static int[] index(QuantityKey key, int flat, DMatrixRMaj m) {
        return switch (key.quantity()) {
            case LOSS -> new int[0];
            case GRAD_B -> new int[]{flat};
            default -> new int[]{flat / m.numCols, flat % m.numCols};
        };
    }

    private static double numericAt(List<CheckResult> checks, QuantityKey key, int[] index, int depth) {
        Formula formula = switch (key.quantity()) {
            case DELTA -> key.layer() == depth ? Formula.BP1 : Formula.BP2;
            case GRAD_B -> Formula.BP3;
            case GRAD_W -> Formula.BP4;
            default -> null;
        };
        if (formula == null) {
            return Double.NaN;
        }
        for (CheckResult c : checks) {
            if (c.formula() == formula && c.layer() == key.layer() && Arrays.equals(c.index(), index)) {
                return c.numeric();
            }
        }
        return Double.NaN;
    }

    /** The note's formula for a quantity, as the diagnosis prints it beside a wrong one. */
    public static String rightFormula(QuantityKey key, Network net) {
        int l = key.layer();
        int depth = net.depth();
        return switch (key.quantity()) {
            case LOSS -> "C = (1/m) Σ_x C_x";
            case Z -> "z^" + l + " = (w^" + l + ")^T a^" + (l - 1) + " + b^" + l;
            case A -> "a^" + l + " = σ(z^" + l + ")";
            case GRAD_A -> "∇_a C = (1/m) ∂C_x/∂a^L";
            case DELTA -> l == depth
                    ? (net.activation(l) == Activation.SOFTMAX ? "δ^L = J_softmax(z^L)^T ∇_a C"
                    : "δ^L = ∇_a C ⊙ σ'(z^L)")
                    : "δ^" + l + " = (w^" + (l + 1) + " δ^" + (l + 1) + ") ⊙ σ'(z^" + l + ")";
            case GRAD_B -> Messages.get("against.formula.gradB", String.valueOf(l));
            case GRAD_W -> "∂C/∂w^" + l + " = a^" + (l - 1) + " (δ^" + l + ")^T";
        };
    }

    /** The quantity a diverging one is computed from, for "your X is right and your Y is wrong". */
    static QuantityKey predecessor(QuantityKey key, int depth) {
        int l = key.layer();
        return switch (key.quantity()) {
            case LOSS -> null;
            case Z -> l > 1 ? new QuantityKey(Quantity.A, l - 1) : null;
            case A -> new QuantityKey(Quantity.Z, l);
            case GRAD_A -> new QuantityKey(Quantity.A, depth);
            case DELTA -> l == depth ? new QuantityKey(Quantity.GRAD_A, depth) : new QuantityKey(Quantity.DELTA, l + 1);
            case GRAD_B, GRAD_W -> new QuantityKey(Quantity.DELTA, l);
        };
    }

    private static String where(QuantityKey key, Network net) {
        int l = key.layer();
        return switch (key.quantity()) {
            case LOSS -> Messages.get("against.where.loss");
            case Z -> Messages.get("against.where.z", rightFormula(key, net), String.valueOf(l));
            case A -> Messages.get("against.where.a", String.valueOf(l), rightFormula(key, net));
            case GRAD_A -> Messages.get("against.where.gradA");
            case DELTA -> l == net.depth() ? Messages.get("against.where.deltaOutput", rightFormula(key, net))
                    : Messages.get("against.where.deltaHidden", String.valueOf(l), rightFormula(key, net));
            case GRAD_B -> "BP3: " + rightFormula(key, net);
            case GRAD_W -> "BP4: " + rightFormula(key, net);
        };
    }

    private static String explain(QuantityComparison first, List<QuantityComparison> rows, Network net) {
        QuantityKey key = first.key();
        QuantityKey before = predecessor(key, net.depth());
        if (before == null) {
            return Messages.get("against.wrong", key.symbol(), where(key, net));
        }
        Status prior = rows.stream().filter(q -> q.key().equals(before)).findFirst().orElseThrow().status();
        if (prior == Status.MATCHES) {
            return Messages.get("against.rightThenWrong", before.symbol(), key.symbol(), where(key, net));
        }
        return Messages.get("against.notGivenThenWrong", before.symbol(), key.symbol(), where(key, net));
    }

    private static Diagnosis diagnose(QuantityComparison first, List<QuantityComparison> rows, Network net,
                                      Batch batch, StudentValues values, double tolerance) {
        QuantityKey key = first.key();
        String right = rightFormula(key, net);
        Mistake best = null;
        long bestScore = -1;
        if (key.quantity() != Quantity.LOSS && key.quantity() != Quantity.Z && key.quantity() != Quantity.A) {
            for (Mistake mistake : Mistake.values()) {
                if (mistake == Mistake.NONE) {
                    continue;
                }
                ForwardTrace forward = Forward.run(net, batch);
                BackwardTrace wrong = new Backprop(mistake).run(net, forward, batch);
                DMatrixRMaj theirs = value(key, forward, wrong);
                if (!same(theirs, first.analytic(), tolerance) && same(first.yours(), theirs, tolerance)
                        && keepsWhatCameBefore(first, rows, forward, wrong, tolerance)) {
                    long score = rows.stream().filter(q -> q.status() != Status.NOT_GIVEN)
                            .filter(q -> same(q.yours(), value(q.key(), forward, wrong), tolerance)).count();
                    if (score > bestScore) {
                        best = mistake;
                        bestScore = score;
                    }
                }
            }
        }
        String symbol = key.symbol();
        if (best != null) {
            return new Diagnosis(best.id(), Messages.get("against.diagnosis.mistake", symbol, best.id(),
                    MistakeText.description(best), right), MistakeText.description(best), right);
        }
        DMatrixRMaj negated = first.analytic().copy();
        CommonOps_DDRM.scale(-1, negated);
        if (same(first.yours(), negated, tolerance)) {
            return new Diagnosis(SIGN, Messages.get("against.diagnosis.sign", symbol, right),
                    "−(" + right + ")", right);
        }
        int m = batch.size();
        if (m > 1) {
            for (double factor : new double[]{m, 1.0 / m}) {
                DMatrixRMaj scaled = first.analytic().copy();
                CommonOps_DDRM.scale(factor, scaled);
                if (same(first.yours(), scaled, tolerance)) {
                    return new Diagnosis(FACTOR_M, Messages.get(factor > 1 ? "against.diagnosis.timesM"
                            : "against.diagnosis.overM", symbol, String.valueOf(m), right),
                            (factor > 1 ? "m · " : "(1/m) · ") + right, right);
                }
            }
        }
        if (key.quantity() == Quantity.GRAD_W && first.analytic().numRows == first.analytic().numCols) {
            DMatrixRMaj transposed = new DMatrixRMaj(first.analytic().numCols, first.analytic().numRows);
            CommonOps_DDRM.transpose(first.analytic(), transposed);
            if (same(first.yours(), transposed, tolerance)) {
                return new Diagnosis(TRANSPOSED, Messages.get("against.diagnosis.transposed", symbol, right), "δ^" + key.layer() + " (a^" + (key.layer() - 1) + ")^T",
                        right);
            }
        }
        return new Diagnosis(null, Messages.get("against.diagnosis.unknown", symbol, right), null, right);
    }

    /**
     * A mistake explains the first divergence only if it leaves alone every given quantity before it (which the
     * student got right): grad-a-sign also flips ∂C/∂b^1, but not when the student's ∇_a C is right.
     */
    private static boolean keepsWhatCameBefore(QuantityComparison first, List<QuantityComparison> rows,
                                               ForwardTrace forward, BackwardTrace wrong, double tolerance) {
        for (QuantityComparison q : rows) {
            if (q == first) {
                return true;
            }
            if (q.status() == Status.MATCHES && !same(q.yours(), value(q.key(), forward, wrong), tolerance)) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(DMatrixRMaj yours, DMatrixRMaj analytic, double tolerance) {
        if (yours == null || yours.numRows != analytic.numRows || yours.numCols != analytic.numCols) {
            return false;
        }
        double floor = floor(analytic);
        for (int i = 0; i < analytic.getNumElements(); i++) {
            if (!(relativeError(yours.get(i), analytic.get(i), floor) <= tolerance)) {
                return false;
            }
        }
        return true;
    }

    /** A tolerance as typed: 1e-6, 1e-4, 0.001. */
    static String tolerance(double t) {
        return Double.toString(t).replace(".0E", "E").replace('E', 'e');
    }

    static String number(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
