package org.backprop.workbench.app;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.backprop.workbench.steps.Latex;
import org.ejml.data.DMatrixRMaj;

import java.util.function.IntFunction;

/**
 * A matrix as a table of numbers on a diverging colour scale (red positive, blue negative, stronger for larger
 * magnitude), with row and column headers, one highlighted cell (the selected number) and marked cells (the entries
 * a term of the Derive view comes from). Large matrices show their first rows and columns and say how many are hidden.
 */
public final class MatrixView extends VBox {
    /** Rows and columns shown; a matrix this size still fits on a projected slide. */
    public static final int MAX_SHOWN = 12;

    /** Opacity of the colour at the largest magnitude, low enough that black or white text stays readable. */
    private static final double STRENGTH = 0.55;

    private final ObjectProperty<DMatrixRMaj> matrix = new SimpleObjectProperty<>(this, "matrix");
    private final ObjectProperty<int[]> highlight = new SimpleObjectProperty<>(this, "highlight");
    private final ObjectProperty<boolean[]> differing = new SimpleObjectProperty<>(this, "differing");
    private String differingClass = "matrix-cell-differs";
    private final ObjectProperty<java.util.List<int[]>> marks =
            new SimpleObjectProperty<>(this, "marks", java.util.List.of());
    private final ObjectProperty<int[]> hidden = new SimpleObjectProperty<>(this, "hidden");
    private final GridPane grid = new GridPane();
    private final Label caption = new Label();
    private java.util.function.BiConsumer<Integer, Integer> onCellClicked;
    private IntFunction<String> rowHeader = Integer::toString;
    private IntFunction<String> columnHeader = Integer::toString;

    public MatrixView() {
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add("matrix-view");
        grid.getStyleClass().add("matrix-grid");
        grid.setHgap(2);
        grid.setVgap(2);
        caption.getStyleClass().add("matrix-caption");
        setSpacing(4);
        getChildren().addAll(caption, grid);
    }

    private void initListeners() {
        matrix.addListener((o, a, b) -> rebuild());
        highlight.addListener((o, a, b) -> rebuild());
        differing.addListener((o, a, b) -> rebuild());
        marks.addListener((o, a, b) -> rebuild());
        hidden.addListener((o, a, b) -> rebuild());
    }

    /** Headers: e.g. row "j = 2", column "x = 0"; called with zero-based indices. */
    public void setHeaders(IntFunction<String> rows, IntFunction<String> columns) {
        this.rowHeader = rows;
        this.columnHeader = columns;
        rebuild();
    }

    public void setCaption(String text) {
        caption.setText(text);
        caption.setVisible(text != null && !text.isEmpty());
        caption.setManaged(caption.isVisible());
    }

    /**
     * While false, changes are kept and the cells made when it turns true (or a test asks for a cell): the
     * operands of a step sit in a folded pane, and making their up to 144 cells each for every step shown was a
     * good part of the step view's refresh on a big network.
     */
    private boolean live = true;
    private boolean stale;

    /** Makes the cells now and on every change (true, the default), or only when needed again (false). */
    public void setLive(boolean on) {
        live = on;
        if (on && stale) {
            rebuild();
        }
    }

    private void ensureBuilt() {
        if (stale) {
            stale = false;
            build();
        }
    }

    private void rebuild() {
        if (!live) {
            stale = true;
            return;
        }
        stale = false;
        build();
    }

    private void build() {
        DMatrixRMaj m = matrix.get();
        if (m == null) {
            grid.getChildren().clear();
            return;
        }
        // the cells go into the grid in one change: added one by one, each addition was a change of the grid's
        // children with its own checks, most of the step view's refresh on a big network
        java.util.List<javafx.scene.Node> made = new java.util.ArrayList<>();
        int[] hide = hidden.get();
        boolean hiding = hide != null && hide.length == 2 && hide[0] < m.numRows && hide[1] < m.numCols;
        double max = 0;
        for (int r = 0; r < m.numRows; r++) {
            for (int c = 0; c < m.numCols; c++) {
                double v = m.get(r, c);
                // the scale leaves the hidden number out, or its size would show in the other cells' colours
                if (Double.isFinite(v) && !(hiding && hide[0] == r && hide[1] == c)) {
                    max = Math.max(max, Math.abs(v));
                }
            }
        }
        int rows = Math.min(m.numRows, MAX_SHOWN);
        int cols = Math.min(m.numCols, MAX_SHOWN);
        for (int c = 0; c < cols; c++) {
            Label h = header(columnHeader.apply(c));
            place(made, h, c + 1, 0);
            GridPane.setHalignment(h, HPos.CENTER);
        }
        int[] hl = highlight.get();
        for (int r = 0; r < rows; r++) {
            Label h = header(rowHeader.apply(r));
            place(made, h, 0, r + 1);
            GridPane.setHalignment(h, HPos.RIGHT);
            for (int c = 0; c < cols; c++) {
                double v = m.get(r, c);
                if (hiding && hide[0] == r && hide[1] == c) {
                    place(made, hiddenCell(r, c), c + 1, r + 1);
                    continue;
                }
                Label cell = new Label(Latex.plainNumber(v));
                cell.setId("cell-" + r + "-" + c);
                cell.setUserData(v);
                cell.getStyleClass().add("matrix-cell");
                cell.setAlignment(Pos.CENTER_RIGHT);
                cell.setMaxWidth(Double.MAX_VALUE);
                cell.setMinWidth(USE_PREF_SIZE);   // numbers are never elided to "-0.0..."
                cell.setPrefWidth(Region.USE_COMPUTED_SIZE);
                String background = "-fx-background-color: " + Palette.css(Palette.diverging(v, max, STRENGTH)) + ";";
                boolean[] differs = differing.get();
                if (differs != null && differs.length == m.getNumElements() && differs[r * m.numCols + c]) {
                    // the stylesheet's colours (theme-aware) instead of the diverging scale
                    cell.getStyleClass().add(differingClass);
                    background = "";
                }
                boolean selected = hl != null && hl.length == 2 && hl[0] == r && hl[1] == c;
                if (selected) {
                    cell.getStyleClass().add("matrix-cell-selected");
                    background += "-fx-border-color: " + Palette.css(Palette.HIGHLIGHT) + "; -fx-border-width: 2.5;";
                }
                if (isMarked(r, c)) {
                    cell.getStyleClass().add("matrix-cell-marked");
                    background += "-fx-border-color: " + Palette.css(Palette.HIGHLIGHT) + "; -fx-border-width: 2.5;"
                            + " -fx-border-style: segments(4, 3);";
                }
                cell.setStyle(background);
                int tipRow = r;
                int tipColumn = c;
                Tooltips.onHover(cell, () -> "[" + tipRow + ", " + tipColumn + "] = " + v
                        + (onCellClicked != null ? "\n" + org.backprop.workbench.i18n.Messages.get("matrix.clickTip")
                        : ""));
                int row = r;
                int col = c;
                cell.setOnMouseClicked(e -> {
                    if (onCellClicked != null) {
                        onCellClicked.accept(row, col);
                    }
                });
                // a right click first selects the number, so that the menu it opens (Derive) is about this cell
                cell.setOnContextMenuRequested(e -> {
                    if (onCellClicked != null) {
                        onCellClicked.accept(row, col);
                    }
                });
                place(made, cell, c + 1, r + 1);
            }
        }
        if (m.numRows > rows || m.numCols > cols) {
            Label more = new Label(org.backprop.workbench.i18n.Messages.get("matrix.more", rows, m.numRows, cols,
                    m.numCols));
            more.getStyleClass().add("matrix-more");
            GridPane.setConstraints(more, 0, rows + 1, cols + 1, 1);
            made.add(more);
        }
        grid.getChildren().setAll(made);
    }

