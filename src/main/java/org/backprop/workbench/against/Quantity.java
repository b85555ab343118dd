package org.backprop.workbench.against;

/**
 * The quantities a values file may give, with the names the file and the JSON report use, in backprop order.
 */
public enum Quantity {
    /** C, the batch cost (mean over the samples). */
    LOSS("loss"),
    /** z^l = (w^l)^T a^{l-1} + b^l, n_l x m. */
    Z("z"),
    /** a^l = σ(z^l), n_l x m. */
    A("a"),
    /** ∇_a C, n_L x m, with the 1/m in it. */
    GRAD_A("gradA"),
    /** δ^l, n_l x m: BP1 at the output, BP2 below. */
    DELTA("delta"),
    /** ∂C/∂b^l, n_l (BP3). */
    GRAD_B("gradB"),
    /** ∂C/∂w^l, n_{l-1} x n_l, the shape of w^l (BP4). */
    GRAD_W("gradW");

    private final String id;

    Quantity(String id) {
        this.id = id;
    }

    /** The name in files and reports: {@code loss}, {@code z}, {@code delta}, {@code gradW}. */
    public String id() { return id; }

    /** The formula that produces it: {@code forward}, {@code gradA}, {@code BP1} .. {@code BP4}. */
    public String formula(int layer, int depth) {
        return switch (this) {
            case LOSS, Z, A -> "forward";
            case GRAD_A -> "gradA";
            case DELTA -> layer == depth ? "BP1" : "BP2";
            case GRAD_B -> "BP3";
            case GRAD_W -> "BP4";
        };
    }

    /** True for the quantities that belong to one layer (all but loss and ∇_a C). */
    public boolean perLayer() {
        return this != LOSS && this != GRAD_A;
    }

    /** The note's symbol: "δ^2", "∂C/∂w^1", "∇_a C", "C". */
    public String symbol(int layer) {
        return switch (this) {
            case LOSS -> "C";
            case Z -> "z^" + layer;
            case A -> "a^" + layer;
            case GRAD_A -> "∇_a C";
            case DELTA -> "δ^" + layer;
            case GRAD_B -> "∂C/∂b^" + layer;
            case GRAD_W -> "∂C/∂w^" + layer;
        };
    }

    /** The name of an array in an .npz and in messages: "gradW2", "loss", "gradA". */
    public String arrayName(int layer) {
        return perLayer() ? id + layer : id;
    }
}
