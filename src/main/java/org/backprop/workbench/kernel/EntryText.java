package org.backprop.workbench.kernel;

import java.util.function.DoubleFunction;

/**
 * How a derivation writes one entry j of the output column: the symbols of a^L_j and t_j, L and j, how a number is
 * written, and whether as LaTeX or plain text. A loss kernel writes its ∂C_x/∂a_j with the numbers put in through it
 * ({@link LossKernel#gradASubstituted}).
 */
public record EntryText(String a, String t, int depth, int j, DoubleFunction<String> number, boolean latex) {
    /** v as the derivation writes numbers. */
    public String n(double v) { return number.apply(v); }

    /** The minus sign: − in text, - in LaTeX. */
    public String minus() { return latex ? " - " : " − "; }
}
