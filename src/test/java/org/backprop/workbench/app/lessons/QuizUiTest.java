package org.backprop.workbench.app.lessons;

import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.backprop.workbench.app.MainWindow;
import org.backprop.workbench.app.MatrixView;
import org.backprop.workbench.app.RecentFiles;
import org.backprop.workbench.app.WorkbenchModel;
import org.backprop.workbench.app.WorkbenchView;
import org.backprop.workbench.app.actions.MenuGroup;
import org.backprop.workbench.check.Formula;
import org.backprop.workbench.engine.Mistake;
import org.backprop.workbench.io.NetworkDocument;
import org.backprop.workbench.lesson.LessonStep;
import org.backprop.workbench.steps.Latex;
import org.backprop.workbench.steps.Notation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;

import static org.backprop.workbench.app.FxThread.fx;
import static org.backprop.workbench.app.FxThread.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A student meets a quiz in the real window: the number it asks for is hidden everywhere it would show until the
 * student finds it, asks for it, or has tried three times; leaving the lesson puts the workbench back as it was.
 */
@ExtendWith(ApplicationExtension.class)
class QuizUiTest {
    @TempDir
    static Path settings;

    private MainWindow window;
    private WorkbenchModel model;
    private LessonUi ui;

    @Start
    void start(Stage stage) {
        model = new WorkbenchModel();
        window = new MainWindow(model, new RecentFiles(settings.resolve("recent.txt")));
        window.installTheme();
        stage.setScene(window.createScene(1024, 768));
        stage.show();
        ui = window.parts().lessons();
    }

    /** Opens lesson n of the menu and goes to its step that asks for {@code entry}. */
    private LessonStep openQuiz(int n, String entry) {
        fx(() -> window.menu(MenuGroup.LESSONS).getItems().get(n - 1).fire());
        int k = fx(() -> ui.session().lessonProperty().get().steps().stream()
                .filter(s -> s.quiz() != null && s.quiz().quantity().id().equals(entry))
                .findFirst().orElseThrow().number());
        fx(() -> ui.session().goTo(k));
        waitUntil(ui::settled);
        return fx(() -> ui.session().stepProperty().get());
    }

    @Test
    void onAnXgaProjectorTheAnswerFieldShowsItsWholePromptAndTheButtonsAreInView() {
        // lesson 1's first quiz comes after a long step: the prose scrolls, the question stays in view
        openQuiz(1, "delta1[0,0]");
        fx(() -> {
            window.getScene().getRoot().applyCss();
            window.getScene().getRoot().layout();
        });
        javafx.scene.control.TextField field = ui.panel().quizAnswer();
        assertTrue(fx(() -> shown(field)), "the quiz is on screen");
        // "a number, e.g. -0.0123" whole in the field, not "a r" between the buttons
        double prompt = fx(() -> {
            javafx.scene.text.Text probe = new javafx.scene.text.Text(field.getPromptText());
            probe.setFont(field.getFont());
            return probe.getLayoutBounds().getWidth() + field.getPadding().getLeft() + field.getPadding().getRight();
        });
        assertTrue(fx(field::getWidth) + 0.5 >= prompt,
                "the answer field is " + fx(field::getWidth) + " px for a " + prompt + " px prompt");
        javafx.scene.layout.Region panel = ui.panel().getView();
        javafx.geometry.Bounds inView = fx(() -> {
            javafx.geometry.Bounds p = panel.localToScene(panel.getLayoutBounds());
            javafx.scene.Node scroll = panel.lookup("#lessonScroll");
            javafx.geometry.Bounds s = scroll.localToScene(scroll.getLayoutBounds());
            return new javafx.geometry.BoundingBox(p.getMinX(), s.getMaxY(), p.getWidth(), p.getMaxY() - s.getMaxY());
        });
        for (String id : java.util.List.of("#quizAnswer", "#quizCheck", "#quizShowAnswer")) {
            javafx.scene.control.Control c = fx(() -> (javafx.scene.control.Control) panel.lookup(id));
            assertTrue(fx(() -> c.getWidth() + 0.5 >= c.prefWidth(-1) || c == field), id + " is whole");
            javafx.geometry.Bounds b = fx(() -> c.localToScene(c.getLayoutBounds()));
            assertTrue(b.getMinX() >= inView.getMinX() - 0.5 && b.getMaxX() <= inView.getMaxX() + 0.5
                            && b.getMinY() >= inView.getMinY() - 0.5 && b.getMaxY() <= inView.getMaxY() + 0.5,
                    id + " " + b + " lies in view, under the lesson's scrolling prose " + inView);
        }
        fx(() -> ui.session().close());
    }

