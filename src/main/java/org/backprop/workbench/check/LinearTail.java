package org.backprop.workbench.check;

import org.backprop.workbench.engine.Batch;
import org.backprop.workbench.engine.ForwardTrace;
import org.backprop.workbench.engine.Network;
import org.backprop.workbench.kernel.ActivationKernel;
import org.backprop.workbench.kernel.LossKernel;
import org.backprop.workbench.numeric.DifferenceMethod.Value;
import org.backprop.workbench.engine.Loss;
import org.backprop.workbench.numeric.IncrementalCost;
import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;

/**
 * The perturbed cost of the incremental check, shortened for the common case where every layer strictly between
 * the perturbed layer l and the output is piecewise linear (relu, leaky relu, identity).
 *
 * <p>Perturbing w^l_kj, b^l_j or z^l_jx changes a^l only in row j, by Δa_x in sample x, so z^{l+1} moves along the
 * fixed direction w^{l+1}_j· (z^{l+1}_x + Δa_x w^{l+1}_j·). Through a piecewise-linear layer p a move along a
 * direction v stays a move along the direction σ_p'(z^p_x) ⊙ v, and then (w^{p+1})^T of it, as long as no
 * z^p_rx steps over a kink. So z^L_x + Δa_x u_jx, with u_jx = ∂z^L_x/∂a^l_jx precomputed once per (j, x),
 * replaces the layer-by-layer update of {@code IncrementalCost} (for 784-128-64-10, 10 multiply-adds instead of
 * about 500 per sample and evaluation); the output activation and the loss are the engine's kernels as before.
 *
 * <p>Each (j, x) also keeps the largest |Δa_x| for which no unit above l can reach a kink: half the smallest
 * |z^p_rx − kink| / |v_r|, so that even the rounded sums of the layer-by-layer update keep their signs. A larger
 * move returns {@code null}, and the caller runs the layer-by-layer update, which sees and reports the crossing.
 * Inside the region the result equals the layer-by-layer one up to rounding (it skips the rounding of the
 * intermediate layers' sums, so it is if anything closer to the exact cost); for l = L − 1 it is the same
 * arithmetic. Double precision and real steps only.
 *
 * <p>Arrays are sample-major as in {@code IncrementalCost}: column x of an n x m matrix is {@code [x n, x n + n)}.
 * Immutable once built; each thread evaluates through its own {@link Scratch}.
 */
final class LinearTail {
    /**
     * The largest direction table built for one layer, in doubles (n_l · m · n_L; 32 MB): beyond it the
     * layer-by-layer update, which needs no table, is used.
     */
    static final long MAX_TABLE = 4_000_000;

    private final int m;
    private final int nl;
    private final int nq;
    private final int nL;
    private final ActivationKernel sigma;
    private final boolean kinked;
    private final ActivationKernel output;
    private final boolean outputKinked;
    private final LossKernel loss;
    private final double[] w;        // w^l, row-major n_{l-1} x n_l
    private final double[] b;        // b^l
    private final double[] below;    // a^{l-1}, sample-major
    private final double[] z;        // z^l, sample-major
    private final double[] a;        // a^l, sample-major
    private final double[] zL;       // z^L, sample-major
    private final double[][] targets; // targets[x]: the column of sample x
    private final double[] u;        // u[(x n_l + j) n_L + o] = ∂z^L_ox / ∂a^l_jx inside the kink-free region
    private final double[] limit;    // limit[x n_l + j]: the largest |Δa^l_jx| that reaches no kink above l
    private final double[] sampleCost;

    private LinearTail(Network net, Batch batch, ForwardTrace forward, int l) {
        int depth = net.depth();
        this.m = batch.size();
        this.nl = net.size(l);
        this.nq = net.size(l - 1);
        this.nL = net.size(depth);
        this.sigma = net.activation(l).kernel();
        this.kinked = net.activation(l).isKinked();
        this.output = net.activation(depth).kernel();
        this.outputKinked = net.activation(depth).isKinked();
        this.loss = net.loss().kernel();
        this.w = net.w(l).data;
        this.b = net.b(l).data;
        this.below = IncrementalCost.sampleMajor(forward.a(l - 1));
        this.z = IncrementalCost.sampleMajor(forward.z(l));
        this.a = IncrementalCost.sampleMajor(forward.a(l));
        this.zL = IncrementalCost.sampleMajor(forward.z(depth));
        double[] t = IncrementalCost.sampleMajor(batch.targets());
        this.targets = new double[m][];
        for (int x = 0; x < m; x++) {
            targets[x] = Arrays.copyOfRange(t, x * nL, (x + 1) * nL);
        }
        this.u = new double[nl * m * nL];
        this.limit = new double[nl * m];
        double[][] zp = new double[depth][];
        for (int p = l + 1; p < depth; p++) {
            zp[p] = IncrementalCost.sampleMajor(forward.z(p));
        }
        for (int x = 0; x < m; x++) {
            for (int j = 0; j < nl; j++) {
                limit[x * nl + j] = directionOf(net, l, j, x, zp);
            }
        }
        double[] aL = IncrementalCost.sampleMajor(forward.a(depth));
        this.sampleCost = new double[m];
        for (int x = 0; x < m; x++) {
            sampleCost[x] = loss.sampleCost(zL, aL, t, x * nL, 1, nL);
        }
    }

