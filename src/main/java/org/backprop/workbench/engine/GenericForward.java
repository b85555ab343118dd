package org.backprop.workbench.engine;

import org.backprop.workbench.kernel.Arithmetic;
import org.ejml.data.DMatrixRMaj;

/**
 * The forward pass and the cost written once, in any {@link Arithmetic}: z^l_j = b^l_j + Σ_k w^l_kj a^{l-1}_k,
 * a^l = σ(z^l) through each kernel's formula {@link org.backprop.workbench.kernel.ActivationKernel#value(Arithmetic,
 * Object)}, then C_x through the loss kernel's, one sample column at a time, each stored value passed through
 * {@link Arithmetic#stored}. It is the complex step's pass in complex arithmetic ({@code numeric.ComplexForward})
 * and the float check's base pass in {@link org.backprop.workbench.kernel.DoubleArithmetic#FLOAT}
 * ({@code numeric.IncrementalCost}). The engine's {@link Forward} (EJML, double) and the incremental check's
 * perturbed passes (rank-one updates, double and float) are specialisations of it for speed, each held equal to it
 * on random networks ({@code GenericForwardTest}) and timed against it ({@code bench.CheckBenchmark}).
 *
 * <p>Every kernel has its formula in a real arithmetic; in complex arithmetic a network with relu, leaky-relu or
 * gelu is refused by the kernel, by name ({@link IllegalStateException}).
 */
public final class GenericForward {
    private GenericForward() {
    }

    /** The parameters in the arithmetic: w^l_kj (n_{l-1} x n_l) and b^l_j, e.g. with an imaginary step on one. */
    public interface Parameters<T> {
        T w(int l, int k, int j);

        T b(int l, int j);
    }

    /** What a pass shows of each layer l &ge; 1 of sample x: entry i of z^l and of a^l, as stored. */
    public interface Recorder<T> {
        void entry(int l, int x, int i, T z, T a);
    }

    /** The network's own (real) parameters, as the arithmetic stores them. */
    public static <T> Parameters<T> of(Arithmetic<T> ar, Network net) {
        return new Parameters<>() {
            @Override public T w(int l, int k, int j) { return ar.stored(ar.real(net.w(l).get(k, j))); }
            @Override public T b(int l, int j) { return ar.stored(ar.real(net.b(l).get(j, 0))); }
        };
    }

    /** C = (1/m) Σ_x C_x with the given parameters. */
    public static <T> T cost(Arithmetic<T> ar, Network net, Batch batch, Parameters<T> p) {
        int m = batch.size();
        T sum = ar.real(0);
        for (int x = 0; x < m; x++) {
            sum = ar.plus(sum, sampleCost(ar, net, batch, x, p, null));
        }
        return ar.stored(ar.divide(sum, m));
    }

    /**
     * C_x, the cost of sample x from its input.
     *
     * @param recorder shown z^l and a^l of every layer, or null
     */
    public static <T> T sampleCost(Arithmetic<T> ar, Network net, Batch batch, int x, Parameters<T> p,
                                   Recorder<T> recorder) {
        int n0 = net.size(0);
        T[] a0 = array(n0);
        for (int k = 0; k < n0; k++) {
            a0[k] = ar.stored(ar.real(batch.inputs().get(k, x)));
        }
        return runFrom(ar, net, batch, 1, x, preActivation(ar, p, 1, a0, net.size(1)), p, recorder);
    }

    /**
     * C_x, the cost of sample x when z^l of that sample is {@code z} and the network runs on from layer l.
     *
     * @param z n_l entries, not modified
     */
    public static <T> T sampleCostFrom(Arithmetic<T> ar, Network net, Batch batch, int l, int x, T[] z,
                                       Parameters<T> p) {
        return runFrom(ar, net, batch, l, x, z, p, null);
    }

    private static <T> T runFrom(Arithmetic<T> ar, Network net, Batch batch, int l, int x, T[] z, Parameters<T> p,
                                 Recorder<T> recorder) {
        for (int layer = l; ; layer++) {
            int n = net.size(layer);
            T[] a = array(n);
            net.activation(layer).kernel().apply(ar, z, a);
            for (int i = 0; i < n; i++) {
                a[i] = ar.stored(a[i]);
            }
            for (int i = 0; recorder != null && i < n; i++) {
                recorder.entry(layer, x, i, z[i], a[i]);
            }
            if (layer == net.depth()) {
                DMatrixRMaj targets = batch.targets();
                double[] t = new double[n];
                for (int i = 0; i < n; i++) {
                    t[i] = targets.get(i, x);
                }
                return ar.stored(net.loss().kernel().sampleCost(ar, z, a, t, 0));
            }
            z = preActivation(ar, p, layer + 1, a, net.size(layer + 1));
        }
    }

    /** z^l_j = b^l_j + Σ_k w^l_kj a_k for one column of n_{l-1} entries, each stored; n_l entries. */
    private static <T> T[] preActivation(Arithmetic<T> ar, Parameters<T> p, int l, T[] a, int n) {
        T[] z = array(n);
        for (int j = 0; j < n; j++) {
            T s = p.b(l, j);
            for (int k = 0; k < a.length; k++) {
                s = ar.plus(s, ar.times(p.w(l, k, j), a[k]));
            }
            z[j] = ar.stored(s);
        }
        return z;
    }

    @SuppressWarnings("unchecked")
    private static <T> T[] array(int n) {
        return (T[]) new Object[n];   // the kernels' generic formulas see T[] erased to Object[]
    }
}
