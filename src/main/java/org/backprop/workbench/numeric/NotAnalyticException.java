package org.backprop.workbench.numeric;

import org.backprop.workbench.i18n.Messages;

/**
 * The complex step was asked of a network that is not analytic: relu and leaky-relu have a kink at 0, so
 * C(θ + ih) is not defined by analytic continuation and Im C(θ + ih)/h would not be a derivative; gelu would need a
 * complex erf, which is not implemented. The activation is named, never silently wrong.
 */
public final class NotAnalyticException extends IllegalArgumentException {
    private final int layer;

    public NotAnalyticException(int layer, String activation) {
        this(layer, activation, Messages.get("check.notAnalytic.kink", "0"));
    }

    /**
     * @param reason why the activation has no complex continuation here, as its kernel says
     *               (e.g. "its kink at 0 has no complex extension", in the current language)
     */
    public NotAnalyticException(int layer, String activation, String reason) {
        super(Messages.get("check.notAnalytic", String.valueOf(layer), activation, reason));
        this.layer = layer;
    }

    /** The first layer whose activation is not analytic. */
    public int layer() { return layer; }
}
