package org.backprop.workbench.check;

import org.backprop.workbench.app.DefaultNetwork;
import org.backprop.workbench.engine.Backprop;
import org.backprop.workbench.engine.Mistake;
import org.backprop.workbench.check.EpsilonSweep.Curve;
import org.backprop.workbench.numeric.DifferenceMethod;
import org.backprop.workbench.io.NetworkDocument;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EpsilonSweepPlotTest {
    private static Analysis analysis(Mistake mistake) {
        NetworkDocument doc = DefaultNetwork.load();
        return GradientCheck.analyse(doc.network(), doc.batch(), new Backprop(mistake), 1e-5);
    }

    @Test
    void gridRunsFromOneTenthToOneTrillionthWithEveryDecade() {
        double[] grid = EpsilonSweep.grid();
        assertEquals(1e-1, grid[0], 1e-15);
        assertEquals(1e-12, grid[grid.length - 1], 1e-24);
        assertEquals(45, grid.length);
        assertEquals(1e-5, grid[16], 1e-18);
    }

    @Test
    void costAlongAtZeroIsTheAnalysedCostAndItsSlopeIsTheAnalyticValue() {
        Analysis a = analysis(Mistake.NONE);
        for (CheckResult c : a.checks()) {
            double f0 = EpsilonSweep.costAlong(a, c).applyAsDouble(0);
            double expected = c.formula() == Formula.BP1 || c.formula() == Formula.BP2
                    ? f0 : a.forward().cost(); // δ checks see C_x / m of one sample
            assertEquals(expected, f0, 1e-15, c.toString());
            double slope = DifferenceMethod.CENTRAL.estimate(EpsilonSweep.probe(a, c), 1e-5).value();
            assertEquals(c.numeric(), slope, 1e-12, c.toString());
        }
    }

    @Test
    void centralDifferenceErrorIsAVWithItsBottomNearOneHundredThousandth() {
        Analysis a = analysis(Mistake.NONE);
        for (CheckResult c : List.of(a.checks().get(0), a.checks().get(a.checks().size() - 1))) {
            Curve central = EpsilonSweep.sweep(a, c, DifferenceMethod.CENTRAL, EpsilonSweep.grid());
            EpsilonSweep.Point best = central.best();
            assertTrue(best.epsilon() >= 1e-7 && best.epsilon() <= 1e-3, "bottom of the V at " + best.epsilon());
            assertTrue(best.relativeError() < 1e-9, "bottom " + best.relativeError());
            double largest = central.points().get(0).relativeError();
            double smallest = central.points().get(central.points().size() - 1).relativeError();
            assertTrue(largest > 100 * best.relativeError(), "truncation arm " + largest);
            assertTrue(smallest > 100 * best.relativeError(), "rounding arm " + smallest);
        }
    }

    @Test
    void higherOrderMethodsReachTheirBottomAtLargerSteps() {
        Analysis a = analysis(Mistake.NONE);
        CheckResult c = a.checks().get(a.checks().size() - 1);
        double[] grid = EpsilonSweep.grid();
        double forward = EpsilonSweep.sweep(a, c, DifferenceMethod.FORWARD, grid).best().epsilon();
        double central = EpsilonSweep.sweep(a, c, DifferenceMethod.CENTRAL, grid).best().epsilon();
        double richardson = EpsilonSweep.sweep(a, c, DifferenceMethod.RICHARDSON, grid).best().epsilon();
        assertTrue(forward < central && central < richardson,
                "forward " + forward + ", central " + central + ", richardson " + richardson);
    }

    @Test
    void complexStepHasNoRoundingArmOnASmoothNetwork() {
        Analysis a = analysis(Mistake.NONE);
        CheckResult c = a.checks().get(a.checks().size() - 1);
        EpsilonSweep.Curve complex = EpsilonSweep.sweep(a, c, DifferenceMethod.COMPLEX_STEP, EpsilonSweep.grid());
        double atSmallest = complex.points().get(complex.points().size() - 1).relativeError();
        assertTrue(atSmallest < 1e-13, "complex step at 1e-12: " + atSmallest);
    }

    @Test
    void aWrongFormulaStaysWrongAtEveryStep() {
        Analysis a = analysis(Mistake.BP2_NO_SIGMA_PRIME);
        CheckResult failing = a.failures().get(0);
        Curve central = EpsilonSweep.sweep(a, failing, DifferenceMethod.CENTRAL, EpsilonSweep.grid());
        assertTrue(central.best().relativeError() > 1e-2, "best " + central.best().relativeError());
    }

    @Test
    void worstOverAGroupIsAtLeastEachMembersError() {
        Analysis a = analysis(Mistake.NONE);
        List<CheckResult> group = a.checks(Formula.BP4, 1);
        double[] grid = EpsilonSweep.grid();
        Curve worst = EpsilonSweep.worstOf(a, group, "BP4 of layer 1", DifferenceMethod.CENTRAL, grid, CheckProgress.NONE);
        for (CheckResult c : group) {
            Curve one = EpsilonSweep.sweep(a, c, DifferenceMethod.CENTRAL, grid);
            for (int i = 0; i < grid.length; i++) {
                assertTrue(worst.points().get(i).relativeError() >= one.points().get(i).relativeError());
            }
        }
    }

    @Test
    void theWorstCurvesLabelIsInTheUsersLanguageWithItsCountsFormatted() {
        Analysis a = analysis(Mistake.NONE);
        List<CheckResult> group = a.checks(Formula.BP4, 1);
        // a group larger than MAX_GROUP: the same checks over and over, so that the count needs a thousands separator
        List<CheckResult> large = java.util.stream.IntStream.range(0, 1200).mapToObj(i -> group.get(i % group.size()))
                .toList();
        double[] grid = {1e-3, 1e-5};
        try {
            assertEquals("central differences, worst of the " + group.size() + " in BP4 of layer 1", EpsilonSweep.worstOf(a, group,
                    "BP4 of layer 1", DifferenceMethod.CENTRAL, grid, CheckProgress.NONE).label());
            assertEquals("central differences, worst of " + EpsilonSweep.MAX_GROUP + " sampled from 1,200 in BP4 of layer 1",
                    EpsilonSweep.worstOf(a, large, "BP4 of layer 1", DifferenceMethod.CENTRAL, grid,
                            CheckProgress.NONE).label());
            org.backprop.workbench.i18n.Messages.setLocale(java.util.Locale.SIMPLIFIED_CHINESE);
            assertEquals("中心差分，第 1 层的 BP4 中全部 " + group.size() + " 个数的最大值", EpsilonSweep.worstOf(a, group,
                    "第 1 层的 BP4", DifferenceMethod.CENTRAL, grid, CheckProgress.NONE).label());
            assertEquals("中心差分，第 1 层的 BP4 中 1,200 个数抽样 " + EpsilonSweep.MAX_GROUP + " 个的最大值",
                    EpsilonSweep.worstOf(a, large, "第 1 层的 BP4", DifferenceMethod.CENTRAL, grid,
                            CheckProgress.NONE).label());
        } finally {
            org.backprop.workbench.i18n.Messages.setLocale(java.util.Locale.ENGLISH);
        }
    }

    @Test
    void sampleSpreadsOverTheWholeList() {
        List<Integer> list = java.util.stream.IntStream.range(0, 1000).boxed().toList();
        List<Integer> sample = EpsilonSweep.sample(list, 10);
        assertEquals(10, sample.size());
        assertEquals(0, sample.get(0));
        assertEquals(999, sample.get(9));
    }

    @Test
    void theCommandLineAndThePlotSweepOneNumberAlikeOnACorrectNetwork() {
        // the two users of the one sweep differ in their probe (incremental against the engine's forward pass), so
        // they agree where truncation, not rounding, makes the error: at the steps of 1e-3 and above
        Analysis a = analysis(Mistake.NONE);
        CheckResult c = a.checks(Formula.BP4, 1).get(1);
        double[] steps = EpsilonSweep.defaultSteps();
        EpsilonSweep.Result cli = EpsilonSweep.sweep(a.network(), a.batch(), Formula.BP4, 1, c.index(),
                org.backprop.workbench.numeric.Precision.DOUBLE, steps, 1, CheckProgress.NONE);
        Curve plot = EpsilonSweep.sweep(a, c, DifferenceMethod.CENTRAL, steps);
        Curve line = cli.curve(DifferenceMethod.CENTRAL);
        for (int i = 0; i < steps.length && steps[i] >= 1e-3; i++) {
            double expected = line.points().get(i).relativeError();
            assertEquals(expected, plot.points().get(i).relativeError(), 1e-3 * expected, "ε = " + steps[i]);
        }
    }
}
