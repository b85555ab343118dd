package org.backprop.workbench.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * Everything the backward pass computed.
 *
 * @param gradA ∇_a C, n_L x m, with the 1/m of the batch mean already in it
 * @param delta delta[l] is δ^l, n_l x m, for l = 1..L (delta[0] is null)
 * @param gradB gradB[l] is ∂C/∂b^l, n_l x 1
 * @param gradW gradW[l] is ∂C/∂w^l, n_{l-1} x n_l (the shape of w^l)
 */
public record BackwardTrace(DMatrixRMaj gradA, DMatrixRMaj[] delta, DMatrixRMaj[] gradB, DMatrixRMaj[] gradW) {
    public DMatrixRMaj delta(int l) { return delta[l]; }

    public DMatrixRMaj gradB(int l) { return gradB[l]; }

    public DMatrixRMaj gradW(int l) { return gradW[l]; }

    public int depth() { return delta.length - 1; }
}
