package org.backprop.workbench.check;

import java.util.Locale;

/** What a check says of one analytic number against its numerical counterpart. */
public enum Verdict {
    /** Relative error at most {@link Thresholds#PASS}. */
    PASS,
    /** Between {@link Thresholds#PASS} and {@link Thresholds#FAIL}: suspicious for a smooth network. */
    WARN,
    /** Above {@link Thresholds#FAIL}, or a NaN or infinity anywhere: the formula is wrong here. */
    FAIL,
    /** A ±ε perturbation moved a relu/leaky-relu input across 0: the difference quotient straddles the kink. */
    KINK;

    public String id() { return name().toLowerCase(Locale.ROOT); }

    @Override
    public String toString() { return id(); }
}
