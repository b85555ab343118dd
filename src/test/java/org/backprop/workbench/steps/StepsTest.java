package org.backprop.workbench.steps;

import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.check.Formula;
import org.backprop.workbench.check.GradientCheck;
import org.backprop.workbench.engine.Activation;
import org.backprop.workbench.engine.Backprop;
import org.backprop.workbench.engine.Batch;
import org.backprop.workbench.engine.Layer;
import org.backprop.workbench.engine.Loss;
import org.backprop.workbench.engine.Mistake;
import org.backprop.workbench.engine.Network;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StepsTest {
    /** The 2-3-2 sigmoid/softmax network of the app's default file, with m = 4 samples. */
    private static Network net232() {
        return new Network(2, List.of(new Layer(3, Activation.SIGMOID), new Layer(2, Activation.SOFTMAX)),
                Loss.CROSS_ENTROPY,
                List.of(new DMatrixRMaj(new double[][]{{0.15, -0.25, 0.30}, {0.20, 0.35, -0.10}}),
                        new DMatrixRMaj(new double[][]{{0.40, -0.45}, {-0.50, 0.55}, {0.25, 0.10}})),
                List.of(new DMatrixRMaj(new double[][]{{0.35}, {-0.10}, {0.05}}),
                        new DMatrixRMaj(new double[][]{{0.60}, {-0.20}})));
    }

    private static Batch batch4() {
        return new Batch(new DMatrixRMaj(new double[][]{{0.05, 0.90, -0.60, 0.40}, {0.10, -0.30, 0.80, 0.40}}),
                new DMatrixRMaj(new double[][]{{1, 0, 1, 0}, {0, 1, 0, 1}}));
    }

    private static Analysis analyse(Network net, Batch batch, Mistake mistake) {
        return GradientCheck.analyse(net, batch, new Backprop(mistake), 1e-5);
    }

    private static StepDetail detail(Analysis an, String id, Notation notation) {
        return Steps.detail(an, Steps.find(an.network(), id).orElseThrow(), notation);
    }

    @Test
    void stepIdsOfA232NetworkFollowTheContractOrder() {
        List<String> ids = Steps.of(net232()).stream().map(Step::id).toList();
        assertEquals(List.of("z1", "a1", "z2", "a2", "cost", "gradA", "delta2", "delta1",
                "gradB2", "gradB1", "gradW2", "gradW1"), ids);
    }

    @Test
    void deltaOfTheOutputIsBp1AndOfHiddenLayersBp2() {
        List<Step> steps = Steps.of(net232());
        assertEquals(Formula.BP1, Steps.find(net232(), "delta2").orElseThrow().formula().orElseThrow());
        assertEquals(Formula.BP2, Steps.find(net232(), "delta1").orElseThrow().formula().orElseThrow());
        assertEquals(Formula.BP3, Steps.find(net232(), "gradB1").orElseThrow().formula().orElseThrow());
        assertEquals(Formula.BP4, Steps.find(net232(), "gradW2").orElseThrow().formula().orElseThrow());
        assertTrue(steps.stream().filter(s -> s.phase() == Phase.FORWARD).allMatch(s -> s.formula().isEmpty()));
    }

    @Test
    void preActivationShapesReadAsTheNoteWritesThem() {
        Analysis an = analyse(net232(), batch4(), Mistake.NONE);
        assertEquals("(2×3)^T · 2×4 + 3×1 · 1^T = 3×4", detail(an, "z1", Notation.NOTE).shapes());
        assertEquals("3×2 · 2×4 + 3×1 · 1^T = 3×4", detail(an, "z1", Notation.NIELSEN).shapes());
        assertEquals("(3×2 · 2×4) ⊙ 3×4 = 3×4", detail(an, "delta1", Notation.NOTE).shapes());
        assertEquals("((2×3)^T · 2×4) ⊙ 3×4 = 3×4", detail(an, "delta1", Notation.NIELSEN).shapes());
        assertEquals("3×4 · 4×1 = 3×1", detail(an, "gradB1", Notation.NOTE).shapes());
        assertEquals("2×4 · (3×4)^T = 2×3", detail(an, "gradW1", Notation.NOTE).shapes());
        assertEquals("3×4 · (2×4)^T = 3×2", detail(an, "gradW1", Notation.NIELSEN).shapes());
    }

    @Test
    void oneSampleDropsTheOnesVectorFromTheShapes() {
        Analysis an = analyse(net232(), batch4().sample(0), Mistake.NONE);
        assertEquals("(2×3)^T · 2×1 + 3×1 = 3×1", detail(an, "z1", Notation.NOTE).shapes());
        assertFalse(detail(an, "z1", Notation.NOTE).batch());
    }

    @Test
    void nielsenNotationTransposesTheWeightsAndTheirGradient() {
        Analysis an = analyse(net232(), batch4(), Mistake.NONE);
        DMatrixRMaj note = detail(an, "gradW1", Notation.NOTE).result().value();
        DMatrixRMaj nielsen = detail(an, "gradW1", Notation.NIELSEN).result().value();
        assertEquals(2, note.numRows);
        assertEquals(3, nielsen.numRows);
        for (int k = 0; k < 2; k++) {
            for (int j = 0; j < 3; j++) {
                assertEquals(note.get(k, j), nielsen.get(j, k), 0.0);
            }
        }
        Operand w = detail(an, "z1", Notation.NIELSEN).operands().get(0);
        assertEquals("3×2", w.shape());
        assertEquals(-0.25, w.value().get(1, 0), 0.0);   // w^1_kj with k = 0, j = 1 of the note
        assertTrue(detail(an, "z1", Notation.NIELSEN).notationNote().contains("rows = outputs"));
    }

    @Test
    void singleAndBatchFormsDifferOnlyWhereTheNoteSaysTheyDo() {
        Analysis an = analyse(net232(), batch4(), Mistake.NONE);
        StepDetail b = detail(an, "gradB1", Notation.NOTE);
        assertEquals("\\frac{\\partial C}{\\partial b^{1}} = \\delta^{1}", b.singleLatex());
        assertTrue(b.batchLatex().endsWith("\\boldsymbol{\\delta}^{1}\\,\\mathbf{1}"), b.batchLatex());
        StepDetail g = detail(an, "gradA", Notation.NOTE);
        assertFalse(g.singleLatex().contains("\\frac{1}{m}"));
        assertTrue(g.batchLatex().contains("\\frac{1}{m}"));
        assertTrue(g.substitutedLatex().contains("\\frac{1}{4}"));
        assertEquals(g.batchLatex(), g.latex());
    }

    @Test
    void substitutedFormulaShowsTheNumbersToFourDigitsAndTheResult() {
        Analysis an = analyse(net232(), batch4(), Mistake.NONE);
        StepDetail z = detail(an, "z1", Notation.NOTE);
        // z^1 of sample 0, neuron 0: 0.15·0.05 + 0.20·0.10 + 0.35 = 0.3775, by hand
        assertEquals(0.3775, z.result().value().get(0, 0), 1e-12);
        assertTrue(z.substitutedLatex().endsWith(Latex.matrix(an.forward().z(1))));
        assertTrue(z.substitutedLatex().contains("\\begin{pmatrix}0.15&-0.25&0.3\\\\0.2&0.35&-0.1\\end{pmatrix}^{T}"),
                z.substitutedLatex());
    }

    @Test
    void resultsAreTheEnginesOwnMatrices() {
        Analysis an = analyse(net232(), batch4(), Mistake.NONE);
        assertEquals(an.backward().delta(1), detail(an, "delta1", Notation.NOTE).result().value());
        assertEquals(an.backward().gradB(2), detail(an, "gradB2", Notation.NOTE).result().value());
        assertEquals(an.forward().cost(), detail(an, "cost", Notation.NOTE).result().value().get(0, 0), 0.0);
    }

    @Test
    void aDeliberateMistakeShowsItsWrongVersionInRedOnlyInTheStepItChanges() {
        Analysis an = analyse(net232(), batch4(), Mistake.BP2_NO_SIGMA_PRIME);
        StepDetail wrong = detail(an, "delta1", Notation.NOTE);
        assertTrue(wrong.mistaken());
        assertTrue(wrong.latex().contains("\\textcolor{red}"), wrong.latex());
        assertFalse(wrong.latex().contains("\\sigma'"));
        assertFalse(detail(an, "delta2", Notation.NOTE).mistaken());
        assertFalse(detail(an, "gradB1", Notation.NOTE).mistaken());
    }

    @Test
    void theBatchMistakesOnlyShowWhenThereIsABatch() {
        Analysis batch = analyse(net232(), batch4(), Mistake.BP3B_MEAN);
        assertTrue(detail(batch, "gradB2", Notation.NOTE).batchLatex().contains("\\textcolor{red}{\\frac{1}{m}}"));
        Analysis single = analyse(net232(), batch4().sample(1), Mistake.BP3B_MEAN);
        assertFalse(detail(single, "gradB2", Notation.NOTE).mistaken());
    }

    @Test
    void lossFusedSoftmaxShowsDeltaAsSoftmaxMinusTargets() {
        Network fused = new Network(2, List.of(new Layer(3, Activation.TANH), new Layer(2, Activation.IDENTITY)),
                Loss.SOFTMAX_CROSS_ENTROPY, net232().weightList(), net232().biasList());
        Analysis an = analyse(fused, batch4(), Mistake.NONE);
        StepDetail d = detail(an, "delta2", Notation.NOTE);
        assertTrue(d.batchLatex().contains("\\mathrm{softmax}(\\mathbf{z}^{2}) - \\mathbf{t}"), d.batchLatex());
        assertTrue(d.singleLatex().contains("\\mathrm{softmax}(z^{2}) - t"), d.singleLatex());
    }

    @Test
    void softmaxOutputGoesThroughItsTransposedJacobian() {
        Analysis an = analyse(net232(), batch4(), Mistake.NONE);
        assertTrue(detail(an, "delta2", Notation.NOTE).singleLatex().contains("J_{\\mathrm{softmax}}"));
    }

    @Test
    void numbersKeepFourSignificantDigits() {
        assertEquals("0.3775", Latex.number(0.3775));
        assertEquals("-0.07347", Latex.number(-0.0734712));
        assertEquals("1.235\\times 10^{-5}", Latex.number(1.2346e-5));
        assertEquals("1\\times 10^{-4}", Latex.number(0.99999e-4));
        assertEquals("0", Latex.number(0.0));
        assertEquals("\\mathrm{NaN}", Latex.number(Double.NaN));
    }

    @Test
    void bigMatricesAreElidedWithDots() {
        DMatrixRMaj big = new DMatrixRMaj(10, 8);
        String tex = Latex.matrix(big);
        assertTrue(tex.contains("\\vdots") && tex.contains("\\cdots") && tex.contains("\\ddots"));
        assertEquals(Latex.HEAD + 2, tex.split("\\\\\\\\").length);   // rows shown: head, dots, last
    }

    @Test
    void bp4WithZWhereABelongsIsShownInRedInTheWeightGradientOfLayerTwo() {
        Analysis an = analyse(net232(), batch4(), Mistake.BP4_Z_NOT_A);
        StepDetail w2 = detail(an, "gradW2", Notation.NOTE);
        assertTrue(w2.mistaken());
        assertTrue(w2.batchLatex().contains("\\textcolor{red}{\\mathbf{z}^{1}}"), w2.batchLatex());
        assertEquals("z^1", w2.operands().get(0).name());
        assertFalse(detail(an, "gradW1", Notation.NOTE).mistaken(), "layer 1 still uses the input a^0");
    }

    @Test
    void aFlippedGradientSignIsShownAsARedMinus() {
        Analysis an = analyse(net232(), batch4(), Mistake.GRAD_A_SIGN);
        StepDetail g = detail(an, "gradA", Notation.NOTE);
        assertTrue(g.batchLatex().startsWith("\\nabla_{\\mathbf{a}} C = \\textcolor{red}{-}"), g.batchLatex());
        assertEquals(an.backward().gradA(), g.result().value());
    }

    @Test
    void theTwoLineFormOfEveryStepUsesOnlyRowBreaksJLaTeXMathTypesets() {
        // JLaTeXMath does not read the optional row space of \\[6pt]: it printed "[6pt]" on the slide
        Analysis an = analyse(net232(), batch4(), Mistake.NONE);
        for (Step step : Steps.of(an.network())) {
            for (Notation notation : Notation.values()) {
                String stacked = Steps.detail(an, step, notation).stackedLatex();
                assertFalse(stacked.matches("(?s).*\\\\\\\\\\s*\\[.*"), step.id() + " " + notation + ": " + stacked);
                assertTrue(stacked.contains("\\\\"), step.id() + " is on two lines");
            }
        }
    }
}
