package org.backprop.workbench.check;

import org.backprop.workbench.engine.BackwardTrace;
import org.backprop.workbench.engine.Batch;
import org.backprop.workbench.engine.Forward;
import org.backprop.workbench.engine.ForwardTrace;
import org.backprop.workbench.engine.Network;
import org.backprop.workbench.numeric.ComplexForward;
import org.backprop.workbench.numeric.DifferenceMethod;
import org.backprop.workbench.numeric.DifferenceMethod.Estimate;
import org.backprop.workbench.numeric.DifferenceMethod.Probe;
import org.backprop.workbench.numeric.DifferenceMethod.Value;
import org.backprop.workbench.numeric.IncrementalCost;
import org.backprop.workbench.numeric.Precision;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;

/**
 * Directional checks along random unit directions u restricted to parts of the parameters, and the bisection that
 * localises a failing one (issue 9).
 *
 * <p>One directional check compares ∇C · u (backprop) with the derivative of t ↦ C(θ + t u) (one difference
 * quotient: two costs for central differences). If backprop's ∂C/∂θ_i is wrong by Δ_i, the two differ by
 * Σ Δ_i u_i, which is not 0 unless the errors happen to be orthogonal to u (probability 0 for a random u). Restricting
 * u to a part S of the parameters (u_i = 0 outside S) asks "is anything in S wrong?" for the price of one check, so a
 * failing network is localised by bisection: after the whole check, each block ∂C/∂b^l (BP3) and ∂C/∂w^l (BP4),
 * then halves of a failing block, down to single entries. A half is checked only while its parent failed; if the
 * first half passes, the second is known to hold the error and is not checked (a single entry always is). The whole
 * check draws a Gaussian u; the parts draw random signs with sizes in [1, 2), so that no entry weighs less than half
 * another and none hides. The block is named without its entries when most of it fails (more than half of the parts
 * of a halving from the second on, every entry of a small block, or more than {@link #MAX_NAMED} parts at one
 * level), or when no half of a failing part fails on its own. Each check draws a fresh u from the seed, so the same
 * seed gives the same evaluations.
 */
public final class DirectionalCheck {
    /** Inside a block, failing entries are named only up to this many; beyond it the block is named as a whole. */
    public static final int MAX_NAMED = 8;

    /**
     * A halving level at which more than half of the parts fail, with at least this many parts, means the error is
     * spread over the block (a wrong formula, not a wrong entry): naming its entries would take ~2 checks per entry.
     */
    static final int SPREAD_PARTS = 4;

    /**
     * Part of one parameter block: the flat entries {@code [from, to)} of b^l (BP3, n_l entries) or of w^l (BP4,
     * n_{l-1} x n_l entries, row-major: entry k n_l + j is w^l_kj).
     */
    public record Part(Formula formula, int layer, int from, int to) {
        public int size() { return to - from; }

        Part firstHalf() { return new Part(formula, layer, from, from + size() / 2); }

        Part secondHalf() { return new Part(formula, layer, from + size() / 2, to); }
    }

    /**
     * One localised failure: a block (index null: most of it, or more than {@link #MAX_NAMED} of its entries, fail,
     * or the bisection lost the error between two halves) or one entry of it ([j] for b^l, [k, j] for w^l).
     */
    public record Localised(Formula formula, int layer, int[] index) {
    }

