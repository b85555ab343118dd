package org.backprop.workbench.app;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.backprop.workbench.app.panels.TaskStatusBar;
import org.backprop.workbench.i18n.Messages;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.Locale;

import static org.backprop.workbench.app.FxThread.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The shared widgets whose text moved into the bundles speak the current language, and follow a switch. */
@ExtendWith(ApplicationExtension.class)
class WidgetsInChineseTest {
    @Start
    void start(Stage stage) {
        // the toolkit only
    }

    @AfterEach
    void backToEnglish() {
        fx(() -> Messages.setLocale(Locale.ENGLISH));
    }

    private static String text(Node root, String selector) {
        return ((Label) root.lookup(selector)).getText();
    }

    @Test
    void aLargeMatrixSaysHowMuchItShowsInTheLanguage() {
        MatrixView view = fx(MatrixView::new);
        fx(() -> view.matrixProperty().set(new DMatrixRMaj(20, 15)));
        assertEquals("showing 12 of 20 rows, 12 of 15 columns", fx(() -> text(view, ".matrix-more")));
        fx(() -> Messages.setLocale(Locale.SIMPLIFIED_CHINESE));
        fx(() -> view.matrixProperty().set(new DMatrixRMaj(20, 16)));
        assertEquals("显示 20 行中的 12 行、16 列中的 12 列", fx(() -> text(view, ".matrix-more")));
    }

    @Test
    void aFormulaThatCannotBeTypesetSaysSoInTheLanguage() {
        fx(() -> Messages.setLocale(Locale.SIMPLIFIED_CHINESE));
        FormulaView view = fx(() -> FormulaView.lessonFormula("\\href{x}{y}", 20));
        String shown = fx(() -> ((Label) view.getChildren().get(0)).getText());
        assertEquals(true, shown.startsWith("无法排版："), shown);
    }

    @Test
    void theDiagramsCaptionsAndLegendFollowTheLanguage() {
        assertEquals("input · 2", NetworkDiagram.layerLabel(0, 2, 2, 2));
        assertEquals("layer 1 · 30 (12 shown)", NetworkDiagram.layerLabel(1, 2, 30, 12));
        assertEquals("edges: ∂C/∂w  ·  neurons: δ (sample x = 0)", NetworkDiagram.legend(true));
        fx(() -> Messages.setLocale(Locale.SIMPLIFIED_CHINESE));
        assertEquals("输出 · 2", NetworkDiagram.layerLabel(2, 2, 2, 2));
        assertEquals("第 1 层 · 30（显示 12 个）", NetworkDiagram.layerLabel(1, 2, 30, 12));
        assertEquals("边：w  ·  神经元：a（样本 x = 0）", NetworkDiagram.legend(false));
    }

    @Test
    void theStatusBarRelabelsOnASwitch() {
        TaskRunner runner = fx(TaskRunner::new);
        try {
            TaskStatusBar bar = fx(() -> new TaskStatusBar(runner));
            Button cancel = fx(() -> (Button) bar.getView().lookup("#cancelWork"));
            assertEquals("Cancel", fx(cancel::getText));
            assertEquals("Ready", fx(bar::text));
            fx(() -> Messages.setLocale(Locale.SIMPLIFIED_CHINESE));
            assertEquals("取消", fx(cancel::getText));
            assertEquals("停止正在运行的工作（Esc）", fx(() -> cancel.getTooltip().getText()));
            assertEquals("就绪", TaskStatusBar.ready());
        } finally {
            fx(runner::shutdown);
        }
    }
}
