package org.backprop.workbench.bench;

import org.backprop.workbench.check.CheckMode;
import org.backprop.workbench.check.CheckOptions;
import org.backprop.workbench.check.CheckProgress;
import org.backprop.workbench.check.CheckResult;
import org.backprop.workbench.check.CostProbe;
import org.backprop.workbench.check.FastGradientCheck;
import org.backprop.workbench.check.Formula;
import org.backprop.workbench.check.GradientCheck;
import org.backprop.workbench.check.Thresholds;
import org.backprop.workbench.engine.Activation;
import org.backprop.workbench.engine.Backprop;
import org.backprop.workbench.engine.BackwardTrace;
import org.backprop.workbench.engine.Batch;
import org.backprop.workbench.engine.Forward;
import org.backprop.workbench.engine.ForwardTrace;
import org.backprop.workbench.engine.Layer;
import org.backprop.workbench.engine.Loss;
import org.backprop.workbench.engine.Network;
import org.backprop.workbench.i18n.Messages;
import org.backprop.workbench.numeric.DifferenceMethod;
import org.backprop.workbench.numeric.DifferenceMethod.Probe;
import org.ejml.data.DMatrixRMaj;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The benchmark of the exhaustive check on an MNIST-sized network, 784-128-64-10 (sigmoid, relu, identity output
 * with softmax-cross-entropy), m = 8, seeded: the naive check (two full forward passes per number, as
 * {@link GradientCheck}) against the incremental one ({@link FastGradientCheck}), one thread against all cores,
 * and the complex step against central differences on the same sizes with smooth layers (sigmoid, tanh).
 */
public final class GradientBenchmark {
    /** n_0 .. n_L of the benchmark network: MNIST inputs, two hidden layers, ten classes. */
    public static final int[] SIZES = {784, 128, 64, 10};

    /** The batch size of the benchmark. */
    public static final int SAMPLES = 8;

    /**
     * Weights per layer that the naive side checks: the naive check of all 109,386 parameters takes minutes, so it
     * runs on a stratified sample (with every bias and δ) and the time per number is extrapolated; 100 per layer
     * keeps the naive side near a second on a laptop core.
     */
    public static final int NAIVE_WEIGHTS_PER_LAYER = 100;

    /** Timed runs of each incremental configuration; the best counts (the others absorb noise from other work). */
    public static final int REPETITIONS = 3;

    /**
     * Weights per layer of the method comparison: a sample keeps the tanh-heavy smooth network to a few seconds, and
     * the ratio of the two methods does not depend on how many numbers are checked.
     */
    public static final int METHOD_WEIGHTS_PER_LAYER = 5000;

    private GradientBenchmark() {
    }

    /** The benchmark network with the given hidden activations, seeded. */
    public static Network network(Activation hidden1, Activation hidden2, long seed) {
        List<Layer> layers = List.of(new Layer(SIZES[1], hidden1), new Layer(SIZES[2], hidden2),
                new Layer(SIZES[3], Activation.IDENTITY));
        return Network.initialised(SIZES[0], layers, Loss.SOFTMAX_CROSS_ENTROPY, seed);
    }

    /** m samples: inputs uniform in [0, 1) like pixel intensities, one-hot targets. */
    public static Batch batch(Network net, int m, long seed) {
        Random random = new Random(seed);
        DMatrixRMaj inputs = new DMatrixRMaj(net.size(0), m);
        for (int i = 0; i < inputs.data.length; i++) {
            inputs.data[i] = random.nextDouble();
        }
        DMatrixRMaj targets = new DMatrixRMaj(net.size(net.depth()), m);
        for (int x = 0; x < m; x++) {
            targets.set(random.nextInt(targets.numRows), x, 1.0);
        }
        return new Batch(inputs, targets);
    }

