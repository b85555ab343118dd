package org.backprop.workbench.numeric;

import org.backprop.workbench.kernel.Arithmetic;

/** Complex arithmetic for the kernels' formulas: the complex step evaluates each activation and loss through it. */
public final class ComplexArithmetic implements Arithmetic<Complex> {
    public static final ComplexArithmetic INSTANCE = new ComplexArithmetic();

    private ComplexArithmetic() {
    }

    @Override public boolean isReal() { return false; }
    @Override public Complex real(double x) { return Complex.real(x); }
    @Override public double re(Complex x) { return x.re(); }
    @Override public Complex plus(Complex x, Complex y) { return x.plus(y); }
    @Override public Complex plus(Complex x, double y) { return x.plus(y); }
    @Override public Complex minus(Complex x, Complex y) { return x.minus(y); }
    @Override public Complex times(Complex x, Complex y) { return x.times(y); }
    @Override public Complex times(Complex x, double y) { return x.times(y); }
    @Override public Complex divide(Complex x, Complex y) { return x.divide(y); }
    @Override public Complex negate(Complex x) { return x.negate(); }
    @Override public Complex exp(Complex x) { return x.exp(); }
    @Override public Complex log(Complex x) { return x.log(); }
    @Override public Complex log1p(Complex x) { return x.log1p(); }
    @Override public Complex tanh(Complex x) { return Complex.tanh(x); }
    @Override public Complex square(Complex x) { return x.square(); }
    @Override public Complex reciprocal(Complex x) { return x.reciprocal(); }
    @Override public Complex divide(Complex x, double y) { return new Complex(x.re() / y, x.im() / y); }
}
