package org.backprop.workbench.app.panels;

import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.backprop.workbench.app.TaskRunner;
import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.check.CheckResult;
import org.backprop.workbench.engine.Mistake;
import org.backprop.workbench.check.EpsilonSweep;
import org.backprop.workbench.numeric.DifferenceMethod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.backprop.workbench.app.panels.PanelFixtures.fx;
import static org.backprop.workbench.app.panels.PanelFixtures.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class EpsilonPlotPanelTest {
    private final Analysis analysis = PanelFixtures.analysis(Mistake.NONE);
    private final SimpleObjectProperty<Analysis> analysisProperty = new SimpleObjectProperty<>(analysis);
    private final SimpleObjectProperty<CheckResult> selection = new SimpleObjectProperty<>();
    private final SimpleDoubleProperty epsilon = new SimpleDoubleProperty(1e-5);
    private Stage stage;
    private TaskRunner runner;
    private EpsilonPlotPanel panel;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void showPanel() {
        runner = fx(TaskRunner::new);
        panel = fx(() -> new EpsilonPlotPanel(analysisProperty, selection, epsilon, runner));
        PanelFixtures.show(stage, panel.getView(), 1280, 800);
        waitUntil(() -> panel.sweepProperty().get() != null);
    }

    @AfterEach
    void stop() {
        fx(runner::shutdown);
    }

    @Test
    void selectingANumberSweepsItWithEveryMethod() {
        CheckResult wanted = analysis.checks().get(analysis.checks().size() - 1);
        fx(() -> selection.set(wanted));
        waitUntil(() -> panel.sweepProperty().get().target() == wanted);
        EpsilonPlotPanel.Sweep sweep = panel.sweepProperty().get();
        assertEquals(DifferenceMethod.values().length, sweep.curves().size());
        EpsilonSweep.Point best = sweep.curves().get(DifferenceMethod.CENTRAL.ordinal()).best();
        assertTrue(best.epsilon() >= 1e-7 && best.epsilon() <= 1e-3, "V bottom at " + best.epsilon());
        assertTrue(sweep.worst().label().contains("BP4 of layer 1"), sweep.worst().label());
    }

    @Test
    void theWorstCurveOfASweepNamesItsGroupInTheUsersLanguage() {
        CheckResult bp4 = analysis.checks(org.backprop.workbench.check.Formula.BP4, 1).get(0);
        int group = analysis.checks(bp4.formula(), bp4.layer()).size();
        TaskRunner.Progress quiet = new TaskRunner.Progress() {
            @Override
            public void message(String text) {
            }

            @Override
            public void advanced(long done, long total) {
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
        assertEquals("central differences, worst of the " + group + " in BP4 of layer 1",
                EpsilonPlotPanel.compute(analysis, bp4, quiet).worst().label());
        try {
            fx(() -> org.backprop.workbench.i18n.Messages.setLocale(java.util.Locale.SIMPLIFIED_CHINESE));
            assertEquals("中心差分，第 1 层的 BP4 中全部 " + group + " 个数的最大值",
                    EpsilonPlotPanel.compute(analysis, bp4, quiet).worst().label());
        } finally {
            fx(() -> org.backprop.workbench.i18n.Messages.setLocale(java.util.Locale.ENGLISH));
        }
    }

    /** The text of every label and button under {@code node}. */
    private static java.util.List<String> texts(javafx.scene.Node node) {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (node instanceof javafx.scene.control.Labeled l) {
            out.add(l.getText());
        }
        if (node instanceof javafx.scene.Parent p) {
            for (javafx.scene.Node child : p.getChildrenUnmodifiable()) {
                out.addAll(texts(child));
            }
        }
        return out;
    }

    @Test
    void aLanguageSwitchRelabelsThePanelAndItsReadout() {
        try {
            fx(() -> org.backprop.workbench.i18n.Messages.setLocale(java.util.Locale.SIMPLIFIED_CHINESE));
            java.util.List<String> texts = fx(() -> texts(panel.getView()));
            assertTrue(texts.contains("使用最佳 ε(_B)"), texts.toString());
            assertTrue(texts.stream().anyMatch(t -> t.startsWith("ε = ") && t.contains("时的相对误差")), texts.toString());
            assertTrue(texts.stream().anyMatch(t -> t.startsWith("解析值 ")), texts.toString());
            // the legend too: the complex step's "no subtraction" and the worst curve's sentence
            java.util.List<String> legend = fx(panel::legendTexts);
            assertTrue(legend.contains("complex-step O(ε²)，无减法"), legend.toString());
            assertTrue(legend.stream().anyMatch(t -> t.startsWith("central O(ε²)") && t.contains("使用中")), legend.toString());
            assertTrue(legend.stream().anyMatch(t -> t.contains("中的最大值，中心差分")), legend.toString());
            assertTrue(legend.stream().noneMatch(t -> t.contains("subtraction") || t.contains("in use")), legend.toString());
        } finally {
            fx(() -> org.backprop.workbench.i18n.Messages.setLocale(java.util.Locale.ENGLISH));
        }
        java.util.List<String> english = fx(() -> texts(panel.getView()));
        assertTrue(english.contains("Use _best ε"), english.toString());
        assertTrue(fx(panel::legendTexts).contains("complex-step O(ε²), no subtraction"), fx(panel::legendTexts).toString());
    }

    @Test
    void typingEpsilonSetsTheProperty() {
        TextField field = fx(() -> (TextField) panel.getView().lookupAll(".text-field").iterator().next());
        fx(() -> {
            field.setText("3e-7");
            field.fireEvent(new javafx.event.ActionEvent());
        });
        assertEquals(3e-7, epsilon.get(), 1e-20);
    }

    @Test
    void bestEpsilonButtonMovesEpsilonToTheBottomOfTheCentralV() {
        fx(() -> epsilon.set(1e-10));
        Button best = fx(() -> (Button) panel.getView().lookupAll(".button").stream()
                .filter(n -> ((Button) n).getText().contains("best")).findFirst().orElseThrow());
        fx(best::fire);
        double expected = panel.sweepProperty().get().curves().get(DifferenceMethod.CENTRAL.ordinal()).best().epsilon();
        assertEquals(expected, epsilon.get(), 0);
    }
}
