package org.backprop.workbench.numeric;

import org.backprop.workbench.engine.Activation;
import org.backprop.workbench.engine.Batch;
import org.backprop.workbench.engine.ForwardTrace;
import org.backprop.workbench.engine.Network;
import org.ejml.data.DMatrixRMaj;

/**
 * The forward pass in complex arithmetic, written plainly, one sample column at a time: the reference for the
 * complex step, C(θ + ih u). Parameters are w^l + i wIm^l and b^l + i bIm^l; the input is real.
 */
public final class ComplexForward {
    private ComplexForward() {
    }

    /**
     * Refuses networks that are not analytic.
     *
     * @throws NotAnalyticException naming the first relu or leaky-relu layer
     */
    public static void requireAnalytic(Network net) {
        int l = ComplexMath.firstKinkedLayer(net);
        if (l > 0) {
            Activation sigma = net.activation(l);
            throw new NotAnalyticException(l, sigma.id(), sigma.kernel().notAnalyticBecause().orElseThrow());
        }
    }

    /**
     * C(θ + i (wIm, bIm)), the batch cost with complex parameters.
     *
     * @param wIm wIm[l] the imaginary part of w^l, n_{l-1} x n_l, or null for 0 (index 0 unused); not modified
     * @param bIm bIm[l] the imaginary part of b^l, n_l x 1, or null for 0; not modified
     */
    public static Complex cost(Network net, Batch batch, DMatrixRMaj[] wIm, DMatrixRMaj[] bIm) {
        requireAnalytic(net);
        int m = batch.size();
        int n0 = net.size(0);
        double sr = 0, si = 0;
        for (int x = 0; x < m; x++) {
            double[] ar = new double[n0];
            for (int k = 0; k < n0; k++) {
                ar[k] = batch.inputs().get(k, x);
            }
            double[][] z = layer(net, 1, ar, new double[n0], wIm, bIm);
            Complex c = runFrom(net, 1, z[0], z[1], batch, x, wIm, bIm);
            sr += c.re();
            si += c.im();
        }
        return new Complex(sr / m, si / m);
    }

    /**
     * C_x, the cost of sample x when z^l_jx becomes z^l_jx + ih and the network runs on from layer l.
     */
    public static Complex sampleCostFrom(Network net, ForwardTrace base, Batch batch, int l, int x, int j, double h) {
        requireAnalytic(net);
        int n = net.size(l);
        double[] zr = new double[n];
        double[] zi = new double[n];
        for (int i = 0; i < n; i++) {
            zr[i] = base.z(l).get(i, x);
        }
        zi[j] = h;
        return runFrom(net, l, zr, zi, batch, x, null, null);
    }

    /** a^l = σ(z^l), then the layers above and the loss of sample x. */
    private static Complex runFrom(Network net, int l, double[] zr, double[] zi, Batch batch, int x,
                                   DMatrixRMaj[] wIm, DMatrixRMaj[] bIm) {
        for (int layer = l; ; layer++) {
            int n = net.size(layer);
            double[] ar = new double[n];
            double[] ai = new double[n];
            ComplexMath.activate(net.activation(layer), zr, zi, ar, ai, 0, n);
            if (layer == net.depth()) {
                double[] t = new double[n];
                for (int i = 0; i < n; i++) {
                    t[i] = batch.targets().get(i, x);
                }
                return ComplexMath.sampleCost(net.loss(), zr, zi, ar, ai, 0, n, t, 0);
            }
            double[][] next = layer(net, layer + 1, ar, ai, wIm, bIm);
            zr = next[0];
            zi = next[1];
        }
    }

    /** z^l = (w^l + i wIm^l)^T (ar + i ai) + b^l + i bIm^l for one column; returns {re, im}. */
    private static double[][] layer(Network net, int l, double[] ar, double[] ai, DMatrixRMaj[] wIm, DMatrixRMaj[] bIm) {
        DMatrixRMaj w = net.w(l);
        DMatrixRMaj wi = wIm == null ? null : wIm[l];
        DMatrixRMaj bi = bIm == null ? null : bIm[l];
        int n = net.size(l);
        double[] zr = new double[n];
        double[] zi = new double[n];
        for (int j = 0; j < n; j++) {
            double re = net.b(l).get(j, 0);
            double im = bi == null ? 0 : bi.get(j, 0);
            for (int k = 0; k < ar.length; k++) {
                double wr = w.get(k, j);
                double wImag = wi == null ? 0 : wi.get(k, j);
                re += wr * ar[k] - wImag * ai[k];
                im += wr * ai[k] + wImag * ar[k];
            }
            zr[j] = re;
            zi[j] = im;
        }
        return new double[][]{zr, zi};
    }
}
