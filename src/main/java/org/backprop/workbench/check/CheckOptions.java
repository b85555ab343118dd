package org.backprop.workbench.check;

import org.backprop.workbench.numeric.DifferenceMethod;
import org.backprop.workbench.numeric.Precision;

/**
 * How a fast gradient check runs.
 *
 * @param method    how each number is estimated
 * @param epsilon   the step h, positive and finite
 * @param precision the arithmetic of the numerical forward passes
 * @param mode      which numbers are checked
 * @param threads   worker threads, at least 1
 */
public record CheckOptions(DifferenceMethod method, double epsilon, Precision precision, CheckMode mode, int threads) {
    public CheckOptions {
        if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
            throw new IllegalArgumentException("ε must be a positive finite number, not " + epsilon);
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
