package org.backprop.workbench.app;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import org.backprop.workbench.app.lessons.LessonPanel;
import org.backprop.workbench.app.lessons.LessonSession;
import org.backprop.workbench.app.panels.CheckTablePanel;
import org.backprop.workbench.app.panels.TaskStatusBar;
import org.backprop.workbench.app.panels.TrainingPanel;
import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.check.CheckResult;
import org.backprop.workbench.check.GradientCheck;
import org.backprop.workbench.engine.Backprop;
import org.backprop.workbench.engine.Mistake;
import org.backprop.workbench.io.NetworkDocument;
import org.backprop.workbench.lesson.Lessons;
import org.backprop.workbench.numeric.DifferenceMethod;
import org.backprop.workbench.i18n.Messages;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.backprop.workbench.app.FxThread.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** Every text a user sees in a view: labels, buttons, prompts, tooltips and table headers. */
    static List<String> texts(Node node) {
        List<String> out = new ArrayList<>();
        collect(node, out);
        return out;
    }

    private static void collect(Node node, List<String> out) {
        if (node instanceof Labeled l && l.getText() != null) {
            out.add(l.getText());
        }
        if (node instanceof TextInputControl t && t.getPromptText() != null) {
            out.add(t.getPromptText());
        }
        if (node instanceof Control c) {
            hover(c);
            if (c.getTooltip() != null) {
                out.add(c.getTooltip().getText());
            }
        }
        if (node instanceof TableView<?> t) {
            t.getColumns().forEach(c -> out.add(c.getText()));
        }
        if (node instanceof javafx.scene.control.ScrollPane s && s.getContent() != null) {
            collect(s.getContent(), out);
        }
        if (node instanceof javafx.scene.control.SplitPane s) {
            s.getItems().forEach(i -> collect(i, out));
        }
        if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(c -> collect(c, out));
        }
    }

    /** The mouse enters the control: a tooltip given on the first hover (the builder's) is there after it. */
    private static void hover(Control c) {
        javafx.event.Event.fireEvent(c, new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_ENTERED,
                0, 0, 0, 0, javafx.scene.input.MouseButton.NONE, 0, false, false, false, false, false, false, false,
                false, false, false, null));
    }

    private static void assertShows(List<String> texts, String expected) {
        assertTrue(texts.contains(expected), "\"" + expected + "\" not in " + texts);
    }

    private static void assertShowsStart(List<String> texts, String start) {
        assertTrue(texts.stream().anyMatch(t -> t.startsWith(start)), "no text starts with \"" + start + "\": " + texts);
    }

    private static Analysis analysis(Mistake mistake) {
        NetworkDocument doc = DefaultNetwork.load();
        return GradientCheck.analyse(doc.network(), doc.batch(), new Backprop(mistake), 1e-5);
    }

    @Test
    void theCheckTableRelabelsItsControlsHeadersAndSummaryOnASwitch() {
        CheckTablePanel panel = fx(() -> new CheckTablePanel(
                new SimpleObjectProperty<>(analysis(Mistake.BP2_NO_SIGMA_PRIME)), new SimpleObjectProperty<>()));
        List<String> english = fx(() -> texts(panel.getView()));
        assertShows(english, "Failures only");
        assertShows(english, "Relative error");
        assertShows(english, "Verdict");
        assertShowsStart(english, "worst relative error ");
        assertTrue(english.stream().anyMatch(t -> t.matches("\\d+ fail")), english.toString());
        fx(() -> Messages.setLocale(Locale.SIMPLIFIED_CHINESE));
        List<String> chinese = fx(() -> texts(panel.getView()));
        assertShows(chinese, "只看失败");
        assertShows(chinese, "清除筛选");
        assertShows(chinese, "相对误差");
        assertShows(chinese, "解析值（反向传播）");
        assertShows(chinese, "筛选文本（Ctrl+F）");
        assertShowsStart(chinese, "在 ε = 1e-5 下检验了 ");
        assertShowsStart(chinese, "最大相对误差 ");
        assertTrue(chinese.stream().anyMatch(t -> t.matches("失败 \\d+")), chinese.toString());
        // the text filter finds the Chinese verdict too
        fx(() -> panel.setTextFilter("失败"));
        List<CheckResult> failing = fx(() -> List.copyOf(panel.shownRows()));
        assertTrue(!failing.isEmpty() && failing.stream().allMatch(c -> c.verdict() == org.backprop.workbench.check.Verdict.FAIL),
                failing.toString());
        fx(() -> panel.setTextFilter(""));
        fx(() -> Messages.setLocale(Locale.ENGLISH));
        List<String> back = fx(() -> texts(panel.getView()));
        assertShows(back, "Failures only");
        assertShows(back, "Analytic (backprop)");
        assertTrue(back.stream().noneMatch(t -> t.startsWith("在 ε")), back.toString());
    }

    @Test
    void theTrainingViewRelabelsOnASwitch() {
        TaskRunner runner = fx(TaskRunner::new);
        try {
            TrainingPanel panel = fx(() -> new TrainingPanel(new SimpleObjectProperty<>(DefaultNetwork.load()),
                    new SimpleObjectProperty<>(Mistake.NONE), new SimpleObjectProperty<>(DifferenceMethod.CENTRAL),
                    new SimpleDoubleProperty(1e-5), runner, net -> { }));
            List<String> english = fx(() -> texts(panel.getView()));
            assertShows(english, "Train a little: gradient descent, then check again");
            assertShows(english, "Chec_k here");
            assertShowsStart(english, "step 0   C = ");
            assertShows(english, "Pause, then Check here to check the gradients of the trained network.");
            fx(() -> Messages.setLocale(Locale.SIMPLIFIED_CHINESE));
            List<String> chinese = fx(() -> texts(panel.getView()));
            assertShows(chinese, "训练几步：先做梯度下降，再检验一次");
            assertShows(chinese, "在此检验(_K)");
            assertShows(chinese, "学习率 η(_L)");
            assertShowsStart(chinese, "第 0 步   C = ");
            assertShows(chinese, "只看失败");
            fx(() -> Messages.setLocale(Locale.ENGLISH));
            assertShows(fx(() -> texts(panel.getView())), "_Run");
        } finally {
            fx(runner::shutdown);
        }
    }

    @Test
    void theLessonPanelRelabelsItsButtonsAndProgressOnASwitch() throws Exception {
        WorkbenchModel model = fx(() -> new WorkbenchModel());
        LessonSession session = fx(() -> new LessonSession(model, view -> { }));
        LessonPanel panel = fx(() -> new LessonPanel(session, model.analysisProperty(), model.zoomProperty(),
                model.darkThemeProperty()));
        var lesson = Lessons.load(Path.of("lessons/04-batches.md"));
        fx(() -> session.start(lesson));
        List<String> english = fx(() -> texts(panel.getView()));
        assertShows(english, "Next ▶");
        assertShowsStart(english, "Lesson step 1 of ");
        fx(() -> Messages.setLocale(Locale.SIMPLIFIED_CHINESE));
        List<String> chinese = fx(() -> texts(panel.getView()));
        assertShows(chinese, "下一步 ▶");
        assertShows(chinese, "◀ 上一步");
        assertShowsStart(chinese, "课程第 1 步，共 ");
        fx(() -> Messages.setLocale(Locale.ENGLISH));
        assertShowsStart(fx(() -> texts(panel.getView())), "Lesson step 1 of ");
    }

    @Test
    void theBuilderRebuildsItselfInTheNewLanguage() {
        WorkbenchModel model = fx(() -> new WorkbenchModel());
        BuilderPanel builder = fx(() -> new BuilderPanel(model));
        List<String> english = fx(() -> texts(builder));
        assertShows(english, "NETWORK");
        assertShows(english, "Hidden 1");
        assertShows(english, "+ Hidden layer");
        assertShowsStart(english, "SAMPLES (m = ");
        fx(() -> Messages.setLocale(Locale.SIMPLIFIED_CHINESE));
        List<String> chinese = fx(() -> texts(builder));
        assertShows(chinese, "网络");
        assertShows(chinese, "隐藏层 1");
        assertShows(chinese, "输出层");
        assertShows(chinese, "+ 隐藏层");
        assertShows(chinese, "重新初始化");
        assertShowsStart(chinese, "样本（m = ");
        assertShows(chinese, "删除隐藏层 1");
        assertShows(chinese, "隐藏层 1 的激活函数 σ");
        fx(() -> Messages.setLocale(Locale.ENGLISH));
        assertShows(fx(() -> texts(builder)), "Re-initialise");
    }

    @Test
    void theStepDetailSaysItsCaptionsAndVerdictInTheNewLanguage() {
        WorkbenchModel model = fx(() -> new WorkbenchModel());
        FxThread.waitUntil(() -> model.getAnalysis() != null && !model.checkingProperty().get()
                && !model.getAnalysis().checks().isEmpty());
        String backward = fx(() -> model.stepsProperty().get().stream()
                .filter(st -> st.phase() == org.backprop.workbench.steps.Phase.BACKWARD && st.formula().isPresent())
                .findFirst().orElseThrow().id());
        fx(() -> model.currentStepIdProperty().set(backward));
        StepDetailView detail = fx(() -> new StepDetailView(model.analysisProperty(), model.currentStepProperty(),
                model.notationProperty(), model.selectedCheckProperty(), model.zoomProperty(),
                model.darkThemeProperty(), model.checkingProperty()));
        List<String> english = fx(() -> texts(detail));
        assertShows(english, "FORMULA");
        assertShows(english, "backward");
        assertShows(english, "Operands");
        assertShowsStart(english, "Batch form, m = ");
        assertTrue(english.stream().anyMatch(t -> t.contains(" PASS — ")
                && t.contains("checked against central differences")), english.toString());
        fx(() -> Messages.setLocale(Locale.SIMPLIFIED_CHINESE));
        List<String> chinese = fx(() -> texts(detail));
        assertShows(chinese, "公式");
        assertShows(chinese, "结果");
        assertShows(chinese, "反向");
        assertShows(chinese, "运算对象");
        assertShowsStart(chinese, "批量形式，m = ");
        assertTrue(chinese.stream().anyMatch(t -> t.contains(" 通过 — 第 ") && t.contains("用中心差分检验了 ")
                && t.contains("最大相对误差")), chinese.toString());
        fx(() -> Messages.setLocale(Locale.ENGLISH));
        assertShows(fx(() -> texts(detail)), "WITH THE NUMBERS");
    }

    @Test
    void theTabTitlesAndTheWorstCurveFollowTheLanguage() {
        assertEquals("Checks", WorkbenchView.CHECKS.title());
        Analysis a = analysis(Mistake.NONE);
        CheckResult bp4 = a.checks().stream().filter(c -> c.formula() == org.backprop.workbench.check.Formula.BP4)
                .findFirst().orElseThrow();
        int group = a.checks(bp4.formula(), bp4.layer()).size();
        assertEquals("worst of the " + group + " in BP4 of layer " + bp4.layer() + ", central differences",
                org.backprop.workbench.app.panels.EpsilonPlotPanel.worstLegend(a, bp4));
        fx(() -> Messages.setLocale(Locale.SIMPLIFIED_CHINESE));
        assertEquals("检验", WorkbenchView.CHECKS.title());
        assertEquals("推导", WorkbenchView.DERIVE.title());
        assertEquals("第 " + bp4.layer() + " 层全部 " + group + " 个 BP4 数中的最大值，中心差分",
                org.backprop.workbench.app.panels.EpsilonPlotPanel.worstLegend(a, bp4));
    }

    @Test
    void countsAndPluralsFollowTheLanguage() {
        assertEquals("37 checks: 35 pass, 2 fail", Messages.get(Locale.ENGLISH, "statusLine.checks", 37, 35, 0, 2, 0));
        assertEquals("1 check: 1 pass", Messages.get(Locale.ENGLISH, "statusLine.checks", 1, 1, 0, 0, 0));
        assertEquals("111,002 checks: 111,000 pass, 1 warn, 1 kink",
                Messages.get(Locale.ENGLISH, "statusLine.checks", 111_002, 111_000, 1, 0, 1));
        assertEquals("检验 37 个：通过 35，失败 2",
                Messages.get(Locale.SIMPLIFIED_CHINESE, "statusLine.checks", 37, 35, 0, 2, 0));
        assertEquals("Training 1 step, η = 0.5", Messages.get(Locale.ENGLISH, "training.task", 1, "0.5"));
        assertEquals("Training 1,000 steps, η = 0.5", Messages.get(Locale.ENGLISH, "training.task", 1000, "0.5"));
        assertEquals("训练 1,000 步，η = 0.5", Messages.get(Locale.SIMPLIFIED_CHINESE, "training.task", 1000, "0.5"));
        assertEquals("This lesson cannot be used (1 problem)", Messages.get(Locale.ENGLISH, "lessons.cannotUse", 1));
        assertEquals("这个课程无法使用（3 个问题）", Messages.get(Locale.SIMPLIFIED_CHINESE, "lessons.cannotUse", 3));
        assertEquals("Hidden 2", Messages.get(Locale.ENGLISH, "builder.layer", 2, 1));
        assertEquals("隐藏层 2 的激活函数 σ", Messages.get(Locale.SIMPLIFIED_CHINESE, "builder.activationTip", 2, 1));
        assertEquals("输出层的激活函数 σ", Messages.get(Locale.SIMPLIFIED_CHINESE, "builder.activationTip", 2, 2));
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
            assertEquals("就绪", fx(bar::text), "the idle bar says it in the new language");
        } finally {
            fx(runner::shutdown);
        }
    }
}
