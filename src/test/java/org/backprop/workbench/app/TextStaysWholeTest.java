package org.backprop.workbench.app;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.backprop.workbench.app.FxThread.fx;
import static org.backprop.workbench.app.FxThread.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Text a student or lecturer reads, as they meet it in the window: whole (not cut to "(n…" or off the edge of its
 * pane) and current (a message that no longer applies is gone). Windows of 1024×768 (a lecture projector) and
 * 1920×1080.
 */
@ExtendWith(ApplicationExtension.class)
class TextStaysWholeTest {
    @TempDir
    static Path folder;

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
        own.open(folder, width, height);
        window = own.window();
        model = own.model();
        own.settle();
    }

    static Bounds inScene(Node n) {
        return n.localToScene(n.getBoundsInLocal());
    }

    static boolean shown(Node n) {
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

    /** "(text) shown as (rendered)" for a labelled control whose rendered text was elided, else null. */
    static String elision(Labeled l) {
        for (Node child : l.getChildrenUnmodifiable()) {
            if (child instanceof Text t && child.getStyleClass().contains("text") && !t.getText().equals(l.getText())) {
                return "\"" + l.getText() + "\" shown as \"" + t.getText() + "\"";
            }
        }
        return null;
    }

    /** Every label under {@code root} with the style class, shown. */
    private static List<Label> labels(Parent root, String styleClass) {
        List<Label> found = new ArrayList<>();
        for (Node n : root.lookupAll("." + styleClass)) {
            if (n instanceof Label l && shown(l)) {
                found.add(l);
            }
        }
        return found;
    }

    private static List<String> texts(Parent root) {
        List<String> out = new ArrayList<>();
        for (Node n : root.lookupAll(".label")) {
            if (n instanceof Labeled l && shown(l) && l.getText() != null) {
                out.add(l.getText());
            }
        }
        return out;
    }

    private void theSoftmaxCardsAreWhole(double width, double height, FxRobot robot) {
        open(width, height);
        own.press(robot, KeyCode.CONTROL, KeyCode.DIGIT5);
        assertEquals(WorkbenchView.SOFTMAX, model.getSelectedView());
        Parent panel = (Parent) window.parts().softmaxPanel().getView();
        List<Label> titles = new ArrayList<>(fx(() -> labels(panel, "bw-card-title")));
        assertTrue(titles.size() >= 4, "the cards' titles: " + titles);
        titles.addAll(fx(() -> labels(panel, "bw-title")));
        Bounds tab = fx(() -> inScene(panel));
        for (Label title : titles) {
            assertEquals(null, fx(() -> elision(title)), "at " + width + "×" + height);
            Bounds b = fx(() -> inScene(title));
            assertTrue(b.getMinX() >= tab.getMinX() - 0.5 && b.getMaxX() <= tab.getMaxX() + 0.5,
                    "\"" + title.getText() + "\" lies across the tab " + tab + ": " + b);
        }
        // the plot is not cut off at the tab's right edge either: beside the cards, or under them
        Bounds plot = fx(() -> inScene(panel.lookup(".chart-viewer") != null ? panel.lookup(".chart-viewer")
                : panel.lookup(".bw-toolbar")));
        assertTrue(plot.getMaxX() <= tab.getMaxX() + 0.5, "the plot " + plot + " in the tab " + tab);
    }

    @Test
    void theSoftmaxCardTitlesAreWholeOnAFullHdScreen(FxRobot robot) {
        theSoftmaxCardsAreWhole(1920, 1080, robot);
        assertTrue(fx(() -> window.parts().softmaxPanel().sideBySide()), "a wide tab has the plot beside the cards");
    }

    @Test
    void theSoftmaxCardTitlesAreWholeOnAnXgaProjector(FxRobot robot) {
        theSoftmaxCardsAreWhole(1024, 768, robot);
    }

    @Test
    void aNetworkThatIsNoClassifierShowsOnlyWhyNotAfterAClassifier(FxRobot robot) {
        open(1260, 800);
        own.press(robot, KeyCode.CONTROL, KeyCode.DIGIT5);
        Parent panel = (Parent) window.parts().softmaxPanel().getView();
        waitUntil(() -> Screenshots.idle(window));   // the comparison is computed in the background
        assertTrue(fx(() -> texts(panel)).stream().anyMatch(t -> t.contains("equal up to rounding")),
                "the default network is a classifier: " + fx(() -> texts(panel)));
        // File ▸ Open of a quadratic-cost tanh network (as the dialog does once a file is chosen)
        assertTrue(fx(() -> window.parts().files().openFile(Path.of("examples/tanh-batch.json"))));
        waitUntil(() -> Screenshots.idle(window));
        own.settle();
        List<String> shown = fx(() -> texts(panel));
        assertTrue(shown.stream().anyMatch(t -> t.startsWith("This comparison needs a classifier")), shown.toString());
        assertFalse(shown.stream().anyMatch(t -> t.contains("equal up to rounding")),
                "the verdict about the previous network is gone: " + shown);
    }

    @Test
    void theStatusLineSaysTheEpsilonTheEpsilonPlotChose(FxRobot robot) {
        open(1260, 800);
        TextField field = fx(() -> (TextField) window.lookup("#epsilonField"));
        robot.clickOn(field).eraseText(12).write("1e-5").type(KeyCode.ENTER);
        waitUntil(() -> Screenshots.idle(window));
        Label status = fx(() -> (Label) window.lookup("#statusMessage"));
        assertEquals("ε = 1e-5", fx(() -> status.getText()));

        own.press(robot, KeyCode.CONTROL, KeyCode.DIGIT4);
        waitUntil(() -> window.parts().epsilonPanel().sweepProperty().get() != null);
        own.settle();
        Button best = fx(() -> window.parts().epsilonPanel().getView().lookupAll(".button").stream()
                .map(n -> (Button) n).filter(b -> "Use _best ε".equals(b.getText())).findFirst().orElseThrow());
        robot.clickOn(best);
        waitUntil(() -> Screenshots.idle(window));
        double chosen = fx(() -> model.epsilonProperty().get());
        assertNotEquals(1e-5, chosen, "the best ε of δ²[0, 0] is not 1e-5 here");
        assertEquals("ε = " + WorkbenchToolBar.stepText(chosen), fx(() -> status.getText()));
        assertEquals(WorkbenchToolBar.stepText(chosen), fx(() -> field.getText()));
    }

    @Test
    void theWindowDoesNotJumpWhenTheProgressBarAppears() throws Exception {
        open(1260, 800);
        Node diagram = window.parts().diagram();
        double idleTop = fx(() -> inScene(diagram).getMinY());
        double idleHeight = fx(() -> ((javafx.scene.layout.Region) window.getCenter()).getHeight());
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        try {
            fx(() -> window.parts().runner().run("test-wait", "Waiting for the test", p -> {
                running.countDown();
                release.await(30, TimeUnit.SECONDS);
                return 0;
            }, r -> { }));
            assertTrue(running.await(30, TimeUnit.SECONDS));
            waitUntil(() -> window.parts().taskStatus().isBusy());
            own.settle();
            Node cancel = fx(() -> window.lookup("#cancelWork"));
            assertTrue(fx(() -> shown(cancel)), "Cancel is shown while the task runs");
            assertEquals(idleHeight, fx(() -> ((javafx.scene.layout.Region) window.getCenter()).getHeight()), 0.5,
                    "the views above the status line keep their height");
            assertEquals(idleTop, fx(() -> inScene(diagram).getMinY()), 0.5);
        } finally {
            release.countDown();
        }
        waitUntil(() -> !window.parts().taskStatus().isBusy());
        own.settle();
        assertEquals(idleHeight, fx(() -> ((javafx.scene.layout.Region) window.getCenter()).getHeight()), 0.5, "and after it ended");
    }

    @Test
    void theMistakeExplanationFollowsTheNotation(FxRobot robot) {
        open(1260, 800);
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<org.backprop.workbench.engine.Mistake> box =
                fx(() -> (javafx.scene.control.ComboBox<org.backprop.workbench.engine.Mistake>)
                        window.lookup("#mistakeBox"));
        fx(() -> box.setValue(org.backprop.workbench.engine.Mistake.BP2_NO_SIGMA_PRIME));
        fx(() -> model.currentStepIdProperty().set("delta1"));
        waitUntil(() -> Screenshots.idle(window));
        own.settle();
        Label note = fx(() -> (Label) window.lookup("#stepMistake"));
        // typeset, as in the mistake list: "δˡ = wˡ⁺¹ δˡ⁺¹", not "δ^l = w^{l+1} δ^{l+1}"
        String typeset = org.backprop.workbench.steps.Latex.superscripts("δ^l = w^{l+1} δ^{l+1}");
        assertTrue(fx(() -> note.getText()).contains(typeset), fx(() -> note.getText()));
        assertFalse(fx(() -> note.getText()).contains("^"), fx(() -> note.getText()));

        own.press(robot, KeyCode.CONTROL, KeyCode.T);   // View ▸ Toggle notation: w_jk
        assertEquals(org.backprop.workbench.steps.Notation.NIELSEN, model.notationProperty().get());
        String nielsen = fx(() -> note.getText());
        assertTrue(nielsen.contains(org.backprop.workbench.steps.Latex.superscripts("δ^l = (w^{l+1})^T δ^{l+1}")),
                nielsen);
        assertFalse(nielsen.contains(typeset), nielsen);

        // the list of mistakes says it the same way
        fx(() -> window.parts().stepList().requestFocus());
        robot.push(KeyCode.CONTROL, KeyCode.M);
        WaitForAsyncUtils.waitForFxEvents();
        try {
            List<String> cells = fx(() -> robot.lookup(".list-cell").queryAll().stream()
                    .filter(n -> n instanceof javafx.scene.control.ListCell<?> c && c.getParent() != box
                            && c.getItem() == org.backprop.workbench.engine.Mistake.BP2_NO_SIGMA_PRIME)
                    .map(n -> ((javafx.scene.control.ListCell<?>) n).getText()).toList());
            assertFalse(cells.isEmpty(), "the open list shows bp2-no-sigma-prime");
            String expected = org.backprop.workbench.steps.Latex.superscripts("δ^l = (w^{l+1})^T δ^{l+1}");
            assertTrue(cells.stream().allMatch(t -> t.contains(expected)), cells + " should contain " + expected);
        } finally {
            fx(box::hide);
        }
    }

    @Test
    void everyMistakeNameIsWholeInTheToolBarOnAnXgaProjector(FxRobot robot) {
        open(1024, 768);
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<org.backprop.workbench.engine.Mistake> box =
                fx(() -> (javafx.scene.control.ComboBox<org.backprop.workbench.engine.Mistake>)
                        window.lookup("#mistakeBox"));
        for (org.backprop.workbench.engine.Mistake m : org.backprop.workbench.engine.Mistake.values()) {
            fx(() -> box.setValue(m));
            own.settle();
            Labeled shownValue = fx(() -> box.lookupAll(".list-cell").stream().filter(n -> n.getParent() == box)
                    .map(n -> (Labeled) n).findFirst().orElseThrow());
            assertEquals(m.id(), fx(() -> shownValue.getText()));
            assertEquals(null, fx(() -> elision(shownValue)), "the mistake box at 1024×768");
        }
        javafx.scene.control.ToolBar toolBar = fx(() -> (javafx.scene.control.ToolBar) window.lookup(".tool-bar"));
        Node overflow = fx(() -> toolBar.lookup(".tool-bar-overflow-button"));
        assertTrue(overflow == null || !fx(() -> overflow.isVisible()), "every tool bar control still fits: no » menu");
        fx(() -> box.setValue(org.backprop.workbench.engine.Mistake.NONE));
        // and the open list shows each mistake's whole sentence
        fx(() -> window.parts().stepList().requestFocus());
        robot.push(KeyCode.CONTROL, KeyCode.M);
        WaitForAsyncUtils.waitForFxEvents();
        try {
            List<String> cut = fx(() -> robot.lookup(".list-cell").queryAll().stream()
                    .filter(n -> n instanceof javafx.scene.control.ListCell<?> c
                            && c.getParent() != box
                            && c.getItem() instanceof org.backprop.workbench.engine.Mistake && shown(c))
                    .map(n -> elision((Labeled) n)).filter(java.util.Objects::nonNull).toList());
            assertEquals(List.of(), cut, "no mistake in the open list is elided");
        } finally {
            fx(box::hide);
        }
    }
}
