package org.backprop.workbench.engine;

import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.check.GradientCheck;
import org.backprop.workbench.check.Thresholds;
import org.backprop.workbench.check.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.DoubleSupplier;

import static org.backprop.workbench.engine.Nets.column;
import static org.backprop.workbench.engine.Nets.matrix;
import static org.backprop.workbench.engine.Nets.samples;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The 2-2-2 sigmoid network of Matt Mazur's "A Step by Step Backpropagation Example" (2015), against the numbers
 * published there. His cost is E = Σ ½ (target − out)², our quadratic cost for m = 1.
 *
 * <p>His weights are named per connection: w1 (i1→h1), w2 (i2→h1), w3 (i1→h2), w4 (i2→h2), w5 (h1→o1), w6 (h2→o1),
 * w7 (h1→o2), w8 (h2→o2). In the note's convention w^l_kj goes from neuron k of layer l−1 (row) to neuron j of layer
 * l (column), so w^1 = [[w1, w3], [w2, w4]] = [[.15, .25], [.20, .30]] and w^2 = [[w5, w7], [w6, w8]] =
 * [[.40, .50], [.45, .55]]: the transpose of the row-per-output matrices Nielsen's convention would write.
 *
 * <p>He prints 8 or 9 decimals; each assertion allows half a unit of the last printed digit. For w6, w7, w8 and
 * w2, w3, w4 he prints only the updated weights w − η ∂E/∂w with η = 0.5, so those are what is asserted.
 */
class MattmazurNetworkTest {
    private static final double NINE_DECIMALS = 5e-10;
    private static final double EIGHT_DECIMALS = 5e-9;
    private static final double LEARNING_RATE = 0.5;

    private final Network net = Nets.network(2, List.of(Activation.SIGMOID, Activation.SIGMOID), Loss.QUADRATIC,
            List.of(matrix(new double[]{.15, .25}, new double[]{.20, .30}),
                    matrix(new double[]{.40, .50}, new double[]{.45, .55})),
            List.of(column(.35, .35), column(.60, .60)));
    private final Batch batch = new Batch(samples(new double[]{.05, .10}), samples(new double[]{.01, .99}));
    private final Analysis an = GradientCheck.analyse(net, batch, new Backprop(), Thresholds.DEFAULT_EPSILON);

    /** His gradient-descent step, w+ = w − η ∂E/∂w. */
    private static double updated(double w, DoubleSupplier gradient) {
        return w - LEARNING_RATE * gradient.getAsDouble();
    }

    @Test
    void theForwardPassGivesHisPublishedActivationsAndTotalError() {
        assertAll(
                // net_h1 = .15 * .05 + .20 * .10 + .35 = .3775
                () -> assertEquals(0.3775, an.forward().z(1).get(0, 0), 1e-15, "net_h1"),
                // net_h2 = .25 * .05 + .30 * .10 + .35 = .3925
                () -> assertEquals(0.3925, an.forward().z(1).get(1, 0), 1e-15, "net_h2"),
                () -> assertEquals(0.593269992, an.forward().a(1).get(0, 0), NINE_DECIMALS, "out_h1"),
                () -> assertEquals(0.596884378, an.forward().a(1).get(1, 0), NINE_DECIMALS, "out_h2"),
                () -> assertEquals(1.105905967, an.forward().z(2).get(0, 0), NINE_DECIMALS, "net_o1"),
                () -> assertEquals(0.75136507, an.forward().a(2).get(0, 0), EIGHT_DECIMALS, "out_o1"),
                () -> assertEquals(0.772928465, an.forward().a(2).get(1, 0), NINE_DECIMALS, "out_o2"),
                () -> assertEquals(0.298371109, an.forward().cost(), NINE_DECIMALS, "E_total"));
    }

