package org.backprop.workbench.app;

import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.backprop.workbench.app.lessons.LessonPanel;
import org.backprop.workbench.app.lessons.LessonUi;
import org.backprop.workbench.derive.Entries;
import org.backprop.workbench.engine.Mistake;
import org.backprop.workbench.i18n.Messages;
import org.backprop.workbench.numeric.DifferenceMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.backprop.workbench.app.FxThread.fx;
import static org.backprop.workbench.app.FxThread.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the audit in 简体中文 found still in English, or not following a switch, in the real main window: the dialogs'
 * OK button and title (JavaFX's own, in the JVM's locale), "Ready" in the status bar, "none" in the mistake box, the
 * method list, and the derive view's verdict.
 */
@ExtendWith(ApplicationExtension.class)
class WindowInChineseTest {
    @TempDir
    static Path settings;

    @TempDir
    Path folder;

    private MainWindow window;
    private WorkbenchModel model;

    @Start
    void start(Stage stage) {
        window = TestWindow.in(settings).size(1400, 860).fitStage().show(stage);
        model = window.parts().model();
    }

    @AfterEach
    void backToEnglish() {
        fx(() -> Messages.setLocale(Locale.ENGLISH));
        fx(() -> Window.getWindows().stream().filter(w -> w.getScene().getRoot() instanceof DialogPane).toList()
                .forEach(Window::hide));
    }

    private void waitForChecks() {
        waitUntil(() -> model.getAnalysis() != null && !model.busyProperty().get()
                && !model.checkingProperty().get() && !window.parts().runner().isBusy());
    }

    private DialogPane errorDialog() {
        WaitForAsyncUtils.waitForFxEvents();
        return fx(() -> Window.getWindows().stream().map(w -> w.getScene().lookup("#errorDialog"))
                .filter(n -> n != null).map(n -> (DialogPane) n).findFirst().orElse(null));
    }

