package org.backprop.workbench.against;

import org.ejml.data.DMatrixRMaj;

/**
 * One quantity of the values file beside the workbench's.
 *
 * @param key           which quantity of which layer
 * @param formula       forward, gradA, BP1 .. BP4
 * @param status        matches, differs or not given
 * @param maxRelError   the largest entry's relative error (see {@link Against#relativeError}); NaN if not given
 * @param worst         the index of that entry: [j, x] for z, a, δ, ∇_a C; [k, j] for gradW; [j] for gradB; [] for
 *                      the loss; null if not given
 * @param yours         the student's matrix in the note's shape, null if not given
 * @param analytic      the workbench's matrix, same shape
 * @param numeric       the numerical estimate at {@code worst}, NaN where no numerical check covers it
 * @param differing     differing[i] is true where entry i (row-major) is beyond the tolerance; null if not given
 */
public record QuantityComparison(QuantityKey key, String formula, Status status, double maxRelError, int[] worst,
                                 DMatrixRMaj yours, DMatrixRMaj analytic, double numeric, boolean[] differing) {

    /** The student's value at the worst entry. */
    public double worstYours() { return yours.get(flat()); }

    /** The workbench's value at the worst entry. */
    public double worstAnalytic() { return analytic.get(flat()); }

    private int flat() {
        return switch (worst.length) {
            case 0 -> 0;
            case 1 -> worst[0];
            default -> worst[0] * analytic.numCols + worst[1];
        };
    }
}
