package org.backprop.workbench.kernel;

import java.util.Optional;

/**
 * One cost function for one sample, C_x, everything about it in one place: its value, its gradient with respect to
 * the output activations ∂C_x/∂a^L (without the 1/m of the batch mean, which only {@code Backprop.gradA} applies),
 * its complex continuation, its display formulas and the output activation it needs (by id: {@code engine.Loss}
 * resolves it).
 *
 * <p>Columns are strided as in {@link ActivationKernel}: entries {@code off + i stride}, i = 0..n−1, of z^L, a^L
 * and t alike.
 */
public interface LossKernel {
    /** The name used in files and on the command line. */
    String id();

    /** Where the loss stands in every list of them (menus, messages); a new one after the rest, by id. */
    default int listPosition() { return ActivationKernel.AFTER_THE_CLASSICS; }

    /** The id of the output activation this loss needs, or empty if it takes any. */
    default Optional<String> outputActivation() { return Optional.empty(); }

    /** C_x of one column. */
    double sampleCost(double[] z, double[] a, double[] t, int off, int stride, int n);

    /** g = ∂C_x/∂a^L of one column. */
    void sampleGradA(double[] z, double[] a, double[] t, double[] g, int off, int stride, int n);

    /**
     * C_x of one column in any arithmetic (the complex step): the same formula as
     * {@link #sampleCost(double[], double[], double[], int, int, int)}, branch for branch.
     *
     * @param z  z^L of the column, n entries, not modified
     * @param a  a^L of the column, n entries, not modified
     * @param t  targets; the column's are {@code t[toff .. toff + n − 1]}
     */
    <T> T sampleCost(Arithmetic<T> ar, T[] z, T[] a, double[] t, int toff);

    /** True if the display and the cost read z^L rather than a^L (a loss that applies its own softmax). */
    default boolean readsLogits() { return false; }

    /** True if every sample's targets must be a probability distribution (non-negative, summing to 1). */
    default boolean needsDistributionTargets() { return false; }

    /** True if every target must lie in [0, 1]. */
    default boolean needsUnitIntervalTargets() { return needsDistributionTargets(); }

    /**
     * The cost formula in symbols, e.g. {@code \frac{1}{2}\left\|a^{2} - t\right\|^{2}}.
     *
     * @param depth L
     * @param batch the batch form (mean over x) rather than one sample
     * @param m     how the batch size is written
     */
    String costLatex(int depth, boolean batch, String m);

    /**
     * The cost with its arguments written out as matrices of numbers.
     *
     * @param a the output (a^L, or z^L if {@link #readsLogits()}) as LaTeX
     * @param t the targets as LaTeX
     */
    String costValuesLatex(String a, String t, boolean batch, String m);

    /** ∂C_x/∂a^L in terms of the output and the targets, written as LaTeX, e.g. {@code a - t}. */
    String gradALatex(String a, String t);

    /**
     * The derivation's line for ∂C_x/∂a_j, in entry form, plain text: the loss's id, C_x and what it gives, e.g.
     * {@code quadratic: C_x = ½ Σ_j (a_j − t_j)² ⇒ ∂C_x/∂a_j = a_j − t_j}. Notation only, no words: the derivation
     * shows it as it is in every language (a kernel cannot reach the bundles).
     *
     * @param depth L
     */
    String gradADerivationText(int depth);

    /** {@link #gradADerivationText(int)} in LaTeX. */
    String gradADerivationLatex(int depth);

    /**
     * ∂C_x/∂a_j of entry j of one column with the numbers put in, e.g. {@code a[0] − t[0] = 0.7 − 1}; its value is
     * entry j of {@link #sampleGradA} on the column.
     *
     * @param z z^L of the column, offset 0 and stride 1, as a and t
     */
    String gradASubstituted(double[] z, double[] a, double[] t, EntryText e);
}
