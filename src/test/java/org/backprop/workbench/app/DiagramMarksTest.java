package org.backprop.workbench.app;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.backprop.workbench.check.CheckResult;
import org.backprop.workbench.check.Formula;
import org.backprop.workbench.check.Verdict;
import org.backprop.workbench.engine.Mistake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.backprop.workbench.app.FxThread.fx;
import static org.backprop.workbench.app.FxThread.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the diagram and the step pane show as the student steps: failing checks marked, the selection where it belongs. */
@ExtendWith(ApplicationExtension.class)
class DiagramMarksTest {
    @TempDir
    static Path settings;

    private MainWindow window;
    private WorkbenchModel model;

    @Start
    void start(Stage stage) {
        window = TestWindow.in(settings).size(1024, 768).show(stage);
        model = window.parts().model();
    }

    private void settle() {
        waitUntil(() -> model.getAnalysis() != null && !model.busyProperty().get() && !model.checkingProperty().get()
                && !model.getAnalysis().checks().isEmpty() && model.getAnalysis().mistake() == model.mistakeProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void goTo(String id) {
        fx(() -> model.currentStepIdProperty().set(id));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Set<String> keys(List<int[]> marks) {
        Set<String> out = new TreeSet<>();
        marks.forEach(m -> out.add(java.util.Arrays.toString(m)));
        return out;
    }

    @Test
    void aMistakesFailingNeuronsAndEdgesStandOutOnTheStepThatFails(FxRobot robot) {
        fx(() -> model.mistakeProperty().set(Mistake.BP2_NO_SIGMA_PRIME));
        settle();
        int depth = fx(() -> model.getDocument().network().depth());
        int l = depth - 1;   // BP2 fails first at the last hidden layer
        goTo("delta" + l);
        Set<String> expected = new TreeSet<>();
        for (CheckResult c : fx(() -> model.getAnalysis().checks(Formula.BP2, l))) {
            if (c.verdict() == Verdict.FAIL) {
                expected.add(java.util.Arrays.toString(new int[]{l, c.index()[0]}));
            }
        }
        assertFalse(expected.isEmpty(), "BP2 without σ' fails at layer " + l);
        assertEquals(expected, keys(fx(() -> window.parts().diagram().failingMarks())));

        goTo("gradW" + l);
        Set<String> edges = new TreeSet<>();
        for (CheckResult c : fx(() -> model.getAnalysis().checks(Formula.BP4, l))) {
            if (c.verdict() == Verdict.FAIL) {
                edges.add(java.util.Arrays.toString(new int[]{l, c.index()[0], c.index()[1]}));
            }
        }
        assertEquals(edges, keys(fx(() -> window.parts().diagram().failingMarks())));

        goTo("z1");
        assertEquals(Set.of(), keys(fx(() -> window.parts().diagram().failingMarks())), "a forward step marks nothing");
        goTo("delta" + depth);
        assertEquals(Set.of(), keys(fx(() -> window.parts().diagram().failingMarks())), "BP1 passes: nothing marked");
        fx(() -> model.mistakeProperty().set(Mistake.NONE));
    }

    @Test
    void anEdgeSelectedFromTheCheckTableIsMarkedOnlyOnItsOwnSteps(FxRobot robot) {
        settle();
        int depth = fx(() -> model.getDocument().network().depth());
        fx(() -> model.navigate(WorkbenchView.CHECKS));
        fx(() -> window.parts().checkTable().setFormulaFilter(Formula.BP4));
        CheckResult first = fx(() -> window.parts().checkTable().shownRows().get(0));
        java.util.function.Supplier<java.util.Optional<javafx.scene.Node>> row = () -> fx(() ->
                robot.lookup(".table-row-cell").queryAll().stream()
                        .filter(r -> r instanceof javafx.scene.control.TableRow<?> t && t.getItem() == first
                                && r.isVisible()).findFirst());
        waitUntil(() -> row.get().isPresent());   // the table lays out its filtered rows on the next pulse
        robot.clickOn(row.get().orElseThrow());
        waitUntil(() -> model.selectedCheckProperty().get() != null
                && model.selectedCheckProperty().get().formula() == Formula.BP4);
        int l = fx(() -> model.selectedCheckProperty().get().layer());
        goTo("gradW" + l);
        assertTrue(fx(() -> window.parts().diagram().selectionDrawn()), "marked on its BP4 step");
        goTo("z" + l);
        assertTrue(fx(() -> window.parts().diagram().selectionDrawn()), "and on the z step that uses the weight");
        goTo("delta" + depth);
        assertFalse(fx(() -> window.parts().diagram().selectionDrawn()), "not on BP1");
        goTo("cost");
        assertFalse(fx(() -> window.parts().diagram().selectionDrawn()), "not on the cost");
        fx(() -> window.parts().checkTable().setFormulaFilter(null));
    }

    @Test
    void everyStepChangeScrollsTheStepPaneBackToItsTitle(FxRobot robot) {
        settle();
        fx(() -> model.navigate(WorkbenchView.STEP));
        goTo("gradW1");
        fx(() -> window.parts().detailView().setVvalue(1));
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> window.parts().stepList().requestFocus());
        robot.type(KeyCode.LEFT);
        waitUntil(() -> !"gradW1".equals(model.currentStepIdProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(0, fx(() -> window.parts().detailView().getVvalue()), 1e-9);
        javafx.scene.Node title = robot.lookup("#stepTitle").query();
        double titleTop = fx(() -> title.localToScene(title.getLayoutBounds()).getMinY());
        double paneTop = fx(() -> window.parts().detailView().localToScene(window.parts().detailView().getLayoutBounds()).getMinY());
        assertTrue(titleTop >= paneTop, "the title is in view");
    }

    @Test
    void theMistakeListShowsTypesetExponents(FxRobot robot) {
        robot.clickOn("#mistakeBox");
        waitUntil(() -> fx(() -> robot.lookup(".combo-box-popup .list-cell").queryAll().size()) > 3);
        List<String> texts = fx(() -> robot.lookup(".combo-box-popup .list-cell").queryAll().stream()
                .map(n -> ((javafx.scene.control.ListCell<?>) n).getText()).filter(t -> t != null).toList());
        assertTrue(texts.stream().anyMatch(t -> t.contains("BP1 without σ'(zᴸ)")), texts.toString());
        assertTrue(texts.stream().noneMatch(t -> t.contains("^")), texts.toString());
        robot.type(KeyCode.ESCAPE);
    }
}
