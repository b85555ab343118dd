package org.backprop.workbench.engine;

import org.backprop.workbench.kernel.LossKernel;
import org.backprop.workbench.util.Ids;
import org.backprop.workbench.util.PackageScan;
import org.ejml.data.DMatrixRMaj;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The losses a network can have, by file name, each with the output activation it needs. The formulas (C_x,
 * ∂C_x/∂a^L, the complex continuation, the display, the output it needs) are each loss's {@link LossKernel} in
 * package {@code kernel.loss}, found there as the activations are ({@link PackageScan}): a new loss is its file.
 * A class rather than an enum for the same reason as {@link Activation}; one instance per kernel, so {@code ==}
 * compares losses. The batch cost is the mean over the samples, C = (1/m) Σ_x C_x; the 1/m of the gradient is
 * applied by {@link Backprop#gradA}, not here.
 */
public final class Loss {
    /** Where the kernels are: every public {@link LossKernel} class of this package is a loss. */
    public static final String KERNEL_PACKAGE = "org.backprop.workbench.kernel.loss";

    private static final List<Loss> ALL = PackageScan.instances(LossKernel.class, KERNEL_PACKAGE).stream()
            .sorted(Comparator.comparingInt(LossKernel::listPosition).thenComparing(LossKernel::id))
            .map(Loss::new).toList();

    private static final Ids<Loss> IDS = new Ids<>(ALL.toArray(new Loss[0]), Loss::id);

    /** C_x = ½ ‖a^L − t‖², for any output activation. */
    public static final Loss QUADRATIC = of("quadratic");
    /** C_x = −Σ_j [t_j ln a_j + (1 − t_j) ln(1 − a_j)] on a sigmoid output, evaluated from z. */
    public static final Loss BINARY_CROSS_ENTROPY = of("binary-cross-entropy");
    /** C_x = −Σ_j t_j ln a_j on a softmax output: "softmax as activation". */
    public static final Loss CROSS_ENTROPY = of("cross-entropy");
    /** "Loss-fused softmax": identity output, C_x = logsumexp(z) − Σ_j t_j z_j. */
    public static final Loss SOFTMAX_CROSS_ENTROPY = of("softmax-cross-entropy");
    /**
     * "Loss-fused sigmoid": identity output, C_x = Σ_j [t_j softplus(−z_j) + (1 − t_j) softplus(z_j)], so that
     * δ^L = σ(z^L) − t for any z (binary cross-entropy through the sigmoid's σ' overflows past |z| ≈ 709.8).
     */
    public static final Loss SIGMOID_CROSS_ENTROPY = of("sigmoid-cross-entropy");

    private final LossKernel kernel;
    private final Activation requiredOutput;

    private Loss(LossKernel kernel) {
        this.kernel = kernel;
        this.requiredOutput = kernel.outputActivation().map(Activation::of).orElse(null);
    }

    /** Every loss, in the order of menus and messages. */
    public static Loss[] values() {
        return ALL.toArray(new Loss[0]);
    }

    /**
     * The loss with this file name (any case).
     *
     * @throws IllegalArgumentException if there is none, naming those there are
     */
    public static Loss of(String id) {
        return IDS.get(id, "loss");
    }

    /** The formulas of this loss. */
    public LossKernel kernel() { return kernel; }

    /** The name used in files and on the command line. */
    public String id() { return kernel.id(); }

    /**
     * The output activation this loss needs, or null if it takes any (the network file reader words the advice, in
     * the user's language, when a file pairs them wrongly).
     */
    public Activation requiredOutput() { return requiredOutput; }

    /** True if the targets of every sample must be a probability distribution (non-negative, summing to 1). */
    public boolean needsDistributionTargets() { return kernel.needsDistributionTargets(); }

    /** True if every target must lie in [0, 1]. */
    public boolean needsUnitIntervalTargets() { return kernel.needsUnitIntervalTargets(); }

    /** C_x for sample x (column x). */
    public double sampleCostOf(DMatrixRMaj zL, DMatrixRMaj aL, DMatrixRMaj t, int x) {
        return kernel.sampleCost(zL.data, aL.data, t.data, x, aL.numCols, aL.numRows);
    }

    /**
     * C = (1/m) Σ_x C_x, summed with Neumaier's compensation (Neumaier 1974; Higham §4.3): the rounding error of the
     * sum stays near 2u·Σ|C_x| however large m is, where a plain running sum gathers up to (m − 1)u·Σ|C_x| — 5e-10
     * relative at m = 5 million, which a central difference divides by ε and a directional check then mistook for
     * a wrong gradient.
     *
     * @param zL n_L x m output pre-activations, not modified
     * @param aL n_L x m output activations, not modified
     * @param t  n_L x m targets, not modified
     */
    public double cost(DMatrixRMaj zL, DMatrixRMaj aL, DMatrixRMaj t) {
        double[] terms = new double[aL.numCols];
        for (int x = 0; x < aL.numCols; x++) {
            terms[x] = sampleCostOf(zL, aL, t, x);
        }
        return compensatedSum(terms) / aL.numCols;
    }

    /**
     * ∂C_x/∂a^L for every sample, without the 1/m of the batch mean.
     *
     * @param zL n_L x m, not modified
     * @param aL n_L x m, not modified
     * @param t  n_L x m targets, not modified
     * @return n_L x m
     */
    public DMatrixRMaj sampleGradA(DMatrixRMaj zL, DMatrixRMaj aL, DMatrixRMaj t) {
        DMatrixRMaj g = new DMatrixRMaj(aL.numRows, aL.numCols);
        for (int x = 0; x < aL.numCols; x++) {
            kernel.sampleGradA(zL.data, aL.data, t.data, g.data, x, aL.numCols, aL.numRows);
        }
        return g;
    }

    public static Optional<Loss> fromId(String id) { return IDS.find(id); }

    public static String ids() { return IDS.list(); }

    @Override
    public String toString() { return id(); }

    /** Σ terms by Neumaier's improved Kahan–Babuška summation: error ≤ 2u·Σ|term| + O(n u²)·Σ|term|. */
    public static double compensatedSum(double[] terms) {
        double sum = 0;
        double compensation = 0;
        for (double v : terms) {
            double t = sum + v;
            compensation += Math.abs(sum) >= Math.abs(v) ? (sum - t) + v : (v - t) + sum;
            sum = t;
        }
        return Double.isFinite(sum) ? sum + compensation : sum;   // ∞ − ∞ in the compensation must not turn ∞ to NaN
    }
}
