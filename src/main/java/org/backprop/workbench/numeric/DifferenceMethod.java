package org.backprop.workbench.numeric;

import org.backprop.workbench.i18n.Messages;
import org.backprop.workbench.util.Ids;

import java.util.Optional;

/**
 * How a derivative C'(θ) is estimated from values of the cost along one coordinate (or direction), C(θ + t).
 * The error of each is a truncation term (from the Taylor series) plus a rounding term (the cost is known only to
 * about eps_machine·|C|, eps_machine ≈ 1.1e-16 in double); see docs/NUMERICS.md.
 */
public enum DifferenceMethod {
    /** (C(θ + h) − C(θ)) / h: error h·|C''|/2 + 2 eps_machine |C| / h, least near h ≈ 1e-8, about 1e-8. */
    FORWARD("forward", "check.method.forward", "O(ε)", 1e-8, 1),
    /** (C(θ + h) − C(θ − h)) / 2h: error h²·|C'''|/6 + eps_machine |C| / h, least near h ≈ 1e-5, about 1e-10. */
    CENTRAL("central", "check.method.central", "O(ε²)", 1e-5, 2),
    /**
     * Richardson extrapolation of central differences, (4 D(h/2) − D(h)) / 3 with D(h) the central difference:
     * the h² terms cancel, error h⁴·|C⁽⁵⁾|/480 + about 3 eps_machine |C| / h, least near h ≈ 1e-3.
     */
    RICHARDSON("richardson", "check.method.richardson", "O(ε⁴)", 1e-3, 4),
    /**
     * Complex step Im C(θ + ih) / h: no subtraction, so no cancellation; error h²·|C'''|/6 relative to nothing but
     * the truncation, below eps_machine for h ≤ 1e-8. Needs an analytic network (no relu).
     */
    COMPLEX_STEP("complex-step", "check.method.complexStep", "O(ε²)", 1e-20, 1);

    private static final Ids<DifferenceMethod> IDS = new Ids<>(values(), DifferenceMethod::id);

    private final String id;
    /** The bundle key of {@link #description()}. */
    private final String description;
    private final String order;
    private final double defaultStep;
    private final int evaluations;

    DifferenceMethod(String id, String description, String order, double defaultStep, int evaluations) {
        this.id = id;
        this.description = description;
        this.order = order;
        this.defaultStep = defaultStep;
        this.evaluations = evaluations;
    }

    /** The name on the command line and in reports, e.g. {@code complex-step}. */
    public String id() { return id; }

    /** "central differences" (中心差分), in the current language, for reports. */
    public String description() { return Messages.get(description); }

    /** The order of the truncation error, e.g. "O(ε²)" ("O(ε²), no subtraction" for the complex step), for legends. */
    public String order() { return this == COMPLEX_STEP ? Messages.get("check.method.orderComplexStep", order) : order; }

    /**
     * The step h with the least total error for a cost and derivatives of order 1 (see each constant); the complex
     * step has no rounding term, so any tiny h works and 1e-20 makes the truncation error vanish.
     */
    public double defaultStep() { return defaultStep; }

    /** Cost evaluations per estimate beyond the unperturbed cost (the complex one counts once). */
    public int evaluations() { return evaluations; }

    /** True for the complex step, which needs a complex forward pass. */
    public boolean isComplex() { return this == COMPLEX_STEP; }

    /**
     * The cost along one coordinate or direction of the parameters (or of z^l_jx), C(θ + t).
     */
    public interface Probe {
        /** C(θ + t) for real t, and whether reaching it moved a relu-like input across 0. */
        Value real(double t);

        /** Im C(θ + ih), the cost with an imaginary step (only called by the complex step). */
        double imaginary(double h);
    }

    /** A cost value and whether a relu-like pre-activation changed sign on the way. */
    public record Value(double cost, boolean crossedKink) {
    }

    /**
     * A derivative estimate, whether any evaluation behind it crossed a kink, and the largest |C| among those
     * evaluations (what their rounding scales with; NaN where unknown).
     */
    public record Estimate(double value, boolean crossedKink, double magnitude) {
        public Estimate(double value, boolean crossedKink) {
            this(value, crossedKink, Double.NaN);
        }
    }

    private static double largest(Value... values) {
        double max = 0;
        for (Value v : values) {
            max = Math.max(max, Math.abs(v.cost()));
        }
        return max;
    }

    /**
     * The estimate of C'(θ) with step h.
     *
     * @param h the step, positive
     */
    public Estimate estimate(Probe probe, double h) {
        return switch (this) {
            case FORWARD -> {
                Value plus = probe.real(h);
                Value base = probe.real(0);
                yield new Estimate((plus.cost() - base.cost()) / h, plus.crossedKink(), largest(plus, base));
            }
            case CENTRAL -> {
                Value plus = probe.real(h);
                Value minus = probe.real(-h);
                yield new Estimate((plus.cost() - minus.cost()) / (2 * h), plus.crossedKink() || minus.crossedKink(),
                        largest(plus, minus));
            }
            case RICHARDSON -> {
                Value plus = probe.real(h);
                Value minus = probe.real(-h);
                Value halfPlus = probe.real(h / 2);
                Value halfMinus = probe.real(-h / 2);
                double wide = (plus.cost() - minus.cost()) / (2 * h);
                double narrow = (halfPlus.cost() - halfMinus.cost()) / h;
                boolean kink = plus.crossedKink() || minus.crossedKink() || halfPlus.crossedKink()
                        || halfMinus.crossedKink();
                yield new Estimate((4 * narrow - wide) / 3, kink, largest(plus, minus, halfPlus, halfMinus));
            }
            case COMPLEX_STEP -> new Estimate(probe.imaginary(h) / h, false, 0);
        };
    }

    /**
     * True if a step of h from θ moves nothing in floating point for this method: θ + h == θ or θ − h == θ (the
     * smallest step the method takes: h/2 for Richardson). The complex step never adds h to θ.
     */
    public boolean stepLost(double theta, double h) {
        double smallest = this == RICHARDSON ? h / 2 : h;
        return switch (this) {
            case COMPLEX_STEP -> false;
            case FORWARD -> theta + smallest == theta;
            default -> theta + smallest == theta || theta - smallest == theta;
        };
    }

    public static Optional<DifferenceMethod> fromId(String id) { return IDS.find(id); }

    /** "forward, central, richardson, complex-step". */
    public static String ids() { return IDS.list(); }

    @Override
    public String toString() { return id; }
}
