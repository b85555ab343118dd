package org.backprop.workbench.check;

import org.backprop.workbench.engine.Backprop;
import org.backprop.workbench.engine.BackwardTrace;
import org.backprop.workbench.engine.Batch;
import org.backprop.workbench.engine.ForwardTrace;
import org.backprop.workbench.engine.Loss;
import org.backprop.workbench.engine.Network;
import org.backprop.workbench.numeric.DifferenceMethod;
import org.ejml.data.DMatrixRMaj;

/**
 * The rounding noise of the cost a network computes on a batch, by first-order rounding-error analysis (Higham,
 * <i>Accuracy and Stability of Numerical Algorithms</i>, 2nd ed., §3.1 and §2.2): every rounded operation
 * v = fl(·) adds an error of at most u·|v| (u = 2^−53), which reaches the cost multiplied by ∂C/∂v. Backprop
 * supplies exactly those derivatives, so the bound is
 *
 * <pre>
 *   noise(C_x) = u · [ Σ_l Σ_j |∂C_x/∂z^l_j| · (n_{l−1} + 1) · (Σ_k |w^l_kj| |a^{l−1}_k| + |b^l_j|)   (dot products, γ_n)
 *                    + ACTIVATION_ULPS · Σ_l Σ_j |∂C_x/∂a^l_j| · |a^l_j|                             (σ rounded)
 *                    + (n_L + LOSS_ULPS) · (|C_x| + cancelled terms of the loss) ]                   (the loss)
 *   noise(C)   = (1/m) Σ_x noise(C_x) + SUM_ULPS · u · (1/m) Σ_x |C_x|                            (compensated mean)
 * </pre>
 *
 * computed from a correct backward pass (a deliberate mistake changes the analytic side, not the noise of the
 * cost). A difference quotient divides the noise of two costs by the step: central (noise(C⁺) + noise(C⁻)) / 2h,
 * forward 2·noise/h, Richardson (4·2/h + 2/2h)/3 = 3·noise/h; the complex step subtracts nothing and carries only
 * the noise of one evaluation (per unit step). The bound grows with |C|, with the operation count and as 1/h: the
 * floor of the relative error is this noise divided by {@link Thresholds#PASS} (docs/CHECKS.md).
 */
public final class NoiseModel {
    /** The unit roundoff of double, 2^−53 ≈ 1.1e-16. */
    public static final double UNIT_ROUNDOFF = 0x1p-53;
    /**
     * Ulps of error of an activation's value: java.lang.Math's exp, log, log1p and tanh are within 1 ulp, and an
     * activation composes at most two of them with one division (sigmoid = 1 / (1 + exp(−z))).
     */
    public static final double ACTIVATION_ULPS = 3;
    /** Ulps of the loss's own elementary functions per sample beyond its n_L additions (log, exp, softplus). */
    public static final double LOSS_ULPS = 3;
    /** The mean over m by a Neumaier (compensated) sum: error at most 2u·Σ|C_x| plus the division, independent of m. */
    public static final double SUM_ULPS = 3;

    private final double[] sampleNoise;
    private final double costNoise;
    private final double deltaScale;
    private final double gradientScale;
    private final int m;

    private NoiseModel(double[] sampleNoise, double costNoise, double deltaScale, double gradientScale) {
        this.sampleNoise = sampleNoise;
        this.costNoise = costNoise;
        this.deltaScale = deltaScale;
        this.gradientScale = gradientScale;
        this.m = sampleNoise.length;
    }

