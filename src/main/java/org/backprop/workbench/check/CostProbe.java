package org.backprop.workbench.check;

import org.backprop.workbench.engine.Batch;
import org.backprop.workbench.engine.Forward;
import org.backprop.workbench.engine.ForwardTrace;
import org.backprop.workbench.engine.Network;
import org.backprop.workbench.numeric.ComplexForward;
import org.backprop.workbench.numeric.DifferenceMethod.Probe;
import org.backprop.workbench.numeric.DifferenceMethod.Value;
import org.backprop.workbench.numeric.IncrementalCost;
import org.ejml.data.DMatrixRMaj;

/**
 * The one probe of C(θ ± h) along the coordinate a check is about, used by {@link GradientCheck},
 * {@link FastGradientCheck}, the {@link EpsilonSweep} (CLI and app) and both sides of the benchmark. It comes in two
 * backings of the same function, a {@link Source} each: {@link #engine} through the engine's own forward pass
 * (double, the reference), {@link #incremental} through {@link IncrementalCost}'s layer-by-layer updates (any
 * precision, and the layer's {@link LinearTail} where one applies).
 *
 * <ul>
 *   <li>BP1/BP2 (δ^l_jx): C_x with z^l_jx + t and the network run on from layer l — the cost of that sample alone,
 *       not divided by m (a caller that wants ∂C/∂z^l_jx divides the estimate by m);</li>
 *   <li>BP3/BP4 (b^l_j, w^l_kj): the batch cost C with the parameter + t, set and restored in the given network.</li>
 * </ul>
 * Imaginary steps go through the complex forward pass (analytic networks only).
 */
public final class CostProbe {
    private CostProbe() {
    }

    /** Where the probes along the numbers of one network come from; one per thread (a source keeps scratch state). */
    public interface Source {
        /**
         * The probe along one number, as {@link CostProbe#of}: C_x (not divided by m) for δ, C for a parameter.
         *
         * @param index {j, x} for δ, {j} for a bias, {k, j} for a weight
         */
        Probe along(Formula formula, int layer, int[] index);
    }

    /**
     * Probes through the engine's forward pass, in double. The source keeps a private copy of the network for the
     * parameters it perturbs, so the given network is only read.
     */
    public static Source engine(Network net, Batch batch, ForwardTrace forward) {
        Network copy = net.copy();
        return (formula, layer, index) -> of(formula == Formula.BP3 || formula == Formula.BP4 ? copy : net, batch,
                forward, formula, layer, index);
    }

    /** Probes through one workspace of the incremental cost (the precision is the cost's). */
    public static Source incremental(IncrementalCost.Workspace ws) {
        return (formula, layer, index) -> incremental(ws, null, formula, layer, index[0],
                index.length > 1 ? index[1] : 0);
    }

    /**
     * The cost along one number through the layer's linear tail where it applies (null: none) and the workspace's
     * layer-by-layer update otherwise: δ^l_ik (i = j, k = x), b^l_i, w^l_ik (i = k, k = j).
     */
    static Probe incremental(IncrementalCost.Workspace ws, LinearTail.Scratch tail, Formula formula, int l, int i,
                             int k) {
        return switch (formula) {
            case BP1, BP2 -> new Probe() {
                @Override public Value real(double t) {
                    Value v = tail == null ? null : tail.z(i, k, t);
                    return v != null ? v : ws.z(l, i, k, t);
                }
                @Override public double imaginary(double h) { return ws.zImaginary(l, i, k, h); }
            };
            case BP3 -> new Probe() {
                @Override public Value real(double t) {
                    Value v = tail == null ? null : tail.bias(i, t);
                    return v != null ? v : ws.bias(l, i, t);
                }
                @Override public double imaginary(double h) { return ws.biasImaginary(l, i, h); }
            };
            case BP4 -> new Probe() {
                @Override public Value real(double t) {
                    Value v = tail == null ? null : tail.weight(i, k, t);
                    return v != null ? v : ws.weight(l, i, k, t);
                }
                @Override public double imaginary(double h) { return ws.weightImaginary(l, i, k, h); }
            };
        };
    }

    /**
     * @param net     the network to perturb; for BP3/BP4 its parameter is changed during each call and restored, so
     *                pass a private copy (for δ it is only read)
     * @param forward the engine's forward pass of the unperturbed network (the kink reference, and z^l for δ)
     * @param index   the check's index: {j, x} for δ, {j} for a bias, {k, j} for a weight
     * @return a probe for one thread
     */
    public static Probe of(Network net, Batch batch, ForwardTrace forward, Formula formula, int l, int[] index) {
        return switch (formula) {
            case BP1, BP2 -> delta(net, batch, forward, l, index[0], index[1]);
            case BP3 -> parameter(net, batch, forward, l, net.b(l), index[0], 0, true);
            case BP4 -> parameter(net, batch, forward, l, net.w(l), index[0], index[1], false);
        };
    }

    private static Probe delta(Network net, Batch batch, ForwardTrace forward, int l, int j, int x) {
        DMatrixRMaj z = forward.z(l);
        DMatrixRMaj column = new DMatrixRMaj(z.numRows, 1);
        for (int i = 0; i < z.numRows; i++) {
            column.set(i, 0, z.get(i, x));
        }
        double original = column.get(j, 0);
        return new Probe() {
            @Override
            public Value real(double t) {
                column.set(j, 0, original + t);
                Forward.SampleOutcome o = Forward.sampleCostFrom(net, forward, batch, l, x, column);
                return new Value(o.cost(), o.crossedKink());
            }

            @Override
            public double imaginary(double h) {
                return ComplexForward.sampleCostFrom(net, forward, batch, l, x, j, h).im();
            }
        };
    }

    private static Probe parameter(Network net, Batch batch, ForwardTrace forward, int l, DMatrixRMaj param,
                                   int r, int c, boolean bias) {
        double original = param.get(r, c);
        return new Probe() {
            @Override
            public Value real(double t) {
                param.set(r, c, original + t);
                Forward.SampleOutcome o = Forward.costAgainst(net, forward, batch);
                param.set(r, c, original);
                return new Value(o.cost(), o.crossedKink());
            }

            @Override
            public double imaginary(double h) {
                DMatrixRMaj[] im = new DMatrixRMaj[net.depth() + 1];
                im[l] = new DMatrixRMaj(param.numRows, param.numCols);
                im[l].set(r, c, h);
                return (bias ? ComplexForward.cost(net, batch, null, im) : ComplexForward.cost(net, batch, im, null)).im();
            }
        };
    }

    /** The same probe with every cost divided by m: for δ, so that the estimate is ∂C/∂z^l_jx itself. */
    public static Probe perBatch(Probe probe, int m) {
        return new Probe() {
            @Override
            public Value real(double t) {
                Value v = probe.real(t);
                return new Value(v.cost() / m, v.crossedKink());
            }

            @Override
            public double imaginary(double h) {
                return probe.imaginary(h) / m;
            }
        };
    }
}
