package org.backprop.workbench.numeric;

import org.backprop.workbench.kernel.DoubleArithmetic;
import org.backprop.workbench.util.Ids;

import java.util.Optional;

/**
 * The arithmetic of the forward passes a numerical check runs. FLOAT rounds the parameters, the inputs and every
 * stored intermediate (z, a, each sample's cost and the batch cost) to single precision, which is what a check
 * run in float sees: a cost known to about 6e-8 relative, so a central difference with ε = 1e-5 carries a rounding
 * error near 6e-8 / 1e-5 ≈ 1e-2 relative, instead of 1e-11 in double. Sums are accumulated in double before
 * rounding, so FLOAT is, if anything, slightly kinder than true float arithmetic.
 */
public enum Precision {
    DOUBLE("double"),
    FLOAT("float");

    private static final Ids<Precision> IDS = new Ids<>(values(), Precision::id);

    private final String id;

    Precision(String id) {
        this.id = id;
    }

    public String id() { return id; }

    /** The unit roundoff: 2^−53 in double, 2^−24 in float. */
    public double unitRoundoff() {
        return this == FLOAT ? 0x1p-24 : 0x1p-53;
    }

    /** x as stored in this precision: {@link #arithmetic()}'s {@code stored}. */
    public double round(double x) {
        return arithmetic().stored(x);
    }

    /** The arithmetic of the generic forward pass in this precision ({@code engine.GenericForward}). */
    public DoubleArithmetic arithmetic() {
        return this == FLOAT ? DoubleArithmetic.FLOAT : DoubleArithmetic.INSTANCE;
    }

    public static Optional<Precision> fromId(String id) { return IDS.find(id); }

    public static String ids() { return IDS.list(); }

    @Override
    public String toString() { return id; }
}
