package org.backprop.workbench.kernel;

/**
 * Real arithmetic in double: the reference against which each kernel's specialised real form
 * ({@link ActivationKernel#value(double)}) is tested.
 */
public final class DoubleArithmetic implements Arithmetic<Double> {
    public static final DoubleArithmetic INSTANCE = new DoubleArithmetic();

    private DoubleArithmetic() {
    }

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
