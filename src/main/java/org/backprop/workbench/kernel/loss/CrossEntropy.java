package org.backprop.workbench.kernel.loss;

import org.backprop.workbench.kernel.Arithmetic;
import org.backprop.workbench.kernel.EntryText;
import org.backprop.workbench.kernel.LossKernel;

import java.util.Optional;

/**
 * C_x = −Σ_j t_j ln a_j on a softmax output: "softmax as activation". Computed as written, from a, so that large
 * logits show what happens to the naive form (a_j underflows to 0, ln 0 = −∞). 0 · ln 0 is taken as 0.
 */
public final class CrossEntropy implements LossKernel {
    @Override public String id() { return "cross-entropy"; }
    @Override public int listPosition() { return 3; }
    @Override public Optional<String> outputActivation() { return Optional.of("softmax"); }
    @Override public boolean needsDistributionTargets() { return true; }

    @Override public double sampleCost(double[] z, double[] a, double[] t, int off, int stride, int n) {
        double sum = 0;
        for (int j = 0, p = off; j < n; j++, p += stride) {
            double tj = t[p];
            if (tj != 0) {
                sum -= tj * Math.log(a[p]);
            }
        }
        return sum;
    }

    @Override public void sampleGradA(double[] z, double[] a, double[] t, double[] g, int off, int stride, int n) {
        for (int j = 0, p = off; j < n; j++, p += stride) {
            double tj = t[p];
            g[p] = tj == 0 ? 0.0 : -tj / a[p];
        }
    }

    @Override public <T> T sampleCost(Arithmetic<T> ar, T[] z, T[] a, double[] t, int toff) {
        T sum = ar.real(0);
        for (int j = 0; j < a.length; j++) {
            double tj = t[toff + j];
            if (tj != 0) {
                sum = ar.minus(sum, ar.times(ar.log(a[j]), tj));
            }
        }
        return sum;
    }

    @Override public String costLatex(int depth, boolean batch, String m) {
        String mean = batch ? "\\frac{1}{" + m + "}\\sum_{x}" : "";
        String x = batch ? "x" : "";
        return "-" + mean + "\\sum_{j} t_{j" + x + "} \\ln a^{" + depth + "}_{j" + x + "}";
    }

    @Override public String costValuesLatex(String a, String t, boolean batch, String m) {
        return "C_{\\mathrm{CE}}\\left(" + a + ",\\;" + t + "\\right)";
    }

    @Override public String gradALatex(String a, String t) { return "-\\," + t + " \\oslash " + a; }

    @Override public String gradADerivationText(int depth) {
        return "cross-entropy: C_x = −Σ_j t_j ln a_j ⇒ ∂C_x/∂a_j = −t_j / a_j";
    }

    @Override public String gradADerivationLatex(int depth) {
        return "C_x = -\\sum_j t_j \\ln a_j \\Rightarrow \\frac{\\partial C_x}{\\partial a_j} = -\\frac{t_j}{a_j}";
    }

    @Override public String gradASubstituted(double[] z, double[] a, double[] t, EntryText e) {
        int j = e.j();
        return e.latex() ? "-\\frac{" + e.n(t[j]) + "}{" + e.n(a[j]) + "}" : "−" + e.n(t[j]) + " / " + e.n(a[j]);
    }
}
