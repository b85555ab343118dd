package org.backprop.workbench.check;

import org.backprop.workbench.engine.Activation;
import org.backprop.workbench.engine.Batch;
import org.backprop.workbench.engine.Forward;
import org.backprop.workbench.engine.ForwardTrace;
import org.backprop.workbench.engine.Layer;
import org.backprop.workbench.engine.Loss;
import org.backprop.workbench.engine.Network;
import org.backprop.workbench.numeric.DifferenceMethod.Value;
import org.backprop.workbench.numeric.IncrementalCost;
import org.backprop.workbench.numeric.Precision;
import org.backprop.workbench.numeric.RandomNetworks;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The linear tail against its independent reference, the layer-by-layer update of {@link IncrementalCost}: the same
 * cost to rounding and the same kink flag wherever the tail answers, and no answer where a kink above the perturbed
 * layer may be reached.
 */
class LinearTailTest {
    private static final List<Activation> PIECEWISE_LINEAR = List.of(Activation.RELU, Activation.LEAKY_RELU,
            Activation.IDENTITY);
    private static final List<Activation> FIRST = List.of(Activation.SIGMOID, Activation.TANH, Activation.RELU,
            Activation.LEAKY_RELU, Activation.IDENTITY, Activation.SWISH);
    private static final double[] STEPS = {1e-5, -1e-5, 1e-3, -1e-3, 0.3, -0.7};

    /** 2-3 hidden layers: the first any elementwise activation, the ones above it piecewise linear. */
    private static RandomNetworks.Example network(Random random) {
        int n0 = 1 + random.nextInt(4);
        int hidden = 2 + random.nextInt(2);
        List<Layer> layers = new ArrayList<>();
        layers.add(new Layer(1 + random.nextInt(6), FIRST.get(random.nextInt(FIRST.size()))));
        for (int l = 2; l <= hidden; l++) {
            layers.add(new Layer(1 + random.nextInt(6), PIECEWISE_LINEAR.get(random.nextInt(PIECEWISE_LINEAR.size()))));
        }
        Loss loss = Loss.values()[random.nextInt(Loss.values().length)];
        layers.add(RandomNetworks.outputLayer(2 + random.nextInt(3), loss));
        Network net = Network.initialised(n0, layers, loss, random.nextLong());
        return new RandomNetworks.Example(net, RandomNetworks.batch(random, net, 1 + random.nextInt(4)));
    }

    private static void assertSame(Value reference, Value tail, String where) {
        double allowed = 1e-13 * Math.max(1, Math.abs(reference.cost()));
        assertEquals(reference.cost(), tail.cost(), allowed, where);
        assertEquals(reference.crossedKink(), tail.crossedKink(), where + " kink flag");
    }

    @Test
    void tailAgreesWithTheLayerByLayerUpdateOrDeclines() {
        Random random = new Random(7264);
        int answered = 0;
        int declined = 0;
        int crossedBelow = 0;
        for (int c = 0; c < 150; c++) {
            RandomNetworks.Example e = network(random);
            Network net = e.net();
            Batch batch = e.batch();
            ForwardTrace forward = Forward.run(net, batch);
            IncrementalCost.Workspace ws = IncrementalCost.of(net, batch, forward, Precision.DOUBLE).workspace();
            for (int l = 1; l < net.depth(); l++) {
                LinearTail tail = LinearTail.of(net, batch, forward, l);
                assertNotNull(tail, "layers above " + l + " are piecewise linear: " + net.layers());
                LinearTail.Scratch s = tail.scratch();
                for (double h : STEPS) {
                    List<Value[]> pairs = new ArrayList<>();
                    for (int k = 0; k < net.size(l - 1); k++) {
                        for (int j = 0; j < net.size(l); j++) {
                            pairs.add(new Value[]{ws.weight(l, k, j, h), s.weight(k, j, h)});
                        }
                    }
                    for (int j = 0; j < net.size(l); j++) {
                        pairs.add(new Value[]{ws.bias(l, j, h), s.bias(j, h)});
                        for (int x = 0; x < batch.size(); x++) {
                            pairs.add(new Value[]{ws.z(l, j, x, h), s.z(j, x, h)});
                        }
                    }
                    for (Value[] p : pairs) {
                        if (p[1] == null) {
                            declined++;
                        } else {
                            assertSame(p[0], p[1], "case " + c + " layer " + l + " h " + h + " " + net.layers());
                            answered++;
                            if (p[1].crossedKink()) {
                                crossedBelow++;
                            }
                        }
                    }
                }
            }
        }
        assertTrue(answered > 10_000, "answered " + answered);
        assertTrue(declined > 100, "the large steps reach kinks: declined " + declined);
        assertTrue(crossedBelow > 10, "kinks at the perturbed layer itself are reported: " + crossedBelow);
    }

