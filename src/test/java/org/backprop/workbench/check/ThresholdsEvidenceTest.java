package org.backprop.workbench.check;

import org.backprop.workbench.engine.Activation;
import org.backprop.workbench.engine.Backprop;
import org.backprop.workbench.engine.Loss;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The evidence behind {@link Thresholds}: a seeded sweep over random correct networks (every activation and loss,
 * 0-2 hidden layers of 1-4 neurons, m = 1..5) at the default ε.
 */
class ThresholdsEvidenceTest {
    private static final int NETWORKS = 400;

    private static List<CheckResult> sweep() {
        Random random = new Random(7264);
        Activation[] activations = Activation.values();
        List<CheckResult> smooth = new ArrayList<>();
        for (int i = 0; i < NETWORKS; i++) {
            List<Activation> hidden = new ArrayList<>();
            for (int l = random.nextInt(3); l > 0; l--) {
                hidden.add(activations[random.nextInt(activations.length)]);
            }
            Loss loss = Loss.values()[random.nextInt(Loss.values().length)];
            RandomCase c = RandomCase.of(hidden, loss, activations[random.nextInt(activations.length)],
                    1 + random.nextInt(5), random.nextLong());
            Analysis an = GradientCheck.analyse(c.network(), c.batch(), new Backprop(), Thresholds.DEFAULT_EPSILON);
            an.checks().stream().filter(r -> r.verdict() != Verdict.KINK).forEach(smooth::add);
        }
        return smooth;
    }

    @Test
    void correctNetworksStayBelowThePassThresholdWithRoomToSpare() {
        List<CheckResult> checks = sweep();
        double max = checks.stream().mapToDouble(CheckResult::relativeError).max().orElseThrow();
        assertTrue(checks.size() > 10_000, "the sweep checks many numbers: " + checks.size());
        assertTrue(max <= Thresholds.PASS / 2, "worst relative error " + max);
        assertEquals(0, checks.stream().filter(r -> r.verdict() != Verdict.PASS).count());
    }

    @Test
    void theOldFloorOfOneInTenThousandWouldHaveWarnedOnCorrectNetworks() {
        // the rounding noise of a central difference is about eps_machine·|C|/ε whatever the derivative's size;
        // divided by a floor of 1e-4 it lands above PASS for small derivatives once C is of order 1
        long falseWarnings = sweep().stream()
                .filter(r -> Math.abs(r.analytic() - r.numeric())
                        / Math.max(Math.max(Math.abs(r.analytic()), Math.abs(r.numeric())), 1e-4) > Thresholds.PASS)
                .count();
        assertTrue(falseWarnings > 0, "the old floor gave no false warning in this sweep");
    }

    @Test
    void theFloorGrowsWithTheCostAndNeverFallsBelowItsBase() {
        assertEquals(Thresholds.ABSOLUTE_FLOOR, Thresholds.floor(0.25));
        assertEquals(Thresholds.ABSOLUTE_FLOOR, Thresholds.floor(-1));
        assertEquals(40 * Thresholds.ABSOLUTE_FLOOR, Thresholds.floor(40), 1e-18);
        assertEquals(Thresholds.ABSOLUTE_FLOOR, Thresholds.floor(Double.POSITIVE_INFINITY));
        // two near-zero numbers pass; a near-zero number against a real derivative fails
        assertTrue(Thresholds.relativeError(1e-12, -3e-12) <= Thresholds.PASS);
        assertTrue(Thresholds.relativeError(0.0, 0.01) > Thresholds.FAIL);
        assertTrue(Double.isNaN(Thresholds.relativeError(Double.NaN, 1)));
        assertEquals(Verdict.FAIL, Thresholds.verdict(Double.NaN, true), "NaN is never a pass, not even at a kink");
    }
}
