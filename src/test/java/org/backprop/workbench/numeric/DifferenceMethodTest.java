package org.backprop.workbench.numeric;

import org.backprop.workbench.check.CheckResult;
import org.backprop.workbench.check.GradientCheck;
import org.backprop.workbench.engine.Activation;
import org.backprop.workbench.engine.Backprop;
import org.backprop.workbench.engine.BackwardTrace;
import org.backprop.workbench.engine.Forward;
import org.backprop.workbench.engine.ForwardTrace;
import org.backprop.workbench.engine.Layer;
import org.backprop.workbench.engine.Loss;
import org.backprop.workbench.engine.Network;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DifferenceMethodTest {

    /** Relative errors of every number of 30 random smooth networks, checked by the naive method. */
    private static double[] relativeErrors(DifferenceMethod method, double h) {
        Random random = new Random(7264);
        List<Double> errors = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            RandomNetworks.Example e = RandomNetworks.random(random, RandomNetworks.SMOOTH_HIDDEN);
            ForwardTrace forward = Forward.run(e.net(), e.batch());
            BackwardTrace backward = new Backprop().run(e.net(), forward, e.batch());
            for (CheckResult r : new GradientCheck(h, method).run(e.net(), e.batch(), forward, backward)) {
                errors.add(r.relativeError());
            }
        }
        return errors.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    private static double median(double[] sorted) {
        return sorted[sorted.length / 2];
    }

    @Test
    void complexStepIsAccurateToMachinePrecisionOnSmoothNetworks() {
        double[] errors = relativeErrors(DifferenceMethod.COMPLEX_STEP, DifferenceMethod.COMPLEX_STEP.defaultStep());
        assertTrue(median(errors) <= 1e-13, "median " + median(errors));
        assertTrue(errors[errors.length - 1] <= 1e-11, "worst " + errors[errors.length - 1]);
    }

    @Test
    void centralDifferencesLandNearOneInTenBillion() {
        double median = median(relativeErrors(DifferenceMethod.CENTRAL, 1e-5));
        assertTrue(median > 1e-13 && median < 1e-8, "median " + median);
    }

    @Test
    void richardsonBeatsCentralDifferencesAtTheSameStep() {
        double richardson = median(relativeErrors(DifferenceMethod.RICHARDSON, 1e-3));
        double central = median(relativeErrors(DifferenceMethod.CENTRAL, 1e-3));
        assertTrue(richardson < central / 100, "richardson " + richardson + " central " + central);
    }

    @Test
    void forwardDifferencesAreLessAccurateThanCentral() {
        double forward = median(relativeErrors(DifferenceMethod.FORWARD, 1e-5));
        double central = median(relativeErrors(DifferenceMethod.CENTRAL, 1e-5));
        assertTrue(forward > 10 * central, "forward " + forward + " central " + central);
    }

    @Test
    void estimatesTheDerivativeOfAKnownFunction() {
        // C(θ + t) = exp(1 + t): C'(θ) = e
        DifferenceMethod.Probe exp = new DifferenceMethod.Probe() {
            @Override
            public DifferenceMethod.Value real(double t) {
                return new DifferenceMethod.Value(Math.exp(1 + t), false);
            }

            @Override
            public double imaginary(double h) {
                return new Complex(1, h).exp().im();
            }
        };
        double e = Math.E;
        assertEquals(e, DifferenceMethod.FORWARD.estimate(exp, 1e-3).value(), e * 1e-3 / 2 * 1.01);
        assertEquals(e, DifferenceMethod.CENTRAL.estimate(exp, 1e-3).value(), e * 1e-6 / 6 * 1.01);
        assertEquals(e, DifferenceMethod.RICHARDSON.estimate(exp, 1e-2).value(), 1e-9);
        assertEquals(e, DifferenceMethod.COMPLEX_STEP.estimate(exp, 1e-20).value(), 1e-15);
    }

    @Test
    void complexFunctionsAgreeWithTheEngineOnTheRealAxis() {
        for (Activation sigma : List.of(Activation.SIGMOID, Activation.TANH, Activation.SOFTPLUS)) {
            for (double z : new double[]{-40, -3.5, -0.2, 0, 0.7, 5, 40}) {
                DMatrixRMaj in = new DMatrixRMaj(1, 1, true, z);
                double real = sigma.apply(in).get(0, 0);
                // exact derivatives written without cancellation (the engine's s (1 − s) loses digits near s = 1)
                double e = Math.exp(-Math.abs(z));
                double derivative = sigma == Activation.SIGMOID ? e / ((1 + e) * (1 + e))
                        : sigma == Activation.TANH ? 1 / (Math.cosh(z) * Math.cosh(z))
                        : z >= 0 ? 1 / (1 + e) : e / (1 + e);
                Complex c = ComplexMath.activate(sigma, new Complex(z, 1e-20));
                assertEquals(real, c.re(), 1e-15 * Math.max(1, Math.abs(real)), sigma + " at " + z);
                assertEquals(derivative, c.im() / 1e-20, 1e-14 * Math.abs(derivative), sigma + "' at " + z);
            }
        }
    }

    @Test
    void complexStepRefusesReluNetworksNamingTheLayer() {
        Network net = Network.initialised(2, List.of(new Layer(3, Activation.TANH), new Layer(3, Activation.RELU),
                new Layer(2, Activation.IDENTITY)), Loss.QUADRATIC, 1);
        RandomNetworks.Example e = new RandomNetworks.Example(net, RandomNetworks.batch(new Random(1), net, 2));
        ForwardTrace forward = Forward.run(net, e.batch());
        BackwardTrace backward = new Backprop().run(net, forward, e.batch());
        NotAnalyticException thrown = assertThrows(NotAnalyticException.class, () ->
                new GradientCheck(1e-20, DifferenceMethod.COMPLEX_STEP).run(net, e.batch(), forward, backward));
        assertEquals(2, thrown.layer());
        assertTrue(thrown.getMessage().contains("layer 2 is relu"), thrown.getMessage());
    }

    @Test
    void complexStepRefusesGeluByNameSinceThereIsNoComplexErf() {
        Network net = Network.initialised(2, List.of(new Layer(3, Activation.GELU), new Layer(2, Activation.IDENTITY)),
                Loss.QUADRATIC, 1);
        RandomNetworks.Example e = new RandomNetworks.Example(net, RandomNetworks.batch(new Random(1), net, 2));
        ForwardTrace forward = Forward.run(net, e.batch());
        BackwardTrace backward = new Backprop().run(net, forward, e.batch());
        NotAnalyticException thrown = assertThrows(NotAnalyticException.class, () ->
                new GradientCheck(1e-20, DifferenceMethod.COMPLEX_STEP).run(net, e.batch(), forward, backward));
        assertEquals(1, thrown.layer());
        assertTrue(thrown.getMessage().contains("layer 1 is gelu") && thrown.getMessage().contains("complex erf"),
                thrown.getMessage());
    }

    @Test
    void complexStepGoesThroughSwishToTheAnalyticGradient() {
        Network net = Network.initialised(2, List.of(new Layer(4, Activation.SWISH), new Layer(3, Activation.SWISH),
                new Layer(2, Activation.IDENTITY)), Loss.QUADRATIC, 5);
        RandomNetworks.Example e = new RandomNetworks.Example(net, RandomNetworks.batch(new Random(5), net, 3));
        ForwardTrace forward = Forward.run(net, e.batch());
        BackwardTrace backward = new Backprop().run(net, forward, e.batch());
        for (int l = 1; l <= net.depth(); l++) {
            for (int k = 0; k < net.size(l - 1); k++) {
                for (int j = 0; j < net.size(l); j++) {
                    DMatrixRMaj[] wIm = new DMatrixRMaj[net.depth() + 1];
                    wIm[l] = new DMatrixRMaj(net.size(l - 1), net.size(l));
                    wIm[l].set(k, j, 1e-20);
                    double slope = ComplexForward.cost(net, e.batch(), wIm, null).im() / 1e-20;
                    double analytic = backward.gradW(l).get(k, j);
                    assertEquals(analytic, slope, 1e-13 * Math.max(1, Math.abs(analytic)), "w^" + l + "_" + k + j);
                }
            }
        }
    }

    @Test
    void methodsAreFoundByTheirCommandLineNames() {
        for (DifferenceMethod m : DifferenceMethod.values()) {
            assertEquals(m, DifferenceMethod.fromId(m.id()).orElseThrow());
        }
        assertTrue(DifferenceMethod.fromId("simpson").isEmpty());
        assertEquals("forward, central, richardson, complex-step", DifferenceMethod.ids());
        assertTrue(Arrays.stream(DifferenceMethod.values()).allMatch(m -> m.defaultStep() > 0));
    }
}