    /**
     * The directional check of the whole network and, if it failed, where.
     *
     * @param whole       the check along one direction over all parameters
     * @param localised   the failing blocks and entries, in the order b^1, w^1, b^2, ... (empty if none failed)
     * @param evaluations the cost evaluations spent, the whole check included
     * @param exhaustive  the evaluations the method would need to check every parameter one by one
     * @param blocks      the verdict of each block's own check, in the order of {@link #blocks()}: b^1, w^1, b^2, ...
     */
    public record Localisation(DirectionalResult whole, List<Localised> localised, long evaluations,
                               long exhaustive, List<Verdict> blocks) {
        public Localisation {
            localised = List.copyOf(localised);
            blocks = List.copyOf(blocks);
        }

        /** FAIL if the whole check or any block failed, else the whole check's verdict. */
        public Verdict verdict() {
            return localised.isEmpty() ? whole.verdict() : Verdict.FAIL;
        }

        /**
         * The verdict of one block's own check: ∂C/∂b^l for BP3, ∂C/∂w^l for BP4; empty for BP1 and BP2 (δ is not a
         * parameter, so no direction runs along it) and for a layer the network does not have.
         */
        public java.util.Optional<Verdict> verdictOf(Formula formula, int layer) {
            if ((formula != Formula.BP3 && formula != Formula.BP4) || layer < 1 || 2 * layer > blocks.size()) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(blocks.get(2 * (layer - 1) + (formula == Formula.BP3 ? 0 : 1)));
        }

        /** The localised failures in one block (the block itself, or its named entries). */
        public List<Localised> in(Formula formula, int layer) {
            return localised.stream().filter(x -> x.formula() == formula && x.layer() == layer).toList();
        }
    }

    private final Network net;
    private final Batch batch;
    private final ForwardTrace forward;
    private final BackwardTrace backward;
    private final DifferenceMethod method;
    private final double epsilon;
    private final Precision precision;
    private final long seed;
    private final IncrementalCost base;
    private final NoiseModel noise;
    private long evaluations;
    private long draws;
    private CheckProgress progress = CheckProgress.NONE;

    /**
     * @param net      the network, not modified
     * @param forward  its forward pass (the kink reference)
     * @param backward the gradients to check (a deliberate mistake included)
     * @throws org.backprop.workbench.numeric.NotAnalyticException for the complex step on a network that is not
     *                                                            analytic
     */
    public DirectionalCheck(Network net, Batch batch, ForwardTrace forward, BackwardTrace backward,
                            DifferenceMethod method, double epsilon, Precision precision, long seed) {
        if (method.isComplex()) {
            ComplexForward.requireAnalytic(net);
        }
        this.net = net;
        this.batch = batch;
        this.forward = forward;
        this.backward = backward;
        this.method = method;
        this.epsilon = epsilon;
        this.precision = precision;
        this.seed = seed;
        this.base = precision == Precision.DOUBLE ? null : IncrementalCost.of(net, batch, precision);
        this.noise = NoiseModel.of(net, batch, forward).scaledBy(precision.unitRoundoff() / NoiseModel.UNIT_ROUNDOFF);
    }

    /** The cost evaluations spent so far (real and imaginary). */
    public long evaluations() { return evaluations; }

    /** Every block of the network: b^1, w^1, b^2, w^2, ... */
    public List<Part> blocks() {
        List<Part> blocks = new ArrayList<>();
        for (int l = 1; l <= net.depth(); l++) {
            blocks.add(new Part(Formula.BP3, l, 0, net.size(l)));
            blocks.add(new Part(Formula.BP4, l, 0, net.size(l - 1) * net.size(l)));
        }
        return blocks;
    }

    /** The check along one direction over all parameters: the first check of {@link #localise()}. */
    public DirectionalResult whole() {
        return along(blocks());
    }

