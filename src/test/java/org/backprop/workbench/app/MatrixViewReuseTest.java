package org.backprop.workbench.app;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;

import static org.backprop.workbench.app.FxThread.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A matrix view keeps its cells from one matrix to the next (a new analysis shows new numbers in the same labels):
 * each time every cell shows the current matrix's number, marks and tooltip, and no cell of an earlier, larger
 * matrix stays.
 */
@ExtendWith(ApplicationExtension.class)
class MatrixViewReuseTest {
    private MatrixView view;

    @Start
    void start(Stage stage) {
        view = new MatrixView();
        stage.setScene(new javafx.scene.Scene(new StackPane(view), 800, 600));
        stage.show();
    }

    private List<Node> cells() {
        return fx(() -> new ArrayList<>(view.lookupAll(".matrix-cell")));
    }

    private Label cell(int r, int c) {
        return fx(() -> (Label) view.lookup("#cell-" + r + "-" + c));
    }

    @Test
    void aSecondMatrixOfTheSameShapeShowsItsOwnNumbersAndMarksInTheSameCells() {
        List<int[]> clicked = new ArrayList<>();
        fx(() -> {
            view.setOnCellClicked((r, c) -> clicked.add(new int[]{r, c}));
            view.matrixProperty().set(new DMatrixRMaj(2, 3, true, 1, 2, 3, 4, 5, 6));
            view.highlightProperty().set(new int[]{0, 1});
        });
        Label first = cell(1, 2);
        assertEquals("6", first.getText());
        assertTrue(cell(0, 1).getStyleClass().contains("matrix-cell-selected"));
        fx(() -> {
            view.highlightProperty().set(new int[]{1, 0});
            view.differingProperty().set(new boolean[]{false, false, true, false, false, false});
            view.matrixProperty().set(new DMatrixRMaj(2, 3, true, -1, -2, -3, -4, -5, 0.25));
        });
        assertSame(first, cell(1, 2), "the same label, used again");
        assertEquals("0.25", view.cellText(1, 2));
        assertEquals("-1", view.cellText(0, 0).replace('−', '-'));
        assertFalse(cell(0, 1).getStyleClass().contains("matrix-cell-selected"), "the old highlight is gone");
        assertTrue(cell(1, 0).getStyleClass().contains("matrix-cell-selected"));
        assertTrue(view.showsDiffering(0, 2));
        assertFalse(view.showsDiffering(1, 2));
        assertEquals(6, cells().size());
        // the tooltip and a click are about the number shown now
        fx(() -> {
            Label l = cell(1, 2);
            l.fireEvent(new MouseEvent(MouseEvent.MOUSE_ENTERED, 0, 0, 0, 0, MouseButton.NONE, 0, false, false,
                    false, false, false, false, false, false, false, false, null));
            l.fireEvent(new MouseEvent(MouseEvent.MOUSE_CLICKED, 0, 0, 0, 0, MouseButton.PRIMARY, 1, false, false,
                    false, false, true, false, false, false, false, false, null));
        });
        assertTrue(fx(() -> cell(1, 2).getTooltip().getText()).startsWith("[1, 2] = 0.25"));
        assertEquals(1, clicked.size());
        assertEquals(List.of(1, 2), List.of(clicked.get(0)[0], clicked.get(0)[1]));
    }

    @Test
    void aSmallerMatrixLeavesNoCellOfTheLargerOne() {
        fx(() -> view.matrixProperty().set(new DMatrixRMaj(3, 3, true, 1, 2, 3, 4, 5, 6, 7, 8, 9)));
        assertEquals(9, cells().size());
        fx(() -> view.matrixProperty().set(new DMatrixRMaj(2, 1, true, 7, 8)));
        assertEquals(2, cells().size());
        assertEquals("8", view.cellText(1, 0));
        assertNull(view.cellText(2, 2));
        assertNull(fx(() -> view.lookup("#cell-0-1")));
        fx(() -> view.matrixProperty().set(new DMatrixRMaj(3, 3, true, 9, 8, 7, 6, 5, 4, 3, 2, 1)));
        assertEquals("1", view.cellText(2, 2));
        assertEquals(9, cells().size());
    }

    @Test
    void aHiddenNumberTakesItsCellsPlaceAndGivesItBack() {
        fx(() -> {
            view.matrixProperty().set(new DMatrixRMaj(2, 2, true, 1, 2, 3, 4));
            view.hiddenProperty().set(new int[]{0, 1});
        });
        assertEquals(MatrixView.HIDDEN_TEXT, view.cellText(0, 1));
        assertEquals(1, fx(() -> view.lookupAll("#cell-0-1").size()));
        fx(() -> view.hiddenProperty().set(null));
        assertEquals("2", view.cellText(0, 1));
        assertEquals(1, fx(() -> view.lookupAll("#cell-0-1").size()));
    }
}
