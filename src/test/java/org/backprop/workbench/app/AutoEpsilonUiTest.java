package org.backprop.workbench.app;

import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.backprop.workbench.check.CheckResult;
import org.backprop.workbench.numeric.Epsilon;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;

import static org.backprop.workbench.app.FxThread.fx;
import static org.backprop.workbench.app.FxThread.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "auto" typed in the tool bar's ε field: a step chosen per number, shown in the check table and on the ε plot. */
@ExtendWith(ApplicationExtension.class)
class AutoEpsilonUiTest {
    @TempDir
    static Path settings;

    private MainWindow window;
    private WorkbenchModel model;

    @Start
    void start(Stage stage) {
        model = new WorkbenchModel();
        window = new MainWindow(model, new RecentFiles(settings.resolve("recent.txt")));
        window.installTheme();
        stage.setScene(window.createScene(1400, 860));
        stage.sizeToScene();
        stage.show();
    }

    private void waitForChecks() {
        waitUntil(() -> model.getAnalysis() != null && !model.busyProperty().get()
                && !model.checkingProperty().get() && !model.getAnalysis().checks().isEmpty());
    }

    @Test
    void autoInTheEpsilonFieldChoosesAStepPerNumberAndThePlotShowsItWithItsBound(FxRobot robot) {
        waitForChecks();
        TextField eps = (TextField) window.lookup("#epsilonField");
        robot.clickOn(eps).eraseText(eps.getText().length()).write("auto").type(javafx.scene.input.KeyCode.ENTER);
        waitUntil(() -> model.getAnalysis() != null && Epsilon.isAuto(model.getAnalysis().epsilon())
                && !model.busyProperty().get() && !model.checkingProperty().get()
                && !model.getAnalysis().checks().isEmpty());
        assertFalse(fx(() -> eps.getStyleClass().contains("invalid")));
        assertEquals("auto", fx(() -> eps.getText()));
        assertEquals("ε = auto", fx(() -> model.messageProperty().get()));
        // every number has its own step and an error bound, and the default network's formulas all pass
        for (CheckResult c : model.getAnalysis().checks()) {
            assertTrue(Double.isFinite(c.step()) && c.step() > 0, c.toString());
            assertTrue(Double.isFinite(c.errorBound()), c.toString());
        }
        assertEquals(0, model.getAnalysis().summary().fail());
        fx(() -> { model.navigate(WorkbenchView.EPSILON); });
        var panel = window.epsilonPanel();
        waitUntil(() -> panel.sweepProperty().get() != null
                && Epsilon.isAuto(panel.sweepProperty().get().analysis().epsilon()));
        WaitForAsyncUtils.waitForFxEvents();
        CheckResult target = panel.sweepProperty().get().target();
        String marker = fx(panel::epsilonMarkerText);
        assertTrue(marker.startsWith("auto step ε = ") && marker.endsWith(" @ " + target.step()), marker);
        assertTrue(fx(panel::boundMarkerText).startsWith("error bound of the auto step "), fx(panel::boundMarkerText));
        assertTrue(fx(panel::readoutText).startsWith("Relative error at the auto step ε = "), fx(panel::readoutText));
    }
}
