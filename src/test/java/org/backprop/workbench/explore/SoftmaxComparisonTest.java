package org.backprop.workbench.explore;

import org.backprop.workbench.app.DefaultNetwork;
import org.backprop.workbench.engine.Activation;
import org.backprop.workbench.engine.Batch;
import org.backprop.workbench.engine.Forward;
import org.backprop.workbench.engine.Layer;
import org.backprop.workbench.engine.Loss;
import org.backprop.workbench.engine.Network;
import org.backprop.workbench.explore.SoftmaxComparison.Result;
import org.backprop.workbench.io.NetworkDocument;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SoftmaxComparisonTest {
    private final NetworkDocument doc = DefaultNetwork.load();

    @Test
    void bothFormsGiveTheSameDeltaAndCostUpToRounding() {
        Result r = SoftmaxComparison.compare(doc.network(), doc.batch(), 1);
        assertTrue(r.maxAbsDifference() < 1e-12, "difference " + r.maxAbsDifference());
        assertEquals(r.naive().cost(), r.fused().cost(), 1e-12);
    }

    @Test
    void fusedDeltaIsSoftmaxMinusTargetOverM() {
        Result r = SoftmaxComparison.compare(doc.network(), doc.batch(), 1);
        DMatrixRMaj z = r.fused().forward().z(2);
        DMatrixRMaj softmax = Activation.SOFTMAX.apply(z);
        int m = doc.batch().size();
        for (int j = 0; j < z.numRows; j++) {
            for (int x = 0; x < m; x++) {
                double expected = (softmax.get(j, x) - doc.batch().targets().get(j, x)) / m;
                assertEquals(expected, r.fused().deltaL().get(j, x), 1e-15);
            }
        }
    }

    @Test
    void scalingTheLastLayerScalesTheLogits() {
        Network scaled = SoftmaxComparison.scaled(doc.network(), 7);
        DMatrixRMaj z = Forward.run(doc.network(), doc.batch()).z(2);
        DMatrixRMaj zScaled = Forward.run(scaled, doc.batch()).z(2);
        for (int i = 0; i < z.data.length; i++) {
            assertEquals(7 * z.data[i], zScaled.data[i], 1e-12);
        }
    }

    @Test
    void atLargeLogitScaleTheNaiveCostOverflowsWhileTheFusedStaysFinite() {
        Result r = SoftmaxComparison.compare(doc.network(), doc.batch(), 1e4);
        assertFalse(Double.isFinite(r.naive().cost()), "naive " + r.naive().cost());
        assertTrue(Double.isFinite(r.fused().cost()), "fused " + r.fused().cost());
        assertTrue(Double.isFinite(r.fused().maxAbsDelta()));
        assertTrue(Double.isNaN(r.maxAbsDifference()));
    }

    @Test
    void jacobianRowsSumToZero() {
        DMatrixRMaj j = SoftmaxComparison.compare(doc.network(), doc.batch(), 1).jacobian(2);
        for (int r = 0; r < j.numRows; r++) {
            double sum = 0;
            for (int c = 0; c < j.numCols; c++) {
                sum += j.get(r, c);
            }
            assertEquals(0, sum, 1e-15);
        }
    }

    @Test
    void aSingleOutputIsExplainedNotCrashed() {
        Network one = Network.initialised(2, List.of(new Layer(3, Activation.TANH), new Layer(1, Activation.SIGMOID)),
                Loss.QUADRATIC, 3);
        Batch batch = new Batch(new DMatrixRMaj(new double[][]{{0.1}, {0.2}}), new DMatrixRMaj(new double[][]{{1}}));
        String why = SoftmaxComparison.unsuitable(one, batch).orElseThrow();
        assertTrue(why.contains("at least 2 outputs"), why);
    }

    @Test
    void targetsThatAreNotDistributionsAreExplained() {
        Batch batch = new Batch(doc.batch().inputs(), new DMatrixRMaj(new double[][]{{0.5, 0.2, 1, 0}, {0.7, 0.8, 0, 1}}));
        String why = SoftmaxComparison.unsuitable(doc.network(), batch).orElseThrow();
        assertTrue(why.contains("probability distribution"), why);
        assertTrue(why.contains("sample x = 0 (zero-based) sum to 1.2"), why);
    }

    @Test
    void aNegativeTargetIsNamedByItsZeroBasedIndicesLikeTheMatrixHeaders() {
        Batch batch = new Batch(doc.batch().inputs(), new DMatrixRMaj(new double[][]{{1, 0, 1, 0}, {0, 1, 0, -1}}));
        String why = SoftmaxComparison.unsuitable(doc.network(), batch).orElseThrow();
        assertTrue(why.startsWith("Target t[1, 3] (sample x = 3, zero-based) is -1.0"), why);
    }

    @Test
    void theScaleSweepFindsTheOverflow() {
        List<SoftmaxComparison.ScalePoint> sweep = SoftmaxComparison.sweepScale(doc.network(), doc.batch(), 1, 1e5, 21);
        assertTrue(Double.isFinite(sweep.get(0).naiveCost()));
        assertFalse(Double.isFinite(sweep.get(20).naiveCost()));
        assertTrue(sweep.stream().allMatch(p -> Double.isFinite(p.fusedCost())));
    }
}
