package org.backprop.workbench.check;

import org.backprop.workbench.engine.Backprop;
import org.backprop.workbench.engine.BackwardTrace;
import org.backprop.workbench.engine.Batch;
import org.backprop.workbench.engine.Forward;
import org.backprop.workbench.engine.ForwardTrace;
import org.backprop.workbench.engine.Network;
import org.backprop.workbench.numeric.ComplexForward;
import org.backprop.workbench.numeric.DifferenceMethod.Estimate;
import org.backprop.workbench.numeric.DifferenceMethod.Probe;
import org.backprop.workbench.numeric.DifferenceMethod.Value;
import org.backprop.workbench.numeric.DifferenceMethod;
import org.backprop.workbench.numeric.IncrementalCost;
import org.backprop.workbench.numeric.Precision;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * The gradient check of {@link GradientCheck}, fast: each perturbed cost comes from {@link IncrementalCost} (only
 * the layers at and above the perturbed number are recomputed, by rank-one updates), and the numbers are spread over
 * the cores. The results, their order and the verdicts (kinks included) are those of {@link GradientCheck}; the
 * numerical values agree to the rounding of the difference quotients.
 */
public final class FastGradientCheck {
    /**
     * Numbers per parallel task: large enough that scheduling costs nothing against ~10 µs per number, small enough
     * that 2 cores stay balanced and progress and cancellation are seen every few milliseconds.
     */
    static final int CHUNK = 128;

    private final CheckOptions options;

    public FastGradientCheck(CheckOptions options) {
        this.options = options;
    }

    public CheckOptions options() { return options; }

    /** One number to check: δ^l_jx (i = j, k = x), b^l_j (i = j) or w^l_kj (i = k, k = j). */
    record Item(Formula formula, int layer, int i, int k) {
        int[] index() {
            return formula == Formula.BP3 ? new int[]{i} : new int[]{i, k};
        }
    }

    /** The numbers a mode covers, in the order of {@link GradientCheck#run}. */
    static List<Item> items(Network net, int m, CheckMode mode) {
        List<Item> items = new ArrayList<>();
        for (int l = net.depth(); l >= 1; l--) {
            Formula deltaFormula = l == net.depth() ? Formula.BP1 : Formula.BP2;
            for (int j = 0; j < net.size(l); j++) {
                for (int x = 0; x < m; x++) {
                    items.add(new Item(deltaFormula, l, j, x));
                }
            }
            for (int j = 0; j < net.size(l); j++) {
                items.add(new Item(Formula.BP3, l, j, 0));
            }
            int rows = net.size(l - 1);
            int cols = net.size(l);
            for (int flat : weightIndices(rows * cols, l, mode)) {
                items.add(new Item(Formula.BP4, l, flat / cols, flat % cols));
            }
        }
        return items;
    }

    /** The flat indices k·n_l + j of the weights of layer l that the mode covers, ascending. */
    private static int[] weightIndices(int count, int layer, CheckMode mode) {
        if (mode instanceof CheckMode.Sample sample && sample.perArray() < count) {
            Random random = new Random(sample.seed() * 1_000_003L + layer);
            int[] all = IntStream.range(0, count).toArray();
            for (int i = 0; i < sample.perArray(); i++) {   // partial Fisher-Yates
                int r = i + random.nextInt(count - i);
                int tmp = all[i];
                all[i] = all[r];
                all[r] = tmp;
            }
            int[] chosen = Arrays.copyOf(all, sample.perArray());
            Arrays.sort(chosen);
            return chosen;
        }
        return IntStream.range(0, count).toArray();
    }

    /** How many numbers {@link #run} checks. */
    public static long count(Network net, int m, CheckMode mode) {
        if (mode instanceof CheckMode.Sample sample) {
            long count = 0;
            for (int l = 1; l <= net.depth(); l++) {
                long weights = (long) net.size(l - 1) * net.size(l);
                count += (long) net.size(l) * m + net.size(l) + Math.min(weights, sample.perArray());
            }
            return count;
        }
        return GradientCheck.count(net, m);
    }

