package org.backprop.workbench.kernel.loss;

import org.backprop.workbench.kernel.Arithmetic;
import org.backprop.workbench.kernel.EntryText;
import org.backprop.workbench.kernel.LossKernel;

import java.util.Optional;
import org.backprop.workbench.kernel.activation.Softmax;

/**
 * "Loss-fused softmax": the output layer is the identity (a^L = z^L) and the loss applies softmax itself,
 * C_x = −Σ_j t_j ln softmax(z)_j = logsumexp(z) − Σ_j t_j z_j (targets sum to 1). Log-sum-exp keeps large logits
 * finite, and ∂C_x/∂a^L = softmax(z) − t, so BP1 with the identity's σ' = 1 gives δ^L = softmax(z^L) − t.
 */
public final class SoftmaxCrossEntropy implements LossKernel {
    private static final Softmax SOFTMAX = new Softmax();

    @Override public String id() { return "softmax-cross-entropy"; }
    @Override public int listPosition() { return 4; }
    @Override public Optional<String> outputActivation() { return Optional.of("identity"); }
    @Override public boolean readsLogits() { return true; }
    @Override public boolean needsDistributionTargets() { return true; }

    @Override public double sampleCost(double[] z, double[] a, double[] t, int off, int stride, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0, p = off; j < n; j++, p += stride) {
            max = Math.max(max, z[p]);
        }
        double sumExp = 0;
        for (int j = 0, p = off; j < n; j++, p += stride) {
            sumExp += Math.exp(z[p] - max);
        }
        double logSumExp = max + Math.log(sumExp);
        double sum = 0;
        for (int j = 0, p = off; j < n; j++, p += stride) {
            sum += t[p] * (logSumExp - z[p]);
        }
        return sum;
    }

    @Override public void sampleGradA(double[] z, double[] a, double[] t, double[] g, int off, int stride, int n) {
        SOFTMAX.apply(z, g, off, stride, n);
        for (int j = 0, p = off; j < n; j++, p += stride) {
            g[p] = g[p] - t[p];
        }
    }

    @Override public <T> T sampleCost(Arithmetic<T> ar, T[] z, T[] a, double[] t, int toff) {
        double max = Double.NEGATIVE_INFINITY;
        for (T zj : z) {
            max = Math.max(max, ar.re(zj));
        }
        T sumExp = ar.real(0);
        for (T zj : z) {
            sumExp = ar.plus(sumExp, ar.exp(ar.minus(zj, ar.real(max))));
        }
        T logSumExp = ar.plus(ar.log(sumExp), max);
        T sum = ar.real(0);
        for (int j = 0; j < z.length; j++) {
            sum = ar.plus(sum, ar.times(ar.minus(logSumExp, z[j]), t[toff + j]));
        }
        return sum;
    }

    @Override public String costLatex(int depth, boolean batch, String m) {
        String mean = batch ? "\\frac{1}{" + m + "}\\sum_{x}" : "";
        String x = batch ? "x" : "";
        return "-" + mean + "\\sum_{j} t_{j" + x + "} \\ln \\mathrm{softmax}(z^{" + depth
                + "}" + (batch ? "_{x}" : "") + ")_{j}";
    }

    @Override public String costValuesLatex(String a, String t, boolean batch, String m) {
        return "C_{\\mathrm{softmax\\text{-}CE}}\\left(" + a + ",\\;" + t + "\\right)";
    }

    @Override public String gradALatex(String a, String t) { return "\\mathrm{softmax}\\left(" + a + "\\right) - " + t; }

    @Override public String gradADerivationText(int depth) {
        return "softmax-cross-entropy: a^" + depth + " = z^" + depth + ", C_x = −Σ_j t_j ln(softmax(z)_j)"
                + " ⇒ ∂C_x/∂a_j = softmax(z)_j − t_j";
    }

    @Override public String gradADerivationLatex(int depth) {
        return "C_x = -\\sum_j t_j \\ln \\operatorname{softmax}(z)_j \\Rightarrow "
                + "\\frac{\\partial C_x}{\\partial a_j} = \\operatorname{softmax}(z)_j - t_j";
    }

    @Override public String gradASubstituted(double[] z, double[] a, double[] t, EntryText e) {
        int j = e.j();
        double[] s = new double[z.length];
        SOFTMAX.apply(z, s, 0, 1, z.length);
        String name = e.latex() ? "\\operatorname{softmax}(z^{" + e.depth() + "})_{" + j + "}"
                : "softmax(z^" + e.depth() + ")[" + j + "]";
        return name + e.minus() + e.t() + " = " + e.n(s[j]) + e.minus() + e.n(t[j]);
    }
}
