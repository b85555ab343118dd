package org.backprop.workbench.numeric;

import org.backprop.workbench.engine.Activation;
import org.backprop.workbench.engine.Loss;

/**
 * Activations and losses of the engine continued to complex arguments, on sample-major arrays (column x of an
 * n x m matrix is {@code re[x*n .. x*n+n-1]}). Each mirrors the engine's real formula branch for branch.
 */
final class ComplexMath {
    private ComplexMath() {
    }

    /** The first layer that is not analytic, or -1 if every layer is. */
    static int firstKinkedLayer(org.backprop.workbench.engine.Network net) {
        for (int l = 1; l <= net.depth(); l++) {
            if (net.activation(l).isKinked()) {
                return l;
            }
        }
        return -1;
    }

    /** σ(z) for an elementwise analytic activation. */
    static Complex activate(Activation sigma, Complex z) {
        return switch (sigma) {
            case IDENTITY -> z;
            case SIGMOID -> Complex.sigmoid(z);
            case TANH -> Complex.tanh(z);
            case SOFTPLUS -> Complex.softplus(z);
            case RELU, LEAKY_RELU -> throw new IllegalStateException(sigma + " has no complex extension");
            case SOFTMAX -> throw new IllegalStateException("softmax is not elementwise");
        };
    }

    /**
     * Softmax of one column, shifted by the largest real part (a real constant, so still analytic).
     *
     * @param off the index of the column's first entry; n entries are read from z and written to a
     */
    static void softmax(double[] zr, double[] zi, double[] ar, double[] ai, int off, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, zr[off + i]);
        }
        double sr = 0, si = 0;
        for (int i = 0; i < n; i++) {
            Complex e = new Complex(zr[off + i] - max, zi[off + i]).exp();
            ar[off + i] = e.re();
            ai[off + i] = e.im();
            sr += e.re();
            si += e.im();
        }
        Complex sum = new Complex(sr, si);
        for (int i = 0; i < n; i++) {
            Complex a = new Complex(ar[off + i], ai[off + i]).divide(sum);
            ar[off + i] = a.re();
            ai[off + i] = a.im();
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
        double sr = 0, si = 0;
        switch (loss) {
            case QUADRATIC -> {
                for (int j = 0; j < n; j++) {
                    Complex d = new Complex(ar[off + j] - t[toff + j], ai[off + j]).square();
                    sr += d.re();
                    si += d.im();
                }
                sr *= 0.5;
                si *= 0.5;
            }
            case BINARY_CROSS_ENTROPY -> {
                for (int j = 0; j < n; j++) {
                    Complex z = new Complex(zr[off + j], zi[off + j]);
                    double tj = t[toff + j];
                    Complex c = Complex.softplus(z.negate()).times(tj).plus(Complex.softplus(z).times(1 - tj));
                    sr += c.re();
                    si += c.im();
                }
            }
            case CROSS_ENTROPY -> {
                for (int j = 0; j < n; j++) {
                    double tj = t[toff + j];
                    if (tj != 0) {
                        Complex c = new Complex(ar[off + j], ai[off + j]).log().times(tj);
                        sr -= c.re();
                        si -= c.im();
                    }
                }
            }
            case SOFTMAX_CROSS_ENTROPY -> {
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < n; j++) {
                    max = Math.max(max, zr[off + j]);
                }
                double er = 0, ei = 0;
                for (int j = 0; j < n; j++) {
                    Complex e = new Complex(zr[off + j] - max, zi[off + j]).exp();
                    er += e.re();
                    ei += e.im();
                }
                Complex logSumExp = new Complex(er, ei).log().plus(max);
                for (int j = 0; j < n; j++) {
                    Complex c = logSumExp.minus(new Complex(zr[off + j], zi[off + j])).times(t[toff + j]);
                    sr += c.re();
                    si += c.im();
                }
            }
        }
        return new Complex(sr, si);
    }
}
