package org.backprop.workbench.check;

import org.backprop.workbench.bench.AutoStepBenchmark;
import org.backprop.workbench.engine.Activation;
import org.backprop.workbench.engine.Backprop;
import org.backprop.workbench.engine.Loss;
import org.backprop.workbench.engine.Mistake;
import org.backprop.workbench.numeric.AutoStep;
import org.backprop.workbench.numeric.DifferenceMethod;
import org.backprop.workbench.report.CheckReport;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --epsilon auto}: Ridders' step selection with an error bound, against independent references. */
class AutoStepTest {
    @Test
    void riddersFindsTheDerivativeOfAKnownFunctionWithinItsBound() {
        // C(θ + t) = exp(1 + t): C′(θ) = e, by hand
        DifferenceMethod.Probe probe = new DifferenceMethod.Probe() {
            @Override public DifferenceMethod.Value real(double t) {
                return new DifferenceMethod.Value(Math.exp(1 + t), false);
            }
            @Override public double imaginary(double h) { throw new UnsupportedOperationException(); }
        };
        for (DifferenceMethod method : new DifferenceMethod[]{DifferenceMethod.FORWARD, DifferenceMethod.CENTRAL,
                DifferenceMethod.RICHARDSON}) {
            AutoStep.Result r = AutoStep.estimate(method, probe, 1);
            double error = Math.abs(r.value() - Math.E);
            assertTrue(error <= r.errorBound() * Thresholds.BOUND_MARGIN, method + ": " + r);
            assertTrue(error < 1e-9, method + ": " + r);
            assertTrue(r.reliable(), method + ": " + r);
        }
    }

    @Test
    void aCorrectSmoothNetworkPassesAndAMistakeFailsWithAutoSteps() {
        RandomCase c = RandomCase.of(List.of(Activation.TANH), Loss.QUADRATIC, Activation.SIGMOID, 3, 42);
        Analysis ok = GradientCheck.analyseAuto(c.network(), c.batch(), new Backprop(), DifferenceMethod.CENTRAL,
                CheckProgress.NONE);
        assertEquals(ok.checks().size(), ok.summary().pass(), ok.checks().toString());
        for (CheckResult r : ok.checks()) {
            assertTrue(r.step() > 0 && r.errorBound() > 0, r.toString());
        }
        Analysis wrong = GradientCheck.analyseAuto(c.network(), c.batch(), new Backprop(Mistake.GRAD_A_SIGN),
                DifferenceMethod.CENTRAL, CheckProgress.NONE);
        assertEquals(wrong.checks().size(), wrong.summary().fail(), wrong.checks().toString());
        String json = CheckReport.json(ok);
        assertTrue(json.contains("\"epsilon\" : \"auto\"") && json.contains("\"step\"")
                && json.contains("\"errorBound\""), json);
    }

    @Test
    void forwardAndRichardsonAutoStepsNeverFailACorrectNetworkAndFailASignError() {
        for (DifferenceMethod method : new DifferenceMethod[]{DifferenceMethod.FORWARD, DifferenceMethod.RICHARDSON}) {
            for (long seed = 1; seed <= 5; seed++) {
                RandomCase c = RandomCase.of(List.of(Activation.TANH), Loss.QUADRATIC, Activation.SIGMOID, 5, seed);
                Analysis ok = GradientCheck.analyseAuto(c.network(), c.batch(), new Backprop(), method,
                        CheckProgress.NONE);
                if (method == DifferenceMethod.RICHARDSON) {
                    assertEquals(ok.checks().size(), ok.summary().pass(), method + ", " + c + ": " + ok.checks());
                } else {
                    // forward differences' tableau now and then settles 1e-6..1e-4 off (a WARN), never a FAIL
                    assertEquals(0, ok.summary().fail(), method + ", " + c + ": " + ok.checks());
                    assertTrue(ok.summary().pass() >= ok.checks().size() * 0.9, method + ", " + c + ": " + ok.checks());
                }
                Analysis wrong = GradientCheck.analyseAuto(c.network(), c.batch(), new Backprop(Mistake.GRAD_A_SIGN),
                        method, CheckProgress.NONE);
                assertEquals(wrong.checks().size(), wrong.summary().fail(), method + ", " + c);
            }
            // the bound, against the complex step on random networks: it covers the true error
            AutoStepBenchmark.Figures f = AutoStepBenchmark.run(10, 3, method);
            assertTrue(f.medianAuto() <= 1e-10, f.text());
            assertTrue(f.boundCovers() >= 0.99, f.text());
        }
    }

    @Test
    void theComplexStepWithAutoSaysItNeedsNoChoiceOfStep() {
        RandomCase c = RandomCase.of(List.of(Activation.TANH), Loss.QUADRATIC, Activation.SIGMOID, 2, 7);
        Analysis an = GradientCheck.analyseAuto(c.network(), c.batch(), new Backprop(), DifferenceMethod.COMPLEX_STEP,
                CheckProgress.NONE);
        assertEquals(an.checks().size(), an.summary().pass(), an.checks().toString());
        for (CheckResult r : an.checks()) {
            assertEquals(DifferenceMethod.COMPLEX_STEP.defaultStep(), r.step(), r.toString());
        }
        String text = CheckReport.text(an);
        assertTrue(text.contains("needs no choice of step") && text.contains("h = 1e-20"), text);
    }

    @Test
    void theTargetsOfTheIssueAreMetOnASmallSample() {
        AutoStepBenchmark.Figures f = AutoStepBenchmark.run(10, 3);
        assertTrue(f.medianAuto() <= 1e-10, f.text());
        assertTrue(f.withinTenOfBest() >= 0.95, f.text());
        assertTrue(f.boundCovers() >= 0.99, f.text());
    }
}
