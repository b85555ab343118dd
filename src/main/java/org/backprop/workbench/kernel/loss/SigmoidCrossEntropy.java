package org.backprop.workbench.kernel.loss;

import org.backprop.workbench.kernel.Arithmetic;
import org.backprop.workbench.kernel.EntryText;
import org.backprop.workbench.kernel.LossKernel;

import java.util.Optional;
import org.backprop.workbench.kernel.activation.Sigmoid;

/**
 * "Loss-fused sigmoid": the output layer is the identity (a^L = z^L) and the loss applies the sigmoid itself,
 * C_x = −Σ_j [t_j ln σ(z_j) + (1 − t_j) ln(1 − σ(z_j))] = Σ_j [t_j softplus(−z_j) + (1 − t_j) softplus(z_j)],
 * with the stable log-sigmoid ln σ(z) = −softplus(−z). Then ∂C_x/∂a^L = σ(z) − t, and BP1 with the identity's
 * σ' = 1 gives δ^L = σ(z^L) − t: finite for every z, where the activation view (sigmoid output with
 * binary-cross-entropy, ∇_a C = (a − t) / (a (1 − a)) times σ'(z)) overflows once σ(−z) is below 1 / Double.MAX_VALUE,
 * at |z| ≈ 709.8.
 */
public final class SigmoidCrossEntropy implements LossKernel {
    @Override public String id() { return "sigmoid-cross-entropy"; }
    @Override public int listPosition() { return 5; }
    @Override public Optional<String> outputActivation() { return Optional.of("identity"); }
    @Override public boolean readsLogits() { return true; }
    @Override public boolean needsUnitIntervalTargets() { return true; }

    @Override public double sampleCost(double[] z, double[] a, double[] t, int off, int stride, int n) {
        return BinaryCrossEntropy.costFromLogits(z, t, off, stride, n);
    }

    /**
     * σ(z) − t, as (1 − t) − σ(−z) for z ≥ 0: σ(z) rounds to 1 above z ≈ 37, and σ(z) − 1 would then be 0 where the
     * true value is −σ(−z) (for t = 1); 1 − t is exact for t ≥ ½ and good to u otherwise.
     */
    @Override public void sampleGradA(double[] z, double[] a, double[] t, double[] g, int off, int stride, int n) {
        for (int j = 0, p = off; j < n; j++, p += stride) {
            g[p] = z[p] >= 0 ? (1 - t[p]) - Sigmoid.sigmoid(-z[p]) : Sigmoid.sigmoid(z[p]) - t[p];
        }
    }

    @Override public <T> T sampleCost(Arithmetic<T> ar, T[] z, T[] a, double[] t, int toff) {
        return BinaryCrossEntropy.costFromLogits(ar, z, t, toff);
    }

    @Override public String costLatex(int depth, boolean batch, String m) {
        String mean = batch ? "\\frac{1}{" + m + "}\\sum_{x}" : "";
        String x = batch ? "x" : "";
        String z = "z^{" + depth + "}_{j" + x + "}";
        return "-" + mean + "\\sum_{j}\\left[t_{j" + x + "} \\ln \\sigma(" + z + ") + (1 - t_{j" + x
                + "}) \\ln (1 - \\sigma(" + z + "))\\right]";
    }

    @Override public String costValuesLatex(String a, String t, boolean batch, String m) {
        return "C_{\\mathrm{sigmoid\\text{-}CE}}\\left(" + a + ",\\;" + t + "\\right)";
    }

    @Override public String gradALatex(String a, String t) { return "\\sigma\\left(" + a + "\\right) - " + t; }

    @Override public String gradADerivationText(int depth) {
        return "sigmoid-cross-entropy: a^" + depth + " = z^" + depth + ", C_x = Σ_j [t_j softplus(−z_j)"
                + " + (1 − t_j) softplus(z_j)] ⇒ ∂C_x/∂a_j = σ(z_j) − t_j";
    }

    @Override public String gradADerivationLatex(int depth) {
        return "C_x = \\sum_j \\left[t_j \\operatorname{softplus}(-z_j) + (1 - t_j) \\operatorname{softplus}(z_j)"
                + "\\right] \\Rightarrow \\frac{\\partial C_x}{\\partial a_j} = \\sigma(z_j) - t_j";
    }

    @Override public String gradASubstituted(double[] z, double[] a, double[] t, EntryText e) {
        int j = e.j();
        String name = e.latex() ? "\\sigma(z^{" + e.depth() + "}_{" + j + "})" : "σ(z^" + e.depth() + "[" + j + "])";
        return name + e.minus() + e.t() + " = " + e.n(Sigmoid.sigmoid(z[j])) + e.minus() + e.n(t[j]);
    }
}
