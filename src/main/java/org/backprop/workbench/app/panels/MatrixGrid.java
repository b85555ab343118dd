package org.backprop.workbench.app.panels;

import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import org.ejml.data.DMatrixRMaj;

import java.util.function.IntFunction;

/**
 * A small matrix as a grid of numbers with row and column headers; NaN and infinities stand out in red so that an
 * overflow is seen at once.
 */
final class MatrixGrid extends GridPane {
    private final String corner;
    private final IntFunction<String> rowName;
    private final IntFunction<String> columnName;

    /**
     * @param rowName    header of row i, e.g. "j=0"
     * @param columnName header of column c, e.g. "x=1"
     */
    MatrixGrid(IntFunction<String> rowName, IntFunction<String> columnName) {
        this("", rowName, columnName);
    }

    /**
     * @param corner the matrix's name in the top-left corner, e.g. "δᴸ"
     */
    MatrixGrid(String corner, IntFunction<String> rowName, IntFunction<String> columnName) {
        this.corner = corner;
        this.rowName = rowName;
        this.columnName = columnName;
        getStyleClass().add("matrix-grid");
    }

    /** Shows a matrix (not modified). */
    void show(DMatrixRMaj m) {
        getChildren().clear();
        getColumnConstraints().clear();
        ColumnConstraints header = new ColumnConstraints();
        header.setHalignment(HPos.RIGHT);
        getColumnConstraints().add(header);
        if (!corner.isEmpty()) {
            add(styled(new Label(corner), "matrix-corner"), 0, 0);
        }
        for (int c = 0; c < m.numCols; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setHalignment(HPos.RIGHT);
            getColumnConstraints().add(cc);
            add(styled(new Label(columnName.apply(c)), "matrix-header"), c + 1, 0);
        }
        for (int r = 0; r < m.numRows; r++) {
            add(styled(new Label(rowName.apply(r)), "matrix-header"), 0, r + 1);
            for (int c = 0; c < m.numCols; c++) {
                double v = m.get(r, c);
                Label cell = styled(new Label(Formats.cell(v)), "matrix-cell");
                if (!Double.isFinite(v)) {
                    cell.getStyleClass().add("non-finite");
                }
                add(cell, c + 1, r + 1);
            }
        }
    }

    private static Label styled(Label label, String styleClass) {
        label.getStyleClass().add(styleClass);
        label.setMaxWidth(Double.MAX_VALUE);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }
}
