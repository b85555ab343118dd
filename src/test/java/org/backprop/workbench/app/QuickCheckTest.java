package org.backprop.workbench.app;

import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.backprop.workbench.check.CheckResult;
import org.backprop.workbench.check.DirectionalCheck.Localisation;
import org.backprop.workbench.check.Formula;
import org.backprop.workbench.check.Verdict;
import org.backprop.workbench.engine.Mistake;
import org.backprop.workbench.engine.Network;
import org.backprop.workbench.steps.Step;
import org.backprop.workbench.steps.StepKind;
import org.backprop.workbench.steps.Steps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.Locale;

import static org.backprop.workbench.app.FxThread.fx;
import static org.backprop.workbench.app.FxThread.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Check ▸ Quick check (directional) as a student meets it: a deliberate mistake on, Shift+F9, and the step of the
 * wrong formula carries the fail mark while the others pass; the status line says how many cost evaluations it took.
 * The reference for which blocks are wrong is the exhaustive check (every number by its own central difference).
 */
@ExtendWith(ApplicationExtension.class)
class QuickCheckTest {
    @TempDir
    static Path settings;

    private MainWindow window;
    private WorkbenchModel model;

    @Start
    void start(Stage stage) {
        window = TestWindow.in(settings).size(1024, 768).show(stage);
        model = window.parts().model();
    }

    private void settle(Mistake mistake) {
        waitUntil(() -> model.getAnalysis() != null && !model.busyProperty().get() && !model.checkingProperty().get()
                && !model.getAnalysis().checks().isEmpty() && model.getAnalysis().mistake() == mistake);
    }

