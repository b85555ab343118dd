package org.backprop.workbench.numeric;

import org.backprop.workbench.engine.Activation;
import org.backprop.workbench.engine.Batch;
import org.backprop.workbench.engine.Forward;
import org.backprop.workbench.engine.ForwardTrace;
import org.backprop.workbench.engine.GenericForward;
import org.backprop.workbench.engine.Loss;
import org.backprop.workbench.engine.Network;
import org.backprop.workbench.kernel.ActivationKernel;
import org.backprop.workbench.kernel.DoubleArithmetic;
import org.backprop.workbench.numeric.DifferenceMethod.Value;
import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;

/**
 * The cost of a network with one number perturbed, computed from the cached forward pass instead of from scratch.
 *
 * <p>Perturbing w^l_kj by t changes only z^l_j (by t·a^{l-1}_k, in every sample), so a^l changes only in row j
 * (in the whole column if layer l is softmax), and z^{l+1} by the rank-one change w^{l+1}_j·^T Δa^l_j. Everything
 * below layer l is reused; the layers above are updated by z' = z + (w)^T Δa, skipping the rows where Δa = 0 (the
 * inactive relu units, the unchanged rows). A bias b^l_j works the same with a change of t in z^l_j, and the δ
 * checks (z^l_jx + t) touch only sample x. For the 784-128-64-10 network this is about 5,800 multiply-adds per
 * sample instead of 870,000.
 *
 * <p>The base values come from the engine's {@link ForwardTrace} (in double), so every value this class does not
 * recompute is the engine's own, and the loss of each changed sample is the engine's {@link Loss}; the results equal
 * the naive check's up to the rounding of the updated sums. In {@link Precision#FLOAT} the base is the one generic
 * forward pass ({@link GenericForward}) in the float model ({@link DoubleArithmetic#FLOAT}: every stored value
 * rounded to float); the perturbed passes stay specialised rank-one loops, in double and float alike, because the
 * generic pass recomputes every layer (on the 784-128-64-10 benchmark network one generic float evaluation took
 * about 11 ms against 0.16 ms incremental, some 70 times: {@code bench.CheckBenchmark}); {@code GenericForwardTest}
 * holds them equal to the generic pass.
 *
 * <p>Arrays here are sample-major: column x of an n x m matrix is {@code [x*n, x*n + n)}; w^l is row-major
 * n_{l-1} x n_l as in the engine. Plain double loops rather than EJML: each update touches one row or a few columns
 * with skips, which EJML has no operation for, and the loops let the JIT keep everything in registers.
 *
 * <p>This object is immutable and shared; each thread evaluates through its own {@link Workspace}.
 */
public final class IncrementalCost {
    private final int depth;
    private final int m;
    private final int[] n;
    private final Activation[] act;
    private final ActivationKernel[] kernel;
    private final boolean[] kinked;
    private final Loss loss;
    private final Precision precision;
    private final double[][] w;       // w[l][k*n_l + j]
    private final double[][] b;       // b[l][j]
    private final double[][] z;       // z[l][x*n_l + i], l >= 1
    private final double[][] a;       // a[l][x*n_l + i], a[0] = inputs
    private final double[] t;         // targets, sample-major
    private final DMatrixRMaj[] targetColumns;
    private final double[] sampleCost;
    private final double cost;