    /** The noise of a network's cost on a batch, from its forward trace (not modified). */
    public static NoiseModel of(Network net, Batch batch, ForwardTrace forward) {
        BackwardTrace correct = new Backprop().run(net, forward, batch);
        int depth = net.depth();
        int m = batch.size();
        double u = UNIT_ROUNDOFF;
        double[] noise = new double[m];
        double deltaScale = 0;
        double gradientScale = 0;
        for (int l = 1; l <= depth; l++) {
            DMatrixRMaj w = net.w(l);
            DMatrixRMaj b = net.b(l);
            DMatrixRMaj aPrev = forward.a(l - 1);
            DMatrixRMaj delta = correct.delta(l);
            DMatrixRMaj a = forward.a(l);
            int rows = net.size(l - 1);
            int cols = net.size(l);
            for (int x = 0; x < m; x++) {
                double sum = 0;
                for (int j = 0; j < cols; j++) {
                    double magnitude = Math.abs(b.get(j, 0));
                    for (int k = 0; k < rows; k++) {
                        magnitude += Math.abs(w.get(k, j)) * Math.abs(aPrev.get(k, x));
                    }
                    double dz = Math.abs(delta.get(j, x)) * m;   // ∂C_x/∂z = m δ
                    sum += dz * (rows + 1) * magnitude;
                    double da;
                    if (l == depth && readsLogits(net.loss())) {
                        da = 0;   // the loss is computed from z^L (softplus, log-sum-exp): a^L's rounding never enters
                    } else if (l == depth) {
                        da = Math.abs(correct.gradA().get(j, x)) * m;
                    } else {
                        DMatrixRMaj wNext = net.w(l + 1);
                        DMatrixRMaj deltaNext = correct.delta(l + 1);
                        da = 0;
                        for (int i = 0; i < wNext.numCols; i++) {
                            da += Math.abs(wNext.get(j, i)) * Math.abs(deltaNext.get(i, x)) * m;
                        }
                    }
                    sum += ACTIVATION_ULPS * da * Math.abs(a.get(j, x));
                    deltaScale = Math.max(deltaScale, Math.abs(delta.get(j, x)));
                }
                noise[x] += u * sum;
            }
            for (double g : correct.gradB(l).data) {
                gradientScale = Math.max(gradientScale, Math.abs(g));
            }
            for (double g : correct.gradW(l).data) {
                gradientScale = Math.max(gradientScale, Math.abs(g));
            }
        }
        DMatrixRMaj zL = forward.z(depth);
        DMatrixRMaj aL = forward.a(depth);
        int nL = net.size(depth);
        double meanAbsCost = 0;
        double meanNoise = 0;
        for (int x = 0; x < m; x++) {
            double cx = Math.abs(net.loss().sampleCostOf(zL, aL, batch.targets(), x));
            double lossTerms = cx;
            if (net.loss() == Loss.SOFTMAX_CROSS_ENTROPY) {
                // log-sum-exp(z) − Σ t z: two terms of size max |z| cancel to C_x
                double max = 0;
                for (int j = 0; j < nL; j++) {
                    max = Math.max(max, Math.abs(zL.get(j, x)));
                }
                lossTerms += 2 * max;
            }
            noise[x] += u * (nL + LOSS_ULPS) * lossTerms;
            meanAbsCost += cx / m;
            meanNoise += noise[x] / m;
        }
        return new NoiseModel(noise, meanNoise + SUM_ULPS * u * meanAbsCost, deltaScale, gradientScale);
    }

    /** The same model with every rounding error multiplied by {@code factor} (a coarser arithmetic). */
    public NoiseModel scaledBy(double factor) {
        if (factor == 1) {
            return this;
        }
        double[] scaled = sampleNoise.clone();
        for (int x = 0; x < scaled.length; x++) {
            scaled[x] *= factor;
        }
        return new NoiseModel(scaled, costNoise * factor, deltaScale, gradientScale);
    }

    /** True for the losses that compute C_x from the logits z^L, not from a^L. */
    private static boolean readsLogits(Loss loss) {
        return loss == Loss.BINARY_CROSS_ENTROPY || loss.kernel().readsLogits();
    }

    /** m, the number of samples. */
    public int samples() { return m; }

    /** The bound on the rounding error of C. */
    public double costNoise() { return costNoise; }

    /** The bound on the rounding error of C_x (not divided by m). */
    public double sampleNoise(int x) { return sampleNoise[x]; }

    /** The largest |∂C/∂b| or |∂C/∂w| of the correct backward pass: the scale the check must resolve. */
    public double gradientScale() { return gradientScale; }

    /** The largest |δ^l_jx| of the correct backward pass. */
    public double deltaScale() { return deltaScale; }

    /**
     * The noise of a numerical derivative of C (δ: of C_x, divided by m, for {@code sample} ≥ 0) by a method with
     * step h, where the largest |cost| met by the evaluations is {@code magnitude} (the perturbed costs' own
     * rounding, u·(n_L + LOSS_ULPS)·|C(θ ± h)|, matters where C itself is near 0).
     *
     * @param sample the sample x of a δ check, or −1 for a parameter (or a direction)
     */
    public double numericNoise(int sample, DifferenceMethod method, double h, double magnitude) {
        double base = sample >= 0 ? sampleNoise[sample] / m : costNoise;
        double perturbed = UNIT_ROUNDOFF * (LOSS_ULPS + 1) * (Double.isFinite(magnitude) ? magnitude : 0)
                / (sample >= 0 ? m : 1);
        double noise = Math.max(base, perturbed) + perturbed;
        return switch (method) {
            case FORWARD -> 2 * noise / h;
            case CENTRAL -> noise / h;
            case RICHARDSON -> 3 * noise / h;
            case COMPLEX_STEP -> noise;
        };
    }

    /** The scale below which noise is negligible for a check of this kind: δ or a parameter. */
    public double scale(boolean delta) {
        return delta ? deltaScale : gradientScale;
    }
}
