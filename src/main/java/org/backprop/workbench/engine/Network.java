package org.backprop.workbench.engine;

import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A fully connected network: layer sizes n_0 .. n_L, an activation per layer l ≥ 1, a loss, and the parameters
 * w^l (n_{l-1} x n_l, rows = inputs, the note's convention) and b^l (n_l x 1).
 *
 * <p>Layers are numbered as in the note: l = 0 is the input, l = L the output. The matrices returned by
 * {@link #w(int)} and {@link #b(int)} are the network's own: callers read them and do not modify them; to change a
 * parameter, use {@link #withWeight}/{@link #withBias} or work on a {@link #copy()}.
 */
public final class Network {
    private final int inputSize;
    private final List<Layer> layers;      // layers.get(l - 1) is layer l
    private final Loss loss;
    private final DMatrixRMaj[] w;         // w[l], l = 1..L; w[0] unused
    private final DMatrixRMaj[] b;         // b[l], n_l x 1

    /**
     * @param inputSize n_0
     * @param layers    layers 1..L
     * @param weights   w^1 .. w^L, w^l of shape n_{l-1} x n_l
     * @param biases    b^1 .. b^L, b^l of shape n_l x 1
     */
    public Network(int inputSize, List<Layer> layers, Loss loss, List<DMatrixRMaj> weights, List<DMatrixRMaj> biases) {
        if (inputSize <= 0) {
            throw new IllegalArgumentException("the input layer needs at least one neuron");
        }
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer after the input");
        }
        this.inputSize = inputSize;
        this.layers = List.copyOf(layers);
        this.loss = loss;
        int depth = layers.size();
        if (weights.size() != depth || biases.size() != depth) {
            throw new IllegalArgumentException("expected " + depth + " weight matrices and bias vectors");
        }
        this.w = new DMatrixRMaj[depth + 1];
        this.b = new DMatrixRMaj[depth + 1];
        for (int l = 1; l <= depth; l++) {
            DMatrixRMaj wl = weights.get(l - 1);
            DMatrixRMaj bl = biases.get(l - 1);
            if (wl.numRows != size(l - 1) || wl.numCols != size(l)) {
                throw new IllegalArgumentException("w^" + l + " must be " + size(l - 1) + " x " + size(l)
                        + ", not " + wl.numRows + " x " + wl.numCols);
            }
            if (bl.numRows != size(l) || bl.numCols != 1) {
                throw new IllegalArgumentException("b^" + l + " must have " + size(l) + " entries");
            }
            w[l] = wl.copy();
            b[l] = bl.copy();
        }
    }

    /**
     * A network with parameters drawn from a seeded generator: w^l_kj uniform in ±sqrt(6 / (n_{l-1} + n_l))
     * (Glorot), ±sqrt(6 / n_{l-1}) for relu-like layers (He), and b^l_j uniform in ±{@value #INIT_BIAS_RANGE} so
     * that BP3 has something to show. The same seed always gives the same network.
     */
    public static Network initialised(int inputSize, List<Layer> layers, Loss loss, long seed) {
        Random random = new Random(seed);
        List<DMatrixRMaj> weights = new ArrayList<>();
        List<DMatrixRMaj> biases = new ArrayList<>();
        int previous = inputSize;
        for (Layer layer : layers) {
            double range = layer.activation().isKinked()
                    ? Math.sqrt(6.0 / previous)
                    : Math.sqrt(6.0 / (previous + layer.size()));
            DMatrixRMaj wl = new DMatrixRMaj(previous, layer.size());
            for (int i = 0; i < wl.data.length; i++) {
                wl.data[i] = (2 * random.nextDouble() - 1) * range;
            }
            DMatrixRMaj bl = new DMatrixRMaj(layer.size(), 1);
            for (int i = 0; i < bl.data.length; i++) {
                bl.data[i] = (2 * random.nextDouble() - 1) * INIT_BIAS_RANGE;
            }
            weights.add(wl);
            biases.add(bl);
            previous = layer.size();
        }
        return new Network(inputSize, layers, loss, weights, biases);
    }

    /** Initial biases are small but not zero, so that every formula has non-trivial numbers to show. */
    public static final double INIT_BIAS_RANGE = 0.1;

    /** L, the index of the output layer (= number of layers after the input). */
    public int depth() { return layers.size(); }

    /** n_l for l = 0..L. */
    public int size(int l) { return l == 0 ? inputSize : layers.get(l - 1).size(); }

    /** The activation of layer l ≥ 1. */
    public Activation activation(int l) { return layers.get(l - 1).activation(); }

    /** Layers 1..L. */
    public List<Layer> layers() { return layers; }

    public Loss loss() { return loss; }

    /** w^l, n_{l-1} x n_l; shared, not to be modified. */
    public DMatrixRMaj w(int l) { return w[l]; }

    /** b^l, n_l x 1; shared, not to be modified. */
    public DMatrixRMaj b(int l) { return b[l]; }

    /** Number of weights and biases. */
    public long parameterCount() {
        return parameterCount(inputSize, layers.stream().mapToInt(Layer::size).toArray());
    }

    /** Σ_l (n_{l-1} + 1) n_l, in long so that absurd sizes do not overflow. */
    public static long parameterCount(int inputSize, int[] sizes) {
        long count = 0;
        long previous = inputSize;
        for (int n : sizes) {
            count += (previous + 1) * n;
            previous = n;
        }
        return count;
    }

    /** A deep copy, free to modify. */
    public Network copy() {
        return new Network(inputSize, layers, loss, weightList(), biasList());
    }

    /** The same network with w^l_kj = value. */
    public Network withWeight(int l, int k, int j, double value) {
        List<DMatrixRMaj> weights = weightList();
        weights.get(l - 1).set(k, j, value);
        return new Network(inputSize, layers, loss, weights, biasList());
    }

    /** The same network with b^l_j = value. */
    public Network withBias(int l, int j, double value) {
        List<DMatrixRMaj> biases = biasList();
        biases.get(l - 1).set(j, 0, value);
        return new Network(inputSize, layers, loss, weightList(), biases);
    }

    /** The same network with another loss (the caller checks that it fits the output). */
    public Network withLoss(Loss newLoss) {
        return new Network(inputSize, layers, newLoss, weightList(), biasList());
    }

    /** The same parameters with other activations (same sizes). */
    public Network withLayers(List<Layer> newLayers) {
        return new Network(inputSize, newLayers, loss, weightList(), biasList());
    }

    /** Copies of w^1..w^L. */
    public List<DMatrixRMaj> weightList() {
        List<DMatrixRMaj> list = new ArrayList<>();
        for (int l = 1; l <= depth(); l++) {
            list.add(w[l].copy());
        }
        return list;
    }

    /** Copies of b^1..b^L. */
    public List<DMatrixRMaj> biasList() {
        List<DMatrixRMaj> list = new ArrayList<>();
        for (int l = 1; l <= depth(); l++) {
            list.add(b[l].copy());
        }
        return list;
    }

    /** "2-3-2 sigmoid/softmax, cross-entropy". */
    public String describe() {
        StringBuilder s = new StringBuilder().append(inputSize);
        for (Layer layer : layers) {
            s.append('-').append(layer.size());
        }
        s.append(' ');
        for (int l = 1; l <= depth(); l++) {
            s.append(l > 1 ? "/" : "").append(activation(l).id());
        }
        return s.append(", ").append(loss.id()).toString();
    }
}
