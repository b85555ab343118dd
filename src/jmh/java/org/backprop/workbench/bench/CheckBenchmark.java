package org.backprop.workbench.bench;

import org.backprop.workbench.engine.Activation;
import org.backprop.workbench.engine.Batch;
import org.backprop.workbench.engine.Forward;
import org.backprop.workbench.engine.ForwardTrace;
import org.backprop.workbench.engine.GenericForward;
import org.backprop.workbench.engine.Network;
import org.backprop.workbench.kernel.DoubleArithmetic;
import org.backprop.workbench.numeric.ComplexForward;
import org.backprop.workbench.numeric.IncrementalCost;
import org.backprop.workbench.numeric.Precision;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The cost of one perturbed cost evaluation on the 784-128-64-10 benchmark network (m = 8): the naive full forward
 * pass against the incremental update, for a weight of layer 1 (the 100,352 of the 109,386 parameters that dominate
 * an exhaustive check), real and complex, and the EJML product that a full recompute of layer 2 would need.
 * Run with {@code mvn -B -Pbench package -DskipTests} then
 * {@code java -cp target/backprop-workbench.jar org.openjdk.jmh.Main CheckBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CheckBenchmark {
    private Network net;
    private Network probe;
    private Batch batch;
    private ForwardTrace forward;
    private IncrementalCost.Workspace workspace;
    private IncrementalCost.Workspace smoothWorkspace;
    private IncrementalCost.Workspace smoothFloatWorkspace;
    private Network smooth;
    private Network smoothProbe;
    private ForwardTrace smoothForward;
    private DMatrixRMaj[] wIm;
    private DMatrixRMaj w2;
    private DMatrixRMaj a1;
    private DMatrixRMaj z2;
    private int k;

    @Setup
    public void setUp() {
        net = GradientBenchmark.network(Activation.SIGMOID, Activation.RELU, 1);
        batch = GradientBenchmark.batch(net, GradientBenchmark.SAMPLES, 1);
        forward = Forward.run(net, batch);
        probe = net.copy();
        workspace = IncrementalCost.of(net, batch, forward, Precision.DOUBLE).workspace();
        smooth = GradientBenchmark.network(Activation.SIGMOID, Activation.TANH, 1);
        smoothProbe = smooth.copy();
        smoothForward = Forward.run(smooth, batch);
        smoothWorkspace = IncrementalCost.of(smooth, batch, smoothForward, Precision.DOUBLE).workspace();
        smoothFloatWorkspace = IncrementalCost.of(smooth, batch, Precision.FLOAT).workspace();
        wIm = new DMatrixRMaj[smooth.depth() + 1];
        wIm[1] = new DMatrixRMaj(smooth.size(0), smooth.size(1));
        w2 = net.w(2);
        a1 = forward.a(1);
        z2 = new DMatrixRMaj(net.size(2), batch.size());
    }

    /** The next input row, so that no two calls perturb the same weight. */
    private int nextK() {
        k = (k + 1) % 784;
        return k;
    }

    @Benchmark
    public double naiveWeightOfLayer1() {
        int row = nextK();
        double original = probe.w(1).get(row, 5);
        probe.w(1).set(row, 5, original + 1e-5);
        double cost = Forward.costAgainst(probe, forward, batch).cost();
        probe.w(1).set(row, 5, original);
        return cost;
    }

    @Benchmark
    public double incrementalWeightOfLayer1() {
        return workspace.weight(1, nextK(), 5, 1e-5).cost();
    }

    @Benchmark
    public double incrementalWeightOfLayer1SmoothNetwork() {
        return smoothWorkspace.weight(1, nextK(), 5, 1e-5).cost();
    }

    @Benchmark
    public double complexStepWeightOfLayer1SmoothNetwork() {
        return smoothWorkspace.weightImaginary(1, nextK(), 5, 1e-20);
    }

    /** The engine's EJML forward pass (the specialisation of the generic pass for the plain trace), smooth network. */
    @Benchmark
    public double engineWeightOfLayer1SmoothNetwork() {
        int row = nextK();
        double original = smoothProbe.w(1).get(row, 5);
        smoothProbe.w(1).set(row, 5, original + 1e-5);
        double cost = Forward.costAgainst(smoothProbe, smoothForward, batch).cost();
        smoothProbe.w(1).set(row, 5, original);
        return cost;
    }

    /** The one generic forward pass in double (boxed Double through the kernels' formulas), smooth network. */
    @Benchmark
    public double genericWeightOfLayer1SmoothNetwork() {
        return genericWeightOfLayer1(DoubleArithmetic.INSTANCE);
    }

    /** C with w^1_k5 + 1e-5 by the generic pass in the given arithmetic, smooth network. */
    private double genericWeightOfLayer1(DoubleArithmetic ar) {
        int row = nextK();
        double original = smoothProbe.w(1).get(row, 5);
        smoothProbe.w(1).set(row, 5, original + 1e-5);
        double cost = GenericForward.cost(ar, smoothProbe, batch, GenericForward.of(ar, smoothProbe));
        smoothProbe.w(1).set(row, 5, original);
        return cost;
    }

    /** The generic pass in complex arithmetic (ComplexForward, the complex step's reference), smooth network. */
    @Benchmark
    public double genericComplexStepWeightOfLayer1SmoothNetwork() {
        int row = nextK();
        wIm[1].set(row, 5, 1e-20);
        double im = ComplexForward.cost(smooth, batch, wIm, null).im();
        wIm[1].set(row, 5, 0);
        return im;
    }

    /**
     * What recomputing z^2 with EJML would cost per evaluation (128 x 64 x 8 multiply-adds), against the rank-one
     * update the incremental check does in plain loops (64 x 8): the reason those loops are not EJML calls.
     */
    @Benchmark
    public DMatrixRMaj ejmlRecomputeOfLayer2() {
        CommonOps_DDRM.multTransA(w2, a1, z2);
        return z2;
    }

    /** The float check's specialised perturbed pass (rank-one update, each stored value rounded), smooth network. */
    @Benchmark
    public double incrementalFloatWeightOfLayer1SmoothNetwork() {
        return smoothFloatWorkspace.weight(1, nextK(), 5, 1e-5).cost();
    }

    /**
     * The one generic pass in the float model (DoubleArithmetic.FLOAT), which the float base runs once and which the
     * float perturbed pass would be without its specialisation, smooth network.
     */
    @Benchmark
    public double genericFloatWeightOfLayer1SmoothNetwork() {
        return genericWeightOfLayer1(DoubleArithmetic.FLOAT);
    }
}
