package org.backprop.workbench.engine;

import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A cost function for one sample, C_x, and its derivative with respect to the output activations, grad_a C_x.
 * The batch cost is the mean over the samples, {@code C = (1/m) sum_x C_x}; the 1/m is applied by
 * {@link Backprop#gradA}, not here.
 */
public enum Loss {
    /** C_x = ½ ‖a^L − t‖², for any output activation. */
    QUADRATIC("quadratic", null) {
        @Override double sampleCost(DMatrixRMaj zL, DMatrixRMaj aL, DMatrixRMaj t, int x) {
            double sum = 0;
            for (int j = 0; j < aL.numRows; j++) {
                double d = aL.get(j, x) - t.get(j, x);
                sum += d * d;
            }
            return 0.5 * sum;
        }
        @Override double sampleGradA(DMatrixRMaj zL, DMatrixRMaj aL, DMatrixRMaj t, int j, int x) {
            return aL.get(j, x) - t.get(j, x);
        }
    },
    /**
     * C_x = −Σ_j [t_j ln a_j + (1 − t_j) ln(1 − a_j)] on a sigmoid output. The cost is evaluated from z
     * (ln a = −softplus(−z), ln(1 − a) = −softplus(z)) so that a saturated sigmoid does not give ln 0.
     */
    BINARY_CROSS_ENTROPY("binary-cross-entropy", Activation.SIGMOID) {
        @Override double sampleCost(DMatrixRMaj zL, DMatrixRMaj aL, DMatrixRMaj t, int x) {
            double sum = 0;
            for (int j = 0; j < aL.numRows; j++) {
                double z = zL.get(j, x);
                double tj = t.get(j, x);
                sum += tj * Activation.SOFTPLUS.value(-z) + (1 - tj) * Activation.SOFTPLUS.value(z);
            }
            return sum;
        }
        /** (a − t) / (a (1 − a)), with a (1 − a) = σ'(z) taken from z so that it is 0 only when σ'(z) underflows. */
        @Override double sampleGradA(DMatrixRMaj zL, DMatrixRMaj aL, DMatrixRMaj t, int j, int x) {
            double a = aL.get(j, x);
            double tj = t.get(j, x);
            return (a - tj) / Activation.SIGMOID.derivative(zL.get(j, x));
        }
    },
    /**
     * C_x = −Σ_j t_j ln a_j on a softmax output: "softmax as activation". Computed as written, from a, so that
     * large logits show what happens to the naive form (a_j underflows to 0, ln 0 = −∞).
     */
    CROSS_ENTROPY("cross-entropy", Activation.SOFTMAX) {
        @Override double sampleCost(DMatrixRMaj zL, DMatrixRMaj aL, DMatrixRMaj t, int x) {
            double sum = 0;
            for (int j = 0; j < aL.numRows; j++) {
                double tj = t.get(j, x);
                if (tj != 0) { // 0 · ln 0 is taken as 0
                    sum -= tj * Math.log(aL.get(j, x));
                }
            }
            return sum;
        }
        @Override double sampleGradA(DMatrixRMaj zL, DMatrixRMaj aL, DMatrixRMaj t, int j, int x) {
            double tj = t.get(j, x);
            return tj == 0 ? 0.0 : -tj / aL.get(j, x);
        }
    },
    /**
     * "Loss-fused softmax": the output layer is the identity (a^L = z^L) and the loss applies softmax itself,
     * C_x = −Σ_j t_j ln softmax(z)_j = logsumexp(z) − Σ_j t_j z_j (targets sum to 1). Log-sum-exp keeps large
     * logits finite, and grad_a C_x = softmax(z) − t, so BP1 with the identity's σ' = 1 gives δ^L = softmax(z^L) − t.
     */
    SOFTMAX_CROSS_ENTROPY("softmax-cross-entropy", Activation.IDENTITY) {
        @Override double sampleCost(DMatrixRMaj zL, DMatrixRMaj aL, DMatrixRMaj t, int x) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < zL.numRows; j++) {
                max = Math.max(max, zL.get(j, x));
            }
            double sumExp = 0;
            for (int j = 0; j < zL.numRows; j++) {
                sumExp += Math.exp(zL.get(j, x) - max);
            }
            double logSumExp = max + Math.log(sumExp);
            double sum = 0;
            for (int j = 0; j < zL.numRows; j++) {
                sum += t.get(j, x) * (logSumExp - zL.get(j, x));
            }
            return sum;
        }
        @Override double sampleGradA(DMatrixRMaj zL, DMatrixRMaj aL, DMatrixRMaj t, int j, int x) {
            throw new AssertionError("computed column-wise in gradA");
        }
        @Override public DMatrixRMaj sampleGradA(DMatrixRMaj zL, DMatrixRMaj aL, DMatrixRMaj t) {
            DMatrixRMaj softmax = Activation.SOFTMAX.apply(zL);
            DMatrixRMaj g = new DMatrixRMaj(zL.numRows, zL.numCols);
            for (int i = 0; i < g.data.length; i++) {
                g.data[i] = softmax.data[i] - t.data[i];
            }
            return g;
        }
    };

    private final String id;
    private final Activation requiredOutput;

    Loss(String id, Activation requiredOutput) {
        this.id = id;
        this.requiredOutput = requiredOutput;
    }

    abstract double sampleCost(DMatrixRMaj zL, DMatrixRMaj aL, DMatrixRMaj t, int x);

    abstract double sampleGradA(DMatrixRMaj zL, DMatrixRMaj aL, DMatrixRMaj t, int j, int x);

    /** The name used in files and on the command line. */
    public String id() { return id; }

    /** The output activation this loss needs, or null if it takes any. */
    public Activation requiredOutput() { return requiredOutput; }

    /** True if the targets of every sample must be a probability distribution (non-negative, summing to 1). */
    public boolean needsDistributionTargets() {
        return this == CROSS_ENTROPY || this == SOFTMAX_CROSS_ENTROPY;
    }

    /** True if every target must lie in [0, 1]. */
    public boolean needsUnitIntervalTargets() {
        return this == BINARY_CROSS_ENTROPY || needsDistributionTargets();
    }

    /**
     * Why this loss cannot sit on that output activation, naming the right choice; empty if it can.
     */
    public Optional<String> mismatch(Activation output) {
        if (requiredOutput == null || requiredOutput == output) {
            return Optional.empty();
        }
        String advice = switch (this) {
            case CROSS_ENTROPY -> "use a softmax output layer, or an identity output with \"softmax-cross-entropy\""
                    + (output == Activation.SIGMOID ? ", or \"binary-cross-entropy\" for a sigmoid output" : "");
            case SOFTMAX_CROSS_ENTROPY -> "it applies softmax itself, so the output layer must be \"identity\""
                    + (output == Activation.SOFTMAX ? " (or keep the softmax output and use \"cross-entropy\")" : "");
            case BINARY_CROSS_ENTROPY -> "use a sigmoid output layer"
                    + (output == Activation.SOFTMAX ? ", or \"cross-entropy\" for a softmax output" : "");
            case QUADRATIC -> "";
        };
        String article = requiredOutput == Activation.IDENTITY ? "an " : "a ";
        return Optional.of("loss \"" + id + "\" needs " + article + requiredOutput.id() + " output layer, not "
                + output.id() + ": " + advice);
    }

    /** C_x for sample x (column x). */
    public double sampleCostOf(DMatrixRMaj zL, DMatrixRMaj aL, DMatrixRMaj t, int x) {
        return sampleCost(zL, aL, t, x);
    }

    /**
     * C = (1/m) Σ_x C_x, summed with Neumaier's compensation (Neumaier 1974; Higham §4.3): the rounding error of the
     * sum stays near 2u·Σ|C_x| however large m is, where a plain running sum gathers up to (m − 1)u·Σ|C_x| — 5e-10
     * relative at m = 5 million, which a central difference divides by ε and a directional check then mistook for
     * a wrong gradient.
     *
     * @param zL n_L x m output pre-activations, not modified
     * @param aL n_L x m output activations, not modified
     * @param t  n_L x m targets, not modified
     */
    public double cost(DMatrixRMaj zL, DMatrixRMaj aL, DMatrixRMaj t) {
        double[] terms = new double[aL.numCols];
        for (int x = 0; x < aL.numCols; x++) {
            terms[x] = sampleCost(zL, aL, t, x);
        }
        return compensatedSum(terms) / aL.numCols;
    }

    /**
     * ∂C_x/∂a^L for every sample, without the 1/m of the batch mean.
     *
     * @return n_L x m
     */
    public DMatrixRMaj sampleGradA(DMatrixRMaj zL, DMatrixRMaj aL, DMatrixRMaj t) {
        DMatrixRMaj g = new DMatrixRMaj(aL.numRows, aL.numCols);
        for (int j = 0; j < aL.numRows; j++) {
            for (int x = 0; x < aL.numCols; x++) {
                g.set(j, x, sampleGradA(zL, aL, t, j, x));
            }
        }
        return g;
    }

    public static Optional<Loss> fromId(String id) {
        String wanted = id.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(l -> l.id.equals(wanted)).findFirst();
    }

    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(Loss::id).toList());
    }

    @Override
    public String toString() { return id; }

    /** Σ terms by Neumaier's improved Kahan–Babuška summation: error ≤ 2u·Σ|term| + O(n u²)·Σ|term|. */
    public static double compensatedSum(double[] terms) {
        double sum = 0;
        double compensation = 0;
        for (double v : terms) {
            double t = sum + v;
            compensation += Math.abs(sum) >= Math.abs(v) ? (sum - t) + v : (v - t) + sum;
            sum = t;
        }
        return Double.isFinite(sum) ? sum + compensation : sum;   // ∞ − ∞ in the compensation must not turn ∞ to NaN
    }
}
