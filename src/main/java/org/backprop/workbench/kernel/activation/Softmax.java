package org.backprop.workbench.kernel.activation;

import org.backprop.workbench.kernel.ActivationKernel;
import org.backprop.workbench.kernel.Arithmetic;

/**
 * softmax(z)_i = e^{z_i} / Σ_j e^{z_j} over a column. Not elementwise: each a_i depends on every z_j of its column,
 * so backprop multiplies by the transposed Jacobian, J_ij = a_i (I_ij − a_j), which is symmetric:
 * (J^T g)_i = a_i (g_i − Σ_j a_j g_j).
 */
public final class Softmax implements ActivationKernel {
    @Override public String id() { return "softmax"; }
    @Override public int listPosition() { return 7; }
    @Override public String derivativeText() { return "a_i (δ_ij − a_j)"; }
    @Override public String latex() { return "\\mathrm{softmax}"; }
    @Override public boolean isElementwise() { return false; }

    @Override public double value(double z) { throw new UnsupportedOperationException("softmax is not elementwise"); }

    @Override public double derivative(double z) {
        throw new UnsupportedOperationException("softmax is not elementwise");
    }

    @Override public <T> T value(Arithmetic<T> ar, T z) {
        throw new UnsupportedOperationException("softmax is not elementwise");
    }

    /** Shifted by the column's maximum so that exp never overflows. */
    @Override public void apply(double[] z, double[] a, int off, int stride, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0, p = off; i < n; i++, p += stride) {
            max = Math.max(max, z[p]);
        }
        double sum = 0;
        for (int i = 0, p = off; i < n; i++, p += stride) {
            double e = Math.exp(z[p] - max);
            a[p] = e;
            sum += e;
        }
        for (int i = 0, p = off; i < n; i++, p += stride) {
            a[p] = a[p] / sum;
        }
    }

    @Override public void backward(double[] z, double[] a, double[] g, double[] out, int off, int stride, int n) {
        double dot = 0;
        for (int i = 0, p = off; i < n; i++, p += stride) {
            dot += a[p] * g[p];
        }
        for (int i = 0, p = off; i < n; i++, p += stride) {
            out[p] = a[p] * (g[p] - dot);
        }
    }

    /** Shifted by the largest real part (a real constant, so still analytic). */
    @Override public <T> void apply(Arithmetic<T> ar, T[] z, T[] a) {
        double max = Double.NEGATIVE_INFINITY;
        for (T zi : z) {
            max = Math.max(max, ar.re(zi));
        }
        T sum = ar.real(0);
        for (int i = 0; i < z.length; i++) {
            a[i] = ar.exp(ar.minus(z[i], ar.real(max)));
            sum = ar.plus(sum, a[i]);
        }
        for (int i = 0; i < z.length; i++) {
            a[i] = ar.divide(a[i], sum);
        }
    }

    /** The diagonal of the Jacobian, a_j (1 − a_j): what treating softmax as elementwise would use. */
    public static double diagonal(double a) {
        return a * (1.0 - a);
    }
}
