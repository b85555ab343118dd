package org.backprop.workbench.kernel.activation;

import org.backprop.workbench.kernel.ActivationKernel;
import org.backprop.workbench.kernel.Arithmetic;

/** swish(z) = z σ(z) (SiLU), swish'(z) = σ(z) (1 + z σ(−z)); analytic, so the complex step goes through it. */
public final class Swish implements ActivationKernel {
    @Override public String id() { return "swish"; }
    @Override public String derivativeText() { return "σ'(z) = s(z) (1 + z s(−z)), s = sigmoid"; }
    @Override public String latex() { return "\\mathrm{swish}"; }
    @Override public double value(double z) { return z * Sigmoid.sigmoid(z); }

    /** d/dz z σ(z) = σ(z) + z σ(z) σ(−z), with σ(−z) for 1 − σ(z) as in {@link Sigmoid#derivative}. */
    @Override public double derivative(double z) {
        double s = Sigmoid.sigmoid(z);
        return s * (1.0 + z * Sigmoid.sigmoid(-z));
    }

    @Override public <T> T value(Arithmetic<T> ar, T z) { return ar.times(z, Sigmoid.sigmoid(ar, z)); }
}