    @Test
    void theOutputLayerGivesHisPublishedDeltaAndWeightGradients() {
        assertAll(
                // ∂E/∂out_o1 = out_o1 − target_o1 = 0.74136507
                () -> assertEquals(0.74136507, an.backward().gradA().get(0, 0), EIGHT_DECIMALS, "∂E/∂out_o1"),
                // δ_o1 = 0.74136507 * 0.186815602 = 0.138498562 (BP1)
                () -> assertEquals(0.138498562, an.backward().delta(2).get(0, 0), NINE_DECIMALS, "δ_o1"),
                // BP3: ∂E/∂b_o1 = δ_o1 (he does not update biases; BP3 says the bias gradient is δ)
                () -> assertEquals(0.138498562, an.backward().gradB(2).get(0, 0), NINE_DECIMALS, "∂E/∂b_o1"),
                // BP4: ∂E/∂w5 = out_h1 δ_o1 = 0.082167041, at w^2[0][0] (from h1, row 0, to o1, column 0)
                () -> assertEquals(0.082167041, an.backward().gradW(2).get(0, 0), NINE_DECIMALS, "∂E/∂w5"),
                () -> assertEquals(0.35891648, updated(.40, () -> an.backward().gradW(2).get(0, 0)), EIGHT_DECIMALS,
                        "w5+"),
                // w6 (h2 → o1) is w^2[1][0]
                () -> assertEquals(0.408666186, updated(.45, () -> an.backward().gradW(2).get(1, 0)), NINE_DECIMALS,
                        "w6+"),
                // w7 (h1 → o2) is w^2[0][1]
                () -> assertEquals(0.511301270, updated(.50, () -> an.backward().gradW(2).get(0, 1)), NINE_DECIMALS,
                        "w7+"),
                // w8 (h2 → o2) is w^2[1][1]
                () -> assertEquals(0.561370121, updated(.55, () -> an.backward().gradW(2).get(1, 1)), NINE_DECIMALS,
                        "w8+"));
    }

    @Test
    void theHiddenLayerGivesHisPublishedBackpropagatedErrorAndWeightGradients() {
        double deltaO1 = an.backward().delta(2).get(0, 0);
        double deltaO2 = an.backward().delta(2).get(1, 0);
        assertAll(
                // ∂E_total/∂out_h1 = δ_o1 w5 + δ_o2 w7 = 0.036350306: row 0 of w^2 δ^2, the first half of BP2
                () -> assertEquals(0.036350306, .40 * deltaO1 + .50 * deltaO2, NINE_DECIMALS, "∂E/∂out_h1"),
                // δ_h1 = 0.036350306 * out_h1 (1 − out_h1) = 0.036350306 * 0.241300709 (BP2)
                () -> assertEquals(0.036350306 * 0.241300709, an.backward().delta(1).get(0, 0), NINE_DECIMALS,
                        "δ_h1"),
                // ∂E/∂w1 = i1 δ_h1 = 0.000438568, at w^1[0][0] (from i1 to h1)
                () -> assertEquals(0.000438568, an.backward().gradW(1).get(0, 0), NINE_DECIMALS, "∂E/∂w1"),
                () -> assertEquals(0.149780716, updated(.15, () -> an.backward().gradW(1).get(0, 0)), NINE_DECIMALS,
                        "w1+"),
                // w2 (i2 → h1) is w^1[1][0]; he prints 8 decimals for the updated w2, w3, w4
                () -> assertEquals(0.19956143, updated(.20, () -> an.backward().gradW(1).get(1, 0)), EIGHT_DECIMALS,
                        "w2+"),
                // w3 (i1 → h2) is w^1[0][1]
                () -> assertEquals(0.24975114, updated(.25, () -> an.backward().gradW(1).get(0, 1)), EIGHT_DECIMALS,
                        "w3+"),
                // w4 (i2 → h2) is w^1[1][1]
                () -> assertEquals(0.29950229, updated(.30, () -> an.backward().gradW(1).get(1, 1)), EIGHT_DECIMALS,
                        "w4+"));
    }

    @Test
    void everyFormulaOfHisNetworkChecksOut() {
        // δ^2: 2, δ^1: 2, b^2: 2, b^1: 2, w^2: 4, w^1: 4
        assertEquals(16, an.summary().checked());
        assertEquals(16, an.summary().pass());
        assertEquals(Verdict.PASS, an.summary().verdict());
    }
}
