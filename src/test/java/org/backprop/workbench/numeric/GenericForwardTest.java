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
 * networks: the engine's EJML pass and the incremental check's rank-one updates in double, the incremental
 * check's complex step against the generic pass in complex arithmetic, and the float check (its base, and its
 * rank-one updates on networks with any activation, kinked ones included) against the generic pass in the float
 * model. They may differ only by rounding: the sums are ordered differently (EJML's blocks, the batch cost's
 * compensated sum, z + Δ instead of a fresh sum), and in float each of those orders is rounded to float.
 */
class GenericForwardTest {
    private static final int NETWORKS = 60;
    /** A few units in the last place of sums of up to 25 products, relative to the cost. */
    private static final double REAL_TOLERANCE = 1e-13;
    /** The imaginary step: small enough that Im C(θ + ih)/h is C' to machine precision. */
    private static final double H = 1e-20;

    /** float's unit roundoff. */
    private static final double U_FLOAT = 0x1p-24;
    /**
     * The float base and the generic float pass are the same pass but for the batch cost: Neumaier's sum of the C_x
     * against a plain one, both rounded to float, so they differ by at most one float ulp (2u) of C.
     */
    private static final double FLOAT_BASE_TOLERANCE = 2 * U_FLOAT;
    /**
     * The incremental float pass stores z' = fl(z + Δz) where the generic one stores fl(Σ): both within u|z| of the
     * exact sum of the float inputs, so each stored z may differ by 2u|z|, and a layer's a by the same times σ'. Along
     * at most 3 layers of up to 5 neurons with weights and activations of order 1 (RandomNetworks), and the final
     * rounding of C (one ulp), a few u relative to max(1, |C|): the largest seen on these 240 networks is 1.8u (the
     * test prints it), and 8u leaves room for other seeds. A wrong formula or a missed rounding would differ by orders of magnitude more
     * (a forgotten update by the step 1e-3 times ∂C/∂w); a float pass from a double one differs by about as much as
     * this bound of 5e-7, so the base test holds the generic float cost to be a float.
     */
    private static final double FLOAT_UPDATE_TOLERANCE = 8 * U_FLOAT;

    private static DoubleArithmetic d() { return DoubleArithmetic.INSTANCE; }

    private static DoubleArithmetic f() { return DoubleArithmetic.FLOAT; }

    private static double genericFloatCost(Network net, Batch batch) {
        return GenericForward.cost(f(), net, batch, GenericForward.of(f(), net));
    }

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

    @Test
    void theFloatBaseIsTheGenericPassInTheFloatModel() {
        Random random = new Random(8104);
        for (int n = 0; n < NETWORKS; n++) {
            RandomNetworks.Example e = RandomNetworks.random(random, RandomNetworks.ANY_HIDDEN);
            double generic = genericFloatCost(e.net(), e.batch());
            double base = IncrementalCost.of(e.net(), e.batch(), Precision.FLOAT).cost();
            assertEquals((float) generic, generic, 0.0, "the generic float cost is a float");
            assertEquals(generic, base, FLOAT_BASE_TOLERANCE * Math.abs(generic), e.net().describe());
            double inDouble = GenericForward.cost(d(), e.net(), e.batch(), GenericForward.of(d(), e.net()));
            assertEquals(inDouble, generic, 1e-4 * Math.max(1, Math.abs(inDouble)), "float is float, not noise");
        }
    }

    @Test
    void theIncrementalFloatCheckIsTheGenericFloatPassWithOneParameterMoved() {
        Random random = new Random(8105);
        double worst = 0;
        for (int n = 0; n < 4 * NETWORKS; n++) {
            RandomNetworks.Example e = RandomNetworks.random(random, RandomNetworks.ANY_HIDDEN);
            Network net = e.net();
            Batch batch = e.batch();
            IncrementalCost.Workspace ws = IncrementalCost.of(net, batch, Precision.FLOAT).workspace();
            int l = 1 + random.nextInt(net.depth());
            int k = random.nextInt(net.size(l - 1));
            int j = random.nextInt(net.size(l));
            double step = 1e-3;
            // the parameter the incremental pass takes: fl(fl(w) + step), a float, so the generic pass stores it as is
            Network moved = net.copy();
            moved.w(l).set(k, j, (float) ((float) net.w(l).get(k, j) + step));
            double generic = genericFloatCost(moved, batch);
            double incremental = ws.weight(l, k, j, step).cost();
            double scale = Math.max(1, Math.abs(generic));
            worst = Math.max(worst, Math.abs(generic - incremental) / (U_FLOAT * scale));
            assertEquals(generic, incremental, FLOAT_UPDATE_TOLERANCE * scale, net.describe() + " w" + l);
            moved = net.copy();
            moved.b(l).set(j, 0, (float) ((float) net.b(l).get(j, 0) + step));
            generic = genericFloatCost(moved, batch);
            incremental = ws.bias(l, j, step).cost();
            scale = Math.max(1, Math.abs(generic));
            worst = Math.max(worst, Math.abs(generic - incremental) / (U_FLOAT * scale));
            assertEquals(generic, incremental, FLOAT_UPDATE_TOLERANCE * scale, net.describe() + " b" + l);
        }
        System.out.println("float update vs generic float pass: largest difference " + worst + " u max(1, |C|)");
    }
}
