package org.backprop.workbench.app;

import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.backprop.workbench.io.NetworkDocument;
import org.backprop.workbench.io.NetworkFile;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;

import static org.backprop.workbench.app.FxThread.fx;
import static org.backprop.workbench.app.FxThread.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The builder's editors of a layer of 40 neurons: w¹ (40 x 2 shown as 2 x 40 weights) and b¹ (40 biases) are more
 * numbers than are made at once, so their fields arrive over the next frames, and then every field holds its number.
 */
@ExtendWith(ApplicationExtension.class)
class BuilderLargeMatrixTest {
    @TempDir
    static Path settings;

    private MainWindow window;
    private WorkbenchModel model;

    @Start
    void start(Stage stage) {
        window = TestWindow.in(settings).size(1280, 800).show(stage);
        model = window.parts().model();
    }

    private long fields(String prefix) {
        return window.parts().builder().lookupAll(".matrix-field").stream()
                .filter(n -> n.getId() != null && n.getId().startsWith(prefix + "-")).count();
    }

    @Test
    void aLargeLayersFieldsArriveOverTheNextFramesEachWithItsNumber() throws Exception {
        NetworkDocument doc = NetworkFile.parse("""
                {"layers": [2, {"size": 40, "activation": "tanh"}, {"size": 1, "activation": "sigmoid"}],
                 "loss": "quadratic", "seed": 7, "inputs": [[0.5, -1.0]], "targets": [[1.0]]}""", "wide.json");
        // as the builder shows it: transposed in Nielsen's notation
        DMatrixRMaj w = fx(() -> model.notationProperty().get()) == org.backprop.workbench.steps.Notation.NIELSEN
                ? org.ejml.dense.row.CommonOps_DDRM.transpose(doc.network().w(1), null) : doc.network().w(1);
        DMatrixRMaj b = doc.network().b(1);
        assertTrue(w.getNumElements() > MatrixEditor.AT_ONCE_CELLS && b.getNumElements() > MatrixEditor.AT_ONCE_CELLS);
        long atOnce = fx(() -> {
            model.open(doc, null);
            return fields("w1") + fields("b1");
        });
        assertEquals(0, atOnce, "none made in the same turn as the open");

        waitUntil(() -> fields("w1") == w.getNumElements() && fields("b1") == b.getNumElements());
        for (int r = 0; r < w.numRows; r++) {
            for (int c = 0; c < w.numCols; c++) {
                assertEquals(MatrixEditor.format(w.get(r, c)), text("#w1-" + r + "-" + c));
            }
        }
        for (int r = 0; r < b.numRows; r++) {
            assertEquals(MatrixEditor.format(b.get(r, 0)), text("#b1-" + r + "-0"));
        }
    }

    /**
     * A network of another shape: its layers (and the size spinner that had the focus) in the same turn, its weights
     * and samples in a later piece of the pulse queue, so that their controls are not all styled in one pulse; an
     * edit that keeps the shape rebuilds every part at once.
     */
    @Test
    void aReshapedNetworksLayersComeAtOnceAndItsWeightsAndSamplesInALaterFrame() {
        BuilderPanel builder = window.parts().builder();
        waitUntil(() -> builder.lookup("#addSample") != null);
        fx(() -> builder.lookup("#size1").requestFocus());
        boolean[] sameTurn = fx(() -> {
            model.edit(d -> org.backprop.workbench.edit.Edits.resize(d, 1, d.network().size(1) + 1));
            return new boolean[]{builder.lookup("#size1") != null, builder.lookup("#parameterLayer") != null,
                    builder.lookup("#addSample") != null};
        });
        assertTrue(sameTurn[0], "the layers at once");
        assertFalse(sameTurn[1], "the weights later");
        assertFalse(sameTurn[2], "the samples later");
        waitUntil(() -> builder.lookup("#parameterLayer") != null && builder.lookup("#addSample") != null);
        assertEquals(1, fx(() -> builder.lookupAll("#parameterLayer").size()), "the second part once");
        assertTrue(fx(() -> builder.lookup("#size1").isFocused() || builder.lookup("#size1").lookup(".text-field")
                .isFocused()), "the resized layer's spinner keeps the focus");

        boolean whole = fx(() -> {
            model.edit(d -> org.backprop.workbench.edit.Edits.reinitialise(d, d.seed() + 1));
            return builder.lookup("#parameterLayer") != null && builder.lookup("#addSample") != null;
        });
        assertTrue(whole, "the same shape: every part in the same turn");
    }

    private String text(String id) {
        return fx(() -> {
            Node n = window.parts().builder().lookup(id);
            return ((TextField) n).getText();
        });
    }
}