    /**
     * The check along a random unit direction whose entries outside the parts are 0. The first call with the whole
     * network draws u from {@code new Random(seed)} (entries of w^1, b^1, w^2, ...); later calls draw from seeds
     * derived from it.
     */
    public DirectionalResult along(List<Part> parts) {
        if (progress.cancelled()) {
            throw new CancellationException("directional check cancelled");
        }
        int depth = net.depth();
        DMatrixRMaj[] uw = new DMatrixRMaj[depth + 1];
        DMatrixRMaj[] ub = new DMatrixRMaj[depth + 1];
        for (int l = 1; l <= depth; l++) {
            uw[l] = new DMatrixRMaj(net.size(l - 1), net.size(l));
            ub[l] = new DMatrixRMaj(net.size(l), 1);
        }
        Random random = new Random(draws == 0 ? seed : seed * 0x9E3779B97F4A7C15L + draws);
        // parts get random signs and sizes in [1, 2) before normalising: a Gaussian u_i can come out near 0 and hide
        // a wrong entry from the half that holds it (Δ_i u_i then drowns in the rounding noise), and equal sizes (±1)
        // can hit a direction along which C does not change (all biases of a softmax output up by the same amount)
        boolean signed = draws > 0;
        draws++;
        double norm2 = 0;
        long parameters = 0;
        for (int l = 1; l <= depth; l++) {
            for (Formula f : new Formula[]{Formula.BP4, Formula.BP3}) {
                double[] u = (f == Formula.BP4 ? uw[l] : ub[l]).data;
                for (Part p : parts) {
                    if (p.formula() == f && p.layer() == l) {
                        for (int i = p.from(); i < p.to(); i++) {
                            u[i] = signed ? (random.nextBoolean() ? 1 : -1) * (1 + random.nextDouble()) : random.nextGaussian();
                            norm2 += u[i] * u[i];
                        }
                        parameters += p.size();
                    }
                }
            }
        }
        double norm = Math.sqrt(norm2);
        double analytic = 0;
        for (int l = 1; l <= depth; l++) {
            for (int i = 0; i < uw[l].data.length; i++) {
                uw[l].data[i] /= norm;
                analytic += backward.gradW(l).data[i] * uw[l].data[i];
            }
            for (int i = 0; i < ub[l].data.length; i++) {
                ub[l].data[i] /= norm;
                analytic += backward.gradB(l).data[i] * ub[l].data[i];
            }
        }
        Probe probe = new Probe() {
            @Override
            public Value real(double t) {
                evaluations++;
                Network moved = moved(uw, ub, t);
                if (base == null) {
                    Forward.SampleOutcome outcome = Forward.costAgainst(moved, forward, batch);
                    return new Value(outcome.cost(), outcome.crossedKink());
                }
                IncrementalCost there = IncrementalCost.of(moved, batch, precision);
                return new Value(there.cost(), base.crossesKink(there));
            }

            @Override
            public double imaginary(double h) {
                evaluations++;
                DMatrixRMaj[] wIm = new DMatrixRMaj[depth + 1];
                DMatrixRMaj[] bIm = new DMatrixRMaj[depth + 1];
                for (int l = 1; l <= depth; l++) {
                    wIm[l] = uw[l].copy();
                    bIm[l] = ub[l].copy();
                    CommonOps_DDRM.scale(h, wIm[l]);
                    CommonOps_DDRM.scale(h, bIm[l]);
                }
                return ComplexForward.cost(net, batch, wIm, bIm).im();
            }
        };
        Estimate estimate = method.estimate(probe, epsilon);
        double n = noise.numericNoise(-1, method, epsilon, estimate.magnitude());
        boolean moved = method.isComplex();
        for (int l = 1; l <= depth && !moved; l++) {
            moved = moves(net.w(l).data, uw[l].data, epsilon) || moves(net.b(l).data, ub[l].data, epsilon);
        }
        Thresholds.Judgement j = Thresholds.judge(analytic, estimate.value(), n, noise.gradientScale(),
                estimate.crossedKink(), !moved);
        return new DirectionalResult(analytic, estimate.value(), j.relativeError(), j.verdict(), method, epsilon, seed,
                parameters, j.reason(), n);
    }

    /**
     * The whole check and, if it fails, the bisection: every block is checked, and inside each failing block halves
     * are checked down to single entries (see the class comment for when it stops early).
     */
    public Localisation localise() {
        return localise(CheckProgress.NONE);
    }

