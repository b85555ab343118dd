package org.backprop.workbench.engine;

import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.check.GradientCheck;
import org.backprop.workbench.check.Thresholds;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The loss-fused sigmoid, {@code sigmoid-cross-entropy} on an identity output: δ^L = σ(z) − t for every z, against
 * a reference computed in 50-digit decimal arithmetic; the activation view (sigmoid + binary-cross-entropy) agrees
 * where it is finite and overflows from |z| ≈ 709.8, as docs/CHECKS.md says.
 */
class SigmoidCrossEntropyTest {
    private static final MathContext DIGITS = new MathContext(50);

    /** σ(z) − t in 50 digits: e^{−|z|} by its series on a reduced argument, independent of java.lang.Math. */
    private static double referenceDelta(double z, double t) {
        BigDecimal e = exp(new BigDecimal(-Math.abs(z)));            // e^{−|z|}, in (0, 1]
        BigDecimal one = BigDecimal.ONE;
        BigDecimal small = e.divide(one.add(e), DIGITS);            // σ(−|z|), to 50 significant digits
        // z ≥ 0: σ(z) − t = (1 − t) − σ(−z), so that 50 digits are not spent on the leading 1 of σ(z)
        return (z >= 0 ? one.subtract(new BigDecimal(t)).subtract(small) : small.subtract(new BigDecimal(t)))
                .doubleValue();
    }

    /** e^x for x ≤ 0 by halving x until it is small, the Taylor series, then squaring back. */
    private static BigDecimal exp(BigDecimal x) {
        int halvings = 0;
        while (x.abs().compareTo(new BigDecimal("0.001")) > 0) {
            x = x.divide(BigDecimal.valueOf(2), DIGITS);
            halvings++;
        }
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal term = BigDecimal.ONE;
        for (int k = 1; k < 30; k++) {
            term = term.multiply(x, DIGITS).divide(BigDecimal.valueOf(k), DIGITS);
            sum = sum.add(term, DIGITS);
        }
        for (int i = 0; i < halvings; i++) {
            sum = sum.multiply(sum, DIGITS);
        }
        return sum;
    }

    /** One neuron 1-1 with weight 1, bias 0, input z: so z^1 = z. */
    private static Network neuron(Activation output, Loss loss) {
        return new Network(1, List.of(new Layer(1, output)), loss, List.of(new DMatrixRMaj(new double[][]{{1}})),
                List.of(new DMatrixRMaj(new double[][]{{0}})));
    }

    private static double delta(Activation output, Loss loss, double z, double t) {
        Network net = neuron(output, loss);
        Batch batch = new Batch(new DMatrixRMaj(new double[][]{{z}}), new DMatrixRMaj(new double[][]{{t}}));
        return new Backprop().run(net, Forward.run(net, batch), batch).delta(1).get(0, 0);
    }

    @Test
    void theFusedFormAgreesWithTheReferenceForLogitsUpToTenThousand() {
        double[] zs = {-1e4, -5000, -745, -710, -709, -100, -37, -1, -1e-8, 0, 1e-8, 0.5, 1, 37, 100, 709, 710, 745,
                5000, 1e4};
        for (double z : zs) {
            for (double t : new double[]{0, 0.3, 1}) {
                double fused = delta(Activation.IDENTITY, Loss.SIGMOID_CROSS_ENTROPY, z, t);
                double reference = referenceDelta(z, t);
                assertTrue(Double.isFinite(fused), "z = " + z);
                assertEquals(reference, fused, 1e-9 * Math.max(1e-300, Math.abs(reference)) + 1e-300,
                        "z = " + z + ", t = " + t);
            }
        }
    }

    @Test
    void theActivationViewAgreesWhereFiniteAndOverflowsFromAbout710() {
        for (double z : new double[]{-700, -37, -1, 0, 2, 37, 700}) {
            assertEquals(delta(Activation.IDENTITY, Loss.SIGMOID_CROSS_ENTROPY, z, 0.3),
                    delta(Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY, z, 0.3), 1e-12, "z = " + z);
        }
        // the measured threshold: finite at |z| = 709.7, not at 709.8 (σ(−z) < 1 / Double.MAX_VALUE · …)
        double finiteUpTo = 0;
        for (double z = 700; z < 800; z += 0.01) {
            if (!Double.isFinite(delta(Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY, z, 0))) {
                break;
            }
            finiteUpTo = z;
        }
        assertTrue(finiteUpTo > 709.5 && finiteUpTo < 710, "activation view finite up to z = " + finiteUpTo);
        assertEquals(1.0, delta(Activation.IDENTITY, Loss.SIGMOID_CROSS_ENTROPY, 710, 0), 0.0);
    }

    @Test
    void theFusedNetworkChecksOutWhereTheActivationViewCannot() {
        Network net = neuron(Activation.IDENTITY, Loss.SIGMOID_CROSS_ENTROPY);
        Batch batch = new Batch(new DMatrixRMaj(new double[][]{{800, -3}}), new DMatrixRMaj(new double[][]{{0, 1}}));
        Analysis an = GradientCheck.analyse(net, batch, new Backprop(), Thresholds.DEFAULT_EPSILON);
        assertEquals(an.checks().size(), an.summary().pass(), an.checks().toString());
        Analysis view = GradientCheck.analyse(neuron(Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY), batch,
                new Backprop(), Thresholds.DEFAULT_EPSILON);
        assertTrue(view.summary().fail() > 0, "the activation view overflows at z = 800");
    }
}
