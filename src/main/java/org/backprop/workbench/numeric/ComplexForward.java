package org.backprop.workbench.numeric;

import org.backprop.workbench.engine.Activation;
import org.backprop.workbench.engine.Batch;
import org.backprop.workbench.engine.ForwardTrace;
import org.backprop.workbench.engine.GenericForward;
import org.backprop.workbench.engine.Network;
import org.backprop.workbench.i18n.Messages;
import org.ejml.data.DMatrixRMaj;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The forward pass in complex arithmetic, the reference for the complex step C(θ + ih u): the one generic forward
 * pass ({@link GenericForward}) in {@link ComplexArithmetic}. Parameters are w^l + i wIm^l and b^l + i bIm^l; the
 * input is real.
 */
public final class ComplexForward {
    private static final ComplexArithmetic C = ComplexArithmetic.INSTANCE;

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
            throw new NotAnalyticException(l, sigma.id(), reason(sigma));
        }
    }

    /** Why σ has no complex continuation, in the current language: its kernel's reason, worded from the bundles. */
    static String reason(Activation sigma) {
        return switch (sigma.kernel().notAnalytic().orElseThrow()) {
            case KINK -> Messages.get("check.notAnalytic.kink", Arrays.stream(sigma.kernel().kinks())
                    .mapToObj(k -> k == Math.rint(k) ? Long.toString((long) k) : Double.toString(k))
                    .collect(Collectors.joining(", ")));
            case COMPLEX_ERF -> Messages.get("check.notAnalytic.complexErf");
        };
    }

    /**
     * C(θ + i (wIm, bIm)), the batch cost with complex parameters: {@link GenericForward} in complex arithmetic.
     *
     * @param wIm wIm[l] the imaginary part of w^l, n_{l-1} x n_l, or null for 0 (index 0 unused); not modified
     * @param bIm bIm[l] the imaginary part of b^l, n_l x 1, or null for 0; not modified
     */
    public static Complex cost(Network net, Batch batch, DMatrixRMaj[] wIm, DMatrixRMaj[] bIm) {
        requireAnalytic(net);
        GenericForward.Parameters<Complex> p = new GenericForward.Parameters<>() {
            @Override public Complex w(int l, int k, int j) {
                return new Complex(net.w(l).get(k, j), wIm == null || wIm[l] == null ? 0 : wIm[l].get(k, j));
            }

            @Override public Complex b(int l, int j) {
                return new Complex(net.b(l).get(j, 0), bIm == null || bIm[l] == null ? 0 : bIm[l].get(j, 0));
            }
        };
        return GenericForward.cost(C, net, batch, p);
    }

    /**
     * C_x, the cost of sample x when z^l_jx becomes z^l_jx + ih and the network runs on from layer l.
     */
    public static Complex sampleCostFrom(Network net, ForwardTrace base, Batch batch, int l, int x, int j, double h) {
        requireAnalytic(net);
        int n = net.size(l);
        Complex[] z = new Complex[n];
        for (int i = 0; i < n; i++) {
            z[i] = new Complex(base.z(l).get(i, x), i == j ? h : 0);
        }
        return GenericForward.sampleCostFrom(C, net, batch, l, x, z, GenericForward.of(C, net));
    }
}
