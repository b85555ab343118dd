package org.backprop.workbench.bench;

import org.backprop.workbench.check.CheckResult;
import org.backprop.workbench.check.GradientCheck;
import org.backprop.workbench.engine.Activation;
import org.backprop.workbench.engine.Backprop;
import org.backprop.workbench.engine.BackwardTrace;
import org.backprop.workbench.engine.Batch;
import org.backprop.workbench.engine.Forward;
import org.backprop.workbench.engine.ForwardTrace;
import org.backprop.workbench.engine.Layer;
import org.backprop.workbench.engine.Loss;
import org.backprop.workbench.engine.Network;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GradientBenchmarkTest {

    @Test
    void theBenchmarksNaiveSideComputesExactlyWhatGradientCheckComputes() {
        Network net = Network.initialised(5, List.of(new Layer(4, Activation.SIGMOID), new Layer(3, Activation.RELU),
                new Layer(3, Activation.IDENTITY)), Loss.SOFTMAX_CROSS_ENTROPY, 8);
        Batch batch = GradientBenchmark.batch(net, 4, 8);
        ForwardTrace forward = Forward.run(net, batch);
        BackwardTrace backward = new Backprop().run(net, forward, batch);
        List<CheckResult> reference = new GradientCheck().run(net, batch, forward, backward);
        double[] naive = GradientBenchmark.naive(net, batch, forward, reference, 1e-5);
        for (int i = 0; i < naive.length; i++) {
            assertEquals(reference.get(i).numeric(), naive[i], 0.0, reference.get(i).toString());
        }
    }

    @Test
    void theBenchmarkNetworkIsMnistSized() {
        Network net = GradientBenchmark.network(Activation.SIGMOID, Activation.RELU, 1);
        assertEquals(109_386, net.parameterCount());
        assertEquals("784-128-64-10 sigmoid/relu/identity, softmax-cross-entropy", net.describe());
        Batch batch = GradientBenchmark.batch(net, GradientBenchmark.SAMPLES, 1);
        assertEquals(8, batch.size());
        for (int x = 0; x < 8; x++) {
            double sum = 0;
            for (int j = 0; j < 10; j++) {
                sum += batch.targets().get(j, x);
            }
            assertEquals(1.0, sum, "one-hot target of sample " + x);
        }
    }
}
