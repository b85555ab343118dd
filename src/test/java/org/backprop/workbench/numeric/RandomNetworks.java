package org.backprop.workbench.numeric;

import org.backprop.workbench.engine.Activation;
import org.backprop.workbench.engine.Batch;
import org.backprop.workbench.engine.Layer;
import org.backprop.workbench.engine.Loss;
import org.backprop.workbench.engine.Network;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random networks and batches for the numerical tests. */
public final class RandomNetworks {
    private RandomNetworks() {
    }

    /** Smooth (analytic) hidden activations, softmax included. */
    public static final List<Activation> SMOOTH_HIDDEN = List.of(Activation.SIGMOID, Activation.TANH,
            Activation.SOFTPLUS, Activation.SOFTMAX, Activation.IDENTITY, Activation.SWISH);

    /** Every hidden activation, kinked ones included. */
    public static final List<Activation> ANY_HIDDEN = List.of(Activation.SIGMOID, Activation.TANH,
            Activation.SOFTPLUS, Activation.SOFTMAX, Activation.IDENTITY, Activation.RELU, Activation.LEAKY_RELU,
            Activation.GELU, Activation.SWISH);

    /** An output activation and a loss that fit, chosen by index. */
    public static Layer outputLayer(int size, Loss loss) {
        Activation out = loss.requiredOutput() != null ? loss.requiredOutput() : Activation.TANH;
        return new Layer(size, out);
    }

    /** A network and batch: 1-3 hidden layers of 1-5 neurons, m = 1-4 samples. */
    public static Example random(Random random, List<Activation> hidden) {
        int n0 = 1 + random.nextInt(4);
        int depth = 1 + random.nextInt(3);
        List<Layer> layers = new ArrayList<>();
        for (int l = 1; l < depth; l++) {
            layers.add(new Layer(1 + random.nextInt(5), hidden.get(random.nextInt(hidden.size()))));
        }
        Loss loss = Loss.values()[random.nextInt(Loss.values().length)];
        int nL = 2 + random.nextInt(3);
        layers.add(outputLayer(nL, loss));
        Network net = Network.initialised(n0, layers, loss, random.nextLong());
        int m = 1 + random.nextInt(4);
        return new Example(net, batch(random, net, m));
    }

    /** Inputs uniform in ±1, targets that fit the loss. */
    public static Batch batch(Random random, Network net, int m) {
        int n0 = net.size(0);
        int nL = net.size(net.depth());
        DMatrixRMaj inputs = new DMatrixRMaj(n0, m);
        for (int i = 0; i < inputs.data.length; i++) {
            inputs.data[i] = 2 * random.nextDouble() - 1;
        }
        DMatrixRMaj targets = new DMatrixRMaj(nL, m);
        for (int x = 0; x < m; x++) {
            if (net.loss().needsDistributionTargets()) {
                targets.set(random.nextInt(nL), x, 1.0);
            } else if (net.loss().needsUnitIntervalTargets()) {
                for (int j = 0; j < nL; j++) {
                    targets.set(j, x, random.nextDouble());
                }
            } else {
                for (int j = 0; j < nL; j++) {
                    targets.set(j, x, 2 * random.nextDouble() - 1);
                }
            }
        }
        return new Batch(inputs, targets);
    }

    public record Example(Network net, Batch batch) {
    }
}
