package org.backprop.workbench.kernel.activation;

import org.backprop.workbench.kernel.ActivationKernel;
import org.backprop.workbench.kernel.Arithmetic;

/** id(z) = z, id'(z) = 1. */
public final class Identity implements ActivationKernel {
    @Override public String id() { return "identity"; }
    @Override public int listPosition() { return 1; }
    @Override public String derivativeText() { return "σ' = 1"; }
    @Override public String latex() { return "\\mathrm{id}"; }
    @Override public double value(double z) { return z; }
    @Override public boolean isPiecewiseLinear() { return true; }
    @Override public double derivative(double z) { return 1.0; }
    @Override public <T> T value(Arithmetic<T> ar, T z) { return z; }
}
