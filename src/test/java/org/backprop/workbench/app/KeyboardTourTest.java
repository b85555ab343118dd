package org.backprop.workbench.app;

import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.robot.KeyboardRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import static org.backprop.workbench.app.FxThread.fx;
import static org.backprop.workbench.app.FxThread.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A keyboard-only tour, as a lecturer at a projector makes it: the focus left wherever the last click or Tab put it
 * (the step list, the diagram, the step pane, the tab headers, the check table, a weight field in the builder), and
 * each shortcut does the same from there: Ctrl+End / Ctrl+Home go to the last / first step, Page Up steps back,
 * Ctrl+= and Ctrl+numpad-plus zoom in, Ctrl+0 resets, Ctrl+3 / Ctrl+2 bring the Checks / Step tab forward.
 */
@ExtendWith(ApplicationExtension.class)
class KeyboardTourTest {
    @TempDir
    static Path settings;

    private OwnWindow own;
    private MainWindow window;
    private WorkbenchModel model;

    @Start
    void start(Stage primary) {
        own = new OwnWindow();
    }

    @AfterEach
    void closeTheWindow() {
        own.close();
    }

    private void open() {
        own.open(settings, 1024, 768);
        window = own.window();
        model = own.model();
    }

    /**
     * Presses the keys in order and releases them in reverse, as a hand on the keyboard does, then waits once until
     * the FX thread has handled them all. The events go through the real window (the glass robot queues them on the
     * FX thread in order); {@code robot.push} waits for the FX thread after each of a chord's four key transitions.
     */
    private void push(FxRobot robot, KeyCode... keys) {
        KeyboardRobot keyboard = robot.robotContext().getKeyboardRobot();
        keyboard.pressNoWait(keys);
        for (int i = keys.length - 1; i >= 0; i--) {
            keyboard.releaseNoWait(keys[i]);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private List<String> stepIds() {
        return fx(() -> model.stepsProperty().get().stream().map(s -> s.id()).toList());
    }

    private String step() {
        return fx(() -> model.currentStepIdProperty().get());
    }

    @Test
    void everyShortcutDoesTheSameWhereverTheFocusIs(FxRobot robot) {
        open();
        List<String> ids = stepIds();
        String first = ids.get(0);
        String last = ids.get(ids.size() - 1);
        List<Function<MainWindow, Node>> places = List.of(
                w -> w.parts().stepList(),
                w -> w.parts().diagram(),
                w -> w.parts().detailView(),
                w -> w.tabs(),
                w -> w.parts().checkTable().table(),
                w -> w.parts().builder().lookup("#w1-0-0"));
        for (Function<MainWindow, Node> place : places) {
            Node target = fx(() -> place.apply(window));
            String where = fx(() -> target.getClass().getSimpleName() + " " + target.getId());
            if (target == window.parts().checkTable().table()) {
                push(robot, KeyCode.CONTROL, KeyCode.DIGIT3);   // the table is focused where it is seen
            }
            fx(() -> {
                target.setFocusTraversable(true);
                target.requestFocus();
            });
            WaitForAsyncUtils.waitForFxEvents();
            push(robot, KeyCode.CONTROL, KeyCode.END);
            assertEquals(last, step(), "Ctrl+End from " + where);
            push(robot, KeyCode.PAGE_UP);
            assertEquals(ids.get(ids.size() - 2), step(), "Page Up after Ctrl+End from " + where);
            push(robot, KeyCode.CONTROL, KeyCode.HOME);
            assertEquals(first, step(), "Ctrl+Home from " + where);
            double zoom = fx(() -> model.zoomProperty().get());
            push(robot, KeyCode.CONTROL, KeyCode.ADD);
            double zoomedIn = fx(() -> model.zoomProperty().get());
            assertTrue(zoomedIn > zoom, "Ctrl+numpad-plus zooms in from " + where);
            push(robot, KeyCode.CONTROL, KeyCode.EQUALS);
            assertTrue(fx(() -> model.zoomProperty().get()) > zoomedIn, "Ctrl+= zooms in from " + where);
            push(robot, KeyCode.CONTROL, KeyCode.DIGIT0);
            assertEquals(1.0, fx(() -> model.zoomProperty().get()), 1e-9, "Ctrl+0 resets the zoom from " + where);
            push(robot, KeyCode.CONTROL, KeyCode.DIGIT3);
            assertEquals(WorkbenchView.CHECKS, fx(() -> model.getSelectedView()), "Ctrl+3 from " + where);
            push(robot, KeyCode.CONTROL, KeyCode.DIGIT2);
            assertEquals(WorkbenchView.STEP, fx(() -> model.getSelectedView()), "Ctrl+2 from " + where);
        }
    }

    @Test
    void afterATabSwitchFromTheStepPaneTheArrowsStillStep(FxRobot robot) {
        open();
        List<String> ids = stepIds();
        Node detail = fx(() -> window.parts().detailView());
        fx(() -> model.currentStepIdProperty().set(ids.get(0)));
        fx(detail::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
        // the ε tab hides the step pane that had the focus: → must still go to the next step, not stay in a combo
        push(robot, KeyCode.CONTROL, KeyCode.DIGIT4);
        push(robot, KeyCode.RIGHT);
        assertEquals(ids.get(1), step(), "→ after Ctrl+4; the focus is on "
                + fx(() -> String.valueOf(window.getScene().getFocusOwner())));
        push(robot, KeyCode.CONTROL, KeyCode.DIGIT5);
        push(robot, KeyCode.LEFT);
        assertEquals(ids.get(0), step(), "← after Ctrl+5");
    }
}
