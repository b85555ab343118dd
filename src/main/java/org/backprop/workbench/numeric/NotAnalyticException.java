package org.backprop.workbench.numeric;

/**
 * The complex step was asked of a network that is not analytic: relu and leaky-relu have a kink at 0, so
 * C(θ + ih) is not defined by analytic continuation and Im C(θ + ih)/h would not be a derivative.
 */
public final class NotAnalyticException extends IllegalArgumentException {
    private final int layer;

    public NotAnalyticException(int layer, String activation) {
        super("the complex step needs an analytic network, but layer " + layer + " is " + activation
                + " (its kink at 0 has no complex extension); choose central differences or Richardson extrapolation");
        this.layer = layer;
    }

    /** The first layer whose activation is not analytic. */
    public int layer() { return layer; }
}
