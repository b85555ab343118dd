package org.backprop.workbench.check;

import org.backprop.workbench.engine.Activation;
import org.backprop.workbench.engine.Batch;
import org.backprop.workbench.engine.Layer;
import org.backprop.workbench.engine.Loss;
import org.backprop.workbench.engine.Network;
import org.backprop.workbench.numeric.DifferenceMethod;
import org.backprop.workbench.numeric.Precision;
import org.backprop.workbench.numeric.RandomNetworks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EpsilonSweepTest {
    private static final Network SMOOTH = Network.initialised(3, List.of(new Layer(4, Activation.SIGMOID),
            new Layer(3, Activation.SOFTMAX), new Layer(2, Activation.IDENTITY)), Loss.SOFTMAX_CROSS_ENTROPY, 21);
    private static final Batch BATCH = RandomNetworks.batch(new Random(21), SMOOTH, 3);

    private static EpsilonSweep.Result sweep(Network net, Batch batch, Formula formula, int layer, int[] index,
                                             Precision precision) {
        return EpsilonSweep.sweep(net, batch, formula, layer, index, precision, EpsilonSweep.defaultSteps(), 2,
                CheckProgress.NONE);
    }

    @Test
    void theDefaultStepsAreTwentyThreeHalfDecadesFromOneTenthToOneTrillionth() {
        double[] steps = EpsilonSweep.defaultSteps();
        assertEquals(23, steps.length);
        assertEquals(1e-1, steps[0], 1e-16);
        assertEquals(1e-5, steps[8], 1e-19);
        assertEquals(1e-12, steps[22], 1e-26);
    }

    @Test
    void centralDifferencesDrawAVWithItsBottomNearOneInTenBillionAroundEpsilonOneInHundredThousand() {
        EpsilonSweep.Result result = sweep(SMOOTH, BATCH, Formula.BP4, 1, new int[]{0, 1}, Precision.DOUBLE);
        assertEquals(1, result.numbers());
        EpsilonSweep.Curve central = result.curve(DifferenceMethod.CENTRAL);
        EpsilonSweep.Point best = central.best();
        assertTrue(best.epsilon() >= 1e-6 && best.epsilon() <= 1e-3, "best ε " + best.epsilon());
        assertTrue(best.relativeError() < 1e-9, "best " + best.relativeError());
        assertTrue(central.points().get(0).relativeError() > 1e3 * best.relativeError(), "right arm of the V");
        assertTrue(central.points().get(22).relativeError() > 1e3 * best.relativeError(), "left arm of the V");
    }

    @Test
    void theComplexStepStaysAtMachinePrecisionForEverySmallStep() {
        EpsilonSweep.Result result = sweep(SMOOTH, BATCH, Formula.BP4, 0, null, Precision.DOUBLE);
        for (EpsilonSweep.Point p : result.curve(DifferenceMethod.COMPLEX_STEP).points()) {
            if (p.epsilon() <= 1e-8) {
                assertTrue(p.relativeError() <= 1e-13, p.toString());
            }
        }
    }

    @Test
    void richardsonIsBetterThanCentralAtOneInAThousand() {
        EpsilonSweep.Result result = sweep(SMOOTH, BATCH, Formula.BP3, 0, null, Precision.DOUBLE);
        EpsilonSweep.Point richardson = result.curve(DifferenceMethod.RICHARDSON).points().get(4);
        EpsilonSweep.Point central = result.curve(DifferenceMethod.CENTRAL).points().get(4);
        assertEquals(1e-3, central.epsilon(), 1e-18);
        assertTrue(richardson.relativeError() < central.relativeError() / 100, richardson + " vs " + central);
    }

    @Test
    void inFloatNoStepGetsCentralDifferencesBelowOneInTenThousand() {
        EpsilonSweep.Result result = sweep(SMOOTH, BATCH, Formula.BP4, 0, null, Precision.FLOAT);
        assertTrue(result.curve(DifferenceMethod.CENTRAL).best().relativeError() > 1e-5,
                result.curve(DifferenceMethod.CENTRAL).best().toString());
    }

    @Test
    void theWorstOverAFormulaIsAtLeastItsMedian() {
        EpsilonSweep.Result result = sweep(SMOOTH, BATCH, Formula.BP2, 0, null, Precision.DOUBLE);
        assertEquals(4 * 3 + 3 * 3, result.numbers());
        for (EpsilonSweep.Curve c : result.curves()) {
            for (EpsilonSweep.Point p : c.points()) {
                assertTrue(p.relativeError() >= p.medianRelativeError(), p.toString());
            }
        }
    }

    @Test
    void aReluNetworkLeavesTheComplexStepOutAndCountsKinksAtLargeSteps() {
        // 20 neurons x 8 samples: some z^1 lie within 0.1 of the kink
        Network relu = Network.initialised(3, List.of(new Layer(20, Activation.RELU), new Layer(2, Activation.IDENTITY)),
                Loss.QUADRATIC, 4);
        Batch batch = RandomNetworks.batch(new Random(4), relu, 8);
        EpsilonSweep.Result result = sweep(relu, batch, Formula.BP3, 1, null, Precision.DOUBLE);
        assertEquals(3, result.curves().size());
        assertTrue(result.notes().get(0).contains("layer 1 is relu"), result.notes().toString());
        assertTrue(result.curve(DifferenceMethod.CENTRAL).points().get(0).kinks() > 0, "ε = 0.1 crosses kinks");
    }

    @Test
    void aNumberThatDoesNotExistIsRefusedSayingWhatDoes() {
        IllegalArgumentException layer = assertThrows(IllegalArgumentException.class, () ->
                sweep(SMOOTH, BATCH, Formula.BP1, 1, null, Precision.DOUBLE));
        assertEquals("BP1 has layer 3, not layer 1", layer.getMessage());
        IllegalArgumentException index = assertThrows(IllegalArgumentException.class, () ->
                sweep(SMOOTH, BATCH, Formula.BP4, 2, new int[]{4, 0}, Precision.DOUBLE));
        assertEquals("BP4 of layer 2 has no index [4, 0]; expected [k, j] with k < 4 (inputs) and j < 3",
                index.getMessage());
        IllegalArgumentException noLayer = assertThrows(IllegalArgumentException.class, () ->
                sweep(SMOOTH, BATCH, Formula.BP3, 0, new int[]{0}, Precision.DOUBLE));
        assertTrue(noLayer.getMessage().startsWith("an index needs a layer"), noLayer.getMessage());
    }

    private static EpsilonSweep.Result sampled(int sample, long seed) {
        return EpsilonSweep.sweep(SMOOTH, BATCH, Formula.BP4, 0, null, Precision.DOUBLE, EpsilonSweep.defaultSteps(), 2,
                sample, seed, CheckProgress.NONE);
    }

    @Test
    void aSampledSweepSaysSoAndItsWorstNeverExceedsTheWorstOverAllNumbers() {
        EpsilonSweep.Result all = sweep(SMOOTH, BATCH, Formula.BP4, 0, null, Precision.DOUBLE);
        EpsilonSweep.Result some = sampled(5, 3);
        assertEquals(30, all.numbers(), "3·4 + 4·3 + 3·2 weights");
        assertEquals(5, some.numbers());
        assertTrue(some.notes().stream().anyMatch(n -> n.startsWith("sampled: 5 of the 30 numbers")), some.notes()
                .toString());
        assertTrue(some.target().contains("a sample of 5"), some.target());
        for (EpsilonSweep.Curve curve : some.curves()) {
            List<EpsilonSweep.Point> full = all.curve(curve.method()).points();
            for (int i = 0; i < full.size(); i++) {
                double subset = curve.points().get(i).relativeError();
                assertTrue(subset <= full.get(i).relativeError(), curve.method() + " step " + i + ": the max over a "
                        + "subset is at most the max over the set");
            }
        }
    }

    @Test
    void theSameSeedSweepsTheSameSampleAndASampleAsLargeAsTheFormulaSweepsEverything() {
        assertEquals(sampled(5, 3).curves(), sampled(5, 3).curves());
        EpsilonSweep.Result all = sweep(SMOOTH, BATCH, Formula.BP4, 0, null, Precision.DOUBLE);
        EpsilonSweep.Result whole = sampled(30, 3);
        assertEquals(all.curves(), whole.curves());
        assertEquals(all.target(), whole.target());
        assertTrue(whole.notes().stream().noneMatch(n -> n.startsWith("sampled")), whole.notes().toString());
    }
}
