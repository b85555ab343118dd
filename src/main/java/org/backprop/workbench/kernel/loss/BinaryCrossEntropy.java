package org.backprop.workbench.kernel.loss;

import org.backprop.workbench.kernel.Arithmetic;
import org.backprop.workbench.kernel.EntryText;
import org.backprop.workbench.kernel.LossKernel;

import java.util.Optional;
import org.backprop.workbench.kernel.activation.Sigmoid;
import org.backprop.workbench.kernel.activation.Softplus;

/**
 * C_x = −Σ_j [t_j ln a_j + (1 − t_j) ln(1 − a_j)] on a sigmoid output. The cost is evaluated from z
 * (ln a = −softplus(−z), ln(1 − a) = −softplus(z)) so that a saturated sigmoid does not give ln 0.
 */
public final class BinaryCrossEntropy implements LossKernel {
    @Override public String id() { return "binary-cross-entropy"; }
    @Override public int listPosition() { return 2; }
    @Override public Optional<String> outputActivation() { return Optional.of("sigmoid"); }
    @Override public boolean needsUnitIntervalTargets() { return true; }

    @Override public double sampleCost(double[] z, double[] a, double[] t, int off, int stride, int n) {
        return costFromLogits(z, t, off, stride, n);
    }

    /**
     * −Σ_j [t_j ln σ(z_j) + (1 − t_j) ln(1 − σ(z_j))] from the logits, as Σ_j [t_j softplus(−z_j) + (1 − t_j)
     * softplus(z_j)]; shared with the loss-fused {@link SigmoidCrossEntropy}, whose cost is the same number.
     */
    static double costFromLogits(double[] z, double[] t, int off, int stride, int n) {
        double sum = 0;
        for (int j = 0, p = off; j < n; j++, p += stride) {
            double tj = t[p];
            sum += tj * Softplus.softplus(-z[p]) + (1 - tj) * Softplus.softplus(z[p]);
        }
        return sum;
    }

    /** (a − t) / (a (1 − a)), with a (1 − a) = σ'(z) = σ(z) σ(−z) taken from z, so 0 only when it underflows. */
    @Override public void sampleGradA(double[] z, double[] a, double[] t, double[] g, int off, int stride, int n) {
        for (int j = 0, p = off; j < n; j++, p += stride) {
            g[p] = (a[p] - t[p]) / (Sigmoid.sigmoid(z[p]) * Sigmoid.sigmoid(-z[p]));
        }
    }

    @Override public <T> T sampleCost(Arithmetic<T> ar, T[] z, T[] a, double[] t, int toff) {
        return costFromLogits(ar, z, t, toff);
    }

    /** {@link #costFromLogits(double[], double[], int, int, int)} in any arithmetic (complex step, float). */
    static <T> T costFromLogits(Arithmetic<T> ar, T[] z, double[] t, int toff) {
        T sum = ar.real(0);
        for (int j = 0; j < z.length; j++) {
            double tj = t[toff + j];
            T c = ar.plus(ar.times(Softplus.softplus(ar, ar.negate(z[j])), tj),
                    ar.times(Softplus.softplus(ar, z[j]), 1 - tj));
            sum = ar.plus(sum, c);
        }
        return sum;
    }

    @Override public String costLatex(int depth, boolean batch, String m) {
        String mean = batch ? "\\frac{1}{" + m + "}\\sum_{x}" : "";
        String x = batch ? "x" : "";
        return "-" + mean + "\\sum_{j}\\left[t_{j" + x + "} \\ln a^{" + depth + "}_{j" + x
                + "} + (1 - t_{j" + x + "}) \\ln (1 - a^{" + depth + "}_{j" + x + "})\\right]";
    }

    @Override public String costValuesLatex(String a, String t, boolean batch, String m) {
        return "C_{\\mathrm{BCE}}\\left(" + a + ",\\;" + t + "\\right)";
    }

    @Override public String gradALatex(String a, String t) {
        return "\\left(" + a + " - " + t + "\\right) \\oslash \\left(" + a + " \\odot \\left(1 - " + a + "\\right)\\right)";
    }

    @Override public String gradADerivationText(int depth) {
        return "binary-cross-entropy: ∂C_x/∂a_j = (a_j − t_j) / (a_j (1 − a_j))";
    }

    @Override public String gradADerivationLatex(int depth) {
        return "\\frac{\\partial C_x}{\\partial a_j} = \\frac{a_j - t_j}{a_j (1 - a_j)}";
    }

    /** With a (1 − a) as σ(z) σ(−z), as {@link #sampleGradA} takes it. */
    @Override public String gradASubstituted(double[] z, double[] a, double[] t, EntryText e) {
        int j = e.j();
        double sp = Sigmoid.sigmoid(z[j]) * Sigmoid.sigmoid(-z[j]);
        return e.latex() ? "\\frac{" + e.n(a[j]) + " - " + e.n(t[j]) + "}{" + e.n(sp) + "}"
                : "(" + e.n(a[j]) + " − " + e.n(t[j]) + ") / " + e.n(sp);
    }
}
