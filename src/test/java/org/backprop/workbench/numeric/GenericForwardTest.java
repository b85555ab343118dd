package org.backprop.workbench.numeric;

import org.backprop.workbench.engine.Batch;
import org.backprop.workbench.engine.Forward;
import org.backprop.workbench.engine.ForwardTrace;
import org.backprop.workbench.engine.GenericForward;
import org.backprop.workbench.engine.Network;
import org.backprop.workbench.kernel.DoubleArithmetic;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The specialised forward passes against the one generic pass ({@link GenericForward}) on seeded random smooth
 * networks: the engine's EJML pass and the incremental check's rank-one updates in double, and the incremental
 * check's complex step against the generic pass in complex arithmetic. They may differ only by rounding: the sums
 * are ordered differently (EJML's blocks, the batch cost's compensated sum, z + Δ instead of a fresh sum).
 */
class GenericForwardTest {
    private static final int NETWORKS = 60;
    /** A few units in the last place of sums of up to 25 products, relative to the cost. */
    private static final double REAL_TOLERANCE = 1e-13;
    /** The imaginary step: small enough that Im C(θ + ih)/h is C' to machine precision. */
    private static final double H = 1e-20;

    private static DoubleArithmetic d() { return DoubleArithmetic.INSTANCE; }

    @Test
    void theEnginesForwardPassIsTheGenericPassInDouble() {
        Random random = new Random(8101);
        for (int n = 0; n < NETWORKS; n++) {
            RandomNetworks.Example e = RandomNetworks.random(random, RandomNetworks.SMOOTH_HIDDEN);
            double engine = Forward.run(e.net(), e.batch()).cost();
            double generic = GenericForward.cost(d(), e.net(), e.batch(), GenericForward.of(d(), e.net()));
            assertEquals(generic, engine, REAL_TOLERANCE * Math.max(1, Math.abs(generic)), e.net().describe());
        }
    }

    @Test
    void theIncrementalCheckIsTheGenericPassWithOneParameterMoved() {
        Random random = new Random(8102);
        for (int n = 0; n < NETWORKS; n++) {
            RandomNetworks.Example e = RandomNetworks.random(random, RandomNetworks.SMOOTH_HIDDEN);
            Network net = e.net();
            Batch batch = e.batch();
            ForwardTrace trace = Forward.run(net, batch);
            IncrementalCost.Workspace ws = IncrementalCost.of(net, batch, trace, Precision.DOUBLE).workspace();
            int l = 1 + random.nextInt(net.depth());
            int k = random.nextInt(net.size(l - 1));
            int j = random.nextInt(net.size(l));
            double step = 1e-3;
            Network moved = net.copy();
            moved.w(l).set(k, j, net.w(l).get(k, j) + step);
            double generic = GenericForward.cost(d(), moved, batch, GenericForward.of(d(), moved));
            double incremental = ws.weight(l, k, j, step).cost();
            assertEquals(generic, incremental, REAL_TOLERANCE * Math.max(1, Math.abs(generic)), net.describe());
            moved = net.copy();
            moved.b(l).set(j, 0, net.b(l).get(j, 0) + step);
            generic = GenericForward.cost(d(), moved, batch, GenericForward.of(d(), moved));
            assertEquals(generic, ws.bias(l, j, step).cost(), REAL_TOLERANCE * Math.max(1, Math.abs(generic)),
                    net.describe());
        }
    }

    @Test
    void theIncrementalComplexStepIsTheGenericPassInComplexArithmetic() {
        Random random = new Random(8103);
        for (int n = 0; n < NETWORKS; n++) {
            RandomNetworks.Example e = RandomNetworks.random(random, RandomNetworks.SMOOTH_HIDDEN);
            Network net = e.net();
            Batch batch = e.batch();
            IncrementalCost.Workspace ws = IncrementalCost.of(net, batch, Forward.run(net, batch), Precision.DOUBLE)
                    .workspace();
            int l = 1 + random.nextInt(net.depth());
            int k = random.nextInt(net.size(l - 1));
            int j = random.nextInt(net.size(l));
            DMatrixRMaj[] wIm = new DMatrixRMaj[net.depth() + 1];
            wIm[l] = new DMatrixRMaj(net.size(l - 1), net.size(l));
            wIm[l].set(k, j, H);
            double generic = ComplexForward.cost(net, batch, wIm, null).im() / H;
            double incremental = ws.weightImaginary(l, k, j, H) / H;
            assertEquals(generic, incremental, REAL_TOLERANCE * Math.max(1, Math.abs(generic)), net.describe());
        }
    }
}