    /** Shift+F9, as the Check menu shows it, then waits for the result. */
    private Localisation quickCheck(FxRobot robot) {
        fx(() -> window.parts().stepList().requestFocus());
        robot.press(KeyCode.SHIFT).type(KeyCode.F9).release(KeyCode.SHIFT);
        waitUntil(() -> window.parts().quickCheck().resultProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        return fx(() -> window.parts().quickCheck().resultProperty().get());
    }

    private Step step(String id) {
        return Steps.find(model.getDocument().network(), id).orElseThrow();
    }

    private String checkLabel() {
        return fx(() -> ((Label) window.lookup("#checkLabel")).getText());
    }

    private static String grouped(long n) {
        return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(n);
    }

    @Test
    void aWrongWeightGradientMarksItsStepFailingAndTheStatusLineCountsTheEvaluations(FxRobot robot) {
        fx(() -> model.mistakeProperty().set(Mistake.BP4_Z_NOT_A));
        settle(Mistake.BP4_Z_NOT_A);
        Network net = fx(() -> model.getDocument().network());
        Localisation loc = quickCheck(robot);

        StepListView list = window.parts().stepList();
        for (int l = 1; l <= net.depth(); l++) {
            for (Formula f : new Formula[]{Formula.BP3, Formula.BP4}) {
                int layer = l;
                boolean exhaustiveFails = fx(() -> model.getAnalysis().checks(f, layer).stream()
                        .map(CheckResult::verdict).anyMatch(v -> v == Verdict.FAIL));
                String id = (f == Formula.BP3 ? "gradB" : "gradW") + l;
                Verdict shown = fx(() -> list.verdictOf(step(id)).orElseThrow());
                assertEquals(exhaustiveFails, shown == Verdict.FAIL, id + " is marked as the exhaustive check says");
            }
        }
        // the mistake puts z¹ where a¹ belongs: only ∂C/∂w² is wrong (layer 1 still uses a⁰ = x)
        assertEquals(Verdict.FAIL, fx(() -> list.verdictOf(step("gradW2")).orElseThrow()));
        assertEquals(Verdict.PASS, fx(() -> list.verdictOf(step("gradW1")).orElseThrow()));
        assertEquals(Verdict.FAIL, loc.verdict());

        // the badge a user sees on the failing row (scrolled into view): the fail style, marked as the quick check's
        fx(() -> model.currentStepIdProperty().set("gradW2"));
        WaitForAsyncUtils.waitForFxEvents();
        Label badge = fx(() -> (Label) window.lookup("#step-gradW2").lookup(".step-badge"));
        assertTrue(fx(() -> badge.getStyleClass().containsAll(java.util.List.of("badge-fail", "badge-quick"))),
                fx(() -> badge.getStyleClass().toString()));

        // the evaluations against the exhaustive count: two costs per parameter for central differences
        assertEquals(2L * net.parameterCount(), loc.exhaustive());
        String status = checkLabel();
        assertTrue(status.startsWith("Quick check: FAIL in BP4 ∂C/∂w²"), status);
        assertTrue(status.contains(grouped(loc.evaluations()) + " cost evaluations"), status);
        assertTrue(status.contains("(every parameter one by one: " + grouped(loc.exhaustive()) + ")"), status);

        // F8 goes to the quick check's failing step
        fx(() -> model.currentStepIdProperty().set("z1"));
        robot.type(KeyCode.F8);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("gradW2", fx(() -> model.currentStepIdProperty().get()));
    }

    @Test
    void aCorrectNetworkPassesInOneCheckOfTheWholeAndOneOfEachBlock(FxRobot robot) {
        settle(Mistake.NONE);
        Network net = fx(() -> model.getDocument().network());
        Localisation loc = quickCheck(robot);
        assertEquals(Verdict.PASS, loc.verdict());
        assertTrue(loc.localised().isEmpty());
        // central differences: two costs along the whole direction, two along each of the 2L blocks
        assertEquals(2L * (1 + 2L * net.depth()), loc.evaluations());
        for (Step s : fx(() -> model.stepsProperty().get())) {
            if (s.kind() == StepKind.GRAD_B || s.kind() == StepKind.GRAD_W) {
                assertEquals(Verdict.PASS, fx(() -> window.parts().stepList().verdictOf(s).orElseThrow()), s.id());
            }
        }
        String status = checkLabel();
        assertTrue(status.startsWith("Quick check: PASS · " + loc.evaluations() + " cost evaluations"), status);
        // and in 简体中文, said again on a switch
        try {
            fx(() -> org.backprop.workbench.i18n.Messages.setLocale(java.util.Locale.SIMPLIFIED_CHINESE));
            WaitForAsyncUtils.waitForFxEvents();
            String chinese = checkLabel();
            assertTrue(chinese.startsWith("快速检验：通过 · 计算代价 " + loc.evaluations() + " 次"), chinese);
        } finally {
            fx(() -> org.backprop.workbench.i18n.Messages.setLocale(java.util.Locale.ENGLISH));
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(checkLabel().startsWith("Quick check: PASS · "), checkLabel());
    }

    @Test
    void aQuickCheckAskedForRightAfterAChangeChecksTheChangedPass() {
        settle(Mistake.NONE);
        // the mistake and Shift+F9 in one go: the shown analysis is still the correct network's
        fx(() -> {
            model.mistakeProperty().set(Mistake.BP4_Z_NOT_A);
            window.parts().quickCheck().run();
        });
        waitUntil(() -> window.parts().quickCheck().resultProperty().get() != null);
        assertEquals(Mistake.BP4_Z_NOT_A, fx(() -> model.getAnalysis().mistake()));
        assertEquals(Verdict.FAIL, fx(() -> window.parts().stepList().verdictOf(step("gradW2")).orElseThrow()));
        assertEquals(Verdict.PASS, fx(() -> window.parts().stepList().verdictOf(step("gradB2")).orElseThrow()));
    }

    @Test
    void theNextRecomputationDropsTheQuickChecksMarks(FxRobot robot) {
        fx(() -> model.mistakeProperty().set(Mistake.BP4_Z_NOT_A));
        settle(Mistake.BP4_Z_NOT_A);
        quickCheck(robot);
        fx(() -> model.mistakeProperty().set(Mistake.NONE));
        settle(Mistake.NONE);
        assertNull(fx(() -> window.parts().quickCheck().resultProperty().get()));
        assertEquals(Verdict.PASS, fx(() -> window.parts().stepList().verdictOf(step("gradW2")).orElseThrow()),
                "the exhaustive checks' badge is back");
        assertTrue(checkLabel().endsWith("pass"), checkLabel());
    }
}
