package org.backprop.workbench.engine;

import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.check.GradientCheck;
import org.backprop.workbench.check.Thresholds;
import org.backprop.workbench.check.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.backprop.workbench.engine.Nets.column;
import static org.backprop.workbench.engine.Nets.matrix;
import static org.backprop.workbench.engine.Nets.samples;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A 1-1 sigmoid neuron with the quadratic cost, every number worked out by hand in the comments. The inputs are
 * chosen so that sigma lands on exact fractions: sigma(0) = 1/2 and sigma(ln 3) = 3/4.
 */
class OneNeuronByHandTest {
    /** The hand values are exact fractions; the computation rounds each of a few operations once. */
    private static final double TOLERANCE = 1e-15;

    private static Network neuron(double w, double b) {
        return Nets.network(1, List.of(Activation.SIGMOID), Loss.QUADRATIC, List.of(matrix(new double[]{w})),
                List.of(column(b)));
    }

    private static Analysis analyse(Network net, Batch batch) {
        return GradientCheck.analyse(net, batch, new Backprop(), Thresholds.DEFAULT_EPSILON);
    }

    @Test
    void aNeuronAtZeroGivesOneHalfAndAQuarterSlope() {
        // x = 2, w = 1/2, b = -1, t = 1
        Analysis an = analyse(neuron(0.5, -1), new Batch(samples(new double[]{2}), samples(new double[]{1})));
        assertAll(
                // z = w x + b = 1/2 * 2 - 1 = 0
                () -> assertEquals(0.0, an.forward().z(1).get(0, 0), TOLERANCE, "z"),
                // a = sigma(0) = 1/2
                () -> assertEquals(0.5, an.forward().a(1).get(0, 0), TOLERANCE, "a"),
                // C = 1/2 (a - t)^2 = 1/2 * 1/4 = 1/8
                () -> assertEquals(0.125, an.forward().cost(), TOLERANCE, "C"),
                // grad_a C = (1/m)(a - t) = 1/2 - 1 = -1/2
                () -> assertEquals(-0.5, an.backward().gradA().get(0, 0), TOLERANCE, "grad_a C"),
                // delta = grad_a C * sigma'(0) = -1/2 * 1/2 * (1 - 1/2) = -1/2 * 1/4 = -1/8
                () -> assertEquals(-0.125, an.backward().delta(1).get(0, 0), TOLERANCE, "delta"),
                // dC/db = delta = -1/8
                () -> assertEquals(-0.125, an.backward().gradB(1).get(0, 0), TOLERANCE, "gradB"),
                // dC/dw = a^0 delta = 2 * -1/8 = -1/4
                () -> assertEquals(-0.25, an.backward().gradW(1).get(0, 0), TOLERANCE, "gradW"),
                () -> assertEquals(3, an.summary().pass(), "BP1, BP3 and BP4 each pass"));
    }

    @Test
    void aNeuronAtLnThreeGivesThreeQuartersAndThreeSixteenthsSlope() {
        // x = 1, w = ln 3, b = 0, t = 0
        Analysis an = analyse(neuron(Math.log(3), 0), new Batch(samples(new double[]{1}), samples(new double[]{0})));
        assertAll(
                // z = ln 3 * 1 + 0 = ln 3
                () -> assertEquals(Math.log(3), an.forward().z(1).get(0, 0), TOLERANCE, "z"),
                // a = 1 / (1 + e^{-ln 3}) = 1 / (1 + 1/3) = 3/4
                () -> assertEquals(0.75, an.forward().a(1).get(0, 0), TOLERANCE, "a"),
                // C = 1/2 (3/4 - 0)^2 = 9/32
                () -> assertEquals(9.0 / 32, an.forward().cost(), TOLERANCE, "C"),
                // grad_a C = a - t = 3/4
                () -> assertEquals(0.75, an.backward().gradA().get(0, 0), TOLERANCE, "grad_a C"),
                // sigma'(z) = a (1 - a) = 3/4 * 1/4 = 3/16; delta = 3/4 * 3/16 = 9/64
                () -> assertEquals(9.0 / 64, an.backward().delta(1).get(0, 0), TOLERANCE, "delta"),
                // dC/db = delta = 9/64
                () -> assertEquals(9.0 / 64, an.backward().gradB(1).get(0, 0), TOLERANCE, "gradB"),
                // dC/dw = a^0 delta = 1 * 9/64
                () -> assertEquals(9.0 / 64, an.backward().gradW(1).get(0, 0), TOLERANCE, "gradW"),
                () -> assertEquals(3, an.summary().pass(), "BP1, BP3 and BP4 each pass"));
    }

    @Test
    void aBatchOfTwoAveragesTheCostAndSumsTheGradientsOfDeltasThatCarryOneOverM() {
        // w = ln 3, b = 0; samples x = 0 and x = 1 (columns), targets 0 and 0; m = 2
        Analysis an = analyse(neuron(Math.log(3), 0),
                new Batch(samples(new double[]{0}, new double[]{1}), samples(new double[]{0}, new double[]{0})));
        assertAll(
                // z = (0, ln 3), a = (1/2, 3/4)
                () -> assertEquals(0.0, an.forward().z(1).get(0, 0), TOLERANCE, "z of sample 0"),
                () -> assertEquals(Math.log(3), an.forward().z(1).get(0, 1), TOLERANCE, "z of sample 1"),
                () -> assertEquals(0.5, an.forward().a(1).get(0, 0), TOLERANCE, "a of sample 0"),
                () -> assertEquals(0.75, an.forward().a(1).get(0, 1), TOLERANCE, "a of sample 1"),
                // C = (1/2) [1/2 (1/2)^2 + 1/2 (3/4)^2] = (1/2) (1/8 + 9/32) = 13/64
                () -> assertEquals(13.0 / 64, an.forward().cost(), TOLERANCE, "C"),
                // grad_a C = (1/m)(a - t) = (1/4, 3/8): the 1/m enters here, once
                () -> assertEquals(0.25, an.backward().gradA().get(0, 0), TOLERANCE, "grad_a C of sample 0"),
                () -> assertEquals(0.375, an.backward().gradA().get(0, 1), TOLERANCE, "grad_a C of sample 1"),
                // sigma' = (1/4, 3/16); delta = (1/4 * 1/4, 3/8 * 3/16) = (1/16, 9/128)
                () -> assertEquals(1.0 / 16, an.backward().delta(1).get(0, 0), TOLERANCE, "delta of sample 0"),
                () -> assertEquals(9.0 / 128, an.backward().delta(1).get(0, 1), TOLERANCE, "delta of sample 1"),
                // BP3b: dC/db = delta 1 = 1/16 + 9/128 = 17/128 (the mean of the one-sample 1/8 and 9/64)
                () -> assertEquals(17.0 / 128, an.backward().gradB(1).get(0, 0), TOLERANCE, "gradB"),
                // BP4b: dC/dw = a^0 delta^T = 0 * 1/16 + 1 * 9/128 = 9/128 (the mean of 0 and 9/64)
                () -> assertEquals(9.0 / 128, an.backward().gradW(1).get(0, 0), TOLERANCE, "gradW"),
                () -> assertEquals(4, an.summary().pass(), "BP1 twice, BP3 and BP4 pass"),
                () -> assertEquals(Verdict.PASS, an.summary().verdict()));
    }
}
