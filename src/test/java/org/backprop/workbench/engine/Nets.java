package org.backprop.workbench.engine;

import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.List;

/** Small builders for tests: matrices written as the note writes them (rows = inputs for w, samples as columns). */
public final class Nets {
    private Nets() {
    }

    /** A matrix from its rows. */
    public static DMatrixRMaj matrix(double[]... rows) {
        return new DMatrixRMaj(rows);
    }

    /** A column vector, n x 1. */
    public static DMatrixRMaj column(double... values) {
        DMatrixRMaj c = new DMatrixRMaj(values.length, 1);
        System.arraycopy(values, 0, c.data, 0, values.length);
        return c;
    }

    /** Samples given one row per sample (as in files), returned with samples as columns: n x m. */
    public static DMatrixRMaj samples(double[]... rows) {
        DMatrixRMaj m = new DMatrixRMaj(rows[0].length, rows.length);
        for (int x = 0; x < rows.length; x++) {
            for (int j = 0; j < rows[x].length; j++) {
                m.set(j, x, rows[x][j]);
            }
        }
        return m;
    }

    /** A network from its sizes, activations, weights (w^l as n_{l-1} x n_l) and biases. */
    public static Network network(int inputSize, List<Activation> activations, Loss loss, List<DMatrixRMaj> weights,
                                  List<DMatrixRMaj> biases) {
        List<Layer> layers = new ArrayList<>();
        for (int l = 0; l < activations.size(); l++) {
            layers.add(new Layer(weights.get(l).numCols, activations.get(l)));
        }
        return new Network(inputSize, layers, loss, weights, biases);
    }
}