    /**
     * {@link #localise()} with progress and cancellation: after the whole check and after each block (with its
     * bisection) {@code progress} hears how many of the 2L + 1 stages are done; a cancellation ends the next
     * directional check with a {@link CancellationException}.
     */
    public Localisation localise(CheckProgress progress) {
        this.progress = progress;
        List<Part> blocks = blocks();
        long stages = blocks.size() + 1L;
        DirectionalResult whole = whole();
        progress.advanced(1, stages);
        List<Localised> localised = new ArrayList<>();
        long done = 1;
        // every block is checked even when the whole check passes: along all 109,386 parameters of 784-128-64-10 the
        // derivative is dominated by the largest blocks, so a wrong ∂C/∂b^3 (10 numbers) changes it by less than the
        // fail threshold; along its own block the same error is plain
        List<Verdict> verdicts = new ArrayList<>();
        for (Part block : blocks) {
            Verdict v = along(List.of(block)).verdict();
            verdicts.add(v);
            if (v == Verdict.FAIL) {
                localised.addAll(inside(block));
            }
            progress.advanced(++done, stages);
        }
        return new Localisation(whole, localised, evaluations, (long) method.evaluations() * whole.parameters(),
                verdicts);
    }

    private boolean fails(Part part) {
        return along(List.of(part)).verdict() == Verdict.FAIL;
    }

    /** The failing entries of a failing block, or the block itself when they are many or spread over it. */
    private List<Localised> inside(Part block) {
        List<Part> failing = List.of(block);
        while (failing.stream().anyMatch(p -> p.size() > 1)) {
            List<Part> next = new ArrayList<>();
            int parts = 0;
            boolean lost = false;
            for (Part p : failing) {
                if (p.size() == 1) {
                    next.add(p);
                    parts++;
                    continue;
                }
                Part first = p.firstHalf();
                Part second = p.secondHalf();
                parts += 2;
                if (fails(first)) {
                    next.add(first);
                    if (fails(second)) {
                        next.add(second);
                    }
                } else if (second.size() > 1 || fails(second)) {
                    // the parent failed and its first half did not: the error is in the second half (a single entry
                    // is confirmed rather than inferred, so that an entry is named only when its own check fails)
                    next.add(second);
                } else {
                    lost = true;
                }
            }
            if (lost || next.isEmpty()) {
                return List.of(new Localised(block.formula(), block.layer(), null));
            }
            if (next.size() > MAX_NAMED || (parts >= SPREAD_PARTS && 2 * next.size() > parts)) {
                return List.of(new Localised(block.formula(), block.layer(), null));
            }
            failing = next;
        }
        if (failing.size() == block.size() && block.size() > 1) {
            return List.of(new Localised(block.formula(), block.layer(), null));   // every entry: the whole block
        }
        List<Localised> entries = new ArrayList<>();
        int columns = net.size(block.layer());
        for (Part p : failing) {
            int[] index = block.formula() == Formula.BP3 ? new int[]{p.from()}
                    : new int[]{p.from() / columns, p.from() % columns};
            entries.add(new Localised(block.formula(), block.layer(), index));
        }
        return entries;
    }

    /** True if some θ_i ± h u_i differs from θ_i (the smallest step of the method is at least h/2). */
    private static boolean moves(double[] theta, double[] u, double h) {
        for (int i = 0; i < theta.length; i++) {
            double step = h / 2 * u[i];
            if (theta[i] + step != theta[i] && theta[i] - step != theta[i]) {
                return true;
            }
        }
        return false;
    }

    /** θ + t u, a new network. */
    private Network moved(DMatrixRMaj[] uw, DMatrixRMaj[] ub, double t) {
        List<DMatrixRMaj> weights = net.weightList();
        List<DMatrixRMaj> biases = net.biasList();
        for (int l = 1; l <= net.depth(); l++) {
            double[] wl = weights.get(l - 1).data;
            for (int i = 0; i < wl.length; i++) {
                wl[i] += t * uw[l].data[i];
            }
            double[] bl = biases.get(l - 1).data;
            for (int i = 0; i < bl.length; i++) {
                bl[i] += t * ub[l].data[i];
            }
        }
        return new Network(net.size(0), net.layers(), net.loss(), weights, biases);
    }
}
