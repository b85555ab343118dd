package org.backprop.workbench.check;

import org.backprop.workbench.check.DirectionalCheck.Localisation;
import org.backprop.workbench.check.DirectionalCheck.Localised;
import org.backprop.workbench.engine.Activation;
import org.backprop.workbench.engine.Backprop;
import org.backprop.workbench.engine.BackwardTrace;
import org.backprop.workbench.engine.Batch;
import org.backprop.workbench.engine.Forward;
import org.backprop.workbench.engine.ForwardTrace;
import org.backprop.workbench.engine.Layer;
import org.backprop.workbench.engine.Loss;
import org.backprop.workbench.engine.Mistake;
import org.backprop.workbench.engine.Network;
import org.backprop.workbench.numeric.DifferenceMethod;
import org.backprop.workbench.numeric.Precision;
import org.backprop.workbench.numeric.RandomNetworks;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bisection of a failing directional check, against the exhaustive check ({@link FastGradientCheck}, every
 * number by its own central difference) as the independent reference of which blocks are wrong.
 */
class DirectionalCheckTest {
    /** 24-16-8-3, tanh/sigmoid/softmax with cross-entropy, m = 5: 548 parameters, blocks up to 384 entries. */
    private static Network network() {
        return Network.initialised(24, List.of(new Layer(16, Activation.TANH), new Layer(8, Activation.SIGMOID),
                new Layer(3, Activation.SOFTMAX)), Loss.CROSS_ENTROPY, 11);
    }

    private static Batch batch(Network net) {
        return RandomNetworks.batch(new Random(5), net, 5);
    }

    private static Localisation localise(Network net, Batch batch, BackwardTrace backward, ForwardTrace forward) {
        return new DirectionalCheck(net, batch, forward, backward, DifferenceMethod.CENTRAL, 1e-5, Precision.DOUBLE, 3)
                .localise();
    }

    @Test
    void aCorrectNetworkPassesInSevenChecksOfTwoCosts() {
        Network net = network();
        Batch batch = batch(net);
        ForwardTrace forward = Forward.run(net, batch);
        Localisation loc = localise(net, batch, new Backprop().run(net, forward, batch), forward);
        assertEquals(Verdict.PASS, loc.whole().verdict(), loc.whole().toString());
        assertTrue(loc.localised().isEmpty());
        assertEquals(Verdict.PASS, loc.verdict());
        // the whole check, then one check of each of the 6 blocks
        assertEquals(2 + 2 * 6, loc.evaluations());
        assertEquals(2 * net.parameterCount(), loc.exhaustive());
    }

    @Test
    void progressCountsTheWholeCheckAndEachBlockAndACancellationStopsTheNextCheck() {
        Network net = network();
        Batch batch = batch(net);
        ForwardTrace forward = Forward.run(net, batch);
        BackwardTrace backward = new Backprop().run(net, forward, batch);
        List<long[]> reports = new java.util.ArrayList<>();
        DirectionalCheck check = new DirectionalCheck(net, batch, forward, backward, DifferenceMethod.CENTRAL, 1e-5,
                Precision.DOUBLE, 3);
        Localisation loc = check.localise(new CheckProgress() {
            @Override
            public void advanced(long done, long total) {
                reports.add(new long[]{done, total});
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        });
        // 3 layers: the whole check, then b^1, w^1, b^2, w^2, b^3, w^3
        List<String> expected = java.util.stream.IntStream.rangeClosed(1, 7).mapToObj(i -> i + "/7").toList();
        assertEquals(expected, reports.stream().map(r -> r[0] + "/" + r[1]).toList());
        assertEquals(Verdict.PASS, loc.verdict());

        int[] checksAllowed = {3};
        DirectionalCheck cancelled = new DirectionalCheck(net, batch, forward, backward, DifferenceMethod.CENTRAL,
                1e-5, Precision.DOUBLE, 3);
        org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.CancellationException.class,
                () -> cancelled.localise(new CheckProgress() {
                    @Override
                    public void advanced(long done, long total) {
                    }

                    @Override
                    public boolean cancelled() {
                        return checksAllowed[0]-- <= 0;
                    }
                }));
        // the whole check and two blocks ran (two costs each), the fourth check did not start
        assertEquals(2 * 3, cancelled.evaluations());
    }

    @Test
    void theWholeCheckDrawsTheSameDirectionAsBefore() {
        Network net = network();
        Batch batch = batch(net);
        ForwardTrace forward = Forward.run(net, batch);
        BackwardTrace backward = new Backprop().run(net, forward, batch);
        DirectionalResult a = FastGradientCheck.directional(net, batch, forward, backward, DifferenceMethod.CENTRAL,
                1e-5, Precision.DOUBLE, 3);
        DirectionalResult b = localise(net, batch, backward, forward).whole();
        assertEquals(a, b);
    }

