package org.backprop.workbench.app.panels;

import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.stage.Stage;
import org.backprop.workbench.app.TaskRunner;
import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.engine.Mistake;
import org.backprop.workbench.engine.Network;
import org.backprop.workbench.io.NetworkDocument;
import org.backprop.workbench.numeric.DifferenceMethod;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.backprop.workbench.app.panels.PanelFixtures.fx;
import static org.backprop.workbench.app.panels.PanelFixtures.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class TrainingPanelTest {
    private final SimpleObjectProperty<NetworkDocument> document = new SimpleObjectProperty<>(PanelFixtures.document());
    private final SimpleObjectProperty<Mistake> mistake = new SimpleObjectProperty<>(Mistake.NONE);
    private final SimpleDoubleProperty epsilon = new SimpleDoubleProperty(1e-5);
    private final SimpleObjectProperty<DifferenceMethod> method = new SimpleObjectProperty<>(DifferenceMethod.CENTRAL);
    private final SimpleObjectProperty<Network> applied = new SimpleObjectProperty<>();
    private Stage stage;
    private TaskRunner runner;
    private TrainingPanel panel;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void showPanel() {
        runner = fx(TaskRunner::new);
        panel = fx(() -> new TrainingPanel(document, mistake, method, epsilon, runner, net -> {
            applied.set(net);
            document.set(document.get().withNetwork(net));
        }));
        PanelFixtures.show(stage, panel.getView(), 1280, 800);
    }

    @AfterEach
    void stop() {
        fx(runner::shutdown);
    }

    @Test
    void trainingReducesTheLossAndDrawsTheCurve() {
        fx(() -> panel.run(0.5, 200, false));
        waitUntil(() -> !panel.runningProperty().get());
        XYSeries loss = panel.lossSeries();
        assertEquals(200, panel.stepProperty().get());
        assertEquals(201, fx(loss::getItemCount));
        double first = fx(() -> loss.getY(0).doubleValue());
        double last = fx(() -> loss.getY(loss.getItemCount() - 1).doubleValue());
        assertTrue(last < 0.5 * first, first + " → " + last);
    }

    @Test
    void aCheckAfterTrainingCatchesTheMistakeAndAppliesBack() {
        fx(() -> panel.run(0.5, 50, false));
        waitUntil(() -> !panel.runningProperty().get());
        fx(() -> mistake.set(Mistake.FORGOT_ONE_OVER_M));
        fx(panel::checkHere);
        waitUntil(() -> panel.checkedProperty().get() != null);
        Analysis checked = panel.checkedProperty().get();
        assertSame(panel.trainedProperty().get(), checked.network());
        assertFalse(checked.failures().isEmpty());

        Network trained = panel.trainedProperty().get();
        fx(() -> ((javafx.scene.control.Button) panel.getView().lookupAll(".button").stream()
                .filter(n -> ((javafx.scene.control.Button) n).getText().contains("Apply")).findFirst().orElseThrow())
                .fire());
        assertSame(trained, applied.get());
        assertEquals(50, panel.stepProperty().get(), "applying keeps the training where it was");
    }

    @Test
    void theCheckAtAPausedStepUsesTheWorkbenchsMethodWithItsEpsilon() {
        fx(() -> panel.run(0.5, 20, false));
        waitUntil(() -> !panel.runningProperty().get());
        // the complex step's own ε: with central differences it would make every numeric derivative 0
        fx(() -> {
            method.set(DifferenceMethod.COMPLEX_STEP);
            epsilon.set(1e-20);
        });
        fx(panel::checkHere);
        waitUntil(() -> panel.checkedProperty().get() != null);
        Analysis checked = panel.checkedProperty().get();
        assertEquals(DifferenceMethod.COMPLEX_STEP, checked.method());
        assertEquals(checked.checks().size(), checked.summary().pass(), checked.summary().toString());
    }

    @Test
    void pauseStopsALongRunAndKeepsTheStepsTaken() {
        fx(() -> panel.run(0.5, 1_000_000, true));
        waitUntil(() -> panel.stepProperty().get() >= 2);
        fx(panel::pause);
        waitUntil(() -> !panel.runningProperty().get());
        int steps = panel.stepProperty().get();
        assertTrue(steps >= 2 && steps < 1_000_000, "stopped at " + steps);
        assertEquals(steps + 1, fx(() -> panel.lossSeries().getItemCount()));
    }
}
