package org.backprop.workbench.app;

import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.backprop.workbench.app.panels.SoftmaxComparisonPanel;
import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.check.CheckResult;
import org.backprop.workbench.check.Formula;
import org.backprop.workbench.edit.Edits;
import org.backprop.workbench.explore.SoftmaxComparison;
import org.backprop.workbench.explore.SoftmaxComparison.Result;
import org.backprop.workbench.i18n.Messages;
import org.backprop.workbench.io.NetworkDocument;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.backprop.workbench.app.FxThread.fx;
import static org.backprop.workbench.app.FxThread.waitUntil;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The panels behind the Step tab are made when their tab is first selected (the window's first paint does not make
 * them): made late, each shows the network, the selection and the language of that moment; the softmax comparison
 * computes in the background, only while its tab is selected, and shows the latest network.
 */
@ExtendWith(ApplicationExtension.class)
class LazyPanelsTest {
    @TempDir
    static Path settings;

    private MainWindow window;
    private WorkbenchModel model;

    @Start
    void start(Stage stage) {
        window = TestWindow.in(settings).size(1400, 860).fitStage().show(stage);
        model = window.parts().model();
    }

    @AfterEach
    void english() {
        fx(() -> Messages.setLocale(Locale.ENGLISH));
    }

    private void waitForChecks() {
        waitUntil(() -> model.getAnalysis() != null && !model.busyProperty().get()
                && !model.checkingProperty().get());
    }

    private Tab tab(WorkbenchView view) {
        return fx(() -> window.tabs().getTabs().stream().filter(t -> view.nodeId().equals(t.getId()))
                .findFirst().orElseThrow());
    }

    @Test
    void thePanelsBehindTheStepTabAreMadeWhenTheirTabIsFirstSelected() {
        waitForChecks();
        assertEquals(List.of(window.parts().detailView()), fx(() -> window.parts().madeTabViews()),
                "at start only the step view is made");
        for (WorkbenchView view : List.of(WorkbenchView.CHECKS, WorkbenchView.EPSILON, WorkbenchView.SOFTMAX,
                WorkbenchView.TRAINING, WorkbenchView.DERIVE)) {
            assertNull(fx(() -> tab(view).getContent()), view + " before its tab is selected");
        }
        fx(() -> model.navigate(WorkbenchView.TRAINING));
        assertSame(fx(() -> window.parts().trainingPanel().getView()), fx(() -> tab(WorkbenchView.TRAINING).getContent()));
        assertEquals(2, fx(() -> window.parts().madeTabViews()).size(), "the step view and the training panel");
        assertNull(fx(() -> tab(WorkbenchView.CHECKS).getContent()));
    }