    private static String okText(DialogPane dialog) {
        return fx(() -> {
            ButtonType ok = dialog.getButtonTypes().stream()
                    .filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).findFirst().orElseThrow();
            return ((Labeled) dialog.lookupButton(ok)).getText();
        });
    }

    @Test
    void aBadFilesErrorDialogSaysOkAndItsTitleInTheLanguage() throws IOException {
        waitForChecks();
        Path bad = folder.resolve("bad.json");
        Files.writeString(bad, "{\"layers\": [2, {\"size\": 3, \"activation\": \"sigmoidd\"}], \"loss\": \"quadratic\"}");
        fx(() -> Messages.setLocale(Locale.SIMPLIFIED_CHINESE));
        assertFalse(fx(() -> window.parts().files().openFile(bad)));
        DialogPane dialog = errorDialog();
        assertNotNull(dialog, "an error dialog is shown");
        assertEquals("确定", okText(dialog));
        assertEquals("错误", fx(() -> ((Stage) dialog.getScene().getWindow()).getTitle()));
        assertTrue(fx(dialog::getContentText).contains("未知的激活函数"), fx(dialog::getContentText));
        fx(() -> dialog.getScene().getWindow().hide());

        fx(() -> Messages.setLocale(Locale.ENGLISH));
        assertFalse(fx(() -> window.parts().files().openFile(bad)));
        DialogPane english = errorDialog();
        assertEquals("OK", okText(english));
        assertEquals("Error", fx(() -> ((Stage) english.getScene().getWindow()).getTitle()));
    }

    @Test
    void aFileErrorOnScreenIsSaidAgainInTheNewLanguageAfterASwitch() throws IOException {
        waitForChecks();
        Path bad = folder.resolve("bad.json");
        Files.writeString(bad, "{\"layers\": [2, {\"size\": 3, \"activation\": \"sigmoidd\"}], \"loss\": \"quadratic\"}");
        assertFalse(fx(() -> window.parts().files().openFile(bad)));
        DialogPane dialog = errorDialog();
        assertNotNull(dialog, "an error dialog is shown");
        assertEquals("Cannot open bad.json", fx(dialog::getHeaderText));
        assertTrue(fx(dialog::getContentText).contains("unknown activation \"sigmoidd\""), fx(dialog::getContentText));
        assertTrue(fx(() -> model.messageProperty().get()).contains("unknown activation"),
                fx(() -> model.messageProperty().get()));

        fx(() -> Messages.setLocale(Locale.SIMPLIFIED_CHINESE));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("无法打开 bad.json", fx(dialog::getHeaderText));
        String content = fx(dialog::getContentText);
        assertTrue(content.contains("未知的激活函数 \"sigmoidd\"") && content.contains("bad.json"), content);
        assertEquals("确定", okText(dialog));
        assertEquals("错误", fx(() -> ((Stage) dialog.getScene().getWindow()).getTitle()));
        assertTrue(fx(() -> model.messageProperty().get()).contains("未知的激活函数"),
                fx(() -> model.messageProperty().get()));

        fx(() -> Messages.setLocale(Locale.ENGLISH));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(dialog::getContentText).contains("unknown activation \"sigmoidd\""), fx(dialog::getContentText));
        assertEquals("OK", okText(dialog));
    }

    @Test
    void aRefusedEditIsSaidInChineseAndAgainInEnglishAfterASwitch() {
        waitForChecks();
        fx(() -> Messages.setLocale(Locale.SIMPLIFIED_CHINESE));
        assertFalse(fx(() -> model.edit(d -> org.backprop.workbench.edit.Edits.resize(d, 1, 0))));
        assertEquals("这里每层有 1 到 64 个神经元，不能是 0", fx(() -> model.messageProperty().get()));
        assertTrue(fx(() -> model.messageIsErrorProperty().get()));
        fx(() -> Messages.setLocale(Locale.ENGLISH));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("a layer has 1 to 64 neurons here, not 0", fx(() -> model.messageProperty().get()));

        // a refusal the file reader words (the default network's output is softmax: quadratic is allowed, so ask for
        // cross-entropy on a sigmoid output)
        assertFalse(fx(() -> model.edit(d -> org.backprop.workbench.edit.Edits.activation(d,
                d.network().depth(), org.backprop.workbench.engine.Activation.of("sigmoid")))));
        String english = fx(() -> model.messageProperty().get());
        fx(() -> Messages.setLocale(Locale.SIMPLIFIED_CHINESE));
        WaitForAsyncUtils.waitForFxEvents();
        String chinese = fx(() -> model.messageProperty().get());
        assertFalse(chinese.equals(english), english + " / " + chinese);
        assertTrue(chinese.codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF), chinese);
    }

    @Test
    void aNumberTypedWrongInTheBuilderIsSaidAgainInTheNewLanguage() {
        waitForChecks();
        fx(() -> Messages.setLocale(Locale.SIMPLIFIED_CHINESE));
        javafx.scene.control.TextField w = fx(() -> (javafx.scene.control.TextField) window.lookup("#w1-0-0"));
        assertNotNull(w, "the builder shows w1's first cell");
        fx(() -> {
            w.setText("abc");
            w.fireEvent(new javafx.event.ActionEvent());
        });
        assertEquals("“abc”不是数：应为有限的十进制数，例如 0.25 或 -1e-3", fx(() -> model.messageProperty().get()));
        fx(() -> Messages.setLocale(Locale.ENGLISH));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("\"abc\" is not a number; expected a finite decimal such as 0.25 or -1e-3",
                fx(() -> model.messageProperty().get()));
    }

    @Test
    void theStatusBarsReadyFollowsASwitchBackAndForth() {
        waitForChecks();
        assertEquals("Ready", fx(() -> window.parts().taskStatus().text()));
        fx(() -> Messages.setLocale(Locale.SIMPLIFIED_CHINESE));
        assertEquals("就绪", fx(() -> window.parts().taskStatus().text()));
        fx(() -> Messages.setLocale(Locale.ENGLISH));
        assertEquals("Ready", fx(() -> window.parts().taskStatus().text()));
    }

    /** The text the combo box shows for its value (its button cell). */
    private static String shownValue(ComboBox<?> box) {
        return fx(() -> box.lookupAll(".list-cell").stream().filter(n -> n.getParent() == box)
                .map(n -> ((Labeled) n).getText()).findFirst().orElseThrow());
    }

    /** The texts of the open list's cells. */
    private static List<String> listTexts(ComboBox<?> box) {
        fx(box::show);
        WaitForAsyncUtils.waitForFxEvents();
        try {
            return fx(() -> Window.getWindows().stream().filter(w -> w != box.getScene().getWindow())
                    .flatMap(w -> w.getScene().getRoot().lookupAll(".list-cell").stream())
                    .map(n -> ((ListCell<?>) n).getText()).filter(t -> t != null).toList());
        } finally {
            fx(box::hide);
        }
    }

    @Test
    void theMistakeBoxSaysNoneAndTheMethodListSaysWhatEachMethodIsInTheLanguage() {
        waitForChecks();
        @SuppressWarnings("unchecked")
        ComboBox<Mistake> mistakes = fx(() -> (ComboBox<Mistake>) window.lookup("#mistakeBox"));
        @SuppressWarnings("unchecked")
        ComboBox<DifferenceMethod> methods = fx(() -> (ComboBox<DifferenceMethod>) window.lookup("#methodBox"));
        assertEquals("none", shownValue(mistakes));
        assertTrue(listTexts(methods).contains("central — central differences"), listTexts(methods).toString());

        fx(() -> Messages.setLocale(Locale.SIMPLIFIED_CHINESE));
        assertEquals("无", shownValue(mistakes));
        assertEquals("central", shownValue(methods), "the box keeps the id, as --method takes it");
        List<String> chinese = listTexts(methods);
        assertTrue(chinese.containsAll(List.of("forward —— 前向差分", "central —— 中心差分", "complex-step —— 复步法")),
                chinese.toString());

        fx(() -> mistakes.setValue(Mistake.BP2_NO_SIGMA_PRIME));
        assertEquals("bp2-no-sigma-prime", shownValue(mistakes));
        fx(() -> mistakes.setValue(Mistake.NONE));
        fx(() -> Messages.setLocale(Locale.ENGLISH));
        assertEquals("none", shownValue(mistakes));
        assertTrue(listTexts(methods).contains("richardson — Richardson extrapolation"), listTexts(methods).toString());
    }

    @Test
    void theDeriveViewsVerdictIsInTheLanguage() {
        waitForChecks();
        fx(() -> model.navigate(WorkbenchView.DERIVE));
        fx(() -> model.deriveEntryProperty().set(Entries.parse("delta1[0,2]", model.getDocument().network(),
                model.getDocument().batch().size(), null)));
        WaitForAsyncUtils.waitForFxEvents();
        Label verdict = fx(() -> (Label) window.getScene().lookup("#deriveVerdict"));
        assertNotNull(verdict, "the derive view shows a verdict");
        assertTrue(fx(verdict::getText).endsWith(" · pass"), fx(verdict::getText));
        fx(() -> Messages.setLocale(Locale.SIMPLIFIED_CHINESE));
        String chinese = fx(verdict::getText);
        assertTrue(chinese.startsWith("数值 ") && chinese.endsWith(" · 通过"), chinese);
        fx(() -> Messages.setLocale(Locale.ENGLISH));
        assertTrue(fx(verdict::getText).endsWith(" · pass"), fx(verdict::getText));
    }

    private static String text(LessonPanel panel, String id) {
        return fx(() -> ((Label) panel.getView().lookup(id)).getText());
    }

    @Test
    void aRunningLessonAndTheQuizFeedbackOnScreenFollowASwitchBackAndForth() {
        waitForChecks();
        LessonUi lessons = window.parts().lessons();
        assertTrue(fx(() -> lessons.openByName("01-one-neuron.md")), "lesson 1 starts");
        int quiz = fx(() -> lessons.session().lessonProperty().get().steps().stream()
                .filter(st -> st.quiz() != null).findFirst().orElseThrow().number());
        fx(() -> lessons.session().goTo(quiz));
        LessonPanel panel = lessons.panel();
        assertEquals("One neuron, one sample", text(panel, "#lessonTitle"));
        assertEquals("Your turn: the error of the neuron", text(panel, "#lessonStepTitle"));
        fx(() -> panel.answer("0.5"));   // wrong: δ¹ = −0.0887
        assertTrue(text(panel, "#quizFeedback").startsWith("Not quite (try 1 of 3). "), text(panel, "#quizFeedback"));

        fx(() -> Messages.setLocale(Locale.SIMPLIFIED_CHINESE));
        assertTrue(text(panel, "#quizFeedback").startsWith("不太对（第 1 次，共 3 次）。"), text(panel, "#quizFeedback"));
        assertEquals("一个神经元，一个样本", text(panel, "#lessonTitle"));
        assertEquals("轮到你了：神经元的误差", text(panel, "#lessonStepTitle"));
        assertEquals(quiz, fx(() -> lessons.session().stepProperty().get().number()), "the same step");
        assertEquals(2, fx(() -> lessons.session().attemptProperty().get().triesLeft()), "the same tries");

        fx(() -> panel.answer("-0.0887"));   // right, in Chinese
        assertTrue(text(panel, "#quizFeedback").startsWith("正确："), text(panel, "#quizFeedback"));
        fx(() -> Messages.setLocale(Locale.ENGLISH));
        assertTrue(text(panel, "#quizFeedback").startsWith("Right: "), text(panel, "#quizFeedback"));
        assertEquals("Your turn: the error of the neuron", text(panel, "#lessonStepTitle"));
        assertEquals("One neuron, one sample", text(panel, "#lessonTitle"));

        // coming back to the answered quiz after another switch says so in that language
        fx(() -> lessons.session().next());
        fx(() -> Messages.setLocale(Locale.SIMPLIFIED_CHINESE));
        fx(() -> lessons.session().previous());
        assertTrue(text(panel, "#quizFeedback").startsWith("已作答："), text(panel, "#quizFeedback"));
        fx(() -> lessons.session().close());
    }

    @Test
    void theStatusLinesLastMessageIsWrittenAgainOnASwitch() throws IOException {
        waitForChecks();
        Path net = folder.resolve("one.json");
        Files.copy(Path.of("examples/one-neuron.json"), net);
        assertTrue(fx(() -> window.parts().files().openFile(net)));
        java.util.function.Supplier<String> shown = () -> fx(() -> ((Label) window.lookup("#statusMessage")).getText());
        assertEquals("Opened one.json", shown.get());
        fx(() -> Messages.setLocale(Locale.SIMPLIFIED_CHINESE));
        assertEquals("已打开 one.json", shown.get());
        assertEquals("已打开 one.json", fx(() -> model.messageProperty().get()));
        fx(() -> Messages.setLocale(Locale.ENGLISH));
        assertEquals("Opened one.json", shown.get());
    }
}
