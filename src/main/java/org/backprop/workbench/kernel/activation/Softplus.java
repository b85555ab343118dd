package org.backprop.workbench.kernel.activation;

import org.backprop.workbench.kernel.ActivationKernel;
import org.backprop.workbench.kernel.Arithmetic;

/** softplus(z) = ln(1 + e^z), softplus'(z) = σ(z). */
public final class Softplus implements ActivationKernel {
    @Override public String id() { return "softplus"; }
    @Override public int listPosition() { return 6; }
    @Override public String derivativeText() { return "σ'(z) = 1 / (1 + e^{−z})"; }
    @Override public String latex() { return "\\mathrm{softplus}"; }
    @Override public double value(double z) { return softplus(z); }
    @Override public double derivative(double z) { return Sigmoid.sigmoid(z); }
    @Override public <T> T value(Arithmetic<T> ar, T z) { return softplus(ar, z); }

    /** ln(1 + e^z), written so that it neither overflows for large z nor loses digits for very negative z. */
    public static double softplus(double z) {
        return Math.max(z, 0.0) + Math.log1p(Math.exp(-Math.abs(z)));
    }

    /** max(z, 0) + ln1p(e^−|z|), continued analytically on each side of Re z = 0. */
    public static <T> T softplus(Arithmetic<T> ar, T z) {
        if (ar.re(z) >= 0) {
            return ar.plus(z, ar.log1p(ar.exp(ar.negate(z))));
        }
        return ar.log1p(ar.exp(z));
    }
}