    @Test
    void belowTheOutputLayerTheTailIsTheSameArithmetic() {
        Random random = new Random(11);
        for (int c = 0; c < 100; c++) {
            RandomNetworks.Example e = RandomNetworks.random(random, RandomNetworks.ANY_HIDDEN);
            Network net = e.net();
            int l = net.depth() - 1;
            if (l < 1 || !net.activation(l).isElementwise()) {
                continue;
            }
            ForwardTrace forward = Forward.run(net, e.batch());
            IncrementalCost.Workspace ws = IncrementalCost.of(net, e.batch(), forward, Precision.DOUBLE).workspace();
            LinearTail.Scratch s = LinearTail.of(net, e.batch(), forward, l).scratch();
            for (int k = 0; k < net.size(l - 1); k++) {
                for (int j = 0; j < net.size(l); j++) {
                    Value reference = ws.weight(l, k, j, 1e-5);
                    Value tail = s.weight(k, j, 1e-5);
                    assertEquals(reference, tail, "case " + c + " w^" + l + "_" + k + j + " " + net.layers());
                }
            }
        }
    }

    @Test
    void noTailThroughASmoothLayerOrForTheOutputLayer() {
        Network net = Network.initialised(3, List.of(new Layer(4, Activation.RELU), new Layer(4, Activation.SIGMOID),
                new Layer(2, Activation.IDENTITY)), Loss.QUADRATIC, 5);
        Batch batch = RandomNetworks.batch(new Random(5), net, 2);
        ForwardTrace forward = Forward.run(net, batch);
        assertNull(LinearTail.of(net, batch, forward, 1), "sigmoid between layer 1 and the output");
        assertNotNull(LinearTail.of(net, batch, forward, 2));
        assertNull(LinearTail.of(net, batch, forward, 3), "the output layer itself");
    }

    @Test
    void aUnitAboveSittingOnItsKinkSendsEveryMoveBack() {
        // z^2_0 = 0 exactly in sample 0 (b^2_0 cancels w^2 a^1): any move of a^1 may cross relu's kink there
        Network net = Network.initialised(1, List.of(new Layer(1, Activation.IDENTITY), new Layer(1, Activation.RELU),
                new Layer(2, Activation.IDENTITY)), Loss.QUADRATIC, 3);
        net.w(1).set(0, 0, 1.0);
        net.b(1).set(0, 0.0);
        net.w(2).set(0, 0, 2.0);
        net.b(2).set(0, -1.0);
        Batch batch = new Batch(new org.ejml.data.DMatrixRMaj(new double[][]{{0.5}}),
                new org.ejml.data.DMatrixRMaj(new double[][]{{0.1}, {0.2}}));
        ForwardTrace forward = Forward.run(net, batch);
        assertEquals(0.0, forward.z(2).get(0, 0));
        LinearTail.Scratch s = LinearTail.of(net, batch, forward, 1).scratch();
        assertNull(s.weight(0, 0, 1e-5));
        assertNull(s.bias(0, -1e-5));
        Value reference = IncrementalCost.of(net, batch, forward, Precision.DOUBLE).workspace().bias(1, 0, 1e-5);
        assertTrue(reference.crossedKink(), "the layer-by-layer update reports the crossing the tail declined");
    }
}
