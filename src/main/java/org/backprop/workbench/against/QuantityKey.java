package org.backprop.workbench.against;

/**
 * One quantity of one layer: (DELTA, 1) is δ^1. Loss and ∇_a C carry layer 0 and L respectively.
 */
public record QuantityKey(Quantity quantity, int layer) {
    public String arrayName() { return quantity.arrayName(layer); }

    public String symbol() { return quantity.symbol(layer); }
}
