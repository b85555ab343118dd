package org.backprop.workbench.numeric;

import org.backprop.workbench.engine.Activation;
import org.backprop.workbench.engine.Loss;
import org.backprop.workbench.engine.Network;

/**
 * The kernels' formulas in {@link ComplexArithmetic}, on the split real/imaginary, sample-major arrays of the
 * complex-step passes (column x of an n x m matrix is {@code re[x*n .. x*n+n-1]}). No formula is written here: each
 * activation's and loss's kernel is asked.
 */
final class ComplexMath {
    private static final ComplexArithmetic C = ComplexArithmetic.INSTANCE;

    private ComplexMath() {
    }

    /** The first layer whose activation has no complex continuation, or -1 if every layer has one. */
    static int firstKinkedLayer(Network net) {
        for (int l = 1; l <= net.depth(); l++) {
            if (net.activation(l).kernel().notAnalytic().isPresent()) {
                return l;
            }
        }
        return -1;
    }

    /** σ(z) for an elementwise analytic activation. */
    static Complex activate(Activation sigma, Complex z) {
        return sigma.kernel().value(C, z);
    }

    /** a = σ(z) on the n entries of one column from {@code off}, whether σ is elementwise or not. */
    static void activate(Activation sigma, double[] zr, double[] zi, double[] ar, double[] ai, int off, int n) {
        if (sigma.isElementwise()) {
            for (int i = off; i < off + n; i++) {
                Complex a = sigma.kernel().value(C, new Complex(zr[i], zi[i]));
                ar[i] = a.re();
                ai[i] = a.im();
            }
            return;
        }
        Complex[] a = new Complex[n];
        sigma.kernel().apply(C, column(zr, zi, off, n), a);
        for (int i = 0; i < n; i++) {
            ar[off + i] = a[i].re();
            ai[off + i] = a[i].im();
        }
    }

    /**
     * C_x for one sample with complex z^L and a^L.
     *
     * @param off  the first entry of the column in z and a (n entries)
     * @param t    targets, sample-major like z
     * @param toff the first entry of the column in t
     */
    static Complex sampleCost(Loss loss, double[] zr, double[] zi, double[] ar, double[] ai, int off, int n,
                              double[] t, int toff) {
        return loss.kernel().sampleCost(C, column(zr, zi, off, n), column(ar, ai, off, n), t, toff);
    }

    private static Complex[] column(double[] re, double[] im, int off, int n) {
        Complex[] c = new Complex[n];
        for (int i = 0; i < n; i++) {
            c[i] = new Complex(re[off + i], im[off + i]);
        }
        return c;
    }
}
