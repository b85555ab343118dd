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
            Label h = header(columnHeaders, c, c + 1, 0, HPos.CENTER);
            h.setText(columnHeader.apply(c));
            made.add(h);
        }
        int[] hl = highlight.get();
        boolean[] differs = differing.get();
        for (int r = 0; r < rows; r++) {
            Label h = header(rowHeaders, r, 0, r + 1, HPos.RIGHT);
            h.setText(rowHeader.apply(r));
            made.add(h);
            for (int c = 0; c < cols; c++) {
                double v = m.get(r, c);
                if (hiding && hide[0] == r && hide[1] == c) {
                    place(made, hiddenCell(r, c), c + 1, r + 1);
                    continue;
                }
                Label cell = cell(r, c);
                cell.setText(Latex.plainNumber(v));
                cell.setUserData(v);
                java.util.List<String> classes = new java.util.ArrayList<>(4);
                classes.add("matrix-cell");
                String background = "-fx-background-color: " + Palette.css(Palette.diverging(v, max, STRENGTH)) + ";";
                if (differs != null && differs.length == m.getNumElements() && differs[r * m.numCols + c]) {
                    // the stylesheet's colours (theme-aware) instead of the diverging scale
                    classes.add(differingClass);
                    background = "";
                }
                boolean selected = hl != null && hl.length == 2 && hl[0] == r && hl[1] == c;
                if (selected) {
                    classes.add("matrix-cell-selected");
                    background += "-fx-border-color: " + Palette.css(Palette.HIGHLIGHT) + "; -fx-border-width: 2.5;";
                }
                if (isMarked(r, c)) {
                    classes.add("matrix-cell-marked");
                    background += "-fx-border-color: " + Palette.css(Palette.HIGHLIGHT) + "; -fx-border-width: 2.5;"
                            + " -fx-border-style: segments(4, 3);";
                }
                if (!cell.getStyleClass().equals(classes)) {
                    cell.getStyleClass().setAll(classes);
                }
                cell.setStyle(background);
                made.add(cell);
            }
        }
        if (m.numRows > rows || m.numCols > cols) {
            if (more == null) {
                more = new Label();
                more.getStyleClass().add("matrix-more");
            }
            more.setText(org.backprop.workbench.i18n.Messages.get("matrix.more", rows, m.numRows, cols, m.numCols));
            GridPane.setConstraints(more, 0, rows + 1, cols + 1, 1);
            made.add(more);
        }
        // the same cells as before (a new analysis of the same network): no change of the grid's children at all
        if (!grid.getChildren().equals(made)) {
            grid.getChildren().setAll(made);
        }
    }

    /**
     * The cells, headers and "more" note made so far, used again by every build: a new label entering the window
     * is matched against every style sheet and gets a skin of its own, and for a step's result of 10 x 8 numbers
     * that was most of the step view's refresh on a big network (PulseLatencyBenchmark, by JFR).
     */
    private final java.util.Map<Integer, Label> cells = new java.util.HashMap<>();
    private final java.util.List<Label> columnHeaders = new java.util.ArrayList<>();
    private final java.util.List<Label> rowHeaders = new java.util.ArrayList<>();
    private Label more;

    /** The label of the number at (r, c), made the first time it is shown. */
    private Label cell(int r, int c) {
        return cells.computeIfAbsent(r * MAX_SHOWN + c, k -> {
            Label cell = new Label();
            cell.setId("cell-" + r + "-" + c);
            cell.setAlignment(Pos.CENTER_RIGHT);
            cell.setMaxWidth(Double.MAX_VALUE);
            cell.setMinWidth(USE_PREF_SIZE);   // numbers are never elided to "-0.0..."
            cell.setPrefWidth(Region.USE_COMPUTED_SIZE);
            // the tooltip says the number shown now (the label shows the numbers of one analysis after another)
            cell.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_ENTERED, e -> {
                String text = "[" + r + ", " + c + "] = " + cell.getUserData() + (onCellClicked != null
                        ? "\n" + org.backprop.workbench.i18n.Messages.get("matrix.clickTip") : "");
                if (cell.getTooltip() == null) {
                    cell.setTooltip(new javafx.scene.control.Tooltip(text));
                } else {
                    cell.getTooltip().setText(text);
                }
            });
            cell.setOnMouseClicked(e -> {
                if (onCellClicked != null) {
                    onCellClicked.accept(r, c);
                }
            });
            // a right click first selects the number, so that the menu it opens (Derive) is about this cell
            cell.setOnContextMenuRequested(e -> {
                if (onCellClicked != null) {
                    onCellClicked.accept(r, c);
                }
            });
            GridPane.setConstraints(cell, c + 1, r + 1);
            return cell;
        });
    }

    /** The i-th row or column header, made the first time it is shown. */
    private static Label header(java.util.List<Label> made, int i, int column, int row, HPos alignment) {
        while (made.size() <= i) {
            made.add(null);
        }
        if (made.get(i) == null) {
            Label l = new Label();
            l.setMinWidth(USE_PREF_SIZE);
            l.getStyleClass().add("matrix-header");
            GridPane.setConstraints(l, column, row);
            GridPane.setHalignment(l, alignment);
            made.set(i, l);
        }
        return made.get(i);
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
