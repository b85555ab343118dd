package org.backprop.workbench.engine;

/**
 * One layer l ≥ 1: its size n_l and its activation sigma. (Layer 0, the input, has only a size.)
 */
public record Layer(int size, Activation activation) {
    public Layer {
        if (size <= 0) {
            throw new IllegalArgumentException("a layer needs at least one neuron, not " + size);
        }
    }
}
