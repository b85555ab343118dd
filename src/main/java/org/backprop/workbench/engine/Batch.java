package org.backprop.workbench.engine;

import org.ejml.data.DMatrixRMaj;

/**
 * m samples as columns: the inputs a^0 (n_0 x m) and the targets t (n_L x m).
 */
public record Batch(DMatrixRMaj inputs, DMatrixRMaj targets) {
    public Batch {
        if (inputs.numCols != targets.numCols) {
            throw new IllegalArgumentException("inputs have " + inputs.numCols + " samples but targets have " + targets.numCols);
        }
    }

    /** m, the number of samples. */
    public int size() { return inputs.numCols; }

    /** The one-sample batch of column x. */
    public Batch sample(int x) {
        return new Batch(column(inputs, x), column(targets, x));
    }

    public Batch copy() {
        return new Batch(inputs.copy(), targets.copy());
    }

    private static DMatrixRMaj column(DMatrixRMaj m, int x) {
        DMatrixRMaj c = new DMatrixRMaj(m.numRows, 1);
        for (int i = 0; i < m.numRows; i++) {
            c.set(i, 0, m.get(i, x));
        }
        return c;
    }
}