    @Test
    void aSinglePlantedWrongWeightIsNamedExactly() {
        Network net = network();
        Batch batch = batch(net);
        ForwardTrace forward = Forward.run(net, batch);
        Random random = new Random(99);
        for (int trial = 0; trial < 12; trial++) {
            BackwardTrace backward = new Backprop().run(net, forward, batch);
            int l = 1 + random.nextInt(net.depth());
            boolean bias = random.nextInt(3) == 0;
            int k = random.nextInt(net.size(l - 1));
            int j = random.nextInt(net.size(l));
            // the engine's own result, one entry made wrong by about the size of the block's gradient
            double scale = Math.max(1e-3, norm(bias ? backward.gradB(l).data : backward.gradW(l).data));
            if (bias) {
                backward.gradB(l).add(j, 0, 0.5 * scale);
            } else {
                backward.gradW(l).add(k, j, 0.5 * scale);
            }
            Localisation loc = localise(net, batch, backward, forward);
            assertEquals(Verdict.FAIL, loc.verdict(), "trial " + trial);
            assertEquals(1, loc.localised().size(), "trial " + trial + ": " + describe(loc));
            Localised x = loc.localised().get(0);
            assertEquals(bias ? Formula.BP3 : Formula.BP4, x.formula());
            assertEquals(l, x.layer());
            assertArrayEquals(bias ? new int[]{j} : new int[]{k, j}, x.index());
            // 2 (whole) + 2 per block + at most 2 checks of 2 costs per halving of the largest block (384 → 9 levels)
            assertTrue(loc.evaluations() <= 2 + 2 * 6 + 4 * 9, loc.evaluations() + " evaluations");
        }
    }

    @Test
    void twoPlantedEntriesInOneBlockAreBothNamed() {
        Network net = network();
        Batch batch = batch(net);
        ForwardTrace forward = Forward.run(net, batch);
        BackwardTrace backward = new Backprop().run(net, forward, batch);
        double scale = norm(backward.gradW(1).data);
        backward.gradW(1).add(2, 3, scale);
        backward.gradW(1).add(20, 9, -scale);
        Localisation loc = localise(net, batch, backward, forward);
        assertEquals(List.of("BP4 1 [2, 3]", "BP4 1 [20, 9]"),
                loc.localised().stream().map(DirectionalCheckTest::key).toList());
    }

    @Test
    void eachDeliberateMistakeNamesTheBlocksTheExhaustiveCheckFails() {
        Network net = network();
        Batch batch = batch(net);
        ForwardTrace forward = Forward.run(net, batch);
        for (Mistake mistake : Mistake.values()) {
            BackwardTrace backward = new Backprop(mistake).run(net, forward, batch);
            List<CheckResult> all = new FastGradientCheck(CheckOptions.defaults()).run(net, batch, forward, backward,
                    CheckProgress.NONE);
            Set<String> exhaustive = all.stream()
                    .filter(r -> r.verdict() == Verdict.FAIL)
                    .filter(r -> r.formula() == Formula.BP3 || r.formula() == Formula.BP4)
                    .map(r -> r.formula() + " " + r.layer()).collect(Collectors.toCollection(TreeSet::new));
            Localisation loc = localise(net, batch, backward, forward);
            Set<String> named = loc.localised().stream().map(x -> x.formula() + " " + x.layer())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(exhaustive, named, mistake + ": " + describe(loc));
            for (Localised x : loc.localised()) {
                if (x.index() != null) {
                    assertTrue(all.stream().anyMatch(r -> r.formula() == x.formula() && r.layer() == x.layer()
                            && Arrays.equals(r.index(), x.index()) && r.verdict() == Verdict.FAIL),
                            mistake + ": " + key(x) + " is not failed by the exhaustive check");
                }
            }
            // a spread mistake costs 2 + 2 per block + 6 checks of 2 costs per failing block
            assertTrue(loc.evaluations() <= 2 + 12 + 12 * 6, mistake + ": " + loc.evaluations());
        }
    }

    @Test
    void aMistakeSpreadOverABlockNamesTheBlockNotItsEntries() {
        Network net = network();
        Batch batch = batch(net);
        ForwardTrace forward = Forward.run(net, batch);
        BackwardTrace backward = new Backprop(Mistake.GRAD_A_SIGN).run(net, forward, batch);
        Localisation loc = localise(net, batch, backward, forward);
        assertEquals(6, loc.localised().size(), describe(loc));
        for (Localised x : loc.localised()) {
            assertNull(x.index(), key(x));
        }
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    private static String key(Localised x) {
        return x.formula() + " " + x.layer() + (x.index() == null ? "" : " " + Arrays.toString(x.index()));
    }

    private static String describe(Localisation loc) {
        return loc.localised().stream().map(DirectionalCheckTest::key).toList() + " in " + loc.evaluations();
    }
}
