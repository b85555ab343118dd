package org.backprop.workbench.check;

import org.backprop.workbench.engine.Activation;
import org.backprop.workbench.engine.Backprop;
import org.backprop.workbench.engine.Batch;
import org.backprop.workbench.engine.Layer;
import org.backprop.workbench.engine.Loss;
import org.backprop.workbench.engine.Mistake;
import org.backprop.workbench.engine.Network;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An analysis's groups by formula and layer, their summaries and its worst check (made once per list of checks and
 * remembered) are those of filtering and counting the checks directly.
 */
class CheckGroupsTest {
    private static CheckResult check(Formula f, int layer, int i, double relativeError, Verdict v) {
        return new CheckResult(f, layer, new int[]{i, 0}, 1, 1, relativeError, v);
    }

    private static Analysis of(List<CheckResult> checks) {
        return new Analysis(null, null, Mistake.NONE, 1e-5, null, null, checks);
    }

    @Test
    void groupsSummariesAndTheWorstOfAHandMadeListAreTheHandCountedOnes() {
        List<CheckResult> checks = List.of(
                check(Formula.BP1, 2, 0, 1e-9, Verdict.PASS),
                check(Formula.BP2, 1, 0, 3e-2, Verdict.FAIL),
                check(Formula.BP1, 2, 1, 2e-5, Verdict.WARN),
                check(Formula.BP4, 1, 0, 3e-2, Verdict.FAIL),
                check(Formula.BP2, 1, 1, 1e-10, Verdict.KINK),
                check(Formula.BP4, 2, 0, 1e-8, Verdict.PASS));
        Analysis an = of(checks);
        assertEquals(List.of(checks.get(0), checks.get(2)), an.checks(Formula.BP1, 2), "in the analysis's order");
        assertEquals(List.of(checks.get(1), checks.get(4)), an.checks(Formula.BP2, 1));
        assertEquals(List.of(), an.checks(Formula.BP3, 1), "no ∂C/∂b checked");
        assertEquals(List.of(), an.checks(Formula.BP1, 7), "no such layer");
        assertEquals(new CheckSummary(2, 1, 1, 0, 0, 2e-5), an.summary(Formula.BP1, 2));
        assertEquals(new CheckSummary(2, 0, 0, 1, 1, 3e-2), an.summary(Formula.BP2, 1));
        assertEquals(new CheckSummary(0, 0, 0, 0, 0, 0), an.summary(Formula.BP3, 1));
        assertEquals(new CheckSummary(6, 2, 1, 2, 1, 3e-2), an.summary());
        assertSame(checks.get(1), an.worst(), "the first of the two largest errors");
        assertNull(of(List.of()).worst());
    }

    @Test
    void aNonFiniteRelativeErrorIsTheWorst() {
        List<CheckResult> checks = List.of(check(Formula.BP3, 1, 0, 0.5, Verdict.FAIL),
                check(Formula.BP3, 1, 1, Double.NaN, Verdict.FAIL), check(Formula.BP3, 1, 2, 0.9, Verdict.FAIL));
        Analysis an = of(checks);
        assertSame(checks.get(1), an.worst());
        assertTrue(Double.isNaN(an.summary().maxRelativeError()));
        assertTrue(Double.isNaN(an.summary(Formula.BP3, 1).maxRelativeError()));
    }

    @Test
    void theGroupsOfACheckedNetworkWithAMistakeAreItsChecksFiltered() {
        Network net = Network.initialised(3, List.of(new Layer(4, Activation.SIGMOID), new Layer(3, Activation.TANH),
                new Layer(2, Activation.SIGMOID)), Loss.QUADRATIC, 42);
        Batch batch = RandomCase.batch(new Random(42), net, 3);
        for (Mistake mistake : List.of(Mistake.NONE, Mistake.SIGMA_PRIME_AT_A, Mistake.FORGOT_ONE_OVER_M)) {
            Analysis an = GradientCheck.analyse(net, batch, new Backprop(mistake), Thresholds.DEFAULT_EPSILON);
            int grouped = 0;
            for (Formula f : Formula.values()) {
                for (int l = 1; l <= net.depth(); l++) {
                    int layer = l;
                    List<CheckResult> filtered = an.checks().stream()
                            .filter(c -> c.formula() == f && c.layer() == layer).toList();
                    assertEquals(filtered, an.checks(f, l), mistake + " " + f + "@" + l);
                    assertEquals(CheckSummary.of(filtered), an.summary(f, l), mistake + " " + f + "@" + l);
                    grouped += filtered.size();
                }
            }
            assertEquals(an.checks().size(), grouped, "every check is in one group");
            assertEquals(CheckSummary.of(an.checks()), an.summary());
            List<CheckResult> byError = new ArrayList<>(an.checks());
            CheckResult worst = byError.stream().max(java.util.Comparator.comparingDouble(c ->
                    Double.isNaN(c.relativeError()) ? Double.POSITIVE_INFINITY : c.relativeError())).orElseThrow();
            assertSame(worst, an.worst(), mistake.id());
            // another analysis of the same checks (the model publishes them again with the traces) agrees
            Analysis again = new Analysis(an.network(), an.batch(), mistake, an.epsilon(), an.forward(), an.backward(),
                    an.checks());
            assertEquals(an.summary(), again.summary());
        }
    }
}
