package org.backprop.workbench.check;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.backprop.workbench.engine.Activation;
import org.backprop.workbench.engine.Backprop;
import org.backprop.workbench.engine.BackwardTrace;
import org.backprop.workbench.engine.Batch;
import org.backprop.workbench.engine.Forward;
import org.backprop.workbench.engine.ForwardTrace;
import org.backprop.workbench.engine.Layer;
import org.backprop.workbench.engine.Loss;
import org.backprop.workbench.engine.Network;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Properties of the engine and its checks over random networks of every activation and every loss, m = 1..5.
 */
class GradientCheckProperties {

    @Provide
    Arbitrary<RandomCase> anyNetwork() {
        return Combinators.combine(
                Arbitraries.of(Activation.values()).list().ofMaxSize(2),
                Arbitraries.of(Loss.values()),
                Arbitraries.of(Activation.values()),
                Arbitraries.integers().between(1, 5),
                Arbitraries.longs()).as(RandomCase::of);
    }

    @Property(tries = 100)
    void everyCheckOfACorrectNetworkPassesUnlessAPerturbationCrossesAKink(@ForAll("anyNetwork") RandomCase c) {
        Analysis an = GradientCheck.analyse(c.network(), c.batch(), new Backprop(), Thresholds.DEFAULT_EPSILON);
        assertEquals(GradientCheck.count(c.network(), c.batch().size()), an.checks().size(), "every number is checked");
        for (CheckResult r : an.checks()) {
            if (r.verdict() == Verdict.KINK) {
                assertTrue(c.hasKinks(), "a kink verdict needs a relu-like layer: " + r);
            } else {
                assertEquals(Verdict.PASS, r.verdict(), () -> c + ": " + r);
            }
        }
    }

    @Property(tries = 60)
    void softmaxAsActivationAndLossFusedSoftmaxGiveTheSameDeltasAndGradients(
            @ForAll("anyNetwork") RandomCase base) {
        // same sizes and parameters; only the output view differs
        Network asActivation = softmaxOutput(base.network(), base.seed());
        Network fused = lossFused(asActivation);
        Batch batch = RandomCase.batch(new Random(base.seed()), asActivation, base.batch().size());

        ForwardTrace fa = Forward.run(asActivation, batch);
        ForwardTrace ff = Forward.run(fused, batch);
        BackwardTrace ba = new Backprop().run(asActivation, fa, batch);
        BackwardTrace bf = new Backprop().run(fused, ff, batch);

        assertEquals(fa.cost(), ff.cost(), 1e-12 * Math.max(1, Math.abs(fa.cost())), "C");
        for (int l = asActivation.depth(); l >= 1; l--) {
            assertClose(ba.delta(l), bf.delta(l), 1e-12, "δ^" + l);
            assertClose(ba.gradB(l), bf.gradB(l), 1e-12, "∂C/∂b^" + l);
            assertClose(ba.gradW(l), bf.gradW(l), 1e-12, "∂C/∂w^" + l);
        }
    }

    /**
     * Normwise, as rounding is judged: the batch gradient equals the mean of the per-sample gradients, and column x
     * of the batch δ equals the one-sample δ over m, each to 1e-12 of the largest number backprop computed (one
     * sample's numbers over m, or the batch's). Entry by entry relative error would be wrong here: a δ that is the
     * small difference of large terms (softmax's a_i (g_i − Σ a_j g_j)) carries the rounding of those terms.
     */
    @Property(tries = 100)
    void theBatchGradientIsTheMeanOfThePerSampleGradients(@ForAll("anyNetwork") RandomCase c) {
        Network net = c.network();
        Batch batch = c.batch();
        int m = batch.size();
        Backprop backprop = new Backprop();
        BackwardTrace whole = backprop.run(net, Forward.run(net, batch), batch);
        double meanCost = 0;
        double scale = largest(whole);
        List<BackwardTrace> single = new ArrayList<>();
        for (int x = 0; x < m; x++) {
            Batch one = batch.sample(x);
            ForwardTrace f = Forward.run(net, one);
            meanCost += f.cost() / m;
            single.add(backprop.run(net, f, one));
            scale = Math.max(scale, largest(single.get(x)) / m);
        }
        double tolerance = 1e-12 * scale;
        assertEquals(meanCost, Forward.run(net, batch).cost(), 1e-12 * Math.max(1, Math.abs(meanCost)), "C");
        for (int l = 1; l <= net.depth(); l++) {
            for (int i = 0; i < whole.gradW(l).data.length; i++) {
                double mean = 0;
                for (BackwardTrace t : single) {
                    mean += t.gradW(l).data[i] / m;
                }
                assertEquals(mean, whole.gradW(l).data[i], tolerance, "∂C/∂w^" + l + " entry " + i);
            }
            for (int j = 0; j < net.size(l); j++) {
                double mean = 0;
                for (BackwardTrace t : single) {
                    mean += t.gradB(l).get(j, 0) / m;
                }
                assertEquals(mean, whole.gradB(l).get(j, 0), tolerance, "∂C/∂b^" + l + "[" + j + "]");
                for (int x = 0; x < m; x++) {
                    assertEquals(single.get(x).delta(l).get(j, 0) / m, whole.delta(l).get(j, x), tolerance,
                            "δ^" + l + "[" + j + ", " + x + "]");
                }
            }
        }
    }

