package org.backprop.workbench.app;

import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.check.Verdict;
import org.backprop.workbench.engine.Activation;
import org.backprop.workbench.engine.Loss;
import org.backprop.workbench.engine.Mistake;
import org.backprop.workbench.io.NetworkDocument;
import org.backprop.workbench.steps.Latex;
import org.backprop.workbench.steps.Notation;
import org.backprop.workbench.steps.Steps;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.backprop.workbench.app.FxThread.fx;
import static org.backprop.workbench.app.FxThread.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives the real main window headless, as a user would, and compares what it shows with the engine. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
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

    private void waitForChecks() {
        waitUntil(() -> model.getAnalysis() != null && !model.busyProperty().get()
                && !model.checkingProperty().get());
    }

    private String shownCell(int row, int column) {
        return fx(() -> window.parts().detailView().resultView().cellText(row, column));
    }

    @Test
    void opensOnTheDefaultNetworkShowingBp1AndItsCheck() {
        waitForChecks();
        assertEquals("delta2", fx(() -> model.getCurrentStep().id()));
        String verdict = fx(() -> ((javafx.scene.control.Label) window.lookup("#stepVerdict")).getText());
        assertTrue(verdict.contains("PASS") && verdict.contains("BP1"), verdict);
    }

    @Test
    void arrowKeysStepThroughAndTheShownNumbersAreTheEngines(FxRobot robot) {
        waitForChecks();
        fx(() -> window.parts().stepList().requestFocus());
        robot.type(KeyCode.RIGHT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("delta1", fx(() -> model.getCurrentStep().id()));
        DMatrixRMaj delta1 = model.getAnalysis().backward().delta(1);
        assertEquals(Latex.plainNumber(delta1.get(2, 3)), shownCell(2, 3));
        robot.type(KeyCode.PAGE_DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("gradB2", fx(() -> model.getCurrentStep().id()));
        robot.type(KeyCode.LEFT, 3);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("gradA", fx(() -> model.getCurrentStep().id()));
        DMatrixRMaj gradA = model.getAnalysis().backward().gradA();
        assertEquals(Latex.plainNumber(gradA.get(1, 1)), shownCell(1, 1));
    }

    @Test
    void aNetworkBuiltThroughTheControlsIsRecomputedAtOnce(FxRobot robot) {
        waitForChecks();
        robot.clickOn("#addLayer");
        waitForChecks();
        assertEquals(3, model.getDocument().network().depth());
        @SuppressWarnings("unchecked")
        ComboBox<Activation> act = (ComboBox<Activation>) robot.lookup("#activation2").query();
        fx(() -> act.setValue(Activation.RELU));
        fx(() -> ((javafx.scene.control.Button) window.lookup("#addSample")).fire());   // below the fold of the builder
        waitForChecks();
        javafx.scene.control.TextField w = (javafx.scene.control.TextField) window.lookup("#w1-0-0");
        fx(() -> {
            w.requestFocus();
            w.setText("0.5");
        });
        robot.type(KeyCode.ENTER);
        waitForChecks();
        NetworkDocument doc = model.getDocument();
        assertEquals(Activation.RELU, doc.network().activation(2));
        assertEquals(5, doc.batch().size());
        assertEquals(0.5, doc.network().w(1).get(0, 0), 0.0);
        Analysis an = model.getAnalysis();
        assertSame(doc.network(), an.network());
        assertEquals(Steps.of(doc.network()).size(), fx(() -> window.parts().stepList().getItems().size()));
        assertEquals(5, an.forward().z(1).numCols);
    }

    @Test
    void aLossThatDoesNotFitTheOutputIsRefusedWithTheEnginesMessage() {
        waitForChecks();
        NetworkDocument before = model.getDocument();
        @SuppressWarnings("unchecked")
        ComboBox<Loss> loss = (ComboBox<Loss>) window.lookup("#loss");
        fx(() -> loss.setValue(Loss.BINARY_CROSS_ENTROPY));
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(before, model.getDocument());
        String message = fx(() -> model.messageProperty().get());
        assertTrue(message.contains("sigmoid"), message);
        @SuppressWarnings("unchecked")
        ComboBox<Loss> shown = (ComboBox<Loss>) window.lookup("#loss");
        assertEquals(Loss.CROSS_ENTROPY, fx(shown::getValue), "the builder shows the loss that is still in use");
    }

    @Test
    void aDeliberateMistakeMarksTheStepsWhoseChecksFail() {
        waitForChecks();
        @SuppressWarnings("unchecked")
        ComboBox<Mistake> box = (ComboBox<Mistake>) window.lookup("#mistakeBox");
        fx(() -> box.setValue(Mistake.BP2_NO_SIGMA_PRIME));
        waitUntil(() -> model.getAnalysis().mistake() == Mistake.BP2_NO_SIGMA_PRIME && !model.busyProperty().get());
        var steps = model.stepsProperty().get();
        StepListView list = window.parts().stepList();
        assertEquals(Verdict.PASS, fx(() -> list.verdictOf(Steps.find(model.getDocument().network(), "delta2")
                .orElseThrow()).orElseThrow()));
        assertEquals(Verdict.FAIL, fx(() -> list.verdictOf(steps.get(steps.size() - 5)).orElseThrow()));
        fx(() -> model.currentStepIdProperty().set("delta1"));
        assertTrue(fx(() -> window.parts().detailView().getDetail().mistaken()));
        String verdict = fx(() -> ((javafx.scene.control.Label) window.lookup("#stepVerdict")).getText());
        assertTrue(verdict.startsWith("✗  FAIL"), verdict);
    }

    @Test
    void theNotationToggleTransposesTheShownWeightGradient(FxRobot robot) {
        waitForChecks();
        fx(() -> model.currentStepIdProperty().set("gradW1"));
        DMatrixRMaj g = model.getAnalysis().backward().gradW(1);   // 2 x 3, rows = inputs
        assertEquals(Latex.plainNumber(g.get(1, 2)), shownCell(1, 2));
        fx(() -> window.parts().stepList().requestFocus());
        robot.press(KeyCode.CONTROL).type(KeyCode.T).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Notation.NIELSEN, model.notationProperty().get());
        assertEquals(Latex.plainNumber(g.get(1, 2)), shownCell(2, 1));
        assertEquals(null, shownCell(1, 2) == null ? null : shownCell(0, 2));   // 3 x 2 now: no column 2
        String note = fx(() -> ((javafx.scene.control.Label) window.lookup("#notationNote")).getText());
        assertTrue(note.contains("rows = outputs"), note);
    }

    @Test
    void zoomScalesTextAndFormulas(FxRobot robot) {
        waitForChecks();
        FormulaView formula = (FormulaView) window.lookup("#stepFormula");
        double before = fx(() -> formula.prefWidth(-1));
        fx(() -> window.parts().stepList().requestFocus());
        robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).type(KeyCode.EQUALS).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(WorkbenchModel.ZOOM_STEP * WorkbenchModel.ZOOM_STEP, model.zoomProperty().get(), 1e-9);
        assertTrue(fx(() -> formula.prefWidth(-1)) > before * 1.15);
        String size = String.format(java.util.Locale.ROOT, "-fx-font-size: %.2fpx",
                WorkbenchModel.BASE_FONT * WorkbenchModel.ZOOM_STEP * WorkbenchModel.ZOOM_STEP);
        assertTrue(fx(window::getStyle).contains(size), fx(window::getStyle));
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.0, model.zoomProperty().get(), 0.0);
    }

    @Test
    void aSavedNetworkReopensWithItsEditsAndJoinsTheRecentFiles() {
        waitForChecks();
        fx(() -> model.edit(d -> org.backprop.workbench.edit.Edits.weight(d, 2, 1, 0, -0.75)));
        assertTrue(model.dirtyProperty().get());
        Path file = folder.resolve("mine.json");
        assertTrue(fx(() -> window.parts().files().saveTo(file)));
        assertFalse(model.dirtyProperty().get());
        fx(() -> model.open(DefaultNetwork.load(), null));
        assertEquals(-0.50, model.getDocument().network().w(2).get(1, 0), 0.0);
        assertTrue(fx(() -> window.parts().files().openFile(file)));
        assertEquals(-0.75, model.getDocument().network().w(2).get(1, 0), 0.0);
        assertEquals(file, model.fileProperty().get());
        assertEquals(file.toAbsolutePath().normalize(), new RecentFiles(settings.resolve("recent.txt")).list().get(0));
    }

    @Test
    void aBadFileShowsTheEnginesMessageAndKeepsTheNetwork() throws IOException {
        waitForChecks();
        NetworkDocument before = model.getDocument();
        Path bad = folder.resolve("bad.json");
        Files.writeString(bad, "{\"layers\": [2, {\"size\": 3, \"activation\": \"sigmoid\"}], \"loss\": \"nope\"}");
        assertFalse(fx(() -> window.parts().files().openFile(bad)));
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane dialog = fx(() -> Window.getWindows().stream()
                .map(w -> w.getScene().lookup("#errorDialog")).filter(n -> n != null)
                .map(n -> (DialogPane) n).findFirst().orElse(null));
        assertNotNull(dialog, "an error dialog is shown");
        assertTrue(dialog.getContentText().contains("bad.json"), dialog.getContentText());
        assertSame(before, model.getDocument());
        fx(() -> dialog.getScene().getWindow().hide());
    }

    @Test
    void theCurrentStepExportsAsPngAndTheChecksAsMarkdown() throws IOException {
        waitForChecks();
        Path png = folder.resolve("step.png");
        Path md = folder.resolve("checks.md");
        assertTrue(fx(() -> window.parts().files().exportStep(png)));
        assertTrue(fx(() -> window.parts().files().exportReport(md)));
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image.getWidth() > 400 && image.getHeight() > 200);
        assertTrue(Files.readString(md).contains("BP1"));
    }

    @Test
    void clickingAResultCellSelectsItsCheckInTheTableAndTheDiagram(FxRobot robot) {
        waitForChecks();
        fx(() -> model.currentStepIdProperty().set("gradW1"));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#cell-1-2");
        WaitForAsyncUtils.waitForFxEvents();
        var selected = fx(() -> model.selectedCheckProperty().get());
        assertNotNull(selected);
        assertEquals(org.backprop.workbench.check.Formula.BP4, selected.formula());
        assertEquals(1, selected.layer());
        assertEquals(java.util.List.of(1, 2), java.util.Arrays.stream(selected.index()).boxed().toList());
        assertSame(selected, fx(() -> window.parts().diagram().selectedProperty().get()));
        assertEquals(selected, fx(() -> window.parts().checkTable().table().getSelectionModel().getSelectedItem()));
    }

    @Test
    void unsavedChangesAreAskedAboutBeforeAnotherFileOpens(FxRobot robot) throws IOException {
        waitForChecks();
        Path other = folder.resolve("other.json");
        org.backprop.workbench.io.NetworkFile.save(
                org.backprop.workbench.edit.Edits.reinitialise(DefaultNetwork.load(), 99), other);
        fx(() -> model.edit(d -> org.backprop.workbench.edit.Edits.bias(d, 1, 0, 0.125)));
        assertTrue(model.dirtyProperty().get());
        javafx.application.Platform.runLater(() -> window.parts().files().openFile(other));   // the question blocks in its own loop
        waitUntil(() -> Window.getWindows().stream().anyMatch(w -> w.getScene().getRoot() instanceof DialogPane));
        robot.clickOn("Don't save");
        waitUntil(() -> other.equals(model.fileProperty().get()));
        assertEquals(99, model.getDocument().seed());
        assertFalse(model.dirtyProperty().get());
    }

    @Test
    void anEpsilonThatIsNotAPositiveNumberIsRefused(FxRobot robot) {
        waitForChecks();
        javafx.scene.control.TextField eps = (javafx.scene.control.TextField) window.lookup("#epsilonField");
        fx(() -> {
            eps.setText("-3");
            eps.fireEvent(new javafx.event.ActionEvent());
        });
        assertEquals(1e-5, model.epsilonProperty().get(), 0.0);
        assertTrue(fx(() -> eps.getStyleClass().contains("invalid")));
        assertTrue(fx(() -> model.messageProperty().get()).startsWith("ε:"));
        fx(() -> {
            eps.setText("1e-4");
            eps.fireEvent(new javafx.event.ActionEvent());
        });
        waitForChecks();
        assertEquals(1e-4, model.getAnalysis().epsilon(), 0.0);
    }

    private static java.util.List<Integer> indexOf(org.backprop.workbench.check.CheckResult c) {
        return java.util.Arrays.stream(c.index()).boxed().toList();
    }

    private void clickDiagramAt(FxRobot robot, javafx.geometry.Point2D local) {
        javafx.geometry.Point2D screen = fx(() -> window.parts().diagram().localToScreen(local));
        robot.clickOn(screen);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void clickingAnEdgeOrANeuronOfTheDiagramSelectsItsCheckAndTheCheckTableShowsIt(FxRobot robot) {
        waitForChecks();
        fx(() -> window.parts().model().navigate(WorkbenchView.CHECKS));
        WaitForAsyncUtils.waitForFxEvents();
        var table = window.parts().checkTable().table();

        clickDiagramAt(robot, fx(() -> window.parts().diagram().edgePoint(2, 1, 0)));
        var weight = fx(() -> model.selectedCheckProperty().get());
        assertNotNull(weight, "a click on the edge of w²[1, 0] selects a check");
        assertEquals(org.backprop.workbench.check.Formula.BP4, weight.formula());
        assertEquals(2, weight.layer());
        assertEquals(java.util.List.of(1, 0), indexOf(weight));
        assertSame(weight, fx(() -> table.getSelectionModel().getSelectedItem()));

        // on the BP1 step a click on output neuron 1 selects its δ of the first sample
        clickDiagramAt(robot, fx(() -> window.parts().diagram().neuronCentre(2, 1)));
        var delta = fx(() -> model.selectedCheckProperty().get());
        assertEquals(org.backprop.workbench.check.Formula.BP1, delta.formula());
        assertEquals(java.util.List.of(1, 0), indexOf(delta));
        assertSame(delta, fx(() -> table.getSelectionModel().getSelectedItem()));
        int row = fx(() -> table.getSelectionModel().getSelectedIndex());
        assertTrue(fx(() -> table.getItems().get(row)) == delta, "the selected row is in the table's items");

        // on a forward step a hidden neuron stands for its bias
        fx(() -> model.currentStepIdProperty().set("a1"));
        WaitForAsyncUtils.waitForFxEvents();
        clickDiagramAt(robot, fx(() -> window.parts().diagram().neuronCentre(1, 2)));
        var bias = fx(() -> model.selectedCheckProperty().get());
        assertEquals(org.backprop.workbench.check.Formula.BP3, bias.formula());
        assertEquals(1, bias.layer());
        assertEquals(java.util.List.of(2), indexOf(bias));
        assertSame(bias, fx(() -> table.getSelectionModel().getSelectedItem()));
    }

    private static DialogPane waitForDialog() {
        waitUntil(() -> Window.getWindows().stream().anyMatch(w -> w.getScene().getRoot() instanceof DialogPane));
        return fx(() -> (DialogPane) Window.getWindows().stream()
                .filter(w -> w.getScene().getRoot() instanceof DialogPane).findFirst().orElseThrow()
                .getScene().getRoot());
    }

    @Test
    void closingTheWindowWithUnsavedChangesAsksFirstCancelKeepsItOpenDontSaveCloses(FxRobot robot) {
        waitForChecks();
        javafx.application.Platform.setImplicitExit(false);
        fx(() -> model.edit(d -> org.backprop.workbench.edit.Edits.bias(d, 1, 0, 0.125)));
        Stage stage = fx(() -> (Stage) window.getScene().getWindow());
        Runnable closeRequest = () -> stage.fireEvent(
                new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST));

        javafx.application.Platform.runLater(closeRequest);   // the question blocks in its own loop
        DialogPane question = waitForDialog();
        assertTrue(fx(() -> question.getHeaderText()).contains("quit"), question.getHeaderText());
        robot.clickOn(fx(() -> question.getButtonTypes().stream()
                .filter(b -> b.getButtonData() == javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE)
                .map(question::lookupButton).findFirst().orElseThrow()));
        waitUntil(() -> Window.getWindows().stream().noneMatch(w -> w.getScene().getRoot() instanceof DialogPane));
        assertTrue(fx(stage::isShowing), "Cancel keeps the window open");
        assertTrue(model.dirtyProperty().get(), "and the changes");

        javafx.application.Platform.runLater(closeRequest);
        DialogPane again = waitForDialog();
        robot.clickOn(fx(() -> again.getButtonTypes().stream()
                .filter(b -> b.getButtonData() == javafx.scene.control.ButtonBar.ButtonData.NO)
                .map(again::lookupButton).findFirst().orElseThrow()));
        waitUntil(() -> !stage.isShowing());
    }

    @Test
    void whenNothingRunsTheStatusBarSaysReadyWithoutProgressOrCancel() {
        waitForChecks();
        waitUntil(() -> !window.parts().runner().isBusy());
        assertEquals(org.backprop.workbench.app.panels.TaskStatusBar.ready(), fx(() -> window.parts().taskStatus().text()));
        assertFalse(fx(() -> window.lookup("#cancelWork").isVisible()));
        assertTrue(fx(() -> window.lookup("#taskStatus").getStyleClass().contains("status-idle")));
    }

    @Test
    void escapeCancelsTheChecksKeepingForwardAndBackwardAndRunChecksAgainRunsThem() {
        // a model whose background work waits for the test: the checks are "running" until the test runs them
        java.util.Queue<Runnable> queued = new java.util.concurrent.ConcurrentLinkedQueue<>();
        WorkbenchModel slow = fx(() -> new WorkbenchModel(DefaultNetwork.load(), queued::add,
                javafx.application.Platform::runLater));
        Stage stage = fx(() -> new Stage());
        MainWindow other = fx(() -> {
            MainWindow w = new MainWindow(slow, new RecentFiles(settings.resolve("recent.txt")));
            stage.setScene(w.createScene(1200, 800));
            stage.show();
            return w;
        });
        try {
            assertTrue(fx(() -> other.parts().taskStatus().isBusy()));
            assertTrue(fx(() -> other.lookup("#cancelWork").isVisible()), "Cancel is offered while the checks run");
            assertTrue(fx(() -> other.parts().taskStatus().text()).startsWith("Computing"), other.parts().taskStatus().text());

            fx(() -> javafx.event.Event.fireEvent(other, new javafx.scene.input.KeyEvent(
                    javafx.scene.input.KeyEvent.KEY_PRESSED, "", "", KeyCode.ESCAPE, false, false, false, false)));
            queued.poll().run();
            waitUntil(() -> slow.checksCancelledProperty().get());

            Analysis shown = slow.getAnalysis();
            assertNotNull(shown.backward(), "forward and backward stay shown");
            assertTrue(shown.checks().isEmpty());
            assertFalse(slow.busyProperty().get());
            assertEquals(WorkbenchModel.checksCancelledMessage(),
                    fx(() -> ((javafx.scene.control.Label) other.lookup("#statusMessage")).getText()));
            assertTrue(fx(() -> ((javafx.scene.control.Label) other.lookup("#checkLabel")).getText())
                    .contains("cancelled"));
            assertTrue(fx(() -> ((javafx.scene.control.Label) other.lookup("#stepVerdict")).getText())
                    .contains("cancelled"));
            assertEquals(org.backprop.workbench.app.panels.TaskStatusBar.ready(), fx(() -> other.parts().taskStatus().text()));
            assertFalse(fx(() -> other.lookup("#cancelWork").isVisible()));

            javafx.scene.control.MenuItem again = fx(() -> other.menuBar().getMenus().stream()
                    .flatMap(m -> m.getItems().stream())
                    .filter(i -> i.getText() != null && i.getText().contains("Run checks again"))
                    .findFirst().orElseThrow());
            assertEquals(javafx.scene.input.KeyCombination.keyCombination("F9"), again.getAccelerator());
            fx(again::fire);
            queued.poll().run();
            waitUntil(() -> !slow.busyProperty().get() && !slow.getAnalysis().checks().isEmpty());
            assertEquals(37, slow.getAnalysis().checks().size());
            assertFalse(slow.checksCancelledProperty().get());
        } finally {
            fx(stage::hide);
        }
    }

    private static javafx.geometry.Bounds inScene(javafx.scene.Node n) {
        return n.localToScene(n.getBoundsInLocal());
    }

    @Test
    void theSoftmaxTabShowsWholeNumbersAndItsPlotWithoutScrolling() {
        waitForChecks();
        fx(() -> window.parts().model().navigate(WorkbenchView.SOFTMAX));
        fx(() -> window.parts().softmaxPanel().setLogitScale(3));   // δᴸ like -0.1234: the widest cells
        waitUntil(() -> !window.parts().runner().isBusy());
        fx(() -> {
            window.getScene().getRoot().applyCss();
            window.getScene().getRoot().layout();
        });
        javafx.scene.Node panel = window.parts().softmaxPanel().getView();
        var cells = fx(() -> panel.lookupAll(".matrix-cell").stream()
                .map(n -> (javafx.scene.control.Label) n).toList());
        assertFalse(cells.isEmpty());
        for (var cell : cells) {
            String text = fx(cell::getText);
            assertTrue(fx(() -> cell.getWidth() + 0.5 >= cell.prefWidth(-1)), text + " is cut short");
            assertTrue(text.equals("0") || text.replaceAll("[^0-9]", "").replaceFirst("^0+", "").length() >= 4
                    || !text.matches(".*[0-9].*"), text + " has 4 significant digits");
        }
        var viewer = fx(() -> (javafx.scene.layout.Region) panel.lookupAll("*").stream()
                .filter(n -> n instanceof org.jfree.chart.fx.ChartViewer).findFirst().orElseThrow());
        javafx.geometry.Bounds plot = fx(() -> inScene(viewer));
        double sceneHeight = fx(() -> window.getScene().getHeight());
        assertTrue(plot.getMaxY() <= sceneHeight, "the plot ends at " + plot.getMaxY() + " within " + sceneHeight);
        assertTrue(plot.getHeight() >= 260, "the plot is " + plot.getHeight() + " px tall");
    }

    @Test
    void theEpsilonPlotGetsMoreHeightThanTheStepTabLeavesAndEachTabKeepsItsDivider() {
        waitForChecks();
        fx(() -> window.parts().model().navigate(WorkbenchView.EPSILON));
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> window.getScene().getRoot().layout());
        var viewer = fx(() -> (javafx.scene.layout.Region) window.parts().epsilonPanel().getView().lookupAll("*").stream()
                .filter(n -> n instanceof org.jfree.chart.fx.ChartViewer).findFirst().orElseThrow());
        javafx.geometry.Bounds plot = fx(() -> inScene(viewer));
        assertTrue(plot.getHeight() >= 260, "the ε plot is " + plot.getHeight() + " px tall");
        assertTrue(plot.getMaxY() <= fx(() -> window.getScene().getHeight()));
        double tabsTop = fx(() -> inScene(window.tabs()).getMinY());
        fx(() -> window.parts().model().navigate(WorkbenchView.STEP));
        WaitForAsyncUtils.waitForFxEvents();
        fx(() -> window.getScene().getRoot().layout());
        assertTrue(fx(() -> inScene(window.tabs()).getMinY()) > tabsTop + 50,
                "the Step tab leaves the diagram more room than a panel tab");
    }

    @Test
    void zoomedStepListKeepsEveryVerdictBadgeInViewOnASmallProjector() {
        waitForChecks();
        fx(() -> window.getScene().getWindow().setWidth(1024));   // XGA, still common in lecture halls
        // (presentation mode hides the step list: PresentationModeTest)
        for (Runnable zoom : new Runnable[]{() -> model.zoomProperty().set(1.5), () -> model.zoomProperty().set(2.0)}) {
            fx(zoom);
            WaitForAsyncUtils.waitForFxEvents();
            fx(() -> model.currentStepIdProperty().set("gradB1"));
            WaitForAsyncUtils.waitForFxEvents();
            fx(() -> window.getScene().getRoot().layout());
            javafx.geometry.Bounds list = fx(() -> inScene(window.parts().stepList()));
            var badges = fx(() -> window.parts().stepList().lookupAll(".step-badge").stream()
                    .filter(b -> b.isVisible() && !((javafx.scene.control.Label) b).getText().isEmpty()
                            && b.getParent() != null && b.getParent().getParent() != null
                            && b.getParent().getParent().isVisible())
                    .toList());
            assertFalse(badges.isEmpty());
            for (var badge : badges) {
                javafx.geometry.Bounds b = fx(() -> inScene(badge));
                if (b.getMinY() >= list.getMinY() && b.getMaxY() <= list.getMaxY()) {
                    assertTrue(b.getMaxX() <= list.getMaxX(), "badge ends at " + b.getMaxX() + ", list at "
                            + list.getMaxX() + " (zoom " + model.zoomProperty().get() + ")");
                    assertTrue(fx(() -> ((javafx.scene.control.Label) badge).getWidth() + 0.5
                            >= ((javafx.scene.control.Label) badge).prefWidth(-1)), "the badge is whole");
                }
            }
        }
    }

    /** "auto" typed in the tool bar's ε field: a step chosen per number, in the check table and on the ε plot. */
    @Test
    void autoInTheEpsilonFieldChoosesAStepPerNumberAndThePlotShowsItWithItsBound(FxRobot robot) {
        waitForChecks();
        javafx.scene.control.TextField eps = (javafx.scene.control.TextField) window.lookup("#epsilonField");
        robot.clickOn(eps).eraseText(eps.getText().length()).write("auto").type(javafx.scene.input.KeyCode.ENTER);
        waitUntil(() -> model.getAnalysis() != null && org.backprop.workbench.numeric.Epsilon.isAuto(model.getAnalysis().epsilon())
                && !model.busyProperty().get() && !model.checkingProperty().get()
                && !model.getAnalysis().checks().isEmpty());
        assertFalse(fx(() -> eps.getStyleClass().contains("invalid")));
        assertEquals("auto", fx(() -> eps.getText()));
        assertEquals("ε = auto", fx(() -> model.messageProperty().get()));
        // every number has its own step and an error bound, and the default network's formulas all pass
        for (org.backprop.workbench.check.CheckResult c : model.getAnalysis().checks()) {
            assertTrue(Double.isFinite(c.step()) && c.step() > 0, c.toString());
            assertTrue(Double.isFinite(c.errorBound()), c.toString());
        }
        assertEquals(0, model.getAnalysis().summary().fail());
        fx(() -> { model.navigate(WorkbenchView.EPSILON); });
        var panel = window.parts().epsilonPanel();
        waitUntil(() -> panel.sweepProperty().get() != null
                && org.backprop.workbench.numeric.Epsilon.isAuto(panel.sweepProperty().get().analysis().epsilon()));
        WaitForAsyncUtils.waitForFxEvents();
        org.backprop.workbench.check.CheckResult target = panel.sweepProperty().get().target();
        String marker = fx(panel::epsilonMarkerText);
        assertTrue(marker.startsWith("auto step ε = ") && marker.endsWith(" @ " + target.step()), marker);
        assertTrue(fx(panel::boundMarkerText).startsWith("error bound of the auto step "), fx(panel::boundMarkerText));
        assertTrue(fx(panel::readoutText).startsWith("Relative error at the auto step ε = "), fx(panel::readoutText));
    }

    @Test
    void theTabTitlesAndTheToolBarFollowALanguageSwitch() {
        java.util.function.Supplier<java.util.List<String>> titles = () -> fx(() -> window.tabs().getTabs().stream()
                .map(javafx.scene.control.Tab::getText).toList());
        assertTrue(titles.get().contains("Checks"), titles.get().toString());
        try {
            fx(() -> org.backprop.workbench.i18n.Messages.setLocale(java.util.Locale.SIMPLIFIED_CHINESE));
            assertTrue(titles.get().contains("检验") && titles.get().contains("推导"), titles.get().toString());
            assertFalse(titles.get().contains("Checks"), titles.get().toString());
            assertTrue(toolBarLabels().containsAll(java.util.List.of("错误", "方法", "权重")), toolBarLabels().toString());
        } finally {
            fx(() -> org.backprop.workbench.i18n.Messages.setLocale(java.util.Locale.ENGLISH));
        }
        assertTrue(titles.get().contains("Checks"), titles.get().toString());
        assertTrue(toolBarLabels().containsAll(java.util.List.of("Mistake", "Method", "Weights")), toolBarLabels().toString());
    }

    private java.util.List<String> toolBarLabels() {
        return fx(() -> window.getScene().getRoot().lookupAll(".tool-bar .label").stream()
                .map(n -> ((javafx.scene.control.Labeled) n).getText()).toList());
    }
}
