package org.backprop.workbench.kernel;

/**
 * Real arithmetic in double: the reference against which each kernel's specialised real form
 * ({@link ActivationKernel#value(double)}) is tested, and, with every stored value rounded to single precision, the
 * float model of the numerical checks ({@link #FLOAT}).
 */
public final class DoubleArithmetic implements Arithmetic<Double> {
    /** Double throughout. */
    public static final DoubleArithmetic INSTANCE = new DoubleArithmetic(false);

    /**
     * The float model of {@code numeric.Precision.FLOAT}: each operation in double, each stored value (parameter,
     * input, z, a, C_x, C) rounded to float, so a sum of products is rounded once, as it is stored, not after every
     * term. Kinder than IEEE single throughout by at most the rounding of the partial sums.
     */
    public static final DoubleArithmetic FLOAT = new DoubleArithmetic(true);

    private final boolean storesFloat;

    private DoubleArithmetic(boolean storesFloat) {
        this.storesFloat = storesFloat;
    }

    @Override public boolean isReal() { return true; }
    @Override public Double stored(Double x) { return storesFloat ? (double) (float) (double) x : x; }
    @Override public Double real(double x) { return x; }
    @Override public double re(Double x) { return x; }
    @Override public Double plus(Double x, Double y) { return x + y; }
    @Override public Double minus(Double x, Double y) { return x - y; }
    @Override public Double times(Double x, Double y) { return x * y; }
    @Override public Double times(Double x, double y) { return x * y; }
    @Override public Double divide(Double x, Double y) { return x / y; }
    @Override public Double negate(Double x) { return -x; }
    @Override public Double exp(Double x) { return Math.exp(x); }
    @Override public Double log(Double x) { return Math.log(x); }
    @Override public Double log1p(Double x) { return Math.log1p(x); }
    @Override public Double tanh(Double x) { return Math.tanh(x); }
    @Override public Double reciprocal(Double x) { return 1.0 / x; }
    @Override public Double divide(Double x, double y) { return x / y; }
}
