package org.backprop.workbench.engine;

import org.backprop.workbench.kernel.ActivationKernel;
import org.backprop.workbench.kernel.activation.Gelu;
import org.backprop.workbench.kernel.activation.Identity;
import org.backprop.workbench.kernel.activation.LeakyRelu;
import org.backprop.workbench.kernel.activation.Relu;
import org.backprop.workbench.kernel.activation.Sigmoid;
import org.backprop.workbench.kernel.activation.Softmax;
import org.backprop.workbench.kernel.activation.Softplus;
import org.backprop.workbench.kernel.activation.Swish;
import org.backprop.workbench.kernel.activation.Tanh;
import org.backprop.workbench.util.Ids;
import org.ejml.data.DMatrixRMaj;

import java.util.Optional;

/**
 * The activations a layer can have, by file name; each is one {@link ActivationKernel} (package
 * {@code kernel.activation}) holding its value, derivative or J^T g, complex continuation, display and kinks. This
 * enum only names them and applies them to whole matrices; adding an activation is its kernel file plus one line
 * here.
 *
 * <p>Every activation except softmax is elementwise: {@code a_j = σ(z_j)}, so backprop multiplies by σ'(z)
 * elementwise (⊙ σ'(z) in BP1 and BP2). Softmax is not: each a_i depends on every z_j of its column, so backprop
 * multiplies by the transposed Jacobian, J^T g. {@link #backward} is that general form.
 */
public enum Activation {
    IDENTITY(new Identity()),
    SIGMOID(new Sigmoid()),
    TANH(new Tanh()),
    RELU(new Relu()),
    LEAKY_RELU(new LeakyRelu()),
    SOFTPLUS(new Softplus()),
    SOFTMAX(new Softmax()),
    GELU(new Gelu()),
    SWISH(new Swish());

    /** Slope of leaky-relu for z &lt; 0 (see {@link LeakyRelu#SLOPE}). */
    public static final double LEAKY_SLOPE = LeakyRelu.SLOPE;

    private static final Ids<Activation> IDS = new Ids<>(values(), Activation::id);

    private final ActivationKernel kernel;

    Activation(ActivationKernel kernel) {
        this.kernel = kernel;
    }

    /** Everything about this activation: value, derivative, complex continuation, display, kinks. */
    public ActivationKernel kernel() { return kernel; }

    /** The name used in files and on the command line, e.g. {@code leaky-relu}. */
    public String id() { return kernel.id(); }

    /** True where the derivative jumps (relu, leaky-relu at z = 0): numerical checks across the jump are meaningless. */
    public boolean isKinked() { return kernel.kinks().length > 0; }

    /** False only for softmax, whose every output depends on the whole column. */
    public boolean isElementwise() { return kernel.isElementwise(); }

    /**
     * a = σ(z).
     *
     * @param z n_l x m pre-activations, not modified
     * @return n_l x m activations
     */
    public DMatrixRMaj apply(DMatrixRMaj z) {
        DMatrixRMaj a = new DMatrixRMaj(z.numRows, z.numCols);
        if (kernel.isElementwise()) {
            kernel.apply(z.data, a.data, 0, 1, z.data.length);
        } else {
            for (int x = 0; x < z.numCols; x++) {
                kernel.apply(z.data, a.data, x, z.numCols, z.numRows);
            }
        }
        return a;
    }

    /**
     * σ'(z) elementwise; for softmax, the diagonal of its Jacobian, a_j (1 − a_j) (only the deliberate mistake
     * "softmax-diagonal" uses that).
     *
     * @param z n_l x m pre-activations, not modified
     * @return n_l x m derivatives
     */
    public DMatrixRMaj derivative(DMatrixRMaj z) {
        DMatrixRMaj d = new DMatrixRMaj(z.numRows, z.numCols);
        if (kernel.isElementwise()) {
            for (int i = 0; i < z.data.length; i++) {
                d.data[i] = kernel.derivative(z.data[i]);
            }
        } else {
            DMatrixRMaj a = apply(z);
            for (int i = 0; i < a.data.length; i++) {
                d.data[i] = Softmax.diagonal(a.data[i]);
            }
        }
        return d;
    }

    /**
     * The product of the transposed Jacobian of σ at z with g, column by column: J(z)^T g. Elementwise
     * activations have a diagonal Jacobian, so this is g ⊙ σ'(z).
     *
     * @param z n_l x m pre-activations, not modified
     * @param g n_l x m, the derivative of the cost with respect to a, not modified
     * @return n_l x m, the derivative of the cost with respect to z
     */
    public DMatrixRMaj backward(DMatrixRMaj z, DMatrixRMaj g) {
        DMatrixRMaj out = new DMatrixRMaj(z.numRows, z.numCols);
        if (kernel.isElementwise()) {
            kernel.backward(z.data, null, g.data, out.data, 0, 1, z.data.length);
        } else {
            DMatrixRMaj a = apply(z);
            for (int x = 0; x < z.numCols; x++) {
                kernel.backward(z.data, a.data, g.data, out.data, x, z.numCols, z.numRows);
            }
        }
        return out;
    }

    /**
     * The full softmax Jacobian of one column, J_ij = a_i (I_ij − a_j), for display.
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

    /** The activation with this file name, if any. */
    public static Optional<Activation> fromId(String id) { return IDS.find(id); }

    /** All file names, for messages: {@code identity, sigmoid, ...}. */
    public static String ids() { return IDS.list(); }

    @Override
    public String toString() { return id(); }
}