    /**
     * Runs the benchmark.
     *
     * @param seed             seed of the networks, the batch and the naive sample
     * @param threads          threads of the all-cores run
     * @param naivePerLayer    weights per layer the naive side checks; 0 or more than any layer has means all (the
     *                         naive side then takes minutes)
     * @param log              receives a line as each phase ends
     */
    public static BenchResult run(long seed, int threads, int naivePerLayer, Consumer<String> log) {
        long start = System.nanoTime();
        Network net = network(Activation.SIGMOID, Activation.RELU, seed);
        Batch batch = batch(net, SAMPLES, seed);
        ForwardTrace forward = Forward.run(net, batch);
        BackwardTrace backward = new Backprop().run(net, forward, batch);
        long numbers = GradientCheck.count(net, SAMPLES);
        CheckOptions all = CheckOptions.defaults().withThreads(threads);

        // warm-up: let the JIT compile the incremental and the naive paths before anything is timed
        new FastGradientCheck(all).run(net, batch, forward, backward, CheckProgress.NONE);
        List<CheckResult> warm = new FastGradientCheck(all.withMode(new CheckMode.Sample(3, seed + 2)))
                .run(net, batch, forward, backward, CheckProgress.NONE);
        naive(net, batch, forward, warm.subList(warm.size() - 20, warm.size()), Thresholds.DEFAULT_EPSILON);
        log.accept(Messages.get("bench.log.warmedUp"));

        double oneThread = Double.POSITIVE_INFINITY;
        double allThreads = Double.POSITIVE_INFINITY;
        double coresObtained = 0;
        double oneThreadCpu = 0;
        double allThreadsCpu = 0;
        for (int repetition = 0; repetition < REPETITIONS; repetition++) {
            long cpu0 = processCpuNanos();
            double wall1 = seconds(() -> new FastGradientCheck(all.withThreads(1))
                    .run(net, batch, forward, backward, CheckProgress.NONE));
            long cpu1 = processCpuNanos();
            double wall = seconds(() -> new FastGradientCheck(all)
                    .run(net, batch, forward, backward, CheckProgress.NONE));
            long cpu2 = processCpuNanos();
            if (wall1 < oneThread) {
                oneThread = wall1;
                oneThreadCpu = (cpu1 - cpu0) / 1e9;
            }
            if (wall < allThreads) {
                allThreads = wall;
                allThreadsCpu = (cpu2 - cpu1) / 1e9;
                coresObtained = allThreadsCpu / wall;
            }
        }
        log.accept(Messages.get("bench.log.incremental", f(oneThread), String.valueOf(threads), f(allThreads),
                String.valueOf(REPETITIONS)));

        boolean sampled = naivePerLayer > 0 && naivePerLayer < SIZES[0] * SIZES[1];
        CheckMode naiveMode = sampled ? new CheckMode.Sample(naivePerLayer, seed) : CheckMode.ALL;
        List<CheckResult> fast = new FastGradientCheck(all.withMode(naiveMode))
                .run(net, batch, forward, backward, CheckProgress.NONE);
        List<CheckResult> deltas = fast.stream().filter(r -> r.formula().ordinal() <= Formula.BP2.ordinal()).toList();
        List<CheckResult> parameters = fast.stream().filter(r -> r.formula().ordinal() > Formula.BP2.ordinal())
                .toList();
        double[] naiveDeltas = new double[deltas.size()];
        double[] naiveParameters = new double[parameters.size()];
        double deltaSeconds = seconds(() -> System.arraycopy(naive(net, batch, forward, deltas,
                Thresholds.DEFAULT_EPSILON), 0, naiveDeltas, 0, naiveDeltas.length));
        double parameterSeconds = seconds(() -> System.arraycopy(naive(net, batch, forward, parameters,
                Thresholds.DEFAULT_EPSILON), 0, naiveParameters, 0, naiveParameters.length));
        long allDeltas = Arrays.stream(new int[]{1, 2, 3}).mapToLong(l -> (long) net.size(l) * SAMPLES).sum();
        long allParameters = net.parameterCount();
        double naiveSeconds = deltaSeconds * allDeltas / deltas.size()
                + parameterSeconds * allParameters / parameters.size();
        double maxElementwise = 0;
        double maxAbs = 0;
        double maxNaive = 0;
        for (int i = 0; i < deltas.size() + parameters.size(); i++) {
            boolean delta = i < deltas.size();
            double naive = delta ? naiveDeltas[i] : naiveParameters[i - deltas.size()];
            double incremental = (delta ? deltas.get(i) : parameters.get(i - deltas.size())).numeric();
            maxElementwise = Math.max(maxElementwise, Thresholds.relativeError(naive, incremental, forward.cost()));
            maxAbs = Math.max(maxAbs, Math.abs(naive - incremental));
            maxNaive = Math.max(maxNaive, Math.abs(naive));
        }
        log.accept(Messages.get("bench.log.naive", String.valueOf(deltas.size() + parameters.size()),
                f(deltaSeconds + parameterSeconds)));

        Network smooth = network(Activation.SIGMOID, Activation.TANH, seed);
        ForwardTrace smoothForward = Forward.run(smooth, batch);
        BackwardTrace smoothBackward = new Backprop().run(smooth, smoothForward, batch);
        // one thread: the ratio of the methods then does not depend on how many cores other work leaves free
        CheckOptions centralOptions = all.withMode(new CheckMode.Sample(METHOD_WEIGHTS_PER_LAYER, seed))
                .withThreads(1);
        CheckOptions complexOptions = centralOptions.withMethod(DifferenceMethod.COMPLEX_STEP);
        List<List<CheckResult>> holder = new ArrayList<>(List.of(List.of(), List.of()));
        double central = Double.POSITIVE_INFINITY;
        double complex = Double.POSITIVE_INFINITY;
        for (int repetition = 0; repetition < REPETITIONS; repetition++) {
            central = Math.min(central, seconds(() -> holder.set(0, new FastGradientCheck(centralOptions)
                    .run(smooth, batch, smoothForward, smoothBackward, CheckProgress.NONE))));
            complex = Math.min(complex, seconds(() -> holder.set(1, new FastGradientCheck(complexOptions)
                    .run(smooth, batch, smoothForward, smoothBackward, CheckProgress.NONE))));
        }
        log.accept(Messages.get("bench.log.smooth", f(central), f(complex)));

        double total = (System.nanoTime() - start) / 1e9;
        return new BenchResult(net.describe(), SAMPLES, numbers, naiveSeconds, allThreads, naiveSeconds / allThreads,
                oneThread, allThreads, oneThread / allThreads, coresObtained, oneThreadCpu, allThreadsCpu, maxAbs / maxNaive, maxElementwise, maxAbs,
                Math.ulp(forward.cost()) / (2 * Thresholds.DEFAULT_EPSILON), threads, sampled,
                deltas.size() + parameters.size(), deltaSeconds + parameterSeconds, smooth.describe(), central,
                complex, complex / central, median(holder.get(0)), median(holder.get(1)), total);
    }

