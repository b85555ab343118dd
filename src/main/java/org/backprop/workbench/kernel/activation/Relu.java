package org.backprop.workbench.kernel.activation;

import org.backprop.workbench.kernel.ActivationKernel;
import org.backprop.workbench.kernel.Arithmetic;

/** relu(z) = max(z, 0); its derivative jumps at 0. */
public final class Relu implements ActivationKernel {
    private static final double[] KINKS = {0.0};

    @Override public String id() { return "relu"; }
    @Override public int listPosition() { return 4; }
    @Override public String derivativeText() { return "σ'(z) = 1 (z > 0), 0 (z ≤ 0)"; }
    @Override public String latex() { return "\\mathrm{relu}"; }
    @Override public double[] kinks() { return KINKS.clone(); }
    @Override public boolean isPiecewiseLinear() { return true; }
    @Override public double value(double z) { return z > 0 ? z : 0.0; }

    /** The derivative at the kink z = 0 is taken as 0 (the convention of most libraries). */
    @Override public double derivative(double z) { return z > 0 ? 1.0 : 0.0; }

    @Override public boolean crossesKink(double before, double after) { return (before > 0) != (after > 0); }

    /** In a real arithmetic, the same branch as {@link #value(double)}; the complex one is refused. */
    @Override public <T> T value(Arithmetic<T> ar, T z) {
        refuseComplex(ar);
        return ar.re(z) > 0 ? z : ar.real(0.0);
    }
}
