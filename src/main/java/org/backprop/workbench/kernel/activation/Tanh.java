package org.backprop.workbench.kernel.activation;

import org.backprop.workbench.kernel.ActivationKernel;
import org.backprop.workbench.kernel.Arithmetic;

/** tanh z, tanh' z = 1 − tanh² z. */
public final class Tanh implements ActivationKernel {
    @Override public String id() { return "tanh"; }
    @Override public int listPosition() { return 3; }
    @Override public String derivativeText() { return "σ'(z) = 1 − tanh²(z)"; }
    @Override public String latex() { return "\\tanh"; }
    @Override public double value(double z) { return Math.tanh(z); }

    @Override public double derivative(double z) {
        double t = Math.tanh(z);
        return 1.0 - t * t;
    }

    @Override public <T> T value(Arithmetic<T> ar, T z) { return ar.tanh(z); }
}