    /**
     * Checks the numbers the mode covers. Progress is reported once per chunk of {@value #CHUNK} numbers from the
     * worker threads, so calls may overlap and arrive slightly out of order (a UI keeps the largest {@code done} and
     * hands it to its own thread); a cancelled progress ends the run with a {@link CancellationException} within a
     * chunk per thread.
     *
     * @throws org.backprop.workbench.numeric.NotAnalyticException for the complex step on a relu network
     */
    public List<CheckResult> run(Network net, Batch batch, ForwardTrace forward, BackwardTrace backward,
                                 CheckProgress progress) {
        if (options.isAuto()) {
            // a step chosen per number evaluates a tableau of steps per number: the engine's own probe, not the
            // incremental one (the results and their order are the same)
            return GradientCheck.auto(options.method()).run(net, batch, forward, backward, progress);
        }
        if (options.method().isComplex()) {
            ComplexForward.requireAnalytic(net);
        }
        List<Item> items = items(net, batch.size(), options.mode());
        IncrementalCost cost = IncrementalCost.of(net, batch, forward, options.precision());
        NoiseModel noise = NoiseModel.of(net, batch, forward);
        // one small array per chunk, filled by one thread: the threads never write into the same (large, long-lived)
        // array, so the collector's write barrier and its card table see no traffic shared between them
        CheckResult[][] byChunk = new CheckResult[(items.size() + CHUNK - 1) / CHUNK][];
        int chunks = (items.size() + CHUNK - 1) / CHUNK;
        long total = items.size();
        AtomicLong done = new AtomicLong();
        ThreadLocal<IncrementalCost.Workspace> workspaces = ThreadLocal.withInitial(cost::workspace);
        LinearTail[] tails = tails(net, batch, forward);
        ThreadLocal<LinearTail.Scratch[]> scratches = ThreadLocal.withInitial(() -> {
            LinearTail.Scratch[] s = new LinearTail.Scratch[tails.length];
            for (int l = 1; l < tails.length; l++) {
                s[l] = tails[l] == null ? null : tails[l].scratch();
            }
            return s;
        });
        Runnable all = () -> IntStream.range(0, chunks).parallel().forEach(c -> {
            if (progress.cancelled()) {
                throw new CancellationException("gradient check cancelled after " + done.get() + " of " + total);
            }
            IncrementalCost.Workspace ws = workspaces.get();
            LinearTail.Scratch[] tail = scratches.get();
            int start = c * CHUNK;
            int end = Math.min(items.size(), start + CHUNK);
            CheckResult[] part = new CheckResult[end - start];
            for (int i = start; i < end; i++) {
                Item item = items.get(i);
                part[i - start] = check(item, ws, tail[item.layer()], batch.size(), backward, forward, net, noise);
            }
            byChunk[c] = part;
            progress.advanced(done.addAndGet(end - start), total);
        });
        ForkJoinPool pool = new ForkJoinPool(options.threads());
        try {
            pool.submit(all).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("gradient check interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
        List<CheckResult> results = new ArrayList<>(items.size());
        for (CheckResult[] part : byChunk) {
            results.addAll(Arrays.asList(part));
        }
        return GradientCheck.guardIntermediates(forward, Collections.unmodifiableList(results));
    }

    /**
     * The check of one number, as {@link #run} would report it: δ^l_jx ({@code index} [j, x], BP1/BP2), ∂C/∂b^l_j
     * ([j], BP3) or ∂C/∂w^l_kj ([k, j], BP4). Costs two or so forward passes from layer l up, whatever the network's
     * size, so a single entry can be checked without checking them all.
     */
    public CheckResult checkOne(Network net, Batch batch, ForwardTrace forward, BackwardTrace backward,
                                Formula formula, int layer, int[] index) {
        if (options.method().isComplex()) {
            ComplexForward.requireAnalytic(net);
        }
        Item item = new Item(formula, layer, index[0], index.length > 1 ? index[1] : 0);
        IncrementalCost cost = IncrementalCost.of(net, batch, forward, options.precision());
        return check(item, cost.workspace(), null, batch.size(), backward, forward, net,
                NoiseModel.of(net, batch, forward));
    }

    /**
     * The {@link LinearTail} of each layer (index 1..L), null where it does not apply: everywhere for the complex
     * step and in float, whose rounding of every stored value the tail does not repeat.
     */
    private LinearTail[] tails(Network net, Batch batch, ForwardTrace forward) {
        LinearTail[] tails = new LinearTail[net.depth() + 1];
        if (!options.method().isComplex() && options.precision() == Precision.DOUBLE) {
            for (int l = 1; l <= net.depth(); l++) {
                tails[l] = LinearTail.of(net, batch, forward, l);
            }
        }
        return tails;
    }

    private CheckResult check(Item item, IncrementalCost.Workspace ws, LinearTail.Scratch tail, int m,
                              BackwardTrace backward, ForwardTrace forward, Network net, NoiseModel noise) {
        Estimate estimate = options.method().estimate(probe(item, ws, tail), options.epsilon());
        double analytic = analytic(item, backward);
        double numeric = estimate.value() * scale(item, m);
        boolean delta = item.formula() == Formula.BP1 || item.formula() == Formula.BP2;
        double noiseScale = options.precision() == Precision.DOUBLE ? 1 : options.precision().unitRoundoff()
                / NoiseModel.UNIT_ROUNDOFF;
        return GradientCheck.judged(item.formula(), item.layer(), item.index(), analytic, numeric, estimate,
                noise.scaledBy(noiseScale), delta ? item.k() : -1, theta(item, forward, net), options.method(),
                options.epsilon());
    }

    /** The value of the perturbed number. */
    static double theta(Item item, ForwardTrace forward, Network net) {
        return switch (item.formula()) {
            case BP1, BP2 -> forward.z(item.layer()).get(item.i(), item.k());
            case BP3 -> net.b(item.layer()).get(item.i(), 0);
            case BP4 -> net.w(item.layer()).get(item.i(), item.k());
        };
    }

    /** What the estimate is multiplied by: 1/m for δ (C_x is perturbed, δ includes the 1/m), else 1. */
    static double scale(Item item, int m) {
        return item.formula() == Formula.BP1 || item.formula() == Formula.BP2 ? 1.0 / m : 1.0;
    }

    /** Backprop's value of the item. */
    static double analytic(Item item, BackwardTrace backward) {
        return switch (item.formula()) {
            case BP1, BP2 -> backward.delta(item.layer()).get(item.i(), item.k());
            case BP3 -> backward.gradB(item.layer()).get(item.i(), 0);
            case BP4 -> backward.gradW(item.layer()).get(item.i(), item.k());
        };
    }

    /** The cost along the item's coordinate, through the layer's linear tail where it applies (null: none). */
    static Probe probe(Item item, IncrementalCost.Workspace ws, LinearTail.Scratch tail) {
        return CostProbe.incremental(ws, tail, item.formula(), item.layer(), item.i(), item.k());
    }

    /** Forward, backward and the fast check in one call. */
    public static Analysis analyse(Network net, Batch batch, Backprop backprop, CheckOptions options,
                                   CheckProgress progress) {
        ForwardTrace forward = Forward.run(net, batch);
        BackwardTrace backward = backprop.run(net, forward, batch);
        List<CheckResult> checks = new FastGradientCheck(options).run(net, batch, forward, backward, progress);
        return new Analysis(net, batch, backprop.mistake(), options.epsilon(), forward, backward, checks,
                options.method(), options.precision(), options.mode());
    }

    /**
     * The directional check along a random unit direction u (normal entries, normalised; the same seed gives the
     * same u): ∇C · u from backprop against the method's estimate of the derivative of t ↦ C(θ + t u).
     */
    public static DirectionalResult directional(Network net, Batch batch, ForwardTrace forward,
                                                BackwardTrace backward, DifferenceMethod method, double epsilon,
                                                Precision precision, long seed) {
        return new DirectionalCheck(net, batch, forward, backward, method, epsilon, precision, seed).whole();
    }
}
