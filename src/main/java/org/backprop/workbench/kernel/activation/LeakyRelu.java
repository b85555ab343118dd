package org.backprop.workbench.kernel.activation;

import org.backprop.workbench.kernel.ActivationKernel;
import org.backprop.workbench.kernel.Arithmetic;

/** leaky-relu(z) = z for z &gt; 0, {@value #SLOPE} z otherwise; its derivative jumps at 0. */
public final class LeakyRelu implements ActivationKernel {
    /** Slope for z &lt; 0; 0.01 is the value of the original paper (Maas et al. 2013) and of most libraries. */
    public static final double SLOPE = 0.01;
    private static final double[] KINKS = {0.0};

    @Override public String id() { return "leaky-relu"; }
    @Override public int listPosition() { return 5; }
    @Override public String derivativeText() { return "σ'(z) = 1 (z > 0), " + SLOPE + " (z ≤ 0)"; }
    @Override public String latex() { return "\\mathrm{lrelu}"; }
    @Override public double[] kinks() { return KINKS.clone(); }
    @Override public boolean isPiecewiseLinear() { return true; }
    @Override public double value(double z) { return z > 0 ? z : SLOPE * z; }
    @Override public double derivative(double z) { return z > 0 ? 1.0 : SLOPE; }
    @Override public boolean crossesKink(double before, double after) { return (before > 0) != (after > 0); }

    /** In a real arithmetic, the same branch as {@link #value(double)}; the complex one is refused. */
    @Override public <T> T value(Arithmetic<T> ar, T z) {
        refuseComplex(ar);
        return ar.re(z) > 0 ? z : ar.times(z, SLOPE);
    }
}