    /** The largest magnitude among ∇_a C, every δ^l, ∂C/∂b^l and ∂C/∂w^l. */
    private static double largest(BackwardTrace t) {
        double max = maxAbs(t.gradA());
        for (int l = 1; l <= t.depth(); l++) {
            max = Math.max(max, Math.max(maxAbs(t.delta(l)), Math.max(maxAbs(t.gradB(l)), maxAbs(t.gradW(l)))));
        }
        return max;
    }

    private static double maxAbs(DMatrixRMaj m) {
        double max = 0;
        for (double v : m.data) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    @Property(tries = 60)
    void aSoftmaxHiddenLayerChecksOut(@ForAll("anyNetwork") RandomCase base,
                                      @ForAll @IntRange(min = 2, max = 4) int softmaxSize) {
        Network net = base.network();
        List<Layer> layers = new ArrayList<>();
        layers.add(new Layer(softmaxSize, Activation.SOFTMAX));
        layers.addAll(net.layers());
        Network withSoftmax = Network.initialised(net.size(0), layers, net.loss(), base.seed());
        Analysis an = GradientCheck.analyse(withSoftmax, base.batch(), new Backprop(), Thresholds.DEFAULT_EPSILON);
        for (CheckResult r : an.checks(Formula.BP2, 1)) {
            assertEquals(Verdict.PASS, r.verdict(), () -> withSoftmax.describe() + ": " + r);
        }
        assertEquals(0, an.summary().fail() + an.summary().warn(), () -> withSoftmax.describe() + ": " + an.checks());
    }

    /** The network with a softmax output and cross-entropy, parameters from the case's seed. */
    private static Network softmaxOutput(Network net, long seed) {
        List<Layer> layers = new ArrayList<>(net.layers());
        layers.set(layers.size() - 1, new Layer(Math.max(2, net.size(net.depth())), Activation.SOFTMAX));
        return Network.initialised(net.size(0), layers, Loss.CROSS_ENTROPY, seed);
    }

    /** The same parameters with an identity output and the loss-fused softmax cross-entropy. */
    private static Network lossFused(Network softmaxOutput) {
        List<Layer> layers = new ArrayList<>(softmaxOutput.layers());
        layers.set(layers.size() - 1, new Layer(softmaxOutput.size(softmaxOutput.depth()), Activation.IDENTITY));
        return softmaxOutput.withLayers(layers).withLoss(Loss.SOFTMAX_CROSS_ENTROPY);
    }

    /** |a − b| ≤ tolerance · max(1, |a|) entry by entry. */
    private static void assertClose(DMatrixRMaj expected, DMatrixRMaj actual, double tolerance, String what) {
        assertEquals(expected.numRows, actual.numRows, what);
        assertEquals(expected.numCols, actual.numCols, what);
        for (int i = 0; i < expected.data.length; i++) {
            double e = expected.data[i];
            assertEquals(e, actual.data[i], tolerance * Math.max(1, Math.abs(e)), what + " entry " + i);
        }
    }
}
