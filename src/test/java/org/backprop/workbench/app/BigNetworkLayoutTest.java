package org.backprop.workbench.app;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.backprop.workbench.bench.ColdCheck;
import org.backprop.workbench.i18n.Messages;
import org.backprop.workbench.io.NetworkDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.backprop.workbench.app.FxThread.fx;
import static org.backprop.workbench.app.FxThread.waitUntil;
import static org.backprop.workbench.app.TextStaysWholeTest.inScene;
import static org.backprop.workbench.app.TextStaysWholeTest.shown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 784-128-64-10 benchmark network on a 1024×768 lecture projector with the builder shown, in English and in
 * 简体中文: the step view of δ³ (BP1) needs no sideways scrolling (its 10×8 result, wider than the view, scrolls by
 * itself) and its phase chip stays inside the view; the diagram's captions under its four columns ("input · 784",
 * "(12 shown)") do not run into each other; the builder beside them needs no sideways scrolling either, nor does
 * it with the default network. The network is opened once: its 111,002 checks take a while.
 */
@ExtendWith(ApplicationExtension.class)
class BigNetworkLayoutTest {
    @TempDir
    static Path folder;

    /** Half a pixel: layout positions are snapped to pixels, a sub-pixel difference is no overlap. */
    private static final double SNAP = 0.5;

    private OwnWindow own;
    private MainWindow window;
    private WorkbenchModel model;

    @Start
    void start(Stage primary) {
        own = new OwnWindow();
    }

    @AfterEach
    void closeTheWindow() {
        fx(() -> Messages.setLocale(Locale.ENGLISH));
        own.close();
    }

