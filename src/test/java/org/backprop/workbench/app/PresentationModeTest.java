package org.backprop.workbench.app;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.backprop.workbench.app.FxThread.fx;
import static org.backprop.workbench.app.FxThread.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Presentation mode as a lecturer meets it on a 1024×768 projector (and a 1920×1080 one): F5 from the step list;
 * the diagram, the step's title, verdict and formula are wholly in view in large type and no label is elided;
 * F5 again brings back the tool bar, the step list and the builder whole (nothing cut to "M…").
 */
@ExtendWith(ApplicationExtension.class)
class PresentationModeTest {
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

    private void open(double width, double height) {
        own.open(settings, width, height);
        window = own.window();
        model = own.model();
        fx(() -> model.currentStepIdProperty().set("delta1"));
        waitUntil(() -> Screenshots.idle(window));
    }

    private void pressF5(FxRobot robot) {
        fx(() -> window.parts().stepList().requestFocus());
        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> Screenshots.idle(window));
        fx(() -> {
            window.getScene().getRoot().applyCss();
            window.getScene().getRoot().layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Bounds inScene(Node n) {
        return n.localToScene(n.getBoundsInLocal());
    }

    /** True if the node is in the window and it and every parent is visible. */
    private static boolean shown(Node n) {
        if (n.getScene() == null) {
            return false;
        }
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private void assertWhollyInView(String what, Node node) {
        Bounds b = fx(() -> inScene(node));
        double w = fx(() -> window.getScene().getWidth());
        double h = fx(() -> window.getScene().getHeight());
        assertTrue(fx(() -> shown(node)), what + " is shown");
        assertTrue(b.getMinX() >= -0.5 && b.getMinY() >= -0.5 && b.getMaxX() <= w + 0.5 && b.getMaxY() <= h + 0.5,
                what + " lies in the " + w + "×" + h + " window: " + b);
        Bounds viewport = fx(() -> {
            var scroll = window.parts().detailView().lookup(".scroll-pane");
            return scroll == null ? null : inScene(scroll);
        });
        if (viewport != null && fx(() -> isInside(node, window.parts().detailView()))) {
            assertTrue(b.getMaxY() <= viewport.getMaxY() + 0.5, what + " is above the fold of the step pane: " + b
                    + " / " + viewport);
        }
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node p = node; p != null; p = p.getParent()) {
            if (p == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** Every shown label, button and tab title whose rendered text is not its text (elided with "…"). */
    private static List<String> elided(Parent root) {
        List<String> found = new ArrayList<>();
        for (Node n : root.lookupAll(".labeled")) {
            if (!(n instanceof Labeled l) || !shown(l) || l.getText() == null || l.getText().isEmpty()) {
                continue;
            }
            for (Node child : l.getChildrenUnmodifiable()) {
                if (child instanceof Text t && child.getStyleClass().contains("text")
                        && !t.getText().equals(l.getText())) {
                    found.add("\"" + l.getText() + "\" shown as \"" + t.getText() + "\"");
                }
            }
        }
        return found;
    }

    /**
     * The steps a lecturer walks through: a forward step with a 3×4 result, the BP1 and BP2 steps with their verdict
     * and a 2×4 and 3×4 result, the last (BP4) step with a 3×2 result.
     */
    private static final List<String> STEPS = List.of("delta1", "z1", "delta2", "gradW2");

    private void assertEveryStepIsReadable(FxRobot robot, double width, double height) {
        for (String id : STEPS) {
            fx(() -> model.currentStepIdProperty().set(id));
            waitUntil(() -> Screenshots.idle(window));
            WaitForAsyncUtils.waitForFxEvents();
            fx(() -> {
                window.getScene().getRoot().applyCss();
                window.getScene().getRoot().layout();
            });
            WaitForAsyncUtils.waitForFxEvents();
            try {
                assertPresentationIsReadable(width, height);
            } catch (AssertionError e) {
                throw new AssertionError("step " + id + ": " + e.getMessage(), e);
            }
        }
    }

    private void assertPresentationIsReadable(double width, double height) {
        assertTrue(fx(() -> window.parts().presentation().onProperty().get()));
        // type readable from the back of the room: at least 1.5 × the body font
        assertTrue(model.zoomProperty().get() >= PresentationMode.ZOOM, "zoom " + model.zoomProperty().get());
        assertWhollyInView("the diagram", window.parts().diagram());
        // the menu bar gives its height to the diagram (the keys still work: F5 leaves), which keeps a quarter
        assertFalse(fx(() -> shown(window.lookup("#menuBar"))), "the menu bar is hidden");
        assertTrue(fx(() -> window.parts().diagram().getHeight()) >= height * MainWindow.PRESENT_DIAGRAM_SHARE,
                "the diagram is " + fx(() -> window.parts().diagram().getHeight()) + " px tall");
        assertWhollyInView("Back / Next and the step's name", window.lookup("#stepPosition"));
        assertWhollyInView("the step's title", window.lookup("#stepTitle"));
        if (model.getCurrentStep().phase() == org.backprop.workbench.steps.Phase.BACKWARD) {
            assertWhollyInView("the verdict", window.lookup("#stepVerdict"));
        }
        assertWhollyInView("the formula", window.lookup("#stepFormula"));
        assertWhollyInView("the result", window.lookup("#stepResult"));
        assertFalse(fx(() -> shown(window.parts().builder())), "the builder is hidden");
        assertFalse(fx(() -> shown(window.parts().stepList())), "the step list is hidden");
        assertEquals(List.of(), fx(() -> elided(window)), "no label is elided at " + width + "×" + height);
    }

    private void assertTheWholeWindowIsBack() {
        assertFalse(fx(() -> window.parts().presentation().onProperty().get()));
        ToolBar toolBar = fx(() -> (ToolBar) window.lookup(".tool-bar"));
        assertTrue(fx(() -> shown(toolBar)), "the tool bar is back");
        assertTrue(fx(() -> shown(window.lookup("#menuBar"))), "the menu bar is back");
        Node overflow = fx(() -> toolBar.lookup(".tool-bar-overflow-button"));
        assertTrue(overflow == null || !fx(() -> overflow.isVisible()), "every tool bar control fits: no » menu");
        assertTrue(fx(() -> shown(window.parts().stepList())) && fx(() -> shown(window.parts().builder())));
        assertEquals(List.of(), fx(() -> elided(window)), "no label is elided after presentation mode");
        for (Node n : fx(() -> List.copyOf(window.parts().builder().lookupAll(".combo-box")))) {
            ComboBox<?> box = (ComboBox<?>) n;
            if (!fx(() -> shown(box))) {
                continue;
            }
            Bounds b = fx(() -> inScene(box));
            Bounds builder = fx(() -> inScene(window.parts().builder()));
            assertTrue(b.getMaxX() <= builder.getMaxX() + 0.5, box.getId() + " is not cut by the builder's edge");
            assertTrue(fx(() -> box.getWidth() + 0.5 >= box.minWidth(-1)), box.getId() + " is not squeezed");
        }
    }

    @Test
    void onAnXgaProjectorEverythingAStepIsAboutIsReadableAndComesBackWhole(FxRobot robot) {
        open(1024, 768);
        double zoomBefore = model.zoomProperty().get();
        assertEquals(List.of(), fx(() -> elided(window)), "nothing is elided at 1024×768 before F5");
        pressF5(robot);
        assertEveryStepIsReadable(robot, 1024, 768);
        pressF5(robot);
        assertTheWholeWindowIsBack();
        assertEquals(zoomBefore, model.zoomProperty().get(), 0.0);
        assertFalse(model.darkThemeProperty().get());
    }

    @Test
    void onAFullHdProjectorTheTypeIsLargerStill(FxRobot robot) {
        open(1920, 1080);
        pressF5(robot);
        assertEveryStepIsReadable(robot, 1920, 1080);
        assertTrue(model.zoomProperty().get() > PresentationMode.ZOOM + 0.3,
                "a larger screen gets larger type: zoom " + model.zoomProperty().get());
        pressF5(robot);
        assertTheWholeWindowIsBack();
    }

    @Test
    void theZoomFollowsTheScreen() {
        assertEquals(PresentationMode.ZOOM, PresentationMode.zoomFor(1024, 768), 1e-12);
        assertEquals(PresentationMode.ZOOM, PresentationMode.zoomFor(800, 600), 1e-12, "never below 1.5");
        assertEquals(PresentationMode.ZOOM * 1080 / 768, PresentationMode.zoomFor(1920, 1080), 1e-12);
        assertEquals(PresentationMode.MAX_ZOOM, PresentationMode.zoomFor(3840, 2160), 1e-12);
    }
}
