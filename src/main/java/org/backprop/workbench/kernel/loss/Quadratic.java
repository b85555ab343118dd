package org.backprop.workbench.kernel.loss;

import org.backprop.workbench.kernel.Arithmetic;
import org.backprop.workbench.kernel.EntryText;
import org.backprop.workbench.kernel.LossKernel;

/** C_x = ½ ‖a^L − t‖², for any output activation; ∂C_x/∂a^L = a^L − t. */
public final class Quadratic implements LossKernel {
    @Override public String id() { return "quadratic"; }
    @Override public int listPosition() { return 1; }

    @Override public double sampleCost(double[] z, double[] a, double[] t, int off, int stride, int n) {
        double sum = 0;
        for (int j = 0, p = off; j < n; j++, p += stride) {
            double d = a[p] - t[p];
            sum += d * d;
        }
        return 0.5 * sum;
    }

    @Override public void sampleGradA(double[] z, double[] a, double[] t, double[] g, int off, int stride, int n) {
        for (int j = 0, p = off; j < n; j++, p += stride) {
            g[p] = a[p] - t[p];
        }
    }

    @Override public <T> T sampleCost(Arithmetic<T> ar, T[] z, T[] a, double[] t, int toff) {
        T sum = ar.real(0);
        for (int j = 0; j < a.length; j++) {
            sum = ar.plus(sum, ar.square(ar.minus(a[j], ar.real(t[toff + j]))));
        }
        return ar.times(sum, 0.5);
    }

    @Override public String costLatex(int depth, boolean batch, String m) {
        return (batch ? "\\frac{1}{2" + m + "}\\sum_{x}" : "\\frac{1}{2}")
                + "\\left\\|" + "a^{" + depth + "}" + (batch ? "_{x}" : "") + " - t" + (batch ? "_{x}" : "")
                + "\\right\\|^{2}";
    }

    @Override public String costValuesLatex(String a, String t, boolean batch, String m) {
        return "\\frac{1}{2" + (batch ? "\\cdot " + m : "") + "}\\left\\|" + a + " - " + t + "\\right\\|^{2}";
    }

    @Override public String gradALatex(String a, String t) { return a + " - " + t; }

    @Override public String gradADerivationText(int depth) {
        return "quadratic: C_x = ½ Σ_j (a_j − t_j)² ⇒ ∂C_x/∂a_j = a_j − t_j";
    }

    @Override public String gradADerivationLatex(int depth) {
        return "C_x = \\tfrac12 \\sum_j (a_j - t_j)^2 \\Rightarrow \\frac{\\partial C_x}{\\partial a_j} = a_j - t_j";
    }

    @Override public String gradASubstituted(double[] z, double[] a, double[] t, EntryText e) {
        return e.a() + e.minus() + e.t() + " = " + e.n(a[e.j()]) + e.minus() + e.n(t[e.j()]);
    }
}