    @Test
    void theCheckTableMadeLateListsTheEditedNetworksChecksWithTheDiagramsSelection(FxRobot robot) {
        waitForChecks();
        Analysis before = model.getAnalysis();
        fx(() -> model.edit(d -> Edits.bias(d, 1, 0, 0.125)));
        waitForChecks();
        Analysis after = model.getAnalysis();
        assertNotSame(before, after);
        // a click on the edge into neuron 0 of layer 2 from neuron 1 selects the check of that weight (BP4)
        fx(() -> DiagramPicks.select(model, new int[]{2, 1, 0}));
        CheckResult picked = model.selectedCheckProperty().get();
        assertNotNull(picked);
        assertEquals(Formula.BP4, picked.formula());
        assertEquals(2, picked.layer());
        assertArrayEquals(new int[]{1, 0}, picked.index());

        // Ctrl+3, as a user brings the Checks tab forward: the table is made, shown and takes the focus
        fx(() -> window.parts().stepList().requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3);
        robot.release(KeyCode.DIGIT3, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(WorkbenchView.CHECKS, fx(model::getSelectedView));
        var table = fx(() -> window.parts().checkTable().table());
        waitUntil(() -> fx(() -> table.getItems().size()) == after.checks().size());
        Set<CheckResult> rows = Collections.newSetFromMap(new IdentityHashMap<>());
        rows.addAll(fx(() -> List.copyOf(table.getItems())));
        assertTrue(rows.containsAll(after.checks()), "the rows are the checks of the edited network");
        assertFalse(before.checks().stream().anyMatch(rows::contains), "no row of the network before the edit");
        waitUntil(() -> fx(() -> table.getSelectionModel().getSelectedItem()) == picked);
        assertSame(table, fx(() -> window.getScene().getFocusOwner()));
    }

    @Test
    void theNumberToDeriveFollowsTheSelectionBeforeTheDeriveViewIsMadeWhichOpensOnIt() {
        waitForChecks();
        CheckResult bp2 = model.getAnalysis().checks().stream()
                .filter(c -> c.formula() == Formula.BP2 && c.layer() == 1 && c.index()[1] == 1).findFirst().orElseThrow();
        fx(() -> model.selectedCheckProperty().set(bp2));
        assertEquals(1, fx(() -> window.parts().madeTabViews()).size(), "the Derive view is not made yet");
        String id = "delta1[" + bp2.index()[0] + "," + bp2.index()[1] + "]";
        // what the diagram's and the step view's "Derive …" items name
        assertEquals(id, fx(() -> model.deriveEntryProperty().get().id()));
        fx(() -> model.navigate(WorkbenchView.DERIVE));
        waitUntil(() -> fx(() -> window.parts().derivePanel().derivationProperty().get()) != null);
        assertEquals(id, fx(() -> window.parts().derivePanel().derivationProperty().get().entry().id()));
    }

    @Test
    void aPanelMadeAfterALanguageSwitchIsInThatLanguageAndFollowsTheNextOne() {
        waitForChecks();
        fx(() -> Messages.setLocale(Locale.SIMPLIFIED_CHINESE));
        fx(() -> model.navigate(WorkbenchView.SOFTMAX));
        assertEquals(Messages.get(Locale.SIMPLIFIED_CHINESE, "view.softmax"), fx(() -> tab(WorkbenchView.SOFTMAX).getText()));
        Label title = fx(() -> (Label) window.parts().softmaxPanel().getView().lookup(".bw-title"));
        assertEquals(Messages.get(Locale.SIMPLIFIED_CHINESE, "softmax.title"), fx(title::getText));
        fx(() -> Messages.setLocale(Locale.ENGLISH));
        assertEquals(Messages.get(Locale.ENGLISH, "softmax.title"), fx(title::getText));
        assertEquals(Messages.get(Locale.ENGLISH, "view.softmax"), fx(() -> tab(WorkbenchView.SOFTMAX).getText()));
    }

    @Test
    void theSoftmaxComparisonComputesInViewOnlyAndShowsTheLatestOfTwoQuickEdits() {
        waitForChecks();
        TaskRunner runner = window.parts().runner();
        fx(() -> model.navigate(WorkbenchView.SOFTMAX));
        SoftmaxComparisonPanel panel = fx(() -> window.parts().softmaxPanel());
        waitUntil(() -> fx(() -> panel.resultProperty().get()) != null && !fx(runner::isBusy));
        Result first = fx(() -> panel.resultProperty().get());
        assertSameComparison(fx(model::getDocument), first);

        // two edits in one go: the first one's comparison, if it comes at all, is replaced by the second's
        fx(() -> {
            model.edit(d -> Edits.bias(d, 2, 0, 0.5));
            model.edit(d -> Edits.bias(d, 2, 1, -0.25));
        });
        NetworkDocument latest = fx(model::getDocument);
        waitUntil(() -> fx(() -> panel.resultProperty().get()) != first && !fx(runner::isBusy));
        assertSameComparison(latest, fx(() -> panel.resultProperty().get()));

        // out of view, an edit starts no comparison; back in view, the comparison is of that edit
        fx(() -> model.navigate(WorkbenchView.STEP));
        Result shownBefore = fx(() -> panel.resultProperty().get());
        assertFalse(fx(() -> {
            model.edit(d -> Edits.bias(d, 2, 0, 1.5));
            return runner.isRunning(SoftmaxComparisonPanel.COMPARE_KEY);
        }), "no comparison while the Step tab is shown");
        waitForChecks();
        assertSame(shownBefore, fx(() -> panel.resultProperty().get()));
        NetworkDocument hidden = fx(model::getDocument);
        fx(() -> model.navigate(WorkbenchView.SOFTMAX));
        waitUntil(() -> fx(() -> panel.resultProperty().get()) != shownBefore && !fx(runner::isBusy));
        assertSameComparison(hidden, fx(() -> panel.resultProperty().get()));
    }

    /** The panel's result is the engine's comparison of this document at logit scale 1. */
    private static void assertSameComparison(NetworkDocument doc, Result shown) {
        Result expected = SoftmaxComparison.compare(doc.network(), doc.batch(), 1);
        assertEquals(expected.naive().cost(), shown.naive().cost(), 0);
        assertEquals(expected.fused().cost(), shown.fused().cost(), 0);
        assertArrayEquals(expected.naive().deltaL().data, shown.naive().deltaL().data, 0);
        DMatrixRMaj fused = shown.fused().deltaL();
        assertArrayEquals(expected.fused().deltaL().data, fused.data, 0);
    }
}