    private static void place(java.util.List<javafx.scene.Node> made, javafx.scene.Node node, int column, int row) {
        GridPane.setConstraints(node, column, row);
        made.add(node);
    }

    private boolean isMarked(int r, int c) {
        for (int[] m : marks.get() == null ? java.util.List.<int[]>of() : marks.get()) {
            if (m[0] == r && m[1] == c) {
                return true;
            }
        }
        return false;
    }

    /** A cell whose number a quiz asks for: "?" on a neutral ground, its value nowhere (text, colour, tooltip). */
    private static Label hiddenCell(int r, int c) {
        Label cell = new Label(HIDDEN_TEXT);
        cell.setId("cell-" + r + "-" + c);
        cell.getStyleClass().addAll("matrix-cell", "matrix-cell-hidden");
        cell.setAlignment(Pos.CENTER);
        cell.setMaxWidth(Double.MAX_VALUE);
        cell.setMinWidth(USE_PREF_SIZE);
        Tooltips.onHover(cell, () -> org.backprop.workbench.i18n.Messages.get("quiz.hiddenCell"));
        return cell;
    }


    /** What a hidden number shows. */
    public static final String HIDDEN_TEXT = "?";

    private static Label header(String text) {
        Label l = new Label(text);
        l.setMinWidth(USE_PREF_SIZE);
        l.getStyleClass().add("matrix-header");
        return l;
    }

    /** Called with (row, column) when a cell is clicked. */
    public void setOnCellClicked(java.util.function.BiConsumer<Integer, Integer> handler) {
        this.onCellClicked = handler;
        rebuild();
    }

    public ObjectProperty<DMatrixRMaj> matrixProperty() { return matrix; }

    /**
     * The entries that differ (row-major, the matrix's size), such as those of a student's matrix beyond the
     * tolerance of the workbench's; null for none. They get the style class of {@link #setDifferingClass}
     * ("matrix-cell-differs" unless set) instead of the diverging scale.
     */
    public ObjectProperty<boolean[]> differingProperty() { return differing; }

    /** The style class of the differing cells. */
    public void setDifferingClass(String styleClass) {
        this.differingClass = styleClass;
        rebuild();
    }

    /** True if the cell is shown as differing; for tests. */
    public boolean showsDiffering(int row, int column) {
        ensureBuilt();
        return grid.getChildren().stream().filter(n -> ("cell-" + row + "-" + column).equals(n.getId()))
                .anyMatch(n -> n.getStyleClass().contains(differingClass));
    }

    /** The cell {row, column} whose number is hidden (a lesson's quiz asks for it), or null. */
    public ObjectProperty<int[]> hiddenProperty() { return hidden; }

    /** The cell {row, column} to mark, or null. */
    public ObjectProperty<int[]> highlightProperty() { return highlight; }

    /** Cells {row, column} to mark besides the highlighted one (the sources of the term under the mouse in Derive). */
    public ObjectProperty<java.util.List<int[]>> marksProperty() { return marks; }

    /** True if cell {row, column} is shown marked; for tests. */
    public boolean cellMarked(int row, int column) {
        ensureBuilt();
        return grid.getChildren().stream().anyMatch(n -> ("cell-" + row + "-" + column).equals(n.getId())
                && n.getStyleClass().contains("matrix-cell-marked"));
    }

    /** The displayed text of a cell, for tests and snapshots; null if not shown. */
    public String cellText(int row, int column) {
        ensureBuilt();
        return grid.getChildren().stream().filter(n -> ("cell-" + row + "-" + column).equals(n.getId()))
                .map(n -> ((Label) n).getText()).findFirst().orElse(null);
    }
}
