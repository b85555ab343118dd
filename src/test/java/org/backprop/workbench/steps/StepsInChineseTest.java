package org.backprop.workbench.steps;

import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.check.GradientCheck;
import org.backprop.workbench.engine.Activation;
import org.backprop.workbench.engine.Backprop;
import org.backprop.workbench.engine.Batch;
import org.backprop.workbench.engine.Layer;
import org.backprop.workbench.engine.Loss;
import org.backprop.workbench.engine.Mistake;
import org.backprop.workbench.engine.Network;
import org.backprop.workbench.i18n.Messages;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The step notes the core writes (notation notes, shapes, operand names) follow the language, formulas stay math. */
class StepsInChineseTest {
    private static Analysis analysis() {
        Network net = new Network(2, List.of(new Layer(3, Activation.SIGMOID), new Layer(2, Activation.SOFTMAX)),
                Loss.CROSS_ENTROPY,
                List.of(new DMatrixRMaj(new double[][]{{0.15, -0.25, 0.30}, {0.20, 0.35, -0.10}}),
                        new DMatrixRMaj(new double[][]{{0.40, -0.45}, {-0.50, 0.55}, {0.25, 0.10}})),
                List.of(new DMatrixRMaj(new double[][]{{0.35}, {-0.10}, {0.05}}),
                        new DMatrixRMaj(new double[][]{{0.60}, {-0.20}})));
        Batch batch = new Batch(new DMatrixRMaj(new double[][]{{0.05, 0.90}, {0.10, -0.30}}),
                new DMatrixRMaj(new double[][]{{1, 0}, {0, 1}}));
        return GradientCheck.analyse(net, batch, new Backprop(Mistake.NONE), 1e-5);
    }

    private static StepDetail detail(Analysis an, String id, Notation notation) {
        return Steps.detail(an, Steps.find(an.network(), id).orElseThrow(), notation);
    }

    @AfterEach
    void english() {
        Messages.setLocale(Locale.ENGLISH);
    }

    @Test
    void notesAndShapesAreChineseAndTheFormulasUnchanged() {
        Analysis an = analysis();
        StepDetail enZ = detail(an, "z1", Notation.NOTE);
        StepDetail enA = detail(an, "a2", Notation.NOTE);
        assertEquals("w^1 shown as w_kj: 2×3, rows = inputs (the note's convention)", enZ.notationNote());
        assertEquals("softmax(2×2) = 2×2 (column by column)", enA.shapes());
        Messages.setLocale(Locale.SIMPLIFIED_CHINESE);
        StepDetail z = detail(an, "z1", Notation.NOTE);
        assertEquals("w^1 按 w_kj 显示：2×3，行 = 输入（讲义的记法）", z.notationNote());
        assertEquals("a^0（输入）", z.operands().stream().filter(o -> o.latex().equals("a^{0}")).findFirst()
                .orElseThrow().name());
        assertEquals(enZ.singleLatex(), z.singleLatex());
        assertEquals(enZ.substitutedLatex(), z.substitutedLatex());
        assertEquals("w^2 按 w_jk 显示：2×3，行 = 输出（Nielsen 的记法；讲义存储的是它的转置）",
                detail(an, "z2", Notation.NIELSEN).notationNote());
        assertEquals("∂C/∂w^1 按 w_kj 显示：2×3，行 = 输入（讲义的记法）", detail(an, "gradW1", Notation.NOTE).notationNote());
        StepDetail a = detail(an, "a2", Notation.NOTE);
        assertTrue(a.shapes().endsWith("= 2×2 (逐列)"), a.shapes());
        assertTrue(detail(an, "cost", Notation.NOTE).shapes().endsWith("= 标量"));
        assertFalse(detail(an, "delta2", Notation.NOTE).batchLatex().contains("column"));
    }
}
