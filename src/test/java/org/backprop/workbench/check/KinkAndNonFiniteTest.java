package org.backprop.workbench.check;

import org.backprop.workbench.engine.Activation;
import org.backprop.workbench.engine.Backprop;
import org.backprop.workbench.engine.Batch;
import org.backprop.workbench.engine.Loss;
import org.backprop.workbench.engine.Nets;
import org.backprop.workbench.engine.Network;
import org.backprop.workbench.report.CheckReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.backprop.workbench.engine.Nets.column;
import static org.backprop.workbench.engine.Nets.matrix;
import static org.backprop.workbench.engine.Nets.samples;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where the numbers cannot be trusted, the verdict says so: KINK at a relu kink, FAIL for NaN or infinity. */
class KinkAndNonFiniteTest {

    /**
     * 1-2-1 with a relu-like hidden layer; for x = 1, z^1 = (1 − 0.999997, −0.3) = (3e-6, −0.3): the first hidden
     * neuron sits within ε = 1e-5 of its kink, the second far from it.
     */
    private static Analysis nearTheKink(Activation relu) {
        Network net = Nets.network(1, List.of(relu, Activation.IDENTITY), Loss.QUADRATIC,
                List.of(matrix(new double[]{1.0, -0.5}), matrix(new double[]{2.0}, new double[]{1.0})),
                List.of(column(-0.999997, 0.2), column(0.1)));
        Batch batch = new Batch(samples(new double[]{1.0}), samples(new double[]{1.0}));
        return GradientCheck.analyse(net, batch, new Backprop(), Thresholds.DEFAULT_EPSILON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"relu", "leaky-relu"})   // converted by Activation.of
    void aPerturbationAcrossTheKinkGivesKinkNeverFail(Activation relu) {
        Analysis an = nearTheKink(relu);
        Set<String> kinks = new TreeSet<>();
        an.checks().stream().filter(r -> r.verdict() == Verdict.KINK).forEach(r -> kinks.add(r.quantity()));
        assertAll(
                () -> assertEquals(3e-6, an.forward().z(1).get(0, 0), 1e-15, "z^1_0 is within ε of 0"),
                // exactly the numbers whose ±ε step moves z^1_0 across 0: δ^1_0 itself, b^1_0, and w^1_00 (a^0 = 1)
                () -> assertEquals(Set.of("δ^1[0, 0]", "∂C/∂b^1[0]", "∂C/∂w^1[0, 0]"), kinks),
                () -> assertEquals(0, an.summary().fail(), "never FAIL"),
                () -> assertEquals(an.checks().size() - 3, an.summary().pass(), "every other number passes"),
                () -> assertEquals(Verdict.KINK, an.summary().verdict()));
    }

    @Test
    void theKinkRuleMattersBecauseTheDifferenceQuotientStraddlesTheJump() {
        // one side of the step sees slope 1, the other slope 0: the quotient is far from either one-sided derivative
        CheckResult bias = nearTheKink(Activation.RELU).checks().stream()
                .filter(r -> r.quantity().equals("∂C/∂b^1[0]")).findFirst().orElseThrow();
        assertTrue(bias.relativeError() > Thresholds.FAIL, bias.toString());
        assertEquals(Verdict.KINK, bias.verdict());
    }

    @Test
    void aKinkSetsNoFailingExitStatusAndTheReportExplainsIt() {
        String text = CheckReport.text(nearTheKink(Activation.RELU));
        assertTrue(text.contains("kink: a relu input crossed 0"), text);
        assertFalse(text.contains("== Failing numbers =="), text);
    }

    /** 1-2 softmax output, w = [1000, −1000]: z = (1000, −1000) and softmax(z) = (1, 0) in double. */
    private static Network saturated(Activation output, Loss loss) {
        return Nets.network(1, List.of(output), loss, List.of(matrix(new double[]{1000, -1000})),
                List.of(column(0, 0)));
    }

    private static final Batch WRONG_CLASS = new Batch(samples(new double[]{1}), samples(new double[]{0, 1}));

    @Test
    void aSaturatedSoftmaxWithCrossEntropyReportsNonFiniteNumbersAsFailures() {
        Analysis an = GradientCheck.analyse(saturated(Activation.SOFTMAX, Loss.CROSS_ENTROPY), WRONG_CLASS,
                new Backprop(), Thresholds.DEFAULT_EPSILON);
        assertAll(
                // a^L_1 = e^{-2000} underflows to 0, so C = −ln 0 = +∞ and ∂C/∂a = −1/0
                () -> assertEquals(Double.POSITIVE_INFINITY, an.forward().cost()),
                () -> assertTrue(an.checks().stream().allMatch(CheckResult::nonFinite), "every number is non-finite"),
                () -> assertEquals(an.checks().size(), an.summary().fail(), "and every one fails, none passes"),
                () -> assertTrue(Double.isNaN(an.summary().maxRelativeError())));
        String text = CheckReport.text(an);
        assertTrue(text.contains("C = Infinity"), text);
        assertTrue(text.contains("(not finite)"), text);
        assertTrue(text.contains("6 of the checked numbers are NaN or infinite"), text);
        String json = CheckReport.json(an);
        assertTrue(json.contains("\"loss\" : \"Infinity\""), json);
        assertTrue(json.contains("\"relError\" : \"NaN\""), json);
    }