    /** Clicks the step whose label starts with {@code label} in the step list, as the student does. */
    private void clickStep(FxRobot robot, String label, String id) {
        robot.clickOn(fx(() -> robot.lookup(".list-cell").queryAll().stream()
                .filter(c -> c.lookupAll(".label").stream().anyMatch(l -> ((Label) l).getText().startsWith(label)))
                .findFirst().orElseThrow()));
        waitUntil(() -> id.equals(model.currentStepIdProperty().get()));
    }

    /** Visible with all its parents. */
    private static boolean shown(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static String text(FxRobot robot, String query) {
        return fx(() -> robot.lookup(query).queryAs(Label.class).getText());
    }

    private void answer(FxRobot robot, String typed) {
        // focus as a click would; TestFX's clickOn reads node bounds off the FX thread, racing the views' rebuilds
        fx(() -> {
            ui.panel().quizAnswer().clear();
            ui.panel().quizAnswer().requestFocus();
        });
        waitUntil(() -> ui.panel().quizAnswer().isFocused());
        robot.write(typed).type(KeyCode.ENTER);
    }

    @Test
    void lessonFourHidesTheAskedEntryOfDeltaTwoUntilThreeTriesHaveGoneWrong(FxRobot robot) {
        LessonStep step = openQuiz(4, "delta2[0,2]");
        double expected = step.quiz().expected();
        String value = Latex.plainNumber(expected);
        // nothing in the panel points the student at δ² to read the answer off
        assertFalse(fx(() -> ui.panel().getView().lookupAll(".label").stream()
                .anyMatch(n -> ((Label) n).getText().contains("in the step view"))));
        assertTrue(text(robot, "#quizStatus").contains("δ²[0, 2] shows as ? in the workbench"),
                text(robot, "#quizStatus"));

        // the student looks for it in the step list: δ² (BP1) shows every entry but the asked one
        clickStep(robot, "δ²", "delta2");
        MatrixView result = fx(() -> window.parts().detailView().resultView());
        assertEquals(MatrixView.HIDDEN_TEXT, fx(() -> result.cellText(0, 2)));
        assertEquals(Latex.plainNumber(fx(() -> model.getAnalysis().backward().delta(2).get(0, 0))),
                fx(() -> result.cellText(0, 0)));
        assertTrue(fx(() -> robot.lookup("#stepNumbersHidden").query().isVisible()));
        assertFalse(fx(() -> shown(robot.lookup("#stepSubstituted").query())), "the formula with the numbers");

        // the check table's row of δ²[0, 2] shows neither its analytic nor its numeric value
        fx(() -> model.navigate(WorkbenchView.CHECKS));
        fx(() -> window.parts().checkTable().setFormulaFilter(Formula.BP1));
        // the student scrolls to the row of δ²[0, 2] (the table may be too short to show every BP1 row at once)
        waitUntil(() -> fx(() -> window.parts().checkTable().table().getItems().stream()
                .anyMatch(c -> c.layer() == 2 && java.util.Arrays.equals(c.index(), new int[] {0, 2}))));
        fx(() -> {
            var table = window.parts().checkTable().table();
            table.getItems().stream().filter(c -> c.layer() == 2 && java.util.Arrays.equals(c.index(), new int[] {0, 2}))
                    .findFirst().ifPresent(table::scrollTo);
        });
        waitUntil(() -> fx(() -> robot.lookup(".table-cell").queryAll().stream()
                .filter(c -> c instanceof TableCell<?, ?> t && "?".equals(t.getText())).count()) == 2);
        assertFalse(fx(() -> robot.lookup(".table-cell").queryAll().stream()
                .anyMatch(c -> c instanceof TableCell<?, ?> t && value.equals(t.getText()))));

        // two wrong tries: hints, no value; the third shows the value, and the views show it again
        answer(robot, String.valueOf(4 * expected));   // the one-sample δ: the 1/m forgotten
        String first = text(robot, "#quizFeedback");
        assertTrue(first.contains("try 1 of 3") && first.contains("factor m = 4"), first);
        assertFalse(first.contains(String.format(java.util.Locale.ROOT, "%.6g", expected)), first);
        answer(robot, String.valueOf(-expected));
        String second = text(robot, "#quizFeedback");
        assertTrue(second.contains("try 2 of 3") && second.contains("wrong sign"), second);
        assertEquals(MatrixView.HIDDEN_TEXT, fx(() -> result.cellText(0, 2)));
        answer(robot, "1");
        String third = text(robot, "#quizFeedback");
        assertTrue(third.contains("try 3 of 3") && third.contains("The answer: δ²[0, 2] = "
                + String.format(java.util.Locale.ROOT, "%.6g", expected)), third);
        fx(() -> model.navigate(WorkbenchView.STEP));
        waitUntil(() -> value.equals(fx(() -> result.cellText(0, 2))));
        assertFalse(fx(() -> robot.lookup("#quizStatus").query().isVisible()));
        assertTrue(fx(() -> robot.lookup("#quizShowAnswer").queryButton().isDisabled()));
        fx(() -> ui.session().close());
    }

    @Test
    void showAnswerRevealsTheValueAndComingBackKeepsItAnswered(FxRobot robot) {
        LessonStep step = openQuiz(1, "delta1[0,0]");
        clickStep(robot, "δ¹", "delta1");
        assertEquals(MatrixView.HIDDEN_TEXT, fx(() -> window.parts().detailView().resultView().cellText(0, 0)));
        robot.clickOn("#quizShowAnswer");
        String shown = text(robot, "#quizFeedback");
        assertTrue(shown.startsWith("The answer: δ¹[0, 0] = -0.0887235"), shown);
        waitUntil(() -> Latex.plainNumber(step.quiz().expected())
                .equals(fx(() -> window.parts().detailView().resultView().cellText(0, 0))));
        robot.clickOn("#lessonNext");
        robot.clickOn("#lessonPrevious");
        assertTrue(text(robot, "#quizFeedback").startsWith("Answered: δ¹[0, 0] = -0.0887235"),
                text(robot, "#quizFeedback"));
        assertEquals(null, fx(() -> model.hiddenEntryProperty().get()));
        fx(() -> ui.session().close());
    }

    @Test
    void closingSpotTheBugPutsTheWorkbenchBackAsItWas(FxRobot robot) {
        NetworkDocument mine = fx(model::getDocument);
        fx(() -> model.epsilonProperty().set(1e-4));
        String stepBefore = fx(() -> model.currentStepIdProperty().get());
        fx(() -> window.menu(MenuGroup.LESSONS).getItems().get(8).fire());
        fx(() -> ui.session().next());
        robot.clickOn("BP3 layer 2");
        robot.clickOn("#predictCommit");
        assertNotEquals(Mistake.NONE, fx(() -> model.mistakeProperty().get()), "committing switched the bug on");
        robot.clickOn("#lessonClose");
        assertEquals(Mistake.NONE, fx(() -> model.mistakeProperty().get()), "the lesson's last mistake is off");
        assertSame(mine, fx(model::getDocument), "the network from before the lesson is back");
        assertEquals(1e-4, fx(() -> model.epsilonProperty().get()));
        assertEquals(Notation.NOTE, fx(() -> model.notationProperty().get()));
        assertEquals(stepBefore, fx(() -> model.currentStepIdProperty().get()));
        assertFalse(fx(() -> model.dirtyProperty().get()));
    }

    @Test
    void aNetworkTheStudentChangedDuringTheLessonIsKeptWhenItEnds(FxRobot robot) {
        fx(() -> window.menu(MenuGroup.LESSONS).getItems().get(0).fire());
        fx(() -> model.edit(org.backprop.workbench.edit.Edits::addSample));
        NetworkDocument changed = fx(model::getDocument);
        robot.clickOn("#lessonClose");
        assertSame(changed, fx(model::getDocument));
    }
}
