package org.backprop.workbench.explore;

import org.backprop.workbench.engine.Activation;
import org.backprop.workbench.engine.Batch;
import org.backprop.workbench.engine.Layer;
import org.backprop.workbench.engine.Loss;
import org.backprop.workbench.engine.Network;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The second "two ways": sigmoid + binary cross-entropy against identity + sigmoid-cross-entropy. */
class SigmoidComparisonTest {
    private static final Network NET = Network.initialised(2, List.of(new Layer(3, Activation.TANH),
            new Layer(2, Activation.SIGMOID)), Loss.BINARY_CROSS_ENTROPY, 7);
    private static final Batch BATCH = new Batch(new DMatrixRMaj(new double[][]{{0.5, -1, 0.2}, {1, 0.3, -0.7}}),
            new DMatrixRMaj(new double[][]{{1, 0, 0.25}, {0, 1, 0.5}}));

    @Test
    void bothFormsGiveTheSameDeltaAndCostAtModestLogits() {
        SoftmaxComparison.Result r = SoftmaxComparison.compareSigmoid(NET, BATCH, 1);
        assertTrue(r.maxAbsDifference() < 1e-15, "δ^L differ by " + r.maxAbsDifference());
        assertEquals(r.naive().cost(), r.fused().cost(), 1e-15);
        // δ^L = (σ(z) − t) / m by hand from the fused side's own logits
        DMatrixRMaj z = r.fused().forward().z(2);
        for (int j = 0; j < 2; j++) {
            for (int x = 0; x < 3; x++) {
                double sigma = 1 / (1 + Math.exp(-z.get(j, x)));
                assertEquals((sigma - BATCH.targets().get(j, x)) / 3, r.fused().deltaL().get(j, x), 1e-15);
            }
        }
    }

    @Test
    void onlyTheFusedFormSurvivesLogitsBeyond710() {
        SoftmaxComparison.Result r = SoftmaxComparison.compareSigmoid(NET, BATCH, 1e5);
        assertFalse(Double.isFinite(r.naive().maxAbsDelta()), "activation view " + r.naive().maxAbsDelta());
        assertTrue(Double.isFinite(r.fused().maxAbsDelta()));
        assertTrue(r.fused().maxAbsDelta() <= 1.0 / 3 + 1e-15, "|σ(z) − t| ≤ 1, divided by m = 3");
    }

    @Test
    void targetsOutsideTheUnitIntervalAreExplained() {
        Batch bad = new Batch(BATCH.inputs(), new DMatrixRMaj(new double[][]{{1, 0, 2}, {0, 1, 0}}));
        assertTrue(SoftmaxComparison.unsuitableForSigmoid(bad).orElseThrow().contains("t[0, 2] is 2.0"));
        assertTrue(SoftmaxComparison.unsuitableForSigmoid(BATCH).isEmpty());
    }
}
