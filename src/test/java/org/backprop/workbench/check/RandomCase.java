package org.backprop.workbench.check;

import org.backprop.workbench.engine.Activation;
import org.backprop.workbench.engine.Batch;
import org.backprop.workbench.engine.Layer;
import org.backprop.workbench.engine.Loss;
import org.backprop.workbench.engine.Network;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A random network and batch for property tests: the structure is chosen by jqwik, the numbers come from a seeded
 * generator (Glorot/He initialisation, inputs uniform in ±1, targets that fit the loss).
 */
record RandomCase(Network network, Batch batch, long seed) {

    /**
     * @param hidden activations of the hidden layers (0 or more)
     * @param loss   the loss; the output activation is the one it needs, or {@code quadraticOutput} for quadratic
     * @param m      samples
     */
    static RandomCase of(List<Activation> hidden, Loss loss, Activation quadraticOutput, int m, long seed) {
        Random random = new Random(seed);
        int n0 = 1 + random.nextInt(4);
        List<Layer> layers = new ArrayList<>();
        for (Activation sigma : hidden) {
            layers.add(new Layer(1 + random.nextInt(4), sigma));
        }
        Activation output = loss.requiredOutput() != null ? loss.requiredOutput() : quadraticOutput;
        layers.add(new Layer(1 + random.nextInt(4), output));
        Network net = Network.initialised(n0, layers, loss, random.nextLong());
        return new RandomCase(net, batch(random, net, m), seed);
    }

    /** Inputs uniform in ±1; targets: a random distribution for the cross-entropies, in [0, 1] or ±1 otherwise. */
    static Batch batch(Random random, Network net, int m) {
        int nL = net.size(net.depth());
        DMatrixRMaj inputs = new DMatrixRMaj(net.size(0), m);
        for (int i = 0; i < inputs.data.length; i++) {
            inputs.data[i] = 2 * random.nextDouble() - 1;
        }
        DMatrixRMaj targets = new DMatrixRMaj(nL, m);
        for (int x = 0; x < m; x++) {
            if (net.loss().needsDistributionTargets()) {
                double sum = 0;
                for (int j = 0; j < nL; j++) {
                    double v = -Math.log(1 - random.nextDouble());   // exponential: a uniform point of the simplex
                    targets.set(j, x, v);
                    sum += v;
                }
                for (int j = 0; j < nL; j++) {
                    targets.set(j, x, targets.get(j, x) / sum);
                }
            } else {
                for (int j = 0; j < nL; j++) {
                    double u = random.nextDouble();
                    targets.set(j, x, net.loss().needsUnitIntervalTargets() ? u : 2 * u - 1);
                }
            }
        }
        return new Batch(inputs, targets);
    }

    boolean hasKinks() {
        return network.layers().stream().anyMatch(l -> l.activation().isKinked());
    }

    @Override
    public String toString() {
        return network.describe() + ", m = " + batch.size() + ", seed " + seed;
    }
}
