package org.backprop.workbench.against;

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
import org.backprop.workbench.io.NetworkDocument;
import org.backprop.workbench.io.NetworkFile;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The comparison, the first divergence and the diagnosis, with the engine's own mistakes as the student's code. */
class AgainstTest {
    private static NetworkDocument example(String name) throws Exception {
        return NetworkFile.load(Path.of("examples", name));
    }

    /** A 3-4-4-2 tanh/sigmoid network with a quadratic cost on 5 samples: every mistake that applies changes it. */
    private static NetworkDocument deep() {
        Network net = Network.initialised(3, List.of(new Layer(4, Activation.TANH), new Layer(4, Activation.SIGMOID),
                new Layer(2, Activation.SIGMOID)), Loss.QUADRATIC, 7264);
        Random r = new Random(7264);
        DMatrixRMaj x = new DMatrixRMaj(3, 5);
        DMatrixRMaj t = new DMatrixRMaj(2, 5);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = 2 * r.nextDouble() - 1;
        }
        for (int i = 0; i < t.data.length; i++) {
            t.data[i] = r.nextDouble();
        }
        return new NetworkDocument("deep", net, new Batch(x, t), 1);
    }

    @Test
    void theEnginesOwnValuesMatchEveryQuantity() throws Exception {
        NetworkDocument doc = example("softmax-2-3-2.json");
        Comparison c = Against.compare(doc.network(), doc.batch(),
                Values.of(doc.network(), doc.batch(), Mistake.NONE, Set.of()), Against.DEFAULT_TOLERANCE, List.of());
        assertTrue(c.matches());
        assertEquals(12, c.quantities().size());
        assertTrue(c.quantities().stream().allMatch(q -> q.status() == Status.MATCHES && q.maxRelError() == 0));
        assertNull(c.diagnosis());
    }

    @Test
    void backpropOrderIsLossForwardUpwardThenGradADeltasDownwardThenBiasesThenWeights() {
        List<String> names = Against.order(2).stream().map(QuantityKey::arrayName).toList();
        assertEquals(List.of("loss", "z1", "a1", "z2", "a2", "gradA", "delta2", "delta1", "gradB2", "gradB1",
                "gradW2", "gradW1"), names);
    }

    @ParameterizedTest
    @EnumSource(value = Mistake.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void everyDeliberateMistakeIsNamedAtTheFormulaItBreaks(Mistake mistake) {
        NetworkDocument doc = mistake == Mistake.SOFTMAX_DIAGONAL ? softmaxDeep() : deep();
        Comparison c = Against.compare(doc.network(), doc.batch(),
                Values.of(doc.network(), doc.batch(), mistake, Set.of()), Against.DEFAULT_TOLERANCE, List.of());
        assertFalse(c.matches(), mistake + " changes something");
        QuantityComparison first = c.firstDivergence().orElseThrow();
        String expected = switch (mistake) {
            case FORGOT_ONE_OVER_M, GRAD_A_SIGN -> "gradA";
            case BP1_NO_SIGMA_PRIME, SIGMA_PRIME_AT_A, SOFTMAX_DIAGONAL -> "BP1";
            case BP2_NO_SIGMA_PRIME -> "BP2";
            case BP3B_FIRST_SAMPLE, BP3B_MEAN -> "BP3";
            case BP4_Z_NOT_A -> "BP4";
            case NONE -> throw new AssertionError();
        };
        assertEquals(expected, first.formula(), c.explanation());
        assertEquals(mistake.id(), c.diagnosis().mistake(), c.diagnosis().explanation());
        assertTrue(c.diagnosis().explanation().contains(mistake.description()));
    }

    /** 3-4-3 with a softmax output and cross-entropy, 4 samples. */
    private static NetworkDocument softmaxDeep() {
        Network net = Network.initialised(3, List.of(new Layer(4, Activation.TANH), new Layer(3, Activation.SOFTMAX)),
                Loss.CROSS_ENTROPY, 11);
        DMatrixRMaj x = new DMatrixRMaj(new double[][]{{0.2, -0.5, 0.9, 0.1}, {1, 0.3, -0.7, 0.4},
                {-0.3, 0.8, 0.2, -1}});
        DMatrixRMaj t = new DMatrixRMaj(new double[][]{{1, 0, 0, 0}, {0, 1, 0, 1}, {0, 0, 1, 0}});
        return new NetworkDocument("softmax", net, new Batch(x, t), 1);
    }

    @Test
    void aFileWithOnlyWeightGradientsFindsTheDivergenceAmongThemAndStillDiagnoses() {
        NetworkDocument doc = deep();
        Comparison c = Against.compare(doc.network(), doc.batch(), Values.of(doc.network(), doc.batch(),
                Mistake.BP2_NO_SIGMA_PRIME, Set.of(Quantity.GRAD_W, Quantity.GRAD_B)), 1e-6, List.of());
        assertEquals(6, c.quantities().stream().filter(q -> q.status() != Status.NOT_GIVEN).count());
        QuantityComparison first = c.firstDivergence().orElseThrow();
        assertEquals(new QuantityKey(Quantity.GRAD_B, 2), first.key());   // δ^2 is the first one BP2 breaks
        assertTrue(c.explanation().startsWith("δ^2 is not given"), c.explanation());
        assertEquals("bp2-no-sigma-prime", c.diagnosis().mistake());
    }

    @Test
    void theExplanationSaysWhichQuantityIsRightAndWhichIsWrong() {
        NetworkDocument doc = deep();
        Comparison c = Against.compare(doc.network(), doc.batch(),
                Values.of(doc.network(), doc.batch(), Mistake.BP2_NO_SIGMA_PRIME, Set.of()), 1e-6, List.of());
        assertEquals("your δ^3 is right and your δ^2 is wrong: the error is in how δ is passed down into layer 2, "
                + "BP2: δ^2 = (w^3 δ^3) ⊙ σ'(z^2)", c.explanation());
    }

    /** A student value built from the right one: changed at one key, everything else right. */
    private static Comparison withChanged(NetworkDocument doc, QuantityKey key, DMatrixRMaj value) {
        StudentValues right = Values.of(doc.network(), doc.batch(), Mistake.NONE, Set.of());
        Map<QuantityKey, DMatrixRMaj> values = new HashMap<>(right.values());
        values.put(key, value);
        return Against.compare(doc.network(), doc.batch(), new StudentValues("x", "w_kj", values), 1e-6, List.of());
    }

    private static DMatrixRMaj analytic(NetworkDocument doc, QuantityKey key) {
        ForwardTrace f = Forward.run(doc.network(), doc.batch());
        BackwardTrace b = new Backprop().run(doc.network(), f, doc.batch());
        return Against.value(key, f, b).copy();
    }

    @Test
    void aSignAFactorOfMAndATransposeAreRecognised() {
        NetworkDocument doc = deep();
        QuantityKey gradB1 = new QuantityKey(Quantity.GRAD_B, 1);
        DMatrixRMaj negated = analytic(doc, gradB1);
        CommonOps_DDRM.scale(-1, negated);
        assertEquals(Against.SIGN, withChanged(doc, gradB1, negated).diagnosis().mistake());

        QuantityKey gradW1 = new QuantityKey(Quantity.GRAD_W, 1);
        DMatrixRMaj times = analytic(doc, gradW1);
        CommonOps_DDRM.scale(doc.batch().size(), times);
        Comparison m = withChanged(doc, gradW1, times);
        assertEquals(Against.FACTOR_M, m.diagnosis().mistake());
        assertTrue(m.diagnosis().explanation().contains("5 times the right one"));

        QuantityKey gradW2 = new QuantityKey(Quantity.GRAD_W, 2);   // 4 x 4: square, so the shape cannot tell
        DMatrixRMaj transposed = new DMatrixRMaj(4, 4);
        CommonOps_DDRM.transpose(analytic(doc, gradW2), transposed);
        assertEquals(Against.TRANSPOSED, withChanged(doc, gradW2, transposed).diagnosis().mistake());
    }

    @Test
    void anUnknownErrorIsSaidToBeUnknownAndPointsAtTheFormula() {
        NetworkDocument doc = deep();
        QuantityKey delta1 = new QuantityKey(Quantity.DELTA, 1);
        DMatrixRMaj odd = analytic(doc, delta1);
        odd.set(0, 0, odd.get(0, 0) + 0.5);
        Comparison c = withChanged(doc, delta1, odd);
        assertFalse(c.diagnosis().recognised());
        assertTrue(c.diagnosis().explanation().startsWith("nothing the workbench knows"));
        assertTrue(c.diagnosis().explanation().contains("δ^1 = (w^2 δ^2) ⊙ σ'(z^1)"));
        assertTrue(c.get(delta1).orElseThrow().differing()[0]);
        assertFalse(c.get(delta1).orElseThrow().differing()[1]);
    }

    @Test
    void float32RoundingIsNamedAsSuchAndPassesAtALooserTolerance() {
        NetworkDocument doc = deep();
        StudentValues right = Values.of(doc.network(), doc.batch(), Mistake.NONE, Set.of());
        Map<QuantityKey, DMatrixRMaj> rounded = new HashMap<>();
        right.values().forEach((k, v) -> {
            DMatrixRMaj f = v.copy();
            for (int i = 0; i < f.data.length; i++) {
                f.data[i] = (float) (f.data[i] * (1 + 3e-6));   // float storage plus the error float sums accumulate
            }
            rounded.put(k, f);
        });
        StudentValues asFloat = new StudentValues("f", "w_kj", rounded);
        Comparison strict = Against.compare(doc.network(), doc.batch(), asFloat, 1e-6, List.of());
        assertFalse(strict.matches());
        assertTrue(strict.floatNote().contains("float32"), strict.floatNote());
        assertTrue(Against.compare(doc.network(), doc.batch(), asFloat, 1e-4, List.of()).matches());
    }

    @Test
    void theRelativeErrorHasAFloorAtAThousandthOfTheQuantitysScale() {
        assertEquals(0, Against.relativeError(0, 0, 1e-3));
        assertEquals(1e-14 / 1e-3, Against.relativeError(1e-14, 0, 1e-3), 1e-20);
        assertEquals(0.5, Against.relativeError(1, 2, 1e-3), 1e-15);
        assertTrue(Double.isNaN(Against.relativeError(Double.NaN, 1, 1e-3)));
    }
}
