package org.backprop.workbench.numeric;

import org.backprop.workbench.engine.Activation;

/**
 * The engine's activations on plain numbers and sample-major arrays, formula for formula the same as
 * {@link Activation} (a test holds them bit for bit equal), so that the incremental check computes exactly what the
 * engine would for every value it recomputes.
 */
final class RealMath {
    private RealMath() {
    }

    /** σ(z) for an elementwise activation. */
    static double activate(Activation sigma, double z) {
        switch (sigma) {
            case IDENTITY:
                return z;
            case SIGMOID:
                if (z >= 0) {
                    return 1.0 / (1.0 + Math.exp(-z));
                }
                double e = Math.exp(z);
                return e / (1.0 + e);
            case TANH:
                return Math.tanh(z);
            case RELU:
                return z > 0 ? z : 0.0;
            case LEAKY_RELU:
                return z > 0 ? z : Activation.LEAKY_SLOPE * z;
            case SOFTPLUS:
                return Math.max(z, 0.0) + Math.log1p(Math.exp(-Math.abs(z)));
            default:
                throw new IllegalStateException("softmax is not elementwise");
        }
    }

    /** Softmax of the n entries from {@code off}, shifted by their maximum, rounded to the precision. */
    static void softmax(double[] z, double[] a, int off, int n, Precision precision) {
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            max = Math.max(max, z[off + i]);
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double e = Math.exp(z[off + i] - max);
            a[off + i] = e;
            sum += e;
        }
        for (int i = 0; i < n; i++) {
            a[off + i] = precision.round(a[off + i] / sum);
        }
    }
}
