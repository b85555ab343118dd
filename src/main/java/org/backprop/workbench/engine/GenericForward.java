package org.backprop.workbench.engine;

import org.backprop.workbench.kernel.Arithmetic;
import org.ejml.data.DMatrixRMaj;

/**
 * The forward pass and the cost written once, in any {@link Arithmetic}: z^l_j = b^l_j + Σ_k w^l_kj a^{l-1}_k,
 * a^l = σ(z^l) through each kernel's formula {@link org.backprop.workbench.kernel.ActivationKernel#value(Arithmetic,
 * Object)}, then C_x through the loss kernel's, one sample column at a time. The complex step is this pass in complex
 * arithmetic ({@code numeric.ComplexForward}); the engine's {@link Forward} (EJML, double) and the incremental check
 * ({@code numeric.IncrementalCost}: rank-one updates) are specialisations of it for speed, each held equal to it on
 * random networks ({@code GenericForwardTest}) and timed against it ({@code bench.CheckBenchmark}).
 *
 * <p>Only analytic kernels have a formula in any arithmetic: a network with relu, leaky-relu or gelu is refused by
 * the kernel ({@link IllegalStateException}).
 */
public final class GenericForward {
    private GenericForward() {
    }

    /** The parameters in the arithmetic: w^l_kj (n_{l-1} x n_l) and b^l_j, e.g. with an imaginary step on one. */
    public interface Parameters<T> {
        T w(int l, int k, int j);

        T b(int l, int j);
    }

    /** The network's own (real) parameters. */
    public static <T> Parameters<T> of(Arithmetic<T> ar, Network net) {
        return new Parameters<>() {
            @Override public T w(int l, int k, int j) { return ar.real(net.w(l).get(k, j)); }
            @Override public T b(int l, int j) { return ar.real(net.b(l).get(j, 0)); }
        };
    }

    /** C = (1/m) Σ_x C_x with the given parameters. */
    public static <T> T cost(Arithmetic<T> ar, Network net, Batch batch, Parameters<T> p) {
        int m = batch.size();
        int n0 = net.size(0);
        T sum = ar.real(0);
        for (int x = 0; x < m; x++) {
            T[] a0 = array(n0);
            for (int k = 0; k < n0; k++) {
                a0[k] = ar.real(batch.inputs().get(k, x));
            }
            sum = ar.plus(sum, sampleCostFrom(ar, net, batch, 1, x, preActivation(ar, p, 1, a0, net.size(1)), p));
        }
        return ar.divide(sum, m);
    }

    /**
     * C_x, the cost of sample x when z^l of that sample is {@code z} and the network runs on from layer l.
     *
     * @param z n_l entries, not modified
     */
    public static <T> T sampleCostFrom(Arithmetic<T> ar, Network net, Batch batch, int l, int x, T[] z,
                                       Parameters<T> p) {
        for (int layer = l; ; layer++) {
            int n = net.size(layer);
            T[] a = array(n);
            net.activation(layer).kernel().apply(ar, z, a);
            if (layer == net.depth()) {
                DMatrixRMaj targets = batch.targets();
                double[] t = new double[n];
                for (int i = 0; i < n; i++) {
                    t[i] = targets.get(i, x);
                }
                return net.loss().kernel().sampleCost(ar, z, a, t, 0);
            }
            z = preActivation(ar, p, layer + 1, a, net.size(layer + 1));
        }
    }

    /** z^l_j = b^l_j + Σ_k w^l_kj a_k for one column of n_{l-1} entries; n_l entries. */
    private static <T> T[] preActivation(Arithmetic<T> ar, Parameters<T> p, int l, T[] a, int n) {
        T[] z = array(n);
        for (int j = 0; j < n; j++) {
            T s = p.b(l, j);
            for (int k = 0; k < a.length; k++) {
                s = ar.plus(s, ar.times(p.w(l, k, j), a[k]));
            }
            z[j] = s;
        }
        return z;
    }

    @SuppressWarnings("unchecked")
    private static <T> T[] array(int n) {
        return (T[]) new Object[n];   // the kernels' generic formulas see T[] erased to Object[]
    }
}
