package org.backprop.workbench.steps;

import org.ejml.data.DMatrixRMaj;

/**
 * A matrix that enters a step's formula, as displayed (already transposed for {@link Notation#NIELSEN} where that
 * applies).
 *
 * @param name  plain-text name, e.g. "w^2", "σ'(z^1)"
 * @param latex the name in LaTeX, e.g. {@code w^{2}}
 * @param value the matrix; not to be modified
 */
public record Operand(String name, String latex, DMatrixRMaj value) {

    /** "3×4". */
    public String shape() {
        return value.numRows + "×" + value.numCols;
    }
}
