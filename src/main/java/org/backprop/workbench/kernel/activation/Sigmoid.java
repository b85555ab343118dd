package org.backprop.workbench.kernel.activation;

import org.backprop.workbench.kernel.ActivationKernel;
import org.backprop.workbench.kernel.Arithmetic;

/** The logistic sigmoid σ(z) = 1 / (1 + e^{−z}), σ'(z) = σ(z) σ(−z). */
public final class Sigmoid implements ActivationKernel {
    @Override public String id() { return "sigmoid"; }
    @Override public int listPosition() { return 2; }
    @Override public String derivativeText() { return "σ'(z) = σ(z)(1 − σ(z))"; }
    @Override public String latex() { return "\\sigma"; }
    @Override public String symbol() { return "σ"; }

    @Override public double value(double z) { return sigmoid(z); }

    /**
     * σ'(z) = σ(z) (1 − σ(z)) = σ(z) σ(−z). The second form keeps its digits where σ(z) rounds to 1 (z above about
     * 37): 1 − σ(z) would then be 0, and binary cross-entropy's (a − t) / (a (1 − a)) would divide by it.
     */
    @Override public double derivative(double z) { return sigmoid(z) * sigmoid(-z); }

    @Override public <T> T value(Arithmetic<T> ar, T z) { return sigmoid(ar, z); }

    /** σ(z) in two branches so that exp never overflows. */
    public static double sigmoid(double z) {
        if (z >= 0) {
            return 1.0 / (1.0 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1.0 + e);
    }

    /** σ(z) in any arithmetic, the same two branches taken on the real part. */
    public static <T> T sigmoid(Arithmetic<T> ar, T z) {
        if (ar.re(z) >= 0) {
            return ar.reciprocal(ar.plus(ar.exp(ar.negate(z)), 1));
        }
        T e = ar.exp(z);
        return ar.divide(e, ar.plus(e, 1));
    }
}