    @Test
    void theBenchmarkNetworksStepViewAndDiagramCaptionsFitAnXgaProjectorInBothLanguages() {
        own.open(folder, 1024, 768);
        window = own.window();
        model = own.model();
        NetworkDocument doc = ColdCheck.document(1);
        fx(() -> model.open(doc, null));
        long deadline = System.nanoTime() + 600_000_000_000L;   // a bound for a loaded machine, not a timing
        while (!fx(() -> model.getAnalysis() != null && model.getAnalysis().checks().size() == 111_002
                && !model.busyProperty().get() && !model.checkingProperty().get())) {
            assertTrue(System.nanoTime() < deadline, "the checks did not finish");
            WaitForAsyncUtils.sleep(100, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        waitUntil(() -> Screenshots.idle(window));
        own.settle();
        assertTrue(fx(() -> shown(window.parts().builder())), "the builder is shown, as when the app starts");
        assertEquals("delta3", fx(() -> model.getCurrentStep().id()), "a newly opened network starts on BP1");
        for (Locale language : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            fx(() -> Messages.setLocale(language));
            waitUntil(() -> Screenshots.idle(window));
            own.settle();
            theStepViewNeedsNoSidewaysScrolling(language);
            theCaptionsDoNotOverlap(language);
            theBuilderNeedsNoSidewaysScrolling(language + ", 784-128-64-10", "#target-9-7");
        }
    }

    /**
     * The builder's rows fit its column, so that it shows no sideways scroll bar, and no number is cut: every field
     * is as wide as its number. {@code lastField} is the last field the builder makes (big.json's 10×8 targets, 8
     * columns of 0s and 1s, made ~70 px too wide for the column before their fields could shrink to their numbers).
     */
    private void theBuilderNeedsNoSidewaysScrolling(String what, String lastField) {
        BuilderPanel builder = fx(() -> window.parts().builder());
        // a language switch rebuilds the builder; a large matrix gets its fields over a few frames
        waitUntil(() -> fx(() -> builder.lookup(lastField) != null && builder.lookupAll(".matrix-editor").stream()
                .allMatch(e -> ((MatrixEditor) e).complete())));
        own.settle();
        assertTrue(fx(() -> shown(builder)), what + ": the builder is shown");
        double content = fx(() -> builder.getContent().getLayoutBounds().getWidth());
        double viewport = fx(() -> builder.getViewportBounds().getWidth());
        assertTrue(content <= viewport + SNAP, what + ": the builder's content (" + content
                + " px) is no wider than its viewport (" + viewport + " px)");
        int sideways = 0;
        for (Node n : fx(() -> List.copyOf(builder.lookupAll(".scroll-bar")))) {
            if (n instanceof javafx.scene.control.ScrollBar bar
                    && fx(bar::getOrientation) == javafx.geometry.Orientation.HORIZONTAL
                    && fx(() -> bar.getParent() == builder)) {
                sideways++;
                assertFalse(fx(bar::isVisible), what + ": the builder shows no sideways scroll bar");
            }
        }
        assertEquals(1, sideways, what + ": the builder's own sideways scroll bar was found");
        List<MatrixEditor.NumberField> fields = fx(() -> builder.lookupAll(".matrix-field").stream()
                .filter(f -> f instanceof MatrixEditor.NumberField).map(f -> (MatrixEditor.NumberField) f).toList());
        assertFalse(fields.isEmpty(), what + ": the builder has fields to edit");
        for (MatrixEditor.NumberField f : fields) {
            double width = fx(f::getWidth);
            double text = fx(f::textWidth);
            assertTrue(width + SNAP >= text, what + ": " + f.getId() + " '" + fx(() -> f.getText()) + "' is " + width
                    + " px for " + text + " px of number");
            Bounds b = fx(() -> inScene(f));
            Bounds view = fx(() -> inScene(builder.lookup(".viewport")));
            assertTrue(b.getMaxX() <= view.getMaxX() + SNAP, what + ": " + f.getId() + " " + b
                    + " lies within the builder's view " + view);
        }
    }

    private void theStepViewNeedsNoSidewaysScrolling(Locale language) {
        StepDetailView view = fx(() -> window.parts().detailView());
        assertTrue(fx(() -> shown(view)), "the step view is in front");
        double content = fx(() -> view.getContent().getLayoutBounds().getWidth());
        double viewport = fx(() -> view.getViewportBounds().getWidth());
        assertTrue(content <= viewport + SNAP, language + ": the step's content (" + content
                + " px) is no wider than the view's viewport (" + viewport + " px)");
        Bounds inView = fx(() -> inScene(view));
        for (String selector : List.of(".phase-chip", "#stepTitle", "#stepVerdict")) {
            Node n = fx(() -> view.lookup(selector));
            assertTrue(fx(() -> shown(n)), selector + " is shown");
            Bounds b = fx(() -> inScene(n));
            assertTrue(b.getMinX() >= inView.getMinX() - SNAP && b.getMaxX() <= inView.getMaxX() + SNAP,
                    language + ": " + selector + " " + b + " lies within the step view " + inView);
        }
        Label chip = fx(() -> (Label) view.lookup(".phase-chip"));
        assertEquals(null, fx(() -> TextStaysWholeTest.elision(chip)), "the phase chip is whole");
        // the result is the part that may scroll sideways, by itself
        MatrixView result = fx(view::resultView);
        assertTrue(fx(() -> result.getWidth()) > viewport, "the 10×8 result is wider than the view (else this "
                + "test would not test the result's own scroller)");
        // and so are the operands, opened (w³ shows 12×10 of its 64×10)
        javafx.scene.control.TitledPane operands = fx(() -> (javafx.scene.control.TitledPane)
                view.lookup(".titled-pane"));
        fx(() -> operands.setExpanded(true));
        own.settle();
        double opened = fx(() -> view.getContent().getLayoutBounds().getWidth());
        double openedViewport = fx(() -> view.getViewportBounds().getWidth());
        Bounds pane = fx(() -> inScene(operands));
        fx(() -> operands.setExpanded(false));
        own.settle();
        assertTrue(opened <= openedViewport + SNAP, language + ": with the operands opened the content (" + opened
                + " px) is no wider than the viewport (" + openedViewport + " px)");
        assertTrue(pane.getMaxX() <= inView.getMaxX() + SNAP, language + ": the operands " + pane
                + " lie within the step view " + inView);
    }

    private void theCaptionsDoNotOverlap(Locale language) {
        NetworkDiagram diagram = fx(() -> window.parts().diagram());
        List<NetworkDiagram.Caption> captions = fx(diagram::captions);
        double width = fx(diagram::getWidth);
        double height = fx(diagram::getHeight);
        assertEquals(4, captions.size(), "a caption under each of the four columns");
        for (int l = 0; l < captions.size(); l++) {
            var box = captions.get(l).box();
            assertTrue(box.getMinX() >= -SNAP && box.getMaxX() <= width + SNAP && box.getMaxY() <= height + SNAP,
                    language + ": caption " + l + " " + box + " lies in the " + width + "×" + height + " diagram");
            for (int k = l + 1; k < captions.size(); k++) {
                var other = captions.get(k).box();
                assertFalse(box.getMaxX() > other.getMinX() + SNAP && other.getMaxX() > box.getMinX() + SNAP
                                && box.getMaxY() > other.getMinY() + SNAP && other.getMaxY() > box.getMinY() + SNAP,
                        language + ": caption " + l + " " + captions.get(l).lines() + " at " + box + " overlaps caption "
                                + k + " " + captions.get(k).lines() + " at " + other);
            }
        }
        // readable: no smaller than the diagram lets them shrink, and whole (each layer's size is there, uncut)
        assertTrue(fx(diagram::captionScale) > 0.8, language + ": the captions are drawn at "
                + fx(diagram::captionScale) + " of their size, large enough to read on a projector");
        int[] sizes = {784, 128, 64, 10};
        for (int l = 0; l < captions.size(); l++) {
            String all = String.join(" ", captions.get(l).lines());
            assertFalse(all.contains("…"), language + ": caption " + l + " is whole: " + all);
            assertTrue(all.contains(String.valueOf(sizes[l])), language + ": caption " + l
                    + " gives the layer's size " + sizes[l] + ": " + all);
        }
    }

    /** The default 2-3-2 network keeps its two-line captions at full size ("input · 2" over "a⁰"). */
    @Test
    void theDefaultNetworksCaptionsStayInTheirLongFormAtFullSize() {
        for (double[] size : new double[][]{{1024, 768}, {1600, 1000}}) {
            own.open(folder, size[0], size[1]);
            window = own.window();
            model = own.model();
            own.settle();
            NetworkDiagram diagram = fx(() -> window.parts().diagram());
            assertEquals(3, fx(() -> model.getAnalysis().network().depth() + 1), "the default network: 2-3-2");
            assertEquals(1.0, fx(diagram::captionScale), 1e-9, size[0] + ": full size");
            List<NetworkDiagram.Caption> captions = fx(diagram::captions);
            assertEquals(List.of("input · 2", "a⁰"), captions.get(0).lines());
            assertEquals(List.of("layer 1 · 3", "sigmoid"), captions.get(1).lines());
            assertEquals(List.of("output · 2", "softmax · cross-entropy"), captions.get(2).lines());
            for (Locale language : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
                fx(() -> Messages.setLocale(language));
                waitUntil(() -> Screenshots.idle(window));
                theBuilderNeedsNoSidewaysScrolling(language + ", 2-3-2 at " + size[0] + "×" + size[1],
                        "#target-1-3");
            }
            fx(() -> Messages.setLocale(Locale.ENGLISH));
            own.close();
        }
    }
}
