package org.backprop.workbench.numeric;

/**
 * A complex number x + iy, with the few analytic functions the complex-step forward pass needs. Every function here
 * is the analytic continuation of the real function the engine uses, written the same way (same branches on the real
 * part) so that for y = 0 it gives the engine's real value and for tiny y its imaginary part is y times the
 * derivative.
 *
 * @param re x
 * @param im y
 */
public record Complex(double re, double im) {
    public static final Complex ZERO = new Complex(0, 0);

    /**
     * Below this |y| (relative to 1), cos y = 1, sin y = tan y = y and atan y = y to the last bit of a double: the
     * next Taylor terms, y²/2 and y³/6, are under half a unit in the last place. The complex step's y (about 1e-20
     * times a derivative) always is, so the shortcuts spare it three transcendental calls per function.
     */
    static final double TINY = 1e-8;

    public static Complex real(double x) { return new Complex(x, 0); }

    public Complex plus(Complex o) { return new Complex(re + o.re, im + o.im); }

    public Complex plus(double x) { return new Complex(re + x, im); }

    public Complex minus(Complex o) { return new Complex(re - o.re, im - o.im); }

    public Complex negate() { return new Complex(-re, -im); }

    public Complex times(double x) { return new Complex(re * x, im * x); }

    public Complex times(Complex o) { return new Complex(re * o.re - im * o.im, re * o.im + im * o.re); }

    public Complex divide(Complex o) {
        double den = o.re * o.re + o.im * o.im;
        return new Complex((re * o.re + im * o.im) / den, (im * o.re - re * o.im) / den);
    }

    /** 1 / this. */
    public Complex reciprocal() {
        double den = re * re + im * im;
        return new Complex(re / den, -im / den);
    }

    /** e^(x + iy) = e^x (cos y + i sin y). */
    public Complex exp() {
        double e = Math.exp(re);
        if (Math.abs(im) < TINY) {
            return new Complex(e, e * im);
        }
        return new Complex(e * Math.cos(im), e * Math.sin(im));
    }

    /** Principal logarithm ln|z| + i arg z. */
    public Complex log() {
        if (re > 0 && Math.abs(im) < TINY * re) {
            return new Complex(Math.log(re), im / re);
        }
        return new Complex(Math.log(Math.hypot(re, im)), Math.atan2(im, re));
    }

    /** ln(1 + z), accurate for small z: ½ ln1p(2x + x² + y²) + i atan2(y, 1 + x). */
    public Complex log1p() {
        return new Complex(0.5 * Math.log1p(2 * re + re * re + im * im), Math.atan2(im, 1 + re));
    }

    /** z², the analytic square (not |z|²). */
    public Complex square() { return new Complex(re * re - im * im, 2 * re * im); }

    /** Both parts rounded by a precision. */
    public Complex round(Precision precision) {
        return new Complex(precision.round(re), precision.round(im));
    }

    /**
     * tanh(x + iy) = [tanh x (1 + tan² y) + i tan y sech² x] / (1 + tanh² x tan² y) (Kahan's form, stable for
     * any x).
     */
    public static Complex tanh(Complex z) {
        double t = Math.tanh(z.re);
        double s = Math.abs(z.im) < TINY ? z.im : Math.tan(z.im);
        double e = Math.exp(-2 * Math.abs(z.re));
        double sech2 = 4 * e / ((1 + e) * (1 + e));   // 1 − tanh² x without its cancellation for large |x|
        double den = 1 + t * t * s * s;
        return new Complex(t * (1 + s * s) / den, s * sech2 / den);
    }
}