    private IncrementalCost(Network net, Batch batch, ForwardTrace trace, Precision precision) {
        this.depth = net.depth();
        this.m = batch.size();
        this.loss = net.loss();
        this.precision = precision;
        this.n = new int[depth + 1];
        this.act = new Activation[depth + 1];
        this.kernel = new ActivationKernel[depth + 1];
        this.kinked = new boolean[depth + 1];
        this.w = new double[depth + 1][];
        this.b = new double[depth + 1][];
        this.z = new double[depth + 1][];
        this.a = new double[depth + 1][];
        for (int l = 0; l <= depth; l++) {
            n[l] = net.size(l);
        }
        for (int l = 1; l <= depth; l++) {
            act[l] = net.activation(l);
            kernel[l] = act[l].kernel();
            kinked[l] = act[l].isKinked();
            w[l] = rounded(net.w(l).data);
            b[l] = rounded(net.b(l).data);
        }
        a[0] = rounded(sampleMajor(batch.inputs()));
        t = sampleMajor(batch.targets());
        targetColumns = new DMatrixRMaj[m];
        for (int x = 0; x < m; x++) {
            targetColumns[x] = DMatrixRMaj.wrap(n[depth], 1, Arrays.copyOfRange(t, x * n[depth],
                    (x + 1) * n[depth]));
        }
        if (precision == Precision.DOUBLE) {
            ForwardTrace base = trace != null ? trace : Forward.run(net, batch);
            for (int l = 1; l <= depth; l++) {
                z[l] = sampleMajor(base.z(l));
                a[l] = sampleMajor(base.a(l));
            }
        } else {
            genericForward(net, batch);
        }
        sampleCost = new double[m];
        DMatrixRMaj zCol = new DMatrixRMaj(n[depth], 1);
        DMatrixRMaj aCol = new DMatrixRMaj(n[depth], 1);
        for (int x = 0; x < m; x++) {
            System.arraycopy(z[depth], x * n[depth], zCol.data, 0, n[depth]);
            System.arraycopy(a[depth], x * n[depth], aCol.data, 0, n[depth]);
            sampleCost[x] = precision.round(loss.sampleCostOf(zCol, aCol, targetColumns[x], 0));
        }
        double sum = Loss.compensatedSum(sampleCost);
        cost = trace != null && precision == Precision.DOUBLE ? trace.cost() : precision.round(sum / m);
    }

    /**
     * The cached state of a network on a batch.
     *
     * @param trace the engine's forward pass of net on batch (used in double; ignored in float, which runs its own)
     */
    public static IncrementalCost of(Network net, Batch batch, ForwardTrace trace, Precision precision) {
        return new IncrementalCost(net, batch, trace, precision);
    }

    /** The cached state computed by this class's own forward pass (in the given precision). */
    public static IncrementalCost of(Network net, Batch batch, Precision precision) {
        return new IncrementalCost(net, batch, null, precision);
    }

    /** C of the unperturbed network. */
    public double cost() { return cost; }

    /** C_x of the unperturbed network. */
    public double sampleCost(int x) { return sampleCost[x]; }

    public Precision precision() { return precision; }

