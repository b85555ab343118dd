package org.backprop.workbench.engine;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The forward pass: z^l = (w^l)^T a^{l-1} + b^l 1^T, a^l = sigma(z^l), then the cost.
 */
public final class Forward {
    private Forward() {
    }

    /**
     * Runs the whole network on a batch.
     */
    public static ForwardTrace run(Network net, Batch batch) {
        int depth = net.depth();
        DMatrixRMaj[] z = new DMatrixRMaj[depth + 1];
        DMatrixRMaj[] a = new DMatrixRMaj[depth + 1];
        a[0] = batch.inputs();
        for (int l = 1; l <= depth; l++) {
            z[l] = preActivation(net.w(l), a[l - 1], net.b(l));
            a[l] = net.activation(l).apply(z[l]);
        }
        double cost = net.loss().cost(z[depth], a[depth], batch.targets());
        return new ForwardTrace(z, a, cost);
    }

    /**
     * z^l = (w^l)^T a^{l-1} + b^l 1^T.
     *
     * @param w     w^l, n_{l-1} x n_l, not modified
     * @param aPrev a^{l-1}, n_{l-1} x m, not modified
     * @param b     b^l, n_l x 1, not modified
     * @return z^l, n_l x m
     */
    public static DMatrixRMaj preActivation(DMatrixRMaj w, DMatrixRMaj aPrev, DMatrixRMaj b) {
        DMatrixRMaj z = new DMatrixRMaj(w.numCols, aPrev.numCols);
        CommonOps_DDRM.multTransA(w, aPrev, z);
        for (int j = 0; j < z.numRows; j++) {
            double bj = b.get(j, 0);
            for (int x = 0; x < z.numCols; x++) {
                z.unsafe_set(j, x, z.unsafe_get(j, x) + bj);
            }
        }
        return z;
    }

    /**
     * The cost of sample x when z^l of that sample is replaced by {@code zColumn} and the network runs on from
     * layer l; used to check δ^l_{jx} = ∂C/∂z^l_{jx}. Only C_x depends on column x, so this returns C_x, and
     * {@code outcome.crossedKink} says whether any relu-like pre-activation from layer l up changed sign against
     * the base trace.
     *
     * @param zColumn n_l x 1, the replaced z^l_{·x}, not modified
     */
    public static SampleOutcome sampleCostFrom(Network net, ForwardTrace base, Batch batch, int l, int x,
                                               DMatrixRMaj zColumn) {
        boolean crossed = false;
        DMatrixRMaj z = zColumn;
        int depth = net.depth();
        DMatrixRMaj a = null;
        for (int layer = l; ; layer++) {
            Activation sigma = net.activation(layer);
            if (sigma.isKinked()) {
                crossed |= crossesKink(sigma, base.z(layer), x, z);
            }
            a = sigma.apply(z);
            if (layer == depth) {
                break;
            }
            z = preActivation(net.w(layer + 1), a, net.b(layer + 1));
        }
        DMatrixRMaj t = column(batch.targets(), x);
        double cost = net.loss().sampleCostOf(z, a, t, 0);
        return new SampleOutcome(cost, crossed);
    }

    /**
     * The batch cost of a whole (perturbed) network, and whether any relu-like pre-activation changed sign against
     * the base trace of the unperturbed network.
     */
    public static SampleOutcome costAgainst(Network net, ForwardTrace base, Batch batch) {
        ForwardTrace trace = run(net, batch);
        boolean crossed = false;
        for (int l = 1; l <= net.depth(); l++) {
            if (net.activation(l).isKinked()) {
                for (int x = 0; x < batch.size(); x++) {
                    crossed |= crossesKink(net.activation(l), base.z(l), x, column(trace.z(l), x));
                }
            }
        }
        return new SampleOutcome(trace.cost(), crossed);
    }

    /** A cost and whether reaching it moved a relu-like input across 0. */
    public record SampleOutcome(double cost, boolean crossedKink) {
    }

    private static boolean crossesKink(Activation sigma, DMatrixRMaj baseZ, int x, DMatrixRMaj zColumn) {
        for (int j = 0; j < zColumn.numRows; j++) {
            if (sigma.kernel().crossesKink(baseZ.get(j, x), zColumn.get(j, 0))) {
                return true;
            }
        }
        return false;
    }

    static DMatrixRMaj column(DMatrixRMaj m, int x) {
        DMatrixRMaj c = new DMatrixRMaj(m.numRows, 1);
        for (int i = 0; i < m.numRows; i++) {
            c.set(i, 0, m.get(i, x));
        }
        return c;
    }
}
