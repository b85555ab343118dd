package org.backprop.workbench.app.lessons;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.backprop.workbench.app.FormulaView;
import org.backprop.workbench.app.MainWindow;
import org.backprop.workbench.app.RecentFiles;
import org.backprop.workbench.app.WorkbenchModel;
import org.backprop.workbench.app.actions.MenuGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;

import static org.backprop.workbench.app.FxThread.fx;
import static org.backprop.workbench.app.FxThread.waitUntil;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A lesson on a 1024×768 projector: nothing of the lesson's first steps is cut off. */
@ExtendWith(ApplicationExtension.class)
class LessonLayoutTest {
    @TempDir
    static Path settings;

    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = new MainWindow(new WorkbenchModel(), new RecentFiles(settings.resolve("recent.txt")));
        window.installTheme();
        stage.setScene(window.createScene(1024, 768));
        stage.show();
    }

    private void open(int n) {
        fx(() -> window.menu(MenuGroup.LESSONS).getItems().get(n - 1).fire());
        waitUntil(window.parts().lessons()::settled);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Bounds onScene(Node n) {
        return n.localToScene(n.getLayoutBounds());
    }

    @Test
    void lessonTwoStepOnesFormulaKeepsItsLeadingZ(FxRobot robot) {
        open(2);
        ProseView prose = fx(() -> window.parts().lessons().panel().prose());
        FormulaView z1 = fx(() -> prose.lookupAll(".formula").stream()
                .filter(n -> n instanceof FormulaView f && f.latexProperty().get().startsWith("z^1 = (w^1)^T"))
                .map(n -> (FormulaView) n).findFirst().orElseThrow());
        // the formula, shrunk as far as it goes, is still wider than the panel: it starts at the prose's left edge
        // (and scrolls sideways) instead of being centred with its start cut off
        double formulaLeft = fx(() -> onScene(z1).getMinX());
        double proseLeft = fx(() -> onScene(prose).getMinX());
        assertTrue(formulaLeft >= proseLeft - 0.5, "formula starts at " + formulaLeft + ", the prose at " + proseLeft);
    }

    @Test
    void lessonOneStepOnesHeadingIsWhole(FxRobot robot) {
        open(1);
        WaitForAsyncUtils.waitForFxEvents();
        double sceneWidth = fx(() -> window.getScene().getWidth());
        assertTrue(fx(() -> window.getWidth()) <= sceneWidth + 0.5, "the window fits its 1024-px scene");
        Node title = robot.lookup("#stepTitle").query();
        Node chip = robot.lookup(".phase-chip").query();
        double paneRight = fx(() -> onScene(window.parts().detailView()).getMaxX());
        double paneLeft = fx(() -> onScene(window.parts().detailView()).getMinX());
        assertTrue(fx(() -> onScene(chip).getMaxX()) <= paneRight, "the phase chip is inside the step pane");
        assertTrue(fx(() -> onScene(title).getMinX()) >= paneLeft);
        for (String id : new String[]{"#lessonTitle", "#lessonStepTitle"}) {
            Node heading = robot.lookup(id).query();
            assertTrue(fx(() -> onScene(heading).getMaxX()) <= sceneWidth, id + " ends inside the window");
        }
        // and the step pane does not scroll sideways to show its own content
        assertTrue(fx(() -> window.parts().detailView().getSnapshotTarget().getLayoutBounds().getWidth())
                <= fx(() -> window.parts().detailView().getViewportBounds().getWidth()) + 0.5);
    }
}
