package org.backprop.workbench.explore;

import org.backprop.workbench.engine.Backprop;
import org.backprop.workbench.engine.BackwardTrace;
import org.backprop.workbench.engine.Batch;
import org.backprop.workbench.engine.Forward;
import org.backprop.workbench.engine.ForwardTrace;
import org.backprop.workbench.engine.Network;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.ArrayList;
import java.util.List;

/**
 * Full-batch gradient descent with the correct backprop: θ ← θ − η ∂C/∂θ for every w^l and b^l. Training always
 * uses the note's formulas; a deliberate mistake is only applied when the trained network is checked.
 */
public final class GradientDescent {
    private GradientDescent() {
    }

    /** A learning rate that trains the small example networks visibly within a few hundred steps. */
    public static final double DEFAULT_LEARNING_RATE = 0.5;

    /** The network before a step, the cost C it had and the network after the step. */
    public record Step(double cost, Network next) {
    }

    /**
     * One step: forward, backward, then w^l − η ∂C/∂w^l (n_{l-1} x n_l) and b^l − η ∂C/∂b^l (n_l x 1).
     *
     * @param learningRate η, positive
     */
    public static Step step(Network net, Batch batch, double learningRate) {
        ForwardTrace forward = Forward.run(net, batch);
        BackwardTrace backward = new Backprop().run(net, forward, batch);
        List<DMatrixRMaj> weights = new ArrayList<>();
        List<DMatrixRMaj> biases = new ArrayList<>();
        for (int l = 1; l <= net.depth(); l++) {
            DMatrixRMaj w = new DMatrixRMaj(net.w(l).numRows, net.w(l).numCols);
            CommonOps_DDRM.add(net.w(l), -learningRate, backward.gradW(l), w);
            DMatrixRMaj b = new DMatrixRMaj(net.b(l).numRows, 1);
            CommonOps_DDRM.add(net.b(l), -learningRate, backward.gradB(l), b);
            weights.add(w);
            biases.add(b);
        }
        return new Step(forward.cost(), new Network(net.size(0), net.layers(), net.loss(), weights, biases));
    }

    /** C of a network on a batch. */
    public static double cost(Network net, Batch batch) {
        return Forward.run(net, batch).cost();
    }
}