    /**
     * The tail for perturbations in layer l, or {@code null} where it does not apply: l is the output layer, or
     * layer l is not elementwise, or a layer between l and the output is not piecewise linear, or the table would
     * exceed {@link #MAX_TABLE}.
     *
     * @param forward the engine's forward pass of net on batch, not modified
     */
    static LinearTail of(Network net, Batch batch, ForwardTrace forward, int l) {
        int depth = net.depth();
        if (l >= depth || !net.activation(l).isElementwise()
                || (long) net.size(l) * batch.size() * net.size(depth) > MAX_TABLE) {
            return null;
        }
        for (int p = l + 1; p < depth; p++) {
            if (!net.activation(p).kernel().isPiecewiseLinear()) {
                return null;
            }
        }
        return new LinearTail(net, batch, forward, l);
    }

    /** Fills u for (j, x) and returns its limit. */
    private double directionOf(Network net, int l, int j, int x, double[][] zp) {
        int depth = net.depth();
        int next = net.size(l + 1);
        double[] v = new double[next];
        System.arraycopy(net.w(l + 1).data, j * next, v, 0, next);   // ∂z^{l+1}_x / ∂a^l_jx = row j of w^{l+1}
        double reach = Double.POSITIVE_INFINITY;
        for (int p = l + 1; p < depth; p++) {
            int np = net.size(p);
            ActivationKernel kernel = net.activation(p).kernel();
            double[] kinks = kernel.kinks();
            double[] dw = net.w(p + 1).data;
            int nNext = net.size(p + 1);
            double[] after = new double[nNext];
            for (int r = 0; r < np; r++) {
                double zr = zp[p][x * np + r];
                if (v[r] != 0) {
                    for (double kink : kinks) {
                        reach = Math.min(reach, Math.abs(zr - kink) / (2 * Math.abs(v[r])));
                    }
                }
                double g = kernel.derivative(zr) * v[r];   // ∂a^p_rx / ∂a^l_jx
                if (g != 0) {
                    for (int o = 0; o < nNext; o++) {
                        after[o] += dw[r * nNext + o] * g;
                    }
                }
            }
            v = after;
        }
        System.arraycopy(v, 0, u, (x * nl + j) * nL, nL);
        return reach;
    }

    /** A scratch space for one thread: one output column. */
    Scratch scratch() {
        return new Scratch();
    }

    final class Scratch {
        private final double[] zc = new double[nL];
        private final double[] ac = new double[nL];
        private final double[] terms = new double[m];
        private boolean crossed;
        private boolean fellBack;

        private Scratch() {
        }

        /** C with w^l_kj + step (the step taken is fl(w + step) − w), or null if a kink above l may be reached. */
        Value weight(int k, int j, double step) {
            double wv = w[k * nl + j];
            double dw = (wv + step) - wv;
            crossed = false;
            for (int x = 0; x < m; x++) {
                terms[x] = sample(j, x, z[x * nl + j] + dw * below[x * nq + k]);
                if (fellBack) {
                    return null;
                }
            }
            return new Value(Loss.compensatedSum(terms) / m, crossed);   // summed as the engine's cost
        }

        /** C with b^l_j + step, or null if a kink above l may be reached. */
        Value bias(int j, double step) {
            double bv = b[j];
            double db = (bv + step) - bv;
            crossed = false;
            for (int x = 0; x < m; x++) {
                terms[x] = sample(j, x, z[x * nl + j] + db);
                if (fellBack) {
                    return null;
                }
            }
            return new Value(Loss.compensatedSum(terms) / m, crossed);
        }

        /** C_x alone with z^l_jx + step, or null if a kink above l may be reached. */
        Value z(int j, int x, double step) {
            crossed = false;
            double v = sample(j, x, z[x * nl + j] + step);
            return fellBack ? null : new Value(v, crossed);
        }

        /** C_x with z^l_jx moved to zz; sets {@link #fellBack} if the move is beyond the kink-free region. */
        private double sample(int j, int x, double zz) {
            int i = x * nl + j;
            fellBack = false;
            if (kinked && sigma.crossesKink(z[i], zz)) {
                crossed = true;
            }
            double d = sigma.value(zz) - a[i];
            if (d == 0) {
                return sampleCost[x];
            }
            if (!(Math.abs(d) <= limit[i])) {
                fellBack = true;
                return Double.NaN;
            }
            int zo = x * nL;
            int uo = i * nL;
            for (int o = 0; o < nL; o++) {
                zc[o] = zL[zo + o] + u[uo + o] * d;
            }
            if (outputKinked) {
                for (int o = 0; o < nL; o++) {
                    if (output.crossesKink(zL[zo + o], zc[o])) {
                        crossed = true;
                    }
                }
            }
            output.apply(zc, ac, 0, 1, nL);
            return loss.sampleCost(zc, ac, targets[x], 0, 1, nL);
        }
    }
}