    /**
     * 1-1-1, tanh then identity, quadratic: w^1 = 1e308 and x = 10 give z^1 = ∞, a^1 = tanh(∞) = 1 and a finite cost
     * C = (0.5 − 0)²/2 = 0.125. Backprop gives δ^1 = 0 (tanh'(∞) = 0) and a moved w^1 leaves z^1 at ∞, so the
     * numerical value is 0 too: without the rule, 0 = 0 would pass for a number computed through an overflow.
     */
    @Test
    void anOverflowedPreActivationBehindAFiniteCostIsNeverAPass() {
        Network net = Nets.network(1, List.of(Activation.TANH, Activation.IDENTITY), Loss.QUADRATIC,
                List.of(matrix(new double[]{1e308}), matrix(new double[]{0.5})),
                List.of(column(0.0), column(0.0)));
        Batch batch = new Batch(samples(new double[]{10.0}), samples(new double[]{0.0}));
        Analysis naive = GradientCheck.analyse(net, batch, new Backprop(), Thresholds.DEFAULT_EPSILON);
        Analysis fast = FastGradientCheck.analyse(net, batch, new Backprop(), CheckOptions.defaults(),
                CheckProgress.NONE);
        for (Analysis an : List.of(naive, fast)) {
            assertEquals(Double.POSITIVE_INFINITY, an.forward().z(1).get(0, 0));
            assertEquals(0.125, an.forward().cost(), 1e-15);
            assertEquals(0, an.summary().pass(), "no number passes");
            assertTrue(an.checks().stream().allMatch(r -> r.verdict() == Verdict.WARN
                    && r.reason() == Reason.NON_FINITE_INTERMEDIATE), an.checks().toString());
            assertTrue(CheckReport.text(an).contains("warn: non-finite-intermediate (a pre-activation or activation is "
                    + "NaN or infinite although the cost is finite)"), CheckReport.text(an));
        }
        Network fine = Nets.network(1, List.of(Activation.TANH, Activation.IDENTITY), Loss.QUADRATIC,
                List.of(matrix(new double[]{0.3}), matrix(new double[]{0.5})), List.of(column(0.0), column(0.0)));
        Analysis ok = GradientCheck.analyse(fine, batch, new Backprop(), Thresholds.DEFAULT_EPSILON);
        assertEquals(ok.checks().size(), ok.summary().pass(), "finite intermediates keep their verdicts");
    }

    @Test
    void theLossFusedViewOfTheSameLogitsStaysFinite() {
        Analysis an = GradientCheck.analyse(saturated(Activation.IDENTITY, Loss.SOFTMAX_CROSS_ENTROPY), WRONG_CLASS,
                new Backprop(), Thresholds.DEFAULT_EPSILON);
        assertAll(
                // C = logsumexp(z) − z_1 = 1000 − (−1000) = 2000; δ^L = softmax(z) − t = (1, −1)
                () -> assertEquals(2000.0, an.forward().cost(), 1e-9),
                () -> assertEquals(1.0, an.backward().delta(1).get(0, 0), 1e-15),
                () -> assertEquals(-1.0, an.backward().delta(1).get(1, 0), 1e-15),
                () -> assertEquals(an.checks().size(), an.summary().pass()));
    }

    @Test
    void aSaturatedSigmoidWithBinaryCrossEntropyStaysFinite() {
        // z = 40: σ(z) rounds to 1, so 1 − a = 0; σ'(z) is taken as σ(z) σ(−z) ≈ 4.2e-18, and δ = a − t stays exact
        Network net = Nets.network(1, List.of(Activation.SIGMOID), Loss.BINARY_CROSS_ENTROPY,
                List.of(matrix(new double[]{40})), List.of(column(0)));
        Analysis an = GradientCheck.analyse(net, new Batch(samples(new double[]{1}), samples(new double[]{0})),
                new Backprop(), Thresholds.DEFAULT_EPSILON);
        assertAll(
                // C = −ln(1 − σ(40)) = softplus(40) = 40 + ln(1 + e^{-40})
                () -> assertEquals(40.0, an.forward().cost(), 1e-15),
                () -> assertEquals(1.0, an.backward().delta(1).get(0, 0), 1e-15),
                () -> assertEquals(1.0, an.backward().gradW(1).get(0, 0), 1e-15),
                () -> assertEquals(an.checks().size(), an.summary().pass()));
    }
}
