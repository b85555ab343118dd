package org.backprop.workbench.engine;

import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * An activation function sigma: its value and how backprop goes through it, side by side.
 *
 * <p>Every activation except softmax is elementwise: {@code a_j = sigma(z_j)}, so backprop multiplies by
 * {@code sigma'(z)} elementwise ({@code ⊙ sigma'(z)} in BP1 and BP2). Softmax is not: each {@code a_i} depends on every
 * {@code z_j} of its column, so backprop must multiply by the transposed Jacobian, {@code J^T g}. The method
 * {@link #backward} is that general form; for an elementwise activation it reduces to {@code g ⊙ sigma'(z)}.
 */
public enum Activation {
    IDENTITY("identity", false) {
        @Override double value(double z) { return z; }
        @Override double derivative(double z) { return 1.0; }
    },
    SIGMOID("sigmoid", false) {
        @Override double value(double z) {
            // two branches so that exp never overflows
            if (z >= 0) {
                return 1.0 / (1.0 + Math.exp(-z));
            }
            double e = Math.exp(z);
            return e / (1.0 + e);
        }
        /**
         * sigma'(z) = sigma(z) (1 - sigma(z)) = sigma(z) sigma(-z). The second form keeps its digits where sigma(z)
         * rounds to 1 (z above about 37): 1 - sigma(z) would then be 0, and binary cross-entropy's
         * (a - t) / (a (1 - a)) would divide by it.
         */
        @Override double derivative(double z) {
            return value(z) * value(-z);
        }
    },
    TANH("tanh", false) {
        @Override double value(double z) { return Math.tanh(z); }
        @Override double derivative(double z) {
            double t = Math.tanh(z);
            return 1.0 - t * t;
        }
    },
    RELU("relu", true) {
        @Override double value(double z) { return z > 0 ? z : 0.0; }
        /** The derivative at the kink z = 0 is taken as 0 (the convention of most libraries). */
        @Override double derivative(double z) { return z > 0 ? 1.0 : 0.0; }
    },
    LEAKY_RELU("leaky-relu", true) {
        @Override double value(double z) { return z > 0 ? z : LEAKY_SLOPE * z; }
        @Override double derivative(double z) { return z > 0 ? 1.0 : LEAKY_SLOPE; }
    },
    SOFTPLUS("softplus", false) {
        /** ln(1 + e^z), written so that it neither overflows for large z nor loses digits for very negative z. */
        @Override double value(double z) { return Math.max(z, 0.0) + Math.log1p(Math.exp(-Math.abs(z))); }
        @Override double derivative(double z) { return SIGMOID.value(z); }
    },
    SOFTMAX("softmax", false) {
        @Override double value(double z) { throw new UnsupportedOperationException("softmax is not elementwise"); }
        @Override double derivative(double z) { throw new UnsupportedOperationException("softmax is not elementwise"); }
        @Override public boolean isElementwise() { return false; }
    };

    /** Slope of leaky-relu for z &lt; 0; 0.01 is the value of the original paper (Maas et al. 2013) and of most libraries. */
    public static final double LEAKY_SLOPE = 0.01;

    private final String id;
    private final boolean kinked;

    Activation(String id, boolean kinked) {
        this.id = id;
        this.kinked = kinked;
    }

    /** sigma(z) for one number; only for elementwise activations. */
    abstract double value(double z);

    /** sigma'(z) for one number; only for elementwise activations. */
    abstract double derivative(double z);

    /** The name used in files and on the command line, e.g. {@code leaky-relu}. */
    public String id() { return id; }

    /** True where the derivative jumps (relu, leaky-relu at z = 0): numerical checks across the jump are meaningless. */
    public boolean isKinked() { return kinked; }

    /** False only for softmax, whose every output depends on the whole column. */
    public boolean isElementwise() { return true; }

    /**
     * a = sigma(z).
     *
     * @param z n_l x m pre-activations, not modified
     * @return n_l x m activations
     */
    public DMatrixRMaj apply(DMatrixRMaj z) {
        DMatrixRMaj a = new DMatrixRMaj(z.numRows, z.numCols);
        if (this == SOFTMAX) {
            for (int x = 0; x < z.numCols; x++) {
                softmaxColumn(z, a, x);
            }
        } else {
            for (int i = 0; i < z.data.length; i++) {
                a.data[i] = value(z.data[i]);
            }
        }
        return a;
    }

    /**
     * sigma'(z) elementwise; for softmax, the diagonal of its Jacobian, a_j (1 - a_j) (only the deliberate mistake
     * "softmax-diagonal" uses that).
     *
     * @param z n_l x m pre-activations, not modified
     * @return n_l x m derivatives
     */
    public DMatrixRMaj derivative(DMatrixRMaj z) {
        DMatrixRMaj d = new DMatrixRMaj(z.numRows, z.numCols);
        if (this == SOFTMAX) {
            DMatrixRMaj a = apply(z);
            for (int i = 0; i < a.data.length; i++) {
                d.data[i] = a.data[i] * (1.0 - a.data[i]);
            }
        } else {
            for (int i = 0; i < z.data.length; i++) {
                d.data[i] = derivative(z.data[i]);
            }
        }
        return d;
    }

    /**
     * The product of the transposed Jacobian of sigma at z with g, column by column: {@code J(z)^T g}.
     * Elementwise activations have a diagonal Jacobian, so this is {@code g ⊙ sigma'(z)}.
     * Softmax has {@code J_ij = a_i (I_ij - a_j)}, symmetric, so {@code (J^T g)_i = a_i (g_i - sum_j a_j g_j)}.
     *
     * @param z n_l x m pre-activations, not modified
     * @param g n_l x m, the derivative of the cost with respect to a, not modified
     * @return n_l x m, the derivative of the cost with respect to z
     */
    public DMatrixRMaj backward(DMatrixRMaj z, DMatrixRMaj g) {
        DMatrixRMaj out = new DMatrixRMaj(z.numRows, z.numCols);
        if (this == SOFTMAX) {
            DMatrixRMaj a = apply(z);
            for (int x = 0; x < z.numCols; x++) {
                double dot = 0;
                for (int i = 0; i < z.numRows; i++) {
                    dot += a.get(i, x) * g.get(i, x);
                }
                for (int i = 0; i < z.numRows; i++) {
                    out.set(i, x, a.get(i, x) * (g.get(i, x) - dot));
                }
            }
        } else {
            for (int i = 0; i < z.data.length; i++) {
                out.data[i] = g.data[i] * derivative(z.data[i]);
            }
        }
        return out;
    }

    /**
     * The full softmax Jacobian of one column, {@code J_ij = a_i (I_ij - a_j)}, for display.
     *
     * @param z n_l x m pre-activations, not modified
     * @param column the sample x
     * @return n_l x n_l
     */
    public static DMatrixRMaj softmaxJacobian(DMatrixRMaj z, int column) {
        DMatrixRMaj a = SOFTMAX.apply(z);
        int n = z.numRows;
        DMatrixRMaj j = new DMatrixRMaj(n, n);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                j.set(r, c, a.get(r, column) * ((r == c ? 1.0 : 0.0) - a.get(c, column)));
            }
        }
        return j;
    }

    /** Softmax of column x, shifted by the column's maximum so that exp never overflows. */
    static void softmaxColumn(DMatrixRMaj z, DMatrixRMaj a, int x) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < z.numRows; i++) {
            max = Math.max(max, z.get(i, x));
        }
        double sum = 0;
        for (int i = 0; i < z.numRows; i++) {
            double e = Math.exp(z.get(i, x) - max);
            a.set(i, x, e);
            sum += e;
        }
        for (int i = 0; i < z.numRows; i++) {
            a.set(i, x, a.get(i, x) / sum);
        }
    }

    /** The activation with this file name, if any. */
    public static Optional<Activation> fromId(String id) {
        String wanted = id.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(a -> a.id.equals(wanted)).findFirst();
    }

    /** All file names, for messages: {@code identity, sigmoid, ...}. */
    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(Activation::id).toList());
    }

    @Override
    public String toString() { return id; }
}
