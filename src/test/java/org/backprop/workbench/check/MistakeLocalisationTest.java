package org.backprop.workbench.check;

import org.backprop.workbench.engine.Activation;
import org.backprop.workbench.engine.Backprop;
import org.backprop.workbench.engine.Batch;
import org.backprop.workbench.engine.Layer;
import org.backprop.workbench.engine.Loss;
import org.backprop.workbench.engine.Mistake;
import org.backprop.workbench.engine.Network;
import org.backprop.workbench.report.CheckReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each deliberate mistake is caught exactly where the wrong formula reaches: the (formula, layer) groups it feeds
 * fail, every other group passes. Where a mistake cannot change any number (1/m with m = 1, σ' dropped on an
 * identity layer, ...) every check honestly passes.
 */
class MistakeLocalisationTest {
    private static final long SEED = 20_260_101L;

    /** A network of the given layer sizes and activations, seeded parameters, and a batch of m samples. */
    private static Analysis analyse(Mistake mistake, Loss loss, int m, int inputSize, Object... sizesAndActivations) {
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < sizesAndActivations.length; i += 2) {
            layers.add(new Layer((Integer) sizesAndActivations[i], (Activation) sizesAndActivations[i + 1]));
        }
        Network net = Network.initialised(inputSize, layers, loss, SEED);
        Batch batch = RandomCase.batch(new Random(SEED), net, m);
        return GradientCheck.analyse(net, batch, new Backprop(mistake), Thresholds.DEFAULT_EPSILON);
    }

    /** 2-3-3-2 sigmoid/sigmoid/sigmoid with the quadratic cost: L = 3. */
    private static Analysis sigmoid3(Mistake mistake, int m) {
        return analyse(mistake, Loss.QUADRATIC, m, 2, 3, Activation.SIGMOID, 3, Activation.SIGMOID, 2,
                Activation.SIGMOID);
    }

    /** The groups whose verdict is FAIL, as "BP2@1"; asserts that every other group passes. */
    private static Set<String> failing(Analysis an) {
        Set<String> failing = new TreeSet<>();
        for (CheckReport.Group g : CheckReport.groups(an)) {
            String key = g.formula() + "@" + g.layer();
            Verdict v = g.summary().verdict();
            if (v == Verdict.FAIL) {
                failing.add(key);
            } else {
                assertEquals(Verdict.PASS, v, key + " neither fails nor passes: " + an.checks(g.formula(), g.layer()));
            }
        }
        return failing;
    }

    private static Set<String> groups(String... keys) {
        return new TreeSet<>(Arrays.asList(keys));
    }

    private static final Set<String> EVERY_GROUP_OF_SIGMOID3 = groups("BP1@3", "BP2@2", "BP2@1",
            "BP3@3", "BP3@2", "BP3@1", "BP4@3", "BP4@2", "BP4@1");

    @Test
    void withoutAMistakeEveryGroupPasses() {
        assertEquals(Set.of(), failing(sigmoid3(Mistake.NONE, 3)));
    }

    // --- BP1 without σ'(z^L) ---

    @Test
    void bp1WithoutSigmaPrimeFailsTheOutputDeltaAndEverythingBackpropComputesFromIt() {
        assertEquals(EVERY_GROUP_OF_SIGMOID3, failing(sigmoid3(Mistake.BP1_NO_SIGMA_PRIME, 3)));
    }

    @Test
    void bp1WithoutSigmaPrimeOnASoftmaxOutputLeavesOutTheJacobianAndFails() {
        Analysis an = analyse(Mistake.BP1_NO_SIGMA_PRIME, Loss.CROSS_ENTROPY, 2, 2, 3, Activation.SIGMOID,
                2, Activation.SOFTMAX);
        assertEquals(groups("BP1@2", "BP2@1", "BP3@2", "BP3@1", "BP4@2", "BP4@1"), failing(an));
    }

    @Test
    void bp1WithoutSigmaPrimeIsInvisibleOnAnIdentityOutput() {
        Analysis an = analyse(Mistake.BP1_NO_SIGMA_PRIME, Loss.QUADRATIC, 3, 2, 3, Activation.TANH,
                2, Activation.IDENTITY);
        assertEquals(Set.of(), failing(an));
    }

    @Test
    void bp1WithoutSigmaPrimeIsInvisibleOnTheLossFusedSoftmaxWhoseOutputIsTheIdentity() {
        Analysis an = analyse(Mistake.BP1_NO_SIGMA_PRIME, Loss.SOFTMAX_CROSS_ENTROPY, 3, 2, 3, Activation.SIGMOID,
                2, Activation.IDENTITY);
        assertEquals(Set.of(), failing(an));
    }

    // --- BP2 without σ'(z^l) ---

    @Test
    void bp2WithoutSigmaPrimeFailsTheHiddenLayersAndPassesTheOutputLayer() {
        assertEquals(groups("BP2@2", "BP2@1", "BP3@2", "BP3@1", "BP4@2", "BP4@1"),
                failing(sigmoid3(Mistake.BP2_NO_SIGMA_PRIME, 3)));
    }

    @Test
    void bp2WithoutSigmaPrimeIsInvisibleOnIdentityHiddenLayers() {
        Analysis an = analyse(Mistake.BP2_NO_SIGMA_PRIME, Loss.QUADRATIC, 3, 2, 3, Activation.IDENTITY,
                3, Activation.IDENTITY, 2, Activation.SIGMOID);
        assertEquals(Set.of(), failing(an));
    }

    @Test
    void bp2WithoutSigmaPrimeShowsFromTheFirstNonIdentityHiddenLayerDown() {
        // layer 2 is the identity (σ' = 1, nothing lost), layer 1 is tanh: only layer 1 is wrong
        Analysis an = analyse(Mistake.BP2_NO_SIGMA_PRIME, Loss.QUADRATIC, 3, 2, 3, Activation.TANH,
                3, Activation.IDENTITY, 2, Activation.SIGMOID);
        assertEquals(groups("BP2@1", "BP3@1", "BP4@1"), failing(an));
    }

    // --- σ' at a instead of z ---

    @Test
    void sigmaPrimeAtAFailsEveryLayerOfASigmoidNetwork() {
        assertEquals(EVERY_GROUP_OF_SIGMOID3, failing(sigmoid3(Mistake.SIGMA_PRIME_AT_A, 2)));
    }

    @Test
    void sigmaPrimeAtAFailsOnlyBelowAnIdentityOutput() {
        Analysis an = analyse(Mistake.SIGMA_PRIME_AT_A, Loss.QUADRATIC, 3, 2, 3, Activation.TANH,
                2, Activation.IDENTITY);
        assertEquals(groups("BP2@1", "BP3@1", "BP4@1"), failing(an));
    }

    @Test
    void sigmaPrimeAtAIsInvisibleOnReluLayersBecauseReluPrimeOfReluIsReluPrime() {
        // relu'(relu(z)) = relu'(z): z > 0 gives a = z > 0, z ≤ 0 gives a = 0 and relu'(0) = 0; leaky-relu alike,
        // since a = 0.01 z keeps the sign of z
        Analysis an = analyse(Mistake.SIGMA_PRIME_AT_A, Loss.QUADRATIC, 3, 2, 4, Activation.RELU,
                3, Activation.LEAKY_RELU, 2, Activation.IDENTITY);
        assertEquals(Set.of(), failing(an));
        assertEquals(an.checks().size(), an.summary().pass(), "no kink either: every number passes");
    }

    // --- softmax as if elementwise ---

    @Test
    void softmaxDiagonalFailsASoftmaxOutputAndEverythingBelowIt() {
        Analysis an = analyse(Mistake.SOFTMAX_DIAGONAL, Loss.CROSS_ENTROPY, 3, 2, 3, Activation.SIGMOID,
                3, Activation.SOFTMAX);
        assertEquals(groups("BP1@2", "BP2@1", "BP3@2", "BP3@1", "BP4@2", "BP4@1"), failing(an));
    }

    @Test
    void softmaxDiagonalInAHiddenLayerFailsFromThatLayerDown() {
        Analysis an = analyse(Mistake.SOFTMAX_DIAGONAL, Loss.QUADRATIC, 3, 2, 3, Activation.TANH,
                3, Activation.SOFTMAX, 2, Activation.SIGMOID);
        assertEquals(groups("BP2@2", "BP2@1", "BP3@2", "BP3@1", "BP4@2", "BP4@1"), failing(an));
    }

    @Test
    void softmaxDiagonalIsInvisibleOnTheLossFusedNetworkWhichHasNoSoftmaxLayer() {
        Analysis an = analyse(Mistake.SOFTMAX_DIAGONAL, Loss.SOFTMAX_CROSS_ENTROPY, 3, 2, 3, Activation.SIGMOID,
                3, Activation.IDENTITY);
        assertEquals(Set.of(), failing(an));
    }

    // --- the 1/m ---

    @Test
    void forgettingOneOverMFailsEverythingForABatch() {
        assertEquals(EVERY_GROUP_OF_SIGMOID3, failing(sigmoid3(Mistake.FORGOT_ONE_OVER_M, 3)));
    }

    @Test
    void forgettingOneOverMIsInvisibleForOneSample() {
        assertEquals(Set.of(), failing(sigmoid3(Mistake.FORGOT_ONE_OVER_M, 1)));
    }

    // --- BP3b ---

    @Test
    void bp3bWithTheFirstSampleOnlyFailsEveryBiasGradientAndNothingElse() {
        assertEquals(groups("BP3@3", "BP3@2", "BP3@1"), failing(sigmoid3(Mistake.BP3B_FIRST_SAMPLE, 3)));
    }

    @Test
    void bp3bAveragingFailsEveryBiasGradientAndNothingElse() {
        assertEquals(groups("BP3@3", "BP3@2", "BP3@1"), failing(sigmoid3(Mistake.BP3B_MEAN, 3)));
    }

    @ParameterizedTest
    @EnumSource(value = Mistake.class, names = {"BP3B_FIRST_SAMPLE", "BP3B_MEAN"})
    void bp3bMistakesAreInvisibleForOneSample(Mistake mistake) {
        assertEquals(Set.of(), failing(sigmoid3(mistake, 1)));
    }

    // --- BP4 with z instead of a ---

    @Test
    void bp4WithZInsteadOfAFailsTheWeightGradientsAboveTheFirstLayerOnly() {
        // layer 1 reads a^0, the input, which has no z
        assertEquals(groups("BP4@3", "BP4@2"), failing(sigmoid3(Mistake.BP4_Z_NOT_A, 2)));
    }

    @Test
    void bp4WithZInsteadOfAIsInvisibleWhereTheLayerBelowIsTheIdentity() {
        Analysis an = analyse(Mistake.BP4_Z_NOT_A, Loss.QUADRATIC, 2, 2, 3, Activation.IDENTITY,
                2, Activation.SIGMOID);
        assertEquals(Set.of(), failing(an));
    }

    // --- the sign of ∇_a C ---

    @Test
    void theWrongSignOfTheCostGradientFailsEverything() {
        assertEquals(EVERY_GROUP_OF_SIGMOID3, failing(sigmoid3(Mistake.GRAD_A_SIGN, 1)));
    }

    @Test
    void everyMistakeIsCoveredHere() {
        // NONE and nine mistakes; a new mistake needs its own localisation test above
        assertEquals(10, Mistake.values().length);
        assertTrue(Arrays.stream(Mistake.values()).allMatch(m -> Mistake.fromId(m.id()).orElseThrow() == m));
    }
}
