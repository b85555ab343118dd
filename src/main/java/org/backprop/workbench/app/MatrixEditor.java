package org.backprop.workbench.app;

import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import org.backprop.workbench.i18n.Messages;
import org.ejml.data.DMatrixRMaj;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * An editable matrix: one text field per number, committed on Enter or when the field loses focus. A field that
 * does not hold a finite number is marked and not committed.
 */
final class MatrixEditor extends GridPane {
    /** Cells beyond which a matrix is not offered for editing (a grid of text fields stops being usable). */
    static final int MAX_CELLS = 256;

    /** A committed cell: row, column, value. */
    interface Commit {
        void apply(int row, int column, double value);
    }

    MatrixEditor(String idPrefix, DMatrixRMaj m, IntFunction<String> rowHeader, IntFunction<String> colHeader,
                 Commit commit, Consumer<String> complain) {
        getStyleClass().add("matrix-editor");
        setHgap(3);
        setVgap(3);
        if ((long) m.numRows * m.numCols > MAX_CELLS) {
            Label tooMany = new Label(Messages.get("matrixEditor.tooMany", m.numRows, m.numCols,
                    m.numRows * m.numCols));
            tooMany.setWrapText(true);
            tooMany.setMaxWidth(260);
            add(tooMany, 0, 0);
            return;
        }
        for (int c = 0; c < m.numCols; c++) {
            Label h = new Label(colHeader.apply(c));
            h.getStyleClass().add("matrix-header");
            add(h, c + 1, 0);
            GridPane.setHalignment(h, HPos.CENTER);
        }
        for (int r = 0; r < m.numRows; r++) {
            Label h = new Label(rowHeader.apply(r));
            h.getStyleClass().add("matrix-header");
            add(h, 0, r + 1);
            for (int c = 0; c < m.numCols; c++) {
                double value = m.get(r, c);
                TextField field = new TextField(format(value));
                field.setId(idPrefix + "-" + r + "-" + c);
                field.getStyleClass().add("matrix-field");
                field.setPrefColumnCount(Math.max(4, Math.min(12, field.getText().length())));
                field.setTooltip(new Tooltip(Messages.get("matrixEditor.cellTip", rowHeader.apply(r),
                        colHeader.apply(c))));
                int row = r;
                int col = c;
                Runnable apply = () -> {
                    String text = field.getText().trim().replace('−', '-').replace(',', '.');
                    if (text.equals(format(value))) {
                        return;
                    }
                    try {
                        double v = Double.parseDouble(text);
                        if (!Double.isFinite(v)) {
                            throw new NumberFormatException();
                        }
                        field.getStyleClass().remove("invalid");
                        commit.apply(row, col, v);
                    } catch (NumberFormatException e) {
                        if (!field.getStyleClass().contains("invalid")) {
                            field.getStyleClass().add("invalid");
                        }
                        complain.accept(Messages.get("matrixEditor.notANumber", field.getText()));
                    }
                };
                field.setOnAction(e -> apply.run());
                field.focusedProperty().addListener((o, was, now) -> {
                    if (!now) {
                        apply.run();
                    }
                });
                add(field, c + 1, r + 1);
            }
        }
    }

    /** Full precision but short: 0.15 stays 0.15, 1/3 shows 0.333333333333. */
    static String format(double v) {
        String s = Double.toString(v);
        if (s.length() > 14) {
            s = String.format(Locale.ROOT, "%.12g", v).replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
