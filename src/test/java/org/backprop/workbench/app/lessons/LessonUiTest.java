package org.backprop.workbench.app.lessons;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.backprop.workbench.app.MainWindow;
import org.backprop.workbench.app.actions.MenuGroup;
import org.backprop.workbench.app.RecentFiles;
import org.backprop.workbench.app.WorkbenchModel;
import org.backprop.workbench.engine.Mistake;
import org.backprop.workbench.io.NetworkDocument;
import org.backprop.workbench.lesson.LessonStep;
import org.backprop.workbench.steps.Notation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.backprop.workbench.app.FxThread.fx;
import static org.backprop.workbench.app.FxThread.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A student takes a lesson in the real main window, headless: menu, panel, steps, quiz, keyboard. */
@ExtendWith(ApplicationExtension.class)
class LessonUiTest {
    /** Where the lesson screenshots are written (the README's pictures are copied from here). */
    static final Path SHOTS = Path.of("target", "lesson-shots");

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
        stage.setScene(window.createScene(1260, 780));   // fits the default 1280x800 headless screen
        stage.show();
        ui = window.parts().lessons();
    }

    @Test
    void theLessonsMenuListsTheTenLessonsInOrder(FxRobot robot) {
        var items = fx(() -> window.menu(MenuGroup.LESSONS).getItems().stream().map(i -> i.getText()).toList());
        assertEquals("_1. One neuron, one sample", items.get(0));
        assertEquals("10. Notation: w_kj or w_jk", items.get(9));
        assertTrue(fx(() -> window.menuBar().getMenus().contains(window.menu(MenuGroup.LESSONS))));
    }

    @Test
    void aStudentGoesThroughLessonOneToTheEndAndAnswersTheQuiz(FxRobot robot) throws IOException {
        fx(() -> window.menu(MenuGroup.LESSONS).getItems().get(0).fire());
        assertSame(ui.panel().getView(), fx(window::getRight));
        assertEquals("One neuron, one sample", text(robot, "#lessonTitle"));
        assertEquals("Lesson step 1 of 9", text(robot, "#lessonProgress"));
        waitUntil(() -> "z1".equals(model.currentStepIdProperty().get()) && model.getDocument().network().depth() == 1);
        assertEquals("The smallest network", text(robot, "#lessonStepTitle"));
        assertTrue(fx(() -> ui.panel().prose().formulas().size()) >= 3, "the formulas of step 1 are typeset");
        snapshot("lesson-01-step-1");

        // Next with the button, then with the keyboard
        robot.clickOn("#lessonNext");
        assertEquals("Lesson step 2 of 9", text(robot, "#lessonProgress"));
        assertEquals("a1", fx(() -> model.currentStepIdProperty().get()));
        robot.press(KeyCode.ALT, KeyCode.RIGHT).release(KeyCode.RIGHT, KeyCode.ALT);
        assertEquals("Lesson step 3 of 9", text(robot, "#lessonProgress"));
        robot.press(KeyCode.ALT, KeyCode.LEFT).release(KeyCode.LEFT, KeyCode.ALT);
        assertEquals("Lesson step 2 of 9", text(robot, "#lessonProgress"));
        fx(() -> ui.session().next());
        fx(() -> ui.session().next());
        fx(() -> ui.session().next());

        // step 5 asks for δ^1: a wrong answer is explained, the right one accepted
        assertEquals("Lesson step 5 of 9", text(robot, "#lessonProgress"));
        assertTrue(fx(() -> robot.lookup("#lessonQuiz").query().isVisible()));
        robot.clickOn("#quizAnswer").write("-0.3775").type(KeyCode.ENTER);
        String wrong = text(robot, "#quizFeedback");
        assertTrue(wrong.startsWith("Not quite (try 1 of 3)."), wrong);
        assertFalse(wrong.contains("-0.0887"), "a wrong try does not give the value away: " + wrong);
        assertTrue(wrong.contains("BP1 without σ'(zᴸ)"), wrong);
        snapshot("lesson-01-quiz-wrong");
        fx(() -> ui.panel().quizAnswer().clear());
        robot.clickOn("#quizAnswer").write("-0.0887");
        robot.clickOn("#quizCheck");
        assertTrue(text(robot, "#quizFeedback").startsWith("Right: δ¹[0, 0] = -0.0887235"), text(robot, "#quizFeedback"));

        // step 8 switches a mistake on and shows the checks
        fx(() -> ui.session().next());
        fx(() -> ui.session().next());
        fx(() -> ui.session().next());
        assertEquals("Lesson step 8 of 9", text(robot, "#lessonProgress"));
        assertEquals(Mistake.BP1_NO_SIGMA_PRIME, fx(() -> model.mistakeProperty().get()));
        assertEquals("checksTab", fx(() -> window.tabs().getSelectionModel().getSelectedItem().getId()));
        snapshot("lesson-01-mistake");

        // the student explores freely (no mistake, another ε), then Next puts the lesson's state back
        fx(() -> model.mistakeProperty().set(Mistake.NONE));
        fx(() -> model.epsilonProperty().set(1e-3));
        robot.clickOn("#lessonNext");
        assertEquals("Lesson step 9 of 9: the last one", text(robot, "#lessonProgress"));
        assertEquals(Mistake.NONE, fx(() -> model.mistakeProperty().get()));
        assertEquals(1e-5, fx(() -> model.epsilonProperty().get()));
        assertEquals("gradW1", fx(() -> model.currentStepIdProperty().get()));
        assertTrue(fx(() -> robot.lookup("#lessonNext").queryButton().isDisabled()), "Next is off at the end");
        assertFalse(fx(() -> ui.session().next()));

        // Restart goes back to step 1, Close ends the lesson and hides the panel
        robot.press(KeyCode.ALT, KeyCode.HOME).release(KeyCode.HOME, KeyCode.ALT);
        assertEquals("Lesson step 1 of 9", text(robot, "#lessonProgress"));
        robot.clickOn("#lessonClose");
        assertNull(fx(window::getRight));
        assertFalse(fx(() -> ui.session().isActive()));
    }

    @Test
    void everyLessonCanBeOpenedFromTheMenuAndTakenToItsLastStep(FxRobot robot) {
        int lessons = fx(() -> (int) window.menu(MenuGroup.LESSONS).getItems().stream().filter(i -> i.getId() != null
                && i.getId().startsWith("lesson-")).count());
        assertEquals(11, lessons);
        for (int i = 0; i < lessons; i++) {
            int k = i;
            fx(() -> window.menu(MenuGroup.LESSONS).getItems().get(k).fire());
            int size = fx(() -> ui.session().lessonProperty().get().size());
            assertTrue(fx(() -> ui.session().goTo(size)));
            LessonStep last = fx(() -> ui.session().stepProperty().get());
            assertEquals(size, last.number());
            assertSame(last.document(), fx(model::getDocument));
            assertEquals(last.mistake(), fx(() -> model.mistakeProperty().get()));
            assertEquals(last.notation(), fx(() -> model.notationProperty().get()));
            assertEquals("Lesson step " + size + " of " + size + ": the last one", text(robot, "#lessonProgress"));
        }
        fx(() -> ui.session().close());
    }

    @Test
    void aPredictionsChoicesAndFeedbackFollowTheLanguage(FxRobot robot) {
        fx(() -> window.menu(MenuGroup.LESSONS).getItems().get(8).fire());
        fx(() -> ui.session().next());
        robot.clickOn("BP1 layer 2");
        robot.clickOn("#predictCommit");
        try {
            fx(() -> org.backprop.workbench.i18n.Messages.setLocale(java.util.Locale.SIMPLIFIED_CHINESE));
            assertEquals("这次没答对：你选的是 BP1（第 2 层），但最先失败的检验是 BP3（第 2 层）。下一步会显示这些检验。",
                    text(robot, "#predictFeedback"));
            robot.clickOn("BP3（第 2 层）");
            robot.clickOn("#predictCommit");
            assertEquals("答对了：最先失败的检验是 BP3（第 2 层）。", text(robot, "#predictFeedback"));
            assertTrue(fx(() -> robot.lookup("都不失败").tryQuery().isPresent()), "the choice none, in 简体中文");
        } finally {
            fx(() -> org.backprop.workbench.i18n.Messages.setLocale(java.util.Locale.ENGLISH));
        }
        assertEquals("Right: BP3 layer 2 is the first check to fail.", text(robot, "#predictFeedback"));
        fx(() -> ui.session().close());
    }

    @Test
    void lessonNineAsksForAPredictionAndTenSwitchesTheNotation(FxRobot robot) throws IOException {
        fx(() -> window.menu(MenuGroup.LESSONS).getItems().get(8).fire());
        fx(() -> ui.session().next());
        assertTrue(fx(() -> robot.lookup("#lessonPredict").query().isVisible()));
        robot.clickOn("BP1 layer 2");
        robot.clickOn("#predictCommit");
        assertTrue(text(robot, "#predictFeedback").startsWith("Not this time: you said BP1 layer 2, but the first "
                + "check to fail is BP3 layer 2."), text(robot, "#predictFeedback"));
        robot.clickOn("BP3 layer 2");
        robot.clickOn("#predictCommit");
        assertTrue(text(robot, "#predictFeedback").startsWith("Right"));
        snapshot("lesson-09-predict");

        fx(() -> window.menu(MenuGroup.LESSONS).getItems().get(9).fire());
        fx(() -> ui.session().next());
        assertEquals(Notation.NIELSEN, fx(() -> model.notationProperty().get()));
        waitUntil(() -> model.getAnalysis() != null && !model.getAnalysis().checks().isEmpty()
                && model.getAnalysis().network() == model.getDocument().network());
        waitUntil(() -> model.selectedCheckProperty().get() != null);
        assertEquals("[0, 2]", java.util.Arrays.toString(fx(() -> model.selectedCheckProperty().get().index())),
                "the highlighted weight w1[0,2] is selected through its gradient's check");
        fx(() -> ui.session().close());
    }

    @Test
    void aBrokenLessonIsRefusedInADialogAndTheWorkStays(FxRobot robot, @TempDir Path dir) throws IOException {
        NetworkDocument before = fx(model::getDocument);
        Path bad = dir.resolve("typo.md");
        Files.writeString(bad, Files.readString(Path.of("lessons/01-one-neuron.md"))
                .replace("@view checks", "@veiw checks"));
        assertFalse(fx(() -> ui.open(bad)));
        waitUntil(() -> robot.lookup("#lessonErrorDialog").tryQuery().isPresent());
        String shown = fx(() -> robot.lookup("#lessonErrorDialog .text-area").queryTextInputControl().getText());
        assertTrue(shown.matches("(?s).*typo\\.md:\\d+: unknown directive @veiw \\(did you mean \"view\"\\?\\).*"),
                shown);
        fx(() -> Window.getWindows().stream().filter(w -> w != window.getScene().getWindow())
                .toList().forEach(w -> ((Stage) w).close()));
        assertSame(before, fx(model::getDocument));
        assertFalse(fx(() -> ui.session().isActive()));
    }

    @Test
    void engineSymbolsAreShownAsAReaderExpectsThem() {
        assertEquals("δ¹[0, 0] and ∂C/∂w²[1, 0], zᴸ, ∇ₐC", LessonPanel.pretty("δ^1[0, 0] and ∂C/∂w^2[1, 0], z^L, ∇_a C"));
    }

    @Test
    void atTheLargestZoomTheLessonButtonsWrapInsteadOfBeingElided(FxRobot robot) {
        fx(() -> window.menu(MenuGroup.LESSONS).getItems().get(0).fire());
        fx(() -> model.zoomProperty().set(WorkbenchModel.MAX_ZOOM));
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : List.of("#lessonPrevious", "#lessonNext", "#lessonRestart", "#lessonClose")) {
            javafx.scene.control.Button button = robot.lookup(id).queryAs(javafx.scene.control.Button.class);
            String shown = fx(() -> ((javafx.scene.text.Text) button.lookup(".text")).getText());
            assertEquals(fx(button::getText), shown, id + " is shown whole");
        }
    }

    @Test
    void aLongProblemGetsEnoughRowsToBeReadWithoutScrolling() {
        String one = "/tmp/bl/c.md:24: unknown directive @stpe (did you mean \"step\"?); the directives are "
                + "@network, @step, @highlight, @mistake, @epsilon, @method, @notation, @view, @expect, @quiz, @predict";
        assertEquals(3 + 1, LessonUi.problemRows(one), "three wrapped lines and a spare one");
        assertEquals(LessonUi.MAX_PROBLEM_ROWS, LessonUi.problemRows((one + "\n").repeat(20)), "then it scrolls");
    }

    private static String text(FxRobot robot, String query) {
        return fx(() -> robot.lookup(query).queryAs(Label.class).getText());
    }

    private void snapshot(String name) throws IOException {
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> !model.busyProperty().get());
        Files.createDirectories(SHOTS);
        var image = fx(() -> window.getScene().getRoot().snapshot(null, null));
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", SHOTS.resolve(name + ".png").toFile());
    }

}
