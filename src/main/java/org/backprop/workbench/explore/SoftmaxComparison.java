package org.backprop.workbench.explore;

import org.backprop.workbench.engine.Activation;
import org.backprop.workbench.engine.Backprop;
import org.backprop.workbench.engine.BackwardTrace;
import org.backprop.workbench.engine.Batch;
import org.backprop.workbench.engine.Forward;
import org.backprop.workbench.engine.ForwardTrace;
import org.backprop.workbench.engine.Layer;
import org.backprop.workbench.engine.Loss;
import org.backprop.workbench.engine.Network;
import org.backprop.workbench.i18n.Messages;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The same network with the same weights run two ways: softmax as the output activation with cross-entropy
 * (the "naive" form, C_x = −Σ t_j ln a_j computed from a), and an identity output with the loss-fused
 * softmax-cross-entropy (C_x = logsumexp(z) − Σ t_j z_j). Both give δ^L = softmax(z^L) − t (divided by m) up to
 * rounding; only the fused form survives large logits.
 */
public final class SoftmaxComparison {
    private SoftmaxComparison() {
    }

    /**
     * Targets must sum to 1 within this for cross-entropy to be a proper loss; the same tolerance as the network file
     * ({@code NetworkFile.DISTRIBUTION_TOLERANCE}).
     */
    public static final double DISTRIBUTION_TOLERANCE = 1e-9;

    /** Smallest logit scale of the scale sweep: the network as it is. */
    public static final double SCALE_FROM = 1;

    /**
     * Largest logit scale of the sweep. Naive cross-entropy becomes +∞ once a target class's softmax underflows,
     * i.e. once z_max − z_t exceeds about 745 (e^−745 is the smallest double); with output logits differing by
     * order 0.1–1, that needs a scale of 10³–10⁴, so the sweep reaches 10⁵.
     */
    public static final double SCALE_TO = 1e5;

    /** One of the two forms: the network, its forward and backward traces. */
    public record Side(Network network, ForwardTrace forward, BackwardTrace backward) {
        /** C, the batch cost. */
        public double cost() { return forward.cost(); }

        /** δ^L, n_L x m. */
        public DMatrixRMaj deltaL() { return backward.delta(network.depth()); }

        /** max |δ^L_jx|, NaN if any entry is NaN, +∞ if any is infinite. */
        public double maxAbsDelta() { return maxAbs(deltaL()); }
    }

    /** Both forms at one logit scale. */
    public record Result(double scale, Side naive, Side fused) {
        /** max |δ^L_naive − δ^L_fused| over every neuron and sample; NaN if either side is not finite. */
        public double maxAbsDifference() {
            DMatrixRMaj diff = new DMatrixRMaj(naive.deltaL().numRows, naive.deltaL().numCols);
            CommonOps_DDRM.subtract(naive.deltaL(), fused.deltaL(), diff);
            return maxAbs(diff);
        }

        /** The softmax Jacobian J_ij = a_i (δ_ij − a_j) of the naive side's output for sample x, n_L x n_L. */
        public DMatrixRMaj jacobian(int x) {
            return Activation.softmaxJacobian(naive.forward().z(naive.network().depth()), x);
        }
    }

    /** Costs and max |δ^L| of both forms at one scale, for the plot. */
    public record ScalePoint(double scale, double naiveCost, double fusedCost, double naiveDelta, double fusedDelta) {
    }

    /** Why the comparison cannot run on this network and batch, saying what it needs; empty if it can. */
    public static Optional<String> unsuitable(Network net, Batch batch) {
        int outputs = net.size(net.depth());
        if (outputs < 2) {
            return Optional.of(Messages.get("explore.softmax.fewOutputs", String.valueOf(outputs)));
        }
        DMatrixRMaj t = batch.targets();
        for (int x = 0; x < t.numCols; x++) {
            double sum = 0;
            for (int j = 0; j < t.numRows; j++) {
                double v = t.get(j, x);
                if (!(v >= 0)) {
                    return Optional.of(Messages.get("explore.softmax.negativeTarget", String.valueOf(j),
                            String.valueOf(x), String.valueOf(v)));
                }
                sum += v;
            }
            if (Math.abs(sum - 1) > DISTRIBUTION_TOLERANCE) {
                return Optional.of(Messages.get("explore.softmax.targetSum", String.valueOf(x), String.valueOf(sum)));
            }
        }
        return Optional.empty();
    }

