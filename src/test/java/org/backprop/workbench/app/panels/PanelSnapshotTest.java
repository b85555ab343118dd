package org.backprop.workbench.app.panels;

import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.backprop.workbench.app.TaskRunner;
import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.check.CheckResult;
import org.backprop.workbench.engine.Mistake;
import org.backprop.workbench.engine.Network;
import org.backprop.workbench.io.NetworkDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.backprop.workbench.app.panels.PanelFixtures.fx;
import static org.backprop.workbench.app.panels.PanelFixtures.waitUntil;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every panel renders at projector size (the PNGs land in target/panel-shots for a look). */
@ExtendWith(ApplicationExtension.class)
class PanelSnapshotTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void everyPanelRendersAtProjectorSize() throws Exception {
        TaskRunner runner = fx(TaskRunner::new);
        Analysis analysis = PanelFixtures.analysis(Mistake.BP2_NO_SIGMA_PRIME);
        SimpleObjectProperty<Analysis> analysisProperty = new SimpleObjectProperty<>(analysis);
        SimpleObjectProperty<CheckResult> selection = new SimpleObjectProperty<>();
        SimpleDoubleProperty epsilon = new SimpleDoubleProperty(1e-5);
        SimpleObjectProperty<NetworkDocument> document = new SimpleObjectProperty<>(PanelFixtures.document());
        SimpleObjectProperty<Mistake> mistake = new SimpleObjectProperty<>(Mistake.BP2_NO_SIGMA_PRIME);

        CheckTablePanel table = fx(() -> new CheckTablePanel(analysisProperty, selection));
        PanelFixtures.show(stage, table.getView(), 1280, 800);
        fx(() -> table.table().getSelectionModel().select(5));
        WritableImage checks = PanelFixtures.snapshot(table.getSnapshotTarget(), "checks");

        EpsilonPlotPanel eps = fx(() -> new EpsilonPlotPanel(analysisProperty, selection,
                epsilon, runner));
        PanelFixtures.show(stage, eps.getView(), 1280, 800);
        fx(() -> selection.set(PanelFixtures.analysis(Mistake.NONE).checks().get(12)));
        analysisProperty.set(PanelFixtures.analysis(Mistake.NONE));
        waitUntil(() -> eps.sweepProperty().get() != null
                && eps.sweepProperty().get().analysis() == analysisProperty.get() && !runner.isBusy());
        PanelFixtures.snapshot(eps.getSnapshotTarget(), "epsilon");

        SoftmaxComparisonPanel softmax = fx(() -> new SoftmaxComparisonPanel(document, runner));
        PanelFixtures.show(stage, softmax.getView(), 1280, 800);
        waitUntil(() -> softmax.scaleSweepProperty().get() != null);
        fx(() -> softmax.setLogitScale(2000));
        waitUntil(() -> softmax.resultProperty().get() != null && softmax.resultProperty().get().scale() == 2000
                && !runner.isBusy());   // computed in the background
        PanelFixtures.snapshot(softmax.getSnapshotTarget(), "softmax");

        SimpleObjectProperty<Network> applied = new SimpleObjectProperty<>();
        SimpleObjectProperty<NetworkDocument> relu = new SimpleObjectProperty<>(
                org.backprop.workbench.io.NetworkFile.load(java.nio.file.Path.of("examples",
                        "relu-2-3-2-train-then-check.json")));
        TrainingPanel training = fx(() -> new TrainingPanel(relu, mistake, epsilon, runner, applied::set));
        PanelFixtures.show(stage, training.getView(), 1280, 800);
        fx(() -> training.run(0.5, 60, false));
        waitUntil(() -> !training.runningProperty().get());
        fx(training::checkHere);
        waitUntil(() -> training.checkedProperty().get() != null);
        PanelFixtures.snapshot(training.getSnapshotTarget(), "training");

        assertTrue(checks.getWidth() >= 1280 && checks.getHeight() >= 800, "snapshot at projector size");
        fx(runner::shutdown);
    }
}
