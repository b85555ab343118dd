package org.backprop.workbench.kernel;

import java.util.Optional;

/**
 * One activation function σ, everything about it in one place: its value and derivative (or, for an activation
 * that is not elementwise, its transposed-Jacobian product J^T g), its complex continuation, its display formula and
 * its kinks. The engine, the incremental check, the complex step and the step display all ask the kernel; none of
 * them lists the activations.
 *
 * <p>Column operations take a strided column: entries {@code off, off + stride, ..., off + (n-1) stride}, so the
 * same code reads a column of a row-major n_l x m matrix (off = x, stride = m) and a sample-major array
 * (off = x n_l, stride = 1).
 */
public interface ActivationKernel {
    /** The name used in files and on the command line, e.g. {@code leaky-relu}. */
    String id();

    /** The function's name in LaTeX, e.g. {@code \sigma}, {@code \mathrm{relu}}. */
    String latex();

    /** The function's name in plain text, e.g. σ, relu. */
    default String symbol() { return id(); }

    /**
     * σ' as a formula in plain text, for the derivation, e.g. {@code σ'(z) = 1 − tanh²(z)}: notation only, no words,
     * since the derivation shows it in every language.
     */
    default String derivativeText() { return "σ'(z) = " + id() + "'(z)"; }

    /**
     * Where the activation stands in every list of them (menus, "one of ..." messages): the classics say their place,
     * {@link #AFTER_THE_CLASSICS} (the default) puts a newer one after them, in the order of the ids.
     */
    default int listPosition() { return AFTER_THE_CLASSICS; }

    /** The {@link #listPosition()} of an activation that does not ask for a place. */
    int AFTER_THE_CLASSICS = 1000;

    /** The points where σ' jumps (relu: 0); empty for a smooth activation. */
    default double[] kinks() { return new double[0]; }

    /**
     * True if σ is linear between its kinks (relu, leaky relu, identity): then σ(z + d) − σ(z) = σ'(z)·d as long as
     * z + d crosses no kink, which lets the incremental check carry a perturbation through such layers as one
     * precomputed linear map.
     */
    default boolean isPiecewiseLinear() { return false; }

    /** False only for an activation whose every output depends on the whole column (softmax). */
    default boolean isElementwise() { return true; }

    /**
     * Why C(θ + ih) cannot be formed through this activation, or empty if {@link #value(Arithmetic, Object)} is its
     * analytic continuation. An id, not a sentence: the kernel has no bundles, the edge words it
     * ({@code check.notAnalytic.<id>}, with the {@link #kinks()} for a kink).
     */
    default Optional<NotAnalytic> notAnalytic() {
        return kinks().length > 0 ? Optional.of(NotAnalytic.KINK) : Optional.empty();
    }

    /** Why an activation has no complex continuation. */
    enum NotAnalytic {
        /** σ' jumps at a kink (relu, leaky relu at 0): no analytic function agrees with σ on both sides. */
        KINK("kink"),
        /** gelu: its normal CDF Φ would need a complex erf, which the workbench does not implement. */
        COMPLEX_ERF("complexErf");

        private final String id;

        NotAnalytic(String id) {
            this.id = id;
        }

        /** The bundle key's last part: {@code check.notAnalytic.kink}, {@code check.notAnalytic.complexErf}. */
        public String id() { return id; }
    }

    /** σ(z), the specialised real form of {@link #value(Arithmetic, Object)}; elementwise activations only. */
    double value(double z);

    /** σ'(z); elementwise activations only. At a kink, the convention of most libraries (relu'(0) = 0). */
    double derivative(double z);

    /**
     * σ(z) in any arithmetic: the formula written once, for the generic forward pass in double, in the float model
     * and in complex numbers (the complex step). Real double arithmetic gives {@link #value(double)} (a test holds
     * them equal).
     *
     * @throws IllegalStateException in a complex arithmetic if {@link #notAnalytic()} is not empty
     */
    <T> T value(Arithmetic<T> ar, T z);

    /**
     * For the {@link #value(Arithmetic, Object)} of an activation with no analytic continuation: returns quietly in
     * a real arithmetic, and refuses a complex one by the activation's name and {@link #notAnalytic()}.
     */
    default void refuseComplex(Arithmetic<?> ar) {
        if (!ar.isReal()) {
            throw new IllegalStateException(id() + ": " + notAnalytic().map(NotAnalytic::id).orElse("notAnalytic"));
        }
    }

    /** True if moving a pre-activation from {@code before} to {@code after} steps over a kink. */
    default boolean crossesKink(double before, double after) {
        for (double k : kinks()) {
            if ((before > k) != (after > k)) {
                return true;
            }
        }
        return false;
    }

    /** a = σ(z) on one strided column of n entries. */
    default void apply(double[] z, double[] a, int off, int stride, int n) {
        for (int i = 0, p = off; i < n; i++, p += stride) {
            a[p] = value(z[p]);
        }
    }

    /**
     * out = J(z)^T g on one strided column; for an elementwise activation, g ⊙ σ'(z).
     *
     * @param a σ(z) of the same column (an activation that is not elementwise needs it; others ignore it)
     */
    default void backward(double[] z, double[] a, double[] g, double[] out, int off, int stride, int n) {
        for (int i = 0, p = off; i < n; i++, p += stride) {
            out[p] = g[p] * derivative(z[p]);
        }
    }

    /** a = σ(z) on one column in any arithmetic (length n arrays). */
    default <T> void apply(Arithmetic<T> ar, T[] z, T[] a) {
        for (int i = 0; i < z.length; i++) {
            a[i] = value(ar, z[i]);
        }
    }
}