    /** The network with a softmax output layer and cross-entropy, same weights. */
    public static Network naive(Network net) {
        return withOutput(net, Activation.SOFTMAX, Loss.CROSS_ENTROPY);
    }

    /** The network with an identity output layer and softmax-cross-entropy, same weights. */
    public static Network fused(Network net) {
        return withOutput(net, Activation.IDENTITY, Loss.SOFTMAX_CROSS_ENTROPY);
    }

    /**
     * The network with w^L and b^L multiplied by s, which multiplies every output logit z^L by s exactly
     * (z^L = (s w^L)^T a^{L−1} + s b^L = s z^L) and leaves the hidden layers alone.
     */
    public static Network scaled(Network net, double s) {
        int depth = net.depth();
        List<DMatrixRMaj> weights = net.weightList();
        List<DMatrixRMaj> biases = net.biasList();
        CommonOps_DDRM.scale(s, weights.get(depth - 1));
        CommonOps_DDRM.scale(s, biases.get(depth - 1));
        return new Network(net.size(0), net.layers(), net.loss(), weights, biases);
    }

    /** The network with a sigmoid output layer and binary cross-entropy, same weights: the activation view. */
    public static Network sigmoidNaive(Network net) {
        return withOutput(net, Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY);
    }

    /** The network with an identity output layer and sigmoid-cross-entropy, same weights: the loss-fused view. */
    public static Network sigmoidFused(Network net) {
        return withOutput(net, Activation.IDENTITY, Loss.SIGMOID_CROSS_ENTROPY);
    }

    /** Why the sigmoid pair cannot run on this batch (a target outside [0, 1]); empty if it can. */
    public static Optional<String> unsuitableForSigmoid(Batch batch) {
        DMatrixRMaj t = batch.targets();
        for (int x = 0; x < t.numCols; x++) {
            for (int j = 0; j < t.numRows; j++) {
                double v = t.get(j, x);
                if (!(v >= 0 && v <= 1)) {
                    return Optional.of(Messages.get("explore.sigmoid.targetRange", String.valueOf(j),
                            String.valueOf(x), String.valueOf(v)));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The second "two ways": sigmoid output + binary cross-entropy (δ^L through σ', which overflows from
     * |z^L| ≈ 709.8) against identity output + sigmoid-cross-entropy (δ^L = σ(z^L) − t, finite for any z), with the
     * output logits multiplied by {@code scale}. {@link Result#jacobian} does not apply to this pair.
     */
    public static Result compareSigmoid(Network net, Batch batch, double scale) {
        Network base = scale == 1 ? net : scaled(net, scale);
        return new Result(scale, side(sigmoidNaive(base), batch), side(sigmoidFused(base), batch));
    }

    /** Both forms of the network with its output logits multiplied by {@code scale}. */
    public static Result compare(Network net, Batch batch, double scale) {
        Network base = scale == 1 ? net : scaled(net, scale);
        return new Result(scale, side(naive(base), batch), side(fused(base), batch));
    }

    /** Costs and δ^L of both forms at {@code points} scales spread evenly on a log scale over [from, to]. */
    public static List<ScalePoint> sweepScale(Network net, Batch batch, double from, double to, int points) {
        List<ScalePoint> sweep = new ArrayList<>(points);
        double lo = Math.log10(from);
        double hi = Math.log10(to);
        for (int i = 0; i < points; i++) {
            double s = Math.pow(10, lo + (hi - lo) * i / (points - 1));
            Result r = compare(net, batch, s);
            sweep.add(new ScalePoint(s, r.naive().cost(), r.fused().cost(), r.naive().maxAbsDelta(),
                    r.fused().maxAbsDelta()));
        }
        return sweep;
    }

    private static Side side(Network net, Batch batch) {
        ForwardTrace forward = Forward.run(net, batch);
        return new Side(net, forward, new Backprop().run(net, forward, batch));
    }

    private static Network withOutput(Network net, Activation output, Loss loss) {
        List<Layer> layers = new ArrayList<>(net.layers());
        int last = layers.size() - 1;
        layers.set(last, new Layer(layers.get(last).size(), output));
        return new Network(net.size(0), layers, loss, net.weightList(), net.biasList());
    }

    static double maxAbs(DMatrixRMaj m) {
        double max = 0;
        for (double v : m.data) {
            if (Double.isNaN(v)) {
                return Double.NaN;
            }
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }
}
