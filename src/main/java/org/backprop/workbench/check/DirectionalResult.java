package org.backprop.workbench.check;

import org.backprop.workbench.numeric.DifferenceMethod;

/**
 * A directional check: the derivative of C along one random unit direction u of all the parameters, by backprop
 * (∇C · u) and numerically (for central differences [C(θ + hu) − C(θ − hu)] / 2h). One number for the whole
 * network: a wrong formula anywhere changes ∇C · u unless the error happens to be orthogonal to u.
 *
 * @param analytic      ∇C · u from backprop's ∂C/∂w and ∂C/∂b
 * @param numeric       the estimate of the method
 * @param relativeError see {@link Thresholds#relativeError}
 * @param verdict       as for a single number
 * @param method        the difference method
 * @param epsilon       its step h
 * @param seed          the seed that drew u
 * @param parameters    the dimension of u
 * @param reason        why, where the relative error alone does not say
 * @param noise         the rounding noise of the numerical value (see {@link NoiseModel})
 */
public record DirectionalResult(double analytic, double numeric, double relativeError, Verdict verdict,
                                DifferenceMethod method, double epsilon, long seed, long parameters,
                                Reason reason, double noise) {
}
