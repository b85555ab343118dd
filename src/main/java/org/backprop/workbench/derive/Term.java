package org.backprop.workbench.derive;

import java.util.List;

/**
 * One term of a derivation's sum: the product of its factors.
 *
 * @param index      the summation index (k for a sum over neurons, x for a sum over samples, i through a Jacobian)
 * @param factors    the factors, in the order the formula writes them
 * @param value      the product, as the formula in use computes it (under a deliberate mistake: the mistaken one)
 * @param wrong      true if a deliberate mistake makes this term differ from the note's formula
 * @param rightValue the term the note's formula has (equal to value unless wrong)
 */
public record Term(int index, List<Factor> factors, double value, boolean wrong, double rightValue) {
    public Term {
        factors = List.copyOf(factors);
    }

    /** A term the formula in use gets right. */
    public static Term of(int index, List<Factor> factors, double value) {
        return new Term(index, factors, value, false, value);
    }
}
