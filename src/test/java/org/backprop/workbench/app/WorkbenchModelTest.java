package org.backprop.workbench.app;

import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.edit.Edits;
import org.backprop.workbench.engine.Activation;
import org.backprop.workbench.engine.Loss;
import org.backprop.workbench.engine.Mistake;
import org.backprop.workbench.io.NetworkDocument;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The view-model without a window: background work is queued by hand, so the order of events is the test's. */
class WorkbenchModelTest {
    private final Deque<Runnable> background = new ArrayDeque<>();
    private final WorkbenchModel model = new WorkbenchModel(DefaultNetwork.load(), background::add, Runnable::run);

    private void runBackground() {
        while (!background.isEmpty()) {
            background.poll().run();
        }
    }

    @Test
    void theFirstAnalysisOpensOnBp1WithEveryCheck() {
        runBackground();
        Analysis an = model.getAnalysis();
        assertNotNull(an);
        assertFalse(model.busyProperty().get());
        assertEquals("delta2", model.getCurrentStep().id());
        assertEquals(37, an.checks().size());   // δ: 3·4 + 2·4, b: 3 + 2, w: 6 + 6
    }

    @Test
    void onlyTheLatestChangeIsPublished() {
        runBackground();
        List<Analysis> published = new ArrayList<>();
        model.analysisProperty().addListener((o, a, b) -> published.add(b));
        model.mistakeProperty().set(Mistake.BP1_NO_SIGMA_PRIME);
        model.mistakeProperty().set(Mistake.BP3B_MEAN);
        assertTrue(model.busyProperty().get());
        runBackground();
        assertFalse(published.isEmpty());
        assertTrue(published.stream().allMatch(a -> a.mistake() == Mistake.BP3B_MEAN),
                "the superseded computation published nothing");
        assertFalse(model.busyProperty().get());
    }

    @Test
    void aRefusedEditKeepsTheNetworkAndSaysWhy() {
        runBackground();
        NetworkDocument before = model.getDocument();
        assertFalse(model.edit(d -> Edits.loss(d, Loss.SOFTMAX_CROSS_ENTROPY)));
        assertSame(before, model.getDocument());
        assertTrue(model.messageProperty().get().contains("identity"), model.messageProperty().get());
        assertFalse(model.dirtyProperty().get());
        assertFalse(model.edit(d -> Edits.resize(d, 1, 0)));
        assertSame(before, model.getDocument());
    }

    @Test
    void editsCanBeUndoneAndRedone() {
        runBackground();
        NetworkDocument before = model.getDocument();
        assertTrue(model.edit(d -> Edits.activation(d, 1, Activation.TANH)));
        NetworkDocument after = model.getDocument();
        assertTrue(model.dirtyProperty().get());
        assertTrue(model.canUndoProperty().get());
        model.undo();
        assertSame(before, model.getDocument());
        model.redo();
        assertSame(after, model.getDocument());
        runBackground();
        assertSame(after.network(), model.getAnalysis().network());
    }

    @Test
    void aStepThatNoLongerExistsFallsBackToTheSameKindOfStep() {
        runBackground();
        assertTrue(model.edit(d -> Edits.insertLayer(d, 2, 4, Activation.TANH)));
        model.currentStepIdProperty().set("delta3");
        assertTrue(model.edit(d -> Edits.removeLayer(d, 2)));
        assertEquals("delta2", model.getCurrentStep().id());
    }

    @Test
    void zoomIsClampedToItsRange() {
        model.zoomProperty().set(100);
        assertEquals(WorkbenchModel.MAX_ZOOM, model.zoomProperty().get(), 0.0);
        model.zoomProperty().set(0.01);
        assertEquals(WorkbenchModel.MIN_ZOOM, model.zoomProperty().get(), 0.0);
    }

    @Test
    void nextAndBackStopAtTheEnds() {
        runBackground();
        model.currentStepIdProperty().set("z1");
        assertFalse(model.back());
        assertTrue(model.next());
        assertEquals("a1", model.getCurrentStep().id());
        model.currentStepIdProperty().set("gradW1");
        assertFalse(model.next());
    }

    @Test
    void cancelledChecksKeepForwardAndBackwardAndRunAgainOnRequest() {
        runBackground();
        javafx.beans.value.ChangeListener<Boolean> cancelOnStart = (o, was, now) -> {
            if (now) {
                model.cancelChecks();   // the user presses Esc once forward and backward are shown
            }
        };
        model.checkingProperty().addListener(cancelOnStart);
        model.mistakeProperty().set(Mistake.BP1_NO_SIGMA_PRIME);
        runBackground();
        model.checkingProperty().removeListener(cancelOnStart);

        Analysis shown = model.getAnalysis();
        assertEquals(Mistake.BP1_NO_SIGMA_PRIME, shown.mistake());
        assertNotNull(shown.backward());
        assertTrue(shown.checks().isEmpty());
        assertFalse(model.busyProperty().get());
        assertFalse(model.checkingProperty().get());
        assertTrue(model.checksCancelledProperty().get());
        assertEquals(WorkbenchModel.checksCancelledMessage(), model.messageProperty().get());

        model.epsilonProperty().set(1e-6);   // any change runs the checks again and drops the notice
        assertEquals("", model.messageProperty().get());
        model.rerunChecks();
        assertTrue(model.busyProperty().get());
        runBackground();
        assertEquals(37, model.getAnalysis().checks().size());
        assertFalse(model.checksCancelledProperty().get());
        assertEquals("", model.progressMessageProperty().get());
    }

    @Test
    void theProgressMessageCountsTheNumbersAndThePercentage() {
        // 784-128-64-10 with m = 8: 109,184 weights + 202 biases + 202·8 δ
        assertEquals("Checking 111,002 numbers… 40 %", WorkbenchModel.checkingMessage(111_002, 0.4));
        assertEquals("Checking 37 numbers… 100 %", WorkbenchModel.checkingMessage(37, 1));
    }

    /**
     * In the app the publications wait for the pulse queue and the progress reports do not: a report that comes
     * before its computation's traces are shown is dropped, so the bar does not show a fraction over the last
     * network's steps, nor jump back to 0 % when the traces arrive.
     */
    @Test
    void aProgressReportBeforeTheTracesArePublishedIsDropped() {
        runBackground();
        Deque<Runnable> publications = new ArrayDeque<>();
        int[] reports = {0};
        WorkbenchModel queued = new WorkbenchModel(DefaultNetwork.load(), background::add, publications::add,
                report -> {
                    reports[0]++;
                    report.run();
                });
        runBackground();   // traces, then the checks with their reports, the publications held
        assertTrue(reports[0] > 0, "the default network's checks report their progress");
        assertTrue(queued.tracesPendingProperty().get());
        assertEquals(-1, queued.progressProperty().get(), "indeterminate: no fraction before the traces are shown");
        assertEquals(2, publications.size(), "the traces, then the checks");
        publications.poll().run();
        assertFalse(queued.tracesPendingProperty().get());
        assertEquals(0, queued.progressProperty().get());
        publications.poll().run();
        assertFalse(queued.busyProperty().get());
        assertEquals(1, queued.progressProperty().get());
        assertEquals(37, queued.getAnalysis().checks().size());
    }
}
