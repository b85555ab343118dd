package org.backprop.workbench.engine;

import org.backprop.workbench.kernel.ActivationKernel;
import org.backprop.workbench.kernel.activation.LeakyRelu;
import org.backprop.workbench.kernel.activation.Softmax;
import org.backprop.workbench.util.Ids;
import org.backprop.workbench.util.PackageScan;
import org.ejml.data.DMatrixRMaj;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The activations a layer can have, by file name; each is one {@link ActivationKernel} (package
 * {@code kernel.activation}) holding its value, derivative or J^T g, complex continuation, display and kinks. This
 * class finds them there (every public kernel class of the package, {@link PackageScan}) and applies them to whole
 * matrices: adding an activation is its kernel file and nothing else in the code. The constants below are for the
 * code and tests that name a particular activation; a new one needs none ({@link #fromId} finds it).
 *
 * <p>It is a class, not an enum, because an enum must list its constants. There is one instance per kernel, so
 * {@code ==} compares activations; {@link #values()} keeps the kernels' {@link ActivationKernel#listPosition()}
 * order, the order of every menu and message.
 *
 * <p>Every activation except softmax is elementwise: {@code a_j = σ(z_j)}, so backprop multiplies by σ'(z)
 * elementwise (⊙ σ'(z) in BP1 and BP2). Softmax is not: each a_i depends on every z_j of its column, so backprop
 * multiplies by the transposed Jacobian, J^T g. {@link #backward} is that general form.
 */
public final class Activation {
    /** Where the kernels are: every public {@link ActivationKernel} class of this package is an activation. */
    public static final String KERNEL_PACKAGE = "org.backprop.workbench.kernel.activation";

    private static final List<Activation> ALL = PackageScan.instances(ActivationKernel.class, KERNEL_PACKAGE).stream()
            .sorted(Comparator.comparingInt(ActivationKernel::listPosition).thenComparing(ActivationKernel::id))
            .map(Activation::new).toList();

    private static final Ids<Activation> IDS = new Ids<>(ALL.toArray(new Activation[0]), Activation::id);

    public static final Activation IDENTITY = of("identity");
    public static final Activation SIGMOID = of("sigmoid");
    public static final Activation TANH = of("tanh");
    public static final Activation RELU = of("relu");
    public static final Activation LEAKY_RELU = of("leaky-relu");
    public static final Activation SOFTPLUS = of("softplus");
    public static final Activation SOFTMAX = of("softmax");
    public static final Activation GELU = of("gelu");
    public static final Activation SWISH = of("swish");

    /** Slope of leaky-relu for z &lt; 0 (see {@link LeakyRelu#SLOPE}). */
    public static final double LEAKY_SLOPE = LeakyRelu.SLOPE;

    private final ActivationKernel kernel;

    private Activation(ActivationKernel kernel) {
        this.kernel = kernel;
    }

    /** Every activation, in the order of menus and messages. */
    public static Activation[] values() {
        return ALL.toArray(new Activation[0]);
    }

    /**
     * The activation with this file name (any case).
     *
     * @throws IllegalArgumentException if there is none, naming those there are
     */
    public static Activation of(String id) {
        return IDS.get(id, "activation");
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

    /** The activation with this file name (any case), if any. */
    public static Optional<Activation> fromId(String id) { return IDS.find(id); }

    /** All file names, for messages: {@code identity, sigmoid, ...}. */
    public static String ids() { return IDS.list(); }

    @Override
    public String toString() { return id(); }
}