    /** True if some relu-like z^l_jx of the other state lies on the other side of 0 than here. */
    public boolean crossesKink(IncrementalCost other) {
        for (int l = 1; l <= depth; l++) {
            if (kinked[l]) {
                for (int i = 0; i < z[l].length; i++) {
                    if ((z[l][i] > 0) != (other.z[l][i] > 0)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** A scratch space for one thread. */
    public Workspace workspace() {
        return new Workspace();
    }

    /** Rounds n entries from off to the precision (nothing to do in double). */
    private void round(double[] values, int off, int count) {
        if (precision == Precision.FLOAT) {
            for (int i = off; i < off + count; i++) {
                values[i] = precision.round(values[i]);
            }
        }
    }

    private double[] rounded(double[] values) {
        double[] r = values.clone();
        for (int i = 0; i < r.length; i++) {
            r[i] = precision.round(r[i]);
        }
        return r;
    }

    /** An n x m matrix sample-major: column x is entries [x n, x n + n). */
    public static double[] sampleMajor(DMatrixRMaj matrix) {
        int rows = matrix.numRows;
        int cols = matrix.numCols;
        double[] out = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int x = 0; x < cols; x++) {
                out[x * rows + i] = matrix.data[i * cols + x];
            }
        }
        return out;
    }

    /**
     * The base pass in this precision: the one generic forward pass in {@link Precision#arithmetic()} (the float
     * model: every stored value rounded), its z^l and a^l kept sample-major.
     */
    private void genericForward(Network net, Batch batch) {
        for (int l = 1; l <= depth; l++) {
            z[l] = new double[n[l] * m];
            a[l] = new double[n[l] * m];
        }
        DoubleArithmetic ar = precision.arithmetic();
        GenericForward.Parameters<Double> p = GenericForward.of(ar, net);
        GenericForward.Recorder<Double> keep = (l, x, i, zli, ali) -> {
            z[l][x * n[l] + i] = zli;
            a[l][x * n[l] + i] = ali;
        };
        for (int x = 0; x < m; x++) {
            GenericForward.sampleCost(ar, net, batch, x, p, keep);
        }
    }

    /**
     * Scratch arrays of one thread: perturbed copies of z^l and a^l for the layers at and above the perturbed one
     * (only the affected columns are ever written or read).
     */
    public final class Workspace {
        private final double[][] zs = new double[depth + 1][];
        private final double[][] as = new double[depth + 1][];
        private final double[][] zi = new double[depth + 1][];
        private final double[][] ai = new double[depth + 1][];
        private final DMatrixRMaj zCol = new DMatrixRMaj(n[depth], 1);
        private final DMatrixRMaj aCol = new DMatrixRMaj(n[depth], 1);
        private final double[] terms = new double[m];

        private Workspace() {
            for (int l = 1; l <= depth; l++) {
                zs[l] = new double[n[l] * m];
                as[l] = new double[n[l] * m];
                zi[l] = new double[n[l] * m];
                ai[l] = new double[n[l] * m];
            }
        }

        /** C with w^l_kj + t (the step actually taken is fl(w + t) − w, as when the engine stores w + t). */
        public Value weight(int l, int k, int j, double step) {
            int nl = n[l];
            int nq = n[l - 1];
            double wv = w[l][k * nl + j];
            double dw = precision.round(wv + step) - wv;
            for (int x = 0; x < m; x++) {
                zs[l][x * nl + j] = precision.round(z[l][x * nl + j] + dw * a[l - 1][x * nq + k]);
            }
            return real(l, j, 0, m, true);
        }

        /** C with b^l_j + t. */
        public Value bias(int l, int j, double step) {
            int nl = n[l];
            double bv = b[l][j];
            double db = precision.round(bv + step) - bv;
            for (int x = 0; x < m; x++) {
                zs[l][x * nl + j] = precision.round(z[l][x * nl + j] + db);
            }
            return real(l, j, 0, m, true);
        }

        /** C_x, the cost of sample x alone, with z^l_jx + t and the network run on from layer l. */
        public Value z(int l, int j, int x, double step) {
            int i = x * n[l] + j;
            zs[l][i] = precision.round(z[l][i] + step);
            return real(l, j, x, x + 1, false);
        }

        /** Im C(θ + ih) with the imaginary step on w^l_kj. */
        public double weightImaginary(int l, int k, int j, double h) {
            int nl = n[l];
            int nq = n[l - 1];
            for (int x = 0; x < m; x++) {
                zs[l][x * nl + j] = z[l][x * nl + j];
                zi[l][x * nl + j] = precision.round(h * a[l - 1][x * nq + k]);
            }
            return complex(l, j, 0, m, true);
        }

        /** Im C(θ + ih) with the imaginary step on b^l_j. */
        public double biasImaginary(int l, int j, double h) {
            int nl = n[l];
            for (int x = 0; x < m; x++) {
                zs[l][x * nl + j] = z[l][x * nl + j];
                zi[l][x * nl + j] = precision.round(h);
            }
            return complex(l, j, 0, m, true);
        }

        /** Im C_x with z^l_jx + ih. */
        public double zImaginary(int l, int j, int x, double h) {
            int i = x * n[l] + j;
            zs[l][i] = z[l][i];
            zi[l][i] = precision.round(h);
            return complex(l, j, x, x + 1, false);
        }

        /**
         * Runs on from layer l where row j of z^l is set in columns [x0, x1); returns the batch cost (or C_x0).
         */
        private Value real(int l, int j, int x0, int x1, boolean batchCost) {
            boolean crossed = false;
            int nl = n[l];
            boolean singleRow;
            if (!act[l].isElementwise()) {
                for (int x = x0; x < x1; x++) {
                    int off = x * nl;
                    double zj = zs[l][off + j];
                    System.arraycopy(z[l], off, zs[l], off, nl);
                    zs[l][off + j] = zj;
                    kernel[l].apply(zs[l], as[l], off, 1, nl);
                    round(as[l], off, nl);
                }
                singleRow = false;
            } else {
                ActivationKernel sigma = kernel[l];
                for (int x = x0; x < x1; x++) {
                    int i = x * nl + j;
                    double zz = zs[l][i];
                    if (l == depth) {   // the loss reads the whole output column
                        System.arraycopy(z[l], x * nl, zs[l], x * nl, nl);
                        System.arraycopy(a[l], x * nl, as[l], x * nl, nl);
                        zs[l][i] = zz;
                    }
                    if (kinked[l] && sigma.crossesKink(z[l][i], zz)) {
                        crossed = true;
                    }
                    as[l][i] = precision.round(sigma.value(zz));
                }
                singleRow = true;
            }
            for (int p = l + 1; p <= depth; p++) {
                int np = n[p];
                int nq = n[p - 1];
                double[] wp = w[p];
                double[] zp = zs[p];
                double[] aq = as[p - 1];
                double[] baseA = a[p - 1];
                ActivationKernel sigma = kernel[p];
                boolean elementwise = act[p].isElementwise();
                for (int x = x0; x < x1; x++) {
                    int zo = x * np;
                    int qo = x * nq;
                    System.arraycopy(z[p], zo, zp, zo, np);
                    if (singleRow) {
                        double d = aq[qo + j] - baseA[qo + j];
                        if (d != 0) {
                            int wo = j * np;
                            for (int i = 0; i < np; i++) {
                                zp[zo + i] += wp[wo + i] * d;
                            }
                        }
                    } else {
                        for (int k = 0; k < nq; k++) {
                            double d = aq[qo + k] - baseA[qo + k];
                            if (d != 0) {
                                int wo = k * np;
                                for (int i = 0; i < np; i++) {
                                    zp[zo + i] += wp[wo + i] * d;
                                }
                            }
                        }
                    }
                    if (precision == Precision.FLOAT) {
                        for (int i = 0; i < np; i++) {
                            zp[zo + i] = precision.round(zp[zo + i]);
                        }
                    }
                    if (!elementwise) {
                        sigma.apply(zp, as[p], zo, 1, np);
                        round(as[p], zo, np);
                    } else {
                        double[] ap = as[p];
                        double[] baseZ = z[p];
                        if (kinked[p]) {
                            for (int i = 0; i < np; i++) {
                                if (sigma.crossesKink(baseZ[zo + i], zp[zo + i])) {
                                    crossed = true;
                                }
                            }
                        }
                        for (int i = 0; i < np; i++) {
                            ap[zo + i] = precision.round(sigma.value(zp[zo + i]));
                        }
                    }
                }
                singleRow = false;
            }
            if (!batchCost) {
                return new Value(sampleLoss(x0), crossed);
            }
            for (int x = 0; x < m; x++) {
                terms[x] = x >= x0 && x < x1 ? sampleLoss(x) : sampleCost[x];
            }
            return new Value(precision.round(Loss.compensatedSum(terms) / m), crossed);   // as the engine's cost
        }

        /** The engine's C_x on the perturbed output column x. */
        private double sampleLoss(int x) {
            int nL = n[depth];
            System.arraycopy(zs[depth], x * nL, zCol.data, 0, nL);
            System.arraycopy(as[depth], x * nL, aCol.data, 0, nL);
            return precision.round(loss.sampleCostOf(zCol, aCol, targetColumns[x], 0));
        }

        /** The complex counterpart of {@link #real}: row j of z^l (real and imaginary) is set; returns Im C. */
        private double complex(int l, int j, int x0, int x1, boolean batchCost) {
            int nl = n[l];
            boolean singleRow;
            if (!act[l].isElementwise()) {
                for (int x = x0; x < x1; x++) {
                    int off = x * nl;
                    double zr = zs[l][off + j];
                    double zim = zi[l][off + j];
                    System.arraycopy(z[l], off, zs[l], off, nl);
                    Arrays.fill(zi[l], off, off + nl, 0.0);
                    zs[l][off + j] = zr;
                    zi[l][off + j] = zim;
                    ComplexMath.activate(act[l], zs[l], zi[l], as[l], ai[l], off, nl);
                    roundColumn(as[l], ai[l], off, nl);
                }
                singleRow = false;
            } else {
                for (int x = x0; x < x1; x++) {
                    int i = x * nl + j;
                    if (l == depth) {   // the loss reads the whole output column
                        double zr = zs[l][i];
                        double zim = zi[l][i];
                        System.arraycopy(z[l], x * nl, zs[l], x * nl, nl);
                        System.arraycopy(a[l], x * nl, as[l], x * nl, nl);
                        Arrays.fill(zi[l], x * nl, x * nl + nl, 0.0);
                        Arrays.fill(ai[l], x * nl, x * nl + nl, 0.0);
                        zs[l][i] = zr;
                        zi[l][i] = zim;
                    }
                    Complex c = ComplexMath.activate(act[l], new Complex(zs[l][i], zi[l][i]));
                    as[l][i] = precision.round(c.re());
                    ai[l][i] = precision.round(c.im());
                }
                singleRow = true;
            }
            for (int p = l + 1; p <= depth; p++) {
                int np = n[p];
                int nq = n[p - 1];
                double[] wp = w[p];
                double[] zr = zs[p];
                double[] zim = zi[p];
                double[] ar = as[p - 1];
                double[] aim = ai[p - 1];
                double[] baseA = a[p - 1];
                Activation sigma = act[p];
                for (int x = x0; x < x1; x++) {
                    int zo = x * np;
                    int qo = x * nq;
                    System.arraycopy(z[p], zo, zr, zo, np);
                    Arrays.fill(zim, zo, zo + np, 0.0);
                    int kFrom = singleRow ? j : 0;
                    int kTo = singleRow ? j + 1 : nq;
                    for (int k = kFrom; k < kTo; k++) {
                        double dr = ar[qo + k] - baseA[qo + k];
                        double di = aim[qo + k];
                        if (dr != 0 || di != 0) {
                            int wo = k * np;
                            for (int i = 0; i < np; i++) {
                                zr[zo + i] += wp[wo + i] * dr;
                                zim[zo + i] += wp[wo + i] * di;
                            }
                        }
                    }
                    roundColumn(zr, zim, zo, np);
                    if (!sigma.isElementwise()) {
                        ComplexMath.activate(sigma, zr, zim, as[p], ai[p], zo, np);
                        roundColumn(as[p], ai[p], zo, np);
                    } else {
                        for (int i = 0; i < np; i++) {
                            Complex c = ComplexMath.activate(sigma, new Complex(zr[zo + i], zim[zo + i]));
                            as[p][zo + i] = precision.round(c.re());
                            ai[p][zo + i] = precision.round(c.im());
                        }
                    }
                }
                singleRow = false;
            }
            int nL = n[depth];
            double im = 0;
            for (int x = x0; x < x1; x++) {
                int off = x * nL;
                im += precision.round(ComplexMath.sampleCost(loss, zs[depth], zi[depth], as[depth], ai[depth], off,
                        nL, t, off).im());
            }
            return batchCost ? precision.round(im / m) : im;
        }

        private void roundColumn(double[] re, double[] im, int off, int count) {
            if (precision == Precision.FLOAT) {
                for (int i = off; i < off + count; i++) {
                    re[i] = precision.round(re[i]);
                    im[i] = precision.round(im[i]);
                }
            }
        }
    }
}
