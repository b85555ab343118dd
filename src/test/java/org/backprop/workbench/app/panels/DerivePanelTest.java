package org.backprop.workbench.app.panels;

import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.stage.Stage;
import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.check.CheckResult;
import org.backprop.workbench.check.Formula;
import org.backprop.workbench.derive.Derivation;
import org.backprop.workbench.derive.Source;
import org.backprop.workbench.engine.Mistake;
import org.backprop.workbench.lesson.Quantity;
import org.backprop.workbench.steps.Notation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.backprop.workbench.app.panels.PanelFixtures.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Derive panel follows the selection, typesets the lines and points at a hovered term's source. */
@ExtendWith(ApplicationExtension.class)
class DerivePanelTest {
    private final SimpleObjectProperty<Analysis> analysis =
            new SimpleObjectProperty<>(PanelFixtures.analysis(Mistake.NONE));
    private final SimpleObjectProperty<CheckResult> selection = new SimpleObjectProperty<>();
    private final SimpleObjectProperty<Notation> notation = new SimpleObjectProperty<>(Notation.NOTE);
    private Stage stage;
    private DerivePanel panel;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void showPanel() {
        panel = fx(() -> new DerivePanel(analysis, selection, notation));
        PanelFixtures.show(stage, panel.getView(), 1280, 800);
    }

    @Test
    void selectingACheckDerivesItsEntryAndTheResultIsTheCheckedValue(FxRobot robot) {
        CheckResult bp2 = analysis.get().checks().stream().filter(c -> c.formula() == Formula.BP2).findFirst()
                .orElseThrow();
        fx(() -> selection.set(bp2));
        Derivation d = fx(() -> panel.derivationProperty().get());
        assertNotNull(d);
        assertEquals("delta" + bp2.layer() + "[" + bp2.index()[0] + "," + bp2.index()[1] + "]", d.entry().id());
        assertEquals(bp2.analytic(), d.value(), 1e-12);
        assertEquals(d.lines().size(), fx(() -> robot.lookup("#deriveLines").queryAs(javafx.scene.layout.GridPane.class)
                .getChildren().size()) / 2, "a role and a formula per line");
        String verdict = fx(() -> robot.lookup("#deriveVerdict").queryLabeled().getText());
        assertTrue(verdict.endsWith("pass"), verdict);
    }

    @Test
    void hoveringATermPointsAtItsEdge(FxRobot robot) {
        fx(() -> panel.entryProperty().set(Quantity.parse("delta1[0,0]", analysis.get().network(),
                analysis.get().batch().size())));
        Node term = fx(() -> robot.lookup("#deriveTerm1").query());
        robot.moveTo(term);
        Source s = fx(() -> panel.hoveredProperty().get());
        assertEquals(Source.weight(2, 0, 1), s, "the weight w^2[0,1] of term k = 1");
        robot.moveTo(robot.lookup("#deriveTitle").queryLabeled());
        assertNull(fx(() -> panel.hoveredProperty().get()));
    }

    @Test
    void aTypedEntryIsDerivedAndABadOneExplained(FxRobot robot) {
        robot.clickOn("#deriveEntry").eraseText(20).write("z1[2,1]").type(javafx.scene.input.KeyCode.ENTER);
        assertEquals("z1[2,1]", fx(() -> panel.derivationProperty().get().entry().id()));
        assertEquals(analysis.get().forward().z(1).get(2, 1), fx(() -> panel.derivationProperty().get().value()),
                1e-12);
        robot.clickOn("#deriveEntry").eraseText(20).write("z1[9,1]").type(javafx.scene.input.KeyCode.ENTER);
        String message = fx(() -> robot.lookup("#deriveMessage").queryLabeled().getText());
        assertTrue(message.contains("out of range"), message);
    }
}