    /**
     * The naive central difference of each listed number, exactly as {@link GradientCheck} computes it: the whole
     * network run twice per weight or bias, the column from layer l up twice per δ.
     */
    static double[] naive(Network net, Batch batch, ForwardTrace forward, List<CheckResult> numbers, double epsilon) {
        Network probe = net.copy();
        double[] out = new double[numbers.size()];
        int m = batch.size();
        for (int n = 0; n < numbers.size(); n++) {
            CheckResult r = numbers.get(n);
            boolean delta = r.formula() == Formula.BP1 || r.formula() == Formula.BP2;
            Probe p = CostProbe.of(delta ? net : probe, batch, forward, r.formula(), r.layer(), r.index());
            double slope = DifferenceMethod.CENTRAL.estimate(p, epsilon).value();
            out[n] = delta ? slope / m : slope;
        }
        return out;
    }

    private static double median(List<CheckResult> results) {
        double[] errors = results.stream().mapToDouble(CheckResult::relativeError).sorted().toArray();
        return errors.length == 0 ? Double.NaN : errors[errors.length / 2];
    }

    /** CPU time of the whole process so far (all threads), or 0 where the JVM cannot tell. */
    private static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }

    private static double seconds(Runnable task) {
        long t0 = System.nanoTime();
        task.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Seconds as the progress lines write them (1.25, in every language). */
    private static String f(double seconds) {
        return String.format(java.util.Locale.ROOT, "%.2f", seconds);
    }
}
