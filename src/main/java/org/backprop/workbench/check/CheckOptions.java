package org.backprop.workbench.check;

import org.backprop.workbench.numeric.DifferenceMethod;
import org.backprop.workbench.numeric.Epsilon;
import org.backprop.workbench.numeric.Precision;

/**
 * How a fast gradient check runs.
 *
 * @param method    how each number is estimated
 * @param epsilon   the step h, positive and finite, or {@link Epsilon#AUTO} (a step chosen per number; double
 *                  precision and every number only)
 * @param precision the arithmetic of the numerical forward passes
 * @param mode      which numbers are checked
 * @param threads   worker threads, at least 1
 */
public record CheckOptions(DifferenceMethod method, double epsilon, Precision precision, CheckMode mode, int threads) {
    public CheckOptions {
        if (!Epsilon.isAuto(epsilon) && (!(epsilon > 0) || !Double.isFinite(epsilon))) {
            throw new IllegalArgumentException("ε must be a positive finite number or auto, not " + epsilon);
        }
        if (Epsilon.isAuto(epsilon) && (precision != Precision.DOUBLE || !(mode instanceof CheckMode.All))) {
            throw new IllegalArgumentException("ε = auto works with every number checked in double precision");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("at least one thread is needed, not " + threads);
        }
    }

    /** Central differences with ε = 1e-5 in double, every number, all cores. */
    public static CheckOptions defaults() {
        return of(DifferenceMethod.CENTRAL);
    }

    /** The method with its default step, double precision, every number, all cores. */
    public static CheckOptions of(DifferenceMethod method) {
        return new CheckOptions(method, method.defaultStep(), Precision.DOUBLE, CheckMode.ALL, allCores());
    }

    /** Another method with its default step. */
    public CheckOptions withMethod(DifferenceMethod newMethod) {
        return new CheckOptions(newMethod, newMethod.defaultStep(), precision, mode, threads);
    }

    /** True if the step is chosen per number ({@link Epsilon#AUTO}). */
    public boolean isAuto() { return Epsilon.isAuto(epsilon); }

    public CheckOptions withEpsilon(double newEpsilon) {
        return new CheckOptions(method, newEpsilon, precision, mode, threads);
    }

    public CheckOptions withPrecision(Precision newPrecision) {
        return new CheckOptions(method, epsilon, newPrecision, mode, threads);
    }

    public CheckOptions withMode(CheckMode newMode) {
        return new CheckOptions(method, epsilon, precision, newMode, threads);
    }

    public CheckOptions withThreads(int newThreads) {
        return new CheckOptions(method, epsilon, precision, mode, newThreads);
    }

    /** The number of processors the JVM may use. */
    public static int allCores() {
        return Runtime.getRuntime().availableProcessors();
    }
}
