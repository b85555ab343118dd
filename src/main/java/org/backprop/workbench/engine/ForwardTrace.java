package org.backprop.workbench.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * Everything the forward pass computed: z^l and a^l for every layer and the cost C.
 *
 * @param z    z[l] is z^l, n_l x m, for l = 1..L (z[0] is null: the input has no pre-activation)
 * @param a    a[l] is a^l, n_l x m, for l = 0..L (a[0] is the input)
 * @param cost C = (1/m) Σ_x C_x
 */
public record ForwardTrace(DMatrixRMaj[] z, DMatrixRMaj[] a, double cost) {
    /** z^l, n_l x m. */
    public DMatrixRMaj z(int l) { return z[l]; }

    /** a^l, n_l x m. */
    public DMatrixRMaj a(int l) { return a[l]; }

    /** L. */
    public int depth() { return z.length - 1; }
}
