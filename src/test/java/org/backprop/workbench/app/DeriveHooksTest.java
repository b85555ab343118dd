package org.backprop.workbench.app;

import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.stage.Stage;
import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.derive.Derivation;
import org.backprop.workbench.derive.Line;
import org.backprop.workbench.derive.Term;
import org.backprop.workbench.steps.Latex;
import org.backprop.workbench.steps.Notation;
import org.backprop.workbench.steps.Operand;
import org.backprop.workbench.steps.StepDetail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;

import static org.backprop.workbench.app.FxThread.fx;
import static org.backprop.workbench.app.FxThread.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Derive in the real window, as a user meets it: a right click on a cell of the step's result offers "Derive" for
 * that cell and opens the Derive tab on it, whose result is the number the cell shows; a term of the derivation marks
 * the entries it multiplies in the step's matrices.
 */
@ExtendWith(ApplicationExtension.class)
class DeriveHooksTest {
    @TempDir
    static Path settings;

    private MainWindow window;
    private WorkbenchModel model;

    @Start
    void start(Stage stage) {
        window = TestWindow.in(settings).size(1400, 860).fitStage().show(stage);
        model = window.parts().model();
    }

    private void showStep(String id) {
        waitUntil(() -> model.getAnalysis() != null && !model.busyProperty().get()
                && !model.checkingProperty().get());
        fx(() -> model.currentStepIdProperty().set(id));
        fx(() -> model.navigate(WorkbenchView.STEP));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Node cell(int row, int column) {
        return fx(() -> window.parts().detailView().resultView().lookup("#cell-" + row + "-" + column));
    }

    @Test
    void aRightClickOnAResultCellDerivesThatCellAndTheResultIsTheNumberItShows(FxRobot robot) {
        showStep("delta1");
        String shown = fx(() -> window.parts().detailView().resultView().cellText(2, 3));
        rightClick(cell(2, 3));
        WaitForAsyncUtils.waitForFxEvents();
        ContextMenu menu = fx(() -> window.parts().detailView().getContextMenu());
        assertTrue(fx(menu::isShowing), "the cell's context menu is open");
        String item = fx(() -> menu.getItems().get(0).getText());
        assertEquals("Derive δ¹[2, 3]  (Ctrl+7)", item, "the item names the cell right-clicked");
        fx(() -> menu.getItems().get(0).fire());
        fx(menu::hide);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(WorkbenchView.DERIVE, fx(() -> model.selectedViewProperty().get()));
        Derivation d = fx(() -> window.parts().derivePanel().derivationProperty().get());
        assertNotNull(d);
        assertEquals("delta1[2,3]", d.entry().id());
        assertEquals(shown, Latex.plainNumber(d.value()), "to the last printed digit");
        String result = d.lines(Line.Role.RESULT).get(0).text();
        assertTrue(result.endsWith(" = " + shown), result);
    }

    /** WCAG's relative luminance of an sRGB colour. */
    private static double luminance(javafx.scene.paint.Color c) {
        double[] v = {c.getRed(), c.getGreen(), c.getBlue()};
        for (int i = 0; i < 3; i++) {
            v[i] = v[i] <= 0.03928 ? v[i] / 12.92 : Math.pow((v[i] + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
    }

    @Test
    void theDerivationsVerdictIsReadableOnItsColour() {
        showStep("delta1");
        fx(() -> model.navigate(WorkbenchView.DERIVE));
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> {   // the student types an entry and presses Enter
            window.getScene().getRoot().applyCss();   // the tab's skin, with the field in it
            javafx.scene.control.TextField entry = (javafx.scene.control.TextField)
                    window.parts().derivePanel().getView().lookup("#deriveEntry");
            entry.setText("delta1[0,0]");
            entry.fireEvent(new javafx.event.ActionEvent());
        });
        waitUntil(() -> window.parts().derivePanel().derivationProperty().get() != null
                && window.parts().derivePanel().derivationProperty().get().isChecked());
        javafx.scene.control.Label verdict = fx(() ->
                (javafx.scene.control.Label) window.parts().derivePanel().getView().lookup("#deriveVerdict"));
        fx(() -> {
            window.getScene().getRoot().applyCss();
            window.getScene().getRoot().layout();
        });
        javafx.scene.paint.Color text = fx(() -> (javafx.scene.paint.Color) verdict.getTextFill());
        javafx.scene.paint.Color chip = fx(() -> (javafx.scene.paint.Color) verdict.getBackground().getFills().get(0).getFill());
        double a = luminance(text), b = luminance(chip);
        double contrast = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        // WCAG AA for large or bold text: 3:1 ("numerical -0.1049 · pass" was near-black on dark green, 2.4:1)
        assertTrue(contrast >= 3, "\"" + fx(verdict::getText) + "\" in " + text + " on " + chip + ": " + contrast + ":1");
    }

    @Test
    void aRightClickOnAForwardCellOffersItsZ(FxRobot robot) {
        showStep("z1");
        String shown = fx(() -> window.parts().detailView().resultView().cellText(1, 2));
        rightClick(cell(1, 2));
        WaitForAsyncUtils.waitForFxEvents();
        ContextMenu menu = fx(() -> window.parts().detailView().getContextMenu());
        assertEquals("Derive z¹[1, 2]  (Ctrl+7)", fx(() -> menu.getItems().get(0).getText()));
        fx(menu::hide);
        Derivation d = fx(() -> window.parts().derivePanel().derivationProperty().get());
        assertEquals("z1[1,2]", d.entry().id());
        assertEquals(shown, Latex.plainNumber(d.value()));
    }

    @Test
    void aClickedTermMarksTheEntriesItMultipliesInTheStepsMatrices(FxRobot robot) {
        showStep("delta1");
        robot.clickOn(cell(0, 1));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("delta1[0,1]", fx(() -> window.parts().derivePanel().derivationProperty().get().entry().id()));
        fx(() -> model.navigate(WorkbenchView.DERIVE));
        WaitForAsyncUtils.waitForFxEvents();
        // term k = 1 of BP2: w^2[0,1] δ^2[1,1]; the terms sit under the lines: scroll down to them
        clickTerm(1);
        WaitForAsyncUtils.waitForFxEvents();
        Term term = fx(() -> window.parts().derivePanel().hoveredTermProperty().get());
        assertNotNull(term, "the clicked term stays marked");
        assertEquals(1, term.index());
        fx(() -> javafx.event.Event.fireEvent(window.parts().derivePanel().getView().lookup("#deriveTerm1"),
                new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_EXITED, 0, 0, 0, 0,
                        javafx.scene.input.MouseButton.NONE, 0, false, false, false, false, false, false, false,
                        false, false, false, null)));
        assertNotNull(fx(() -> window.parts().derivePanel().hoveredTermProperty().get()), "after the mouse leaves it");
        fx(() -> model.navigate(WorkbenchView.STEP));
        WaitForAsyncUtils.waitForFxEvents();
        StepDetail detail = fx(() -> window.parts().detailView().getDetail());
        List<MatrixView> views = fx(() -> window.parts().detailView().operandViews());
        int w = indexOf(detail.operands(), "w^2");
        int delta = indexOf(detail.operands(), "δ^2");
        assertTrue(fx(() -> views.get(w).cellMarked(0, 1)), "w^2[0,1] is marked");
        assertTrue(fx(() -> views.get(delta).cellMarked(1, 1)), "δ^2[1,1] is marked");
        assertFalse(fx(() -> views.get(w).cellMarked(1, 1)));
        assertFalse(fx(() -> views.get(delta).cellMarked(0, 1)));
        int[] pointed = fx(() -> window.parts().diagram().pointedProperty().get());
        assertEquals(List.of(2, 0, 1), List.of(pointed[0], pointed[1], pointed[2]), "and its edge in the diagram");

        // Nielsen's notation shows w^2 transposed: the same weight is now cell [1,0]
        fx(() -> model.notationProperty().set(Notation.NIELSEN));
        fx(() -> model.navigate(WorkbenchView.DERIVE));
        WaitForAsyncUtils.waitForFxEvents();
        clickTerm(1);
        fx(() -> model.navigate(WorkbenchView.STEP));
        WaitForAsyncUtils.waitForFxEvents();
        List<MatrixView> again = fx(() -> window.parts().detailView().operandViews());
        int w2 = indexOf(fx(() -> window.parts().detailView().getDetail()).operands(), "w^2");
        assertTrue(fx(() -> again.get(w2).cellMarked(1, 0)), "w^2[0,1] shown as w_jk is cell [1,0]");
        assertFalse(fx(() -> again.get(w2).cellMarked(0, 1)));
    }

    @Test
    void theDiagramsContextMenuNamesTheNeuronRightClicked(FxRobot robot) {
        showStep("delta1");
        NetworkDiagram diagram = window.parts().diagram();
        javafx.geometry.Point2D p = fx(() -> diagram.neuronCentre(1, 2));
        Node canvas = fx(() -> diagram.getChildrenUnmodifiable().get(0));
        fx(() -> {
            // the event's x, y are scene coordinates: it is delivered at canvas.sceneToLocal of them
            javafx.geometry.Point2D scene = canvas.localToScene(p);
            javafx.geometry.Point2D screen = canvas.localToScreen(p);
            javafx.event.Event.fireEvent(canvas, new javafx.scene.input.ContextMenuEvent(
                    javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, scene.getX(), scene.getY(),
                    screen.getX(), screen.getY(), false,
                    new javafx.scene.input.PickResult(canvas, scene.getX(), scene.getY())));
        });
        WaitForAsyncUtils.waitForFxEvents();
        ContextMenu shown = fx(() -> javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof ContextMenu && w.isShowing()).map(w -> (ContextMenu) w).findFirst()
                .orElse(null));
        assertNotNull(shown, "the diagram's menu is open");
        assertEquals("deriveFromDiagram", fx(() -> shown.getItems().get(0).getId()));
        assertEquals("Derive δ¹[2, 0]  (Ctrl+7)", fx(() -> shown.getItems().get(0).getText()));
        fx(shown::hide);
        Derivation d = fx(() -> window.parts().derivePanel().derivationProperty().get());
        assertNotNull(d);
        assertEquals("delta1[2,0]", d.entry().id(), "a neuron of the step's layer selects its δ (sample 0)");
        Analysis an = model.getAnalysis();
        assertEquals(an.backward().delta(1).get(2, 0), d.value(), 1e-12);
    }

    /**
     * A right click as the platform delivers it: the menu request (on the press, before any click; Monocle sends no
     * such event of its own, so it is fired here where a real window system would).
     */
    private static void rightClick(Node node) {
        fx(() -> {
            javafx.geometry.Bounds b = node.getLayoutBounds();
            double x = b.getCenterX();
            double y = b.getCenterY();
            javafx.geometry.Point2D scene = node.localToScene(x, y);
            javafx.geometry.Point2D screen = node.localToScreen(x, y);
            javafx.event.Event.fireEvent(node, new javafx.scene.input.ContextMenuEvent(
                    javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, scene.getX(), scene.getY(),
                    screen.getX(), screen.getY(), false, new javafx.scene.input.PickResult(node, scene.getX(),
                    scene.getY())));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * A click on term k of the Derive view, delivered to the term (it may sit below the fold of an 860 px window,
     * where the robot cannot reach it).
     */
    private void clickTerm(int k) {
        fx(() -> {
            Node term = window.parts().derivePanel().getView().lookup("#deriveTerm" + k);
            javafx.event.Event.fireEvent(term, new javafx.scene.input.MouseEvent(
                    javafx.scene.input.MouseEvent.MOUSE_CLICKED, 1, 1, 1, 1, javafx.scene.input.MouseButton.PRIMARY,
                    1, false, false, false, false, true, false, false, true, false, true, null));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static int indexOf(List<Operand> operands, String name) {
        for (int i = 0; i < operands.size(); i++) {
            if (operands.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new AssertionError(name + " not among " + operands.stream().map(Operand::name).toList());
    }
}
