package org.backprop.workbench.kernel;

/**
 * The arithmetic a kernel's formula is written in, so that one formula serves the real numbers and their complex
 * continuation (the complex step evaluates the kernels in {@code numeric.ComplexArithmetic}). Every operation is
 * the analytic one; {@link #re} exists only for the branches that keep exp from overflowing, which are taken on the
 * real part so that the continuation is analytic on each side.
 *
 * <p>Three arithmetics: {@link DoubleArithmetic#INSTANCE} (double), {@link DoubleArithmetic#FLOAT} (the float model
 * of the checks: every stored value rounded to single precision) and {@code numeric.ComplexArithmetic}.
 *
 * @param <T> the number type (Double, Complex)
 */
public interface Arithmetic<T> {
    T real(double x);

    /**
     * True for a real arithmetic (double, float), false for the complex continuation. In a real one a kernel may
     * branch on the value (relu) or evaluate a real-only function (gelu's Φ); in the complex one only the analytic
     * kernels have a formula, and the others refuse by name.
     */
    boolean isReal();

    /**
     * x as a forward pass stores it (the parameters, the inputs, each z, a, C_x and C): x itself, except in
     * {@link DoubleArithmetic#FLOAT}, which rounds it to single precision. Operations between two stores are carried
     * out in the arithmetic's own precision.
     */
    default T stored(T x) { return x; }

    /** The real part, for the choice of a branch. */
    double re(T x);

    T plus(T x, T y);

    T minus(T x, T y);

    T times(T x, T y);

    T times(T x, double y);

    T divide(T x, T y);

    T negate(T x);

    T exp(T x);

    /** Principal logarithm. */
    T log(T x);

    /** ln(1 + x), accurate for small x. */
    T log1p(T x);

    T tanh(T x);

    /** x², the analytic square. */
    default T square(T x) { return times(x, x); }

    default T plus(T x, double y) { return plus(x, real(y)); }

    default T reciprocal(T x) { return divide(real(1), x); }

    /** x / y for a real y (the 1/m of a batch mean). */
    default T divide(T x, double y) { return divide(x, real(y)); }
}
