package org.backprop.workbench.app;

import javafx.animation.AnimationTimer;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import org.backprop.workbench.i18n.Messages;
import org.ejml.data.DMatrixRMaj;

import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * An editable matrix: one text field per number, committed on Enter or when the field loses focus. A field that
 * does not hold a finite number is marked and not committed. A matrix of more than {@link #AT_ONCE_CELLS} numbers
 * gets its fields over a few frames.
 */
final class MatrixEditor extends GridPane {
    /** Cells beyond which a matrix is not offered for editing (a grid of text fields stops being usable). */
    static final int MAX_CELLS = 256;

    /** A committed cell: row, column, value. */
    interface Commit {
        void apply(int row, int column, double value);
    }

    MatrixEditor(String idPrefix, DMatrixRMaj m, IntFunction<String> rowHeader, IntFunction<String> colHeader,
                 Commit commit, Consumer<java.util.function.Supplier<String>> complain) {
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
        this.m = m;
        this.idPrefix = idPrefix;
        this.rowHeader = rowHeader;
        this.colHeader = colHeader;
        this.commit = commit;
        this.complain = complain;
        for (int c = 0; c < m.numCols; c++) {
            Label h = new Label(colHeader.apply(c));
            h.getStyleClass().addAll("matrix-header", "matrix-column-header");
            h.setMinWidth(Region.USE_PREF_SIZE);
            add(h, c + 1, 0);
            GridPane.setHalignment(h, HPos.CENTER);
        }
        if ((long) m.numRows * m.numCols <= AT_ONCE_CELLS) {
            while (builtRows < m.numRows) {
                addRow(builtRows++);
            }
        }
        if (builtRows < m.numRows) {
            // the rest when in the window (the builder may be hidden, or this editor replaced before it is shown)
            sceneProperty().addListener((o, was, now) -> {
                if (now != null && !complete()) {
                    FILLER.add(this);
                }
            });
        }
    }

    /**
     * A matrix of up to this many cells gets its fields at once; a larger one when the editor is in the window, at
     * most {@link #CELLS_PER_PULSE} cells of all editors per frame. A text field is a control with a skin of its own:
     * big.json's 128 biases and 80 targets made at once kept the FX thread busy for most of a second (their CSS
     * pass, by JFR), and the window did not paint meanwhile. Every editor of the default network is made at once.
     */
    static final int AT_ONCE_CELLS = 24;
    /** Most cells added per frame, over all editors. */
    static final int CELLS_PER_PULSE = 16;
    /**
     * FX-thread CPU time a frame may take, the new fields' styling in its pulse included (ns): 16 fields with their
     * skins took 40–60 ms of a pulse while a big network's traces and checks arrived (PulseLatencyBenchmark, by JFR),
     * so the count per frame halves when a frame took more than twice this, and grows again below it.
     */
    static final long FRAME_BUDGET_NANOS = 25_000_000L;

    private DMatrixRMaj m;
    private String idPrefix;
    private IntFunction<String> rowHeader;
    private IntFunction<String> colHeader;
    private Commit commit;
    private Consumer<java.util.function.Supplier<String>> complain;
    private int builtRows;
    /** The id of a field to focus once it is made (the builder was rebuilt while it had the focus). */
    private String focusWhenMade;

    /** Adds the rows of the editors waiting for them, a few cells per frame; stops when none waits. */
    private static final class Filler extends AnimationTimer {
        private final java.util.ArrayDeque<MatrixEditor> waiting = new java.util.ArrayDeque<>();
        private final java.lang.management.ThreadMXBean threads =
                java.lang.management.ManagementFactory.getThreadMXBean();
        /** Cells per frame now; it starts low, as the first frames after a network opens are the busiest. */
        private int perFrame = 2;
        /** The FX thread's CPU time at the last frame's fill, or -1 when idle. */
        private long lastCpu = -1;

        void add(MatrixEditor editor) {
            if (!waiting.contains(editor)) {
                waiting.add(editor);
                start();
            }
        }

        private long cpuTime() {
            return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : System.nanoTime();
        }

        @Override
        public void handle(long now) {
            if (PulseQueue.fx().occupied()) {
                lastCpu = -1;   // a frame of the queue's (a network opened, a result published): the fields wait
                return;
            }
            long cpu = cpuTime();
            if (lastCpu >= 0) {
                // the whole last frame: this fill's fields, the pulse that styled them, and whatever else ran
                long spent = cpu - lastCpu;
                if (spent > 2 * FRAME_BUDGET_NANOS) {
                    perFrame = Math.max(1, perFrame / 2);
                } else if (spent < FRAME_BUDGET_NANOS) {
                    perFrame = Math.min(CELLS_PER_PULSE, perFrame + 2);
                }
            }
            lastCpu = cpu;
            int cells = 0;
            while (cells < perFrame && !waiting.isEmpty()) {
                MatrixEditor e = waiting.peek();
                if (e.getScene() == null || e.complete()) {
                    waiting.poll();   // out of the window (a rebuild replaced it): it goes on if it comes back
                    continue;
                }
                e.addRow(e.builtRows++);
                cells += e.m.numCols;
            }
            if (waiting.isEmpty()) {
                lastCpu = -1;
                perFrame = 2;
                stop();
            }
        }
    }

    private static final Filler FILLER = new Filler();

    /** True when every cell has its field (a large matrix gets them over a few frames). */
    boolean complete() {
        return m == null || builtRows == m.numRows;
    }

    /**
     * Focuses the field with this id now if it is made, else when it is; false if the id is not one of this
     * editor's.
     */
    boolean focusField(String id) {
        if (m == null || id == null || !id.startsWith(idPrefix + "-")) {
            return false;
        }
        javafx.scene.Node n = lookup("#" + id);
        if (n != null) {
            n.requestFocus();
        } else {
            focusWhenMade = id;
        }
        return true;
    }

    private void addRow(int r) {
        Label h = new Label(rowHeader.apply(r));
        h.getStyleClass().add("matrix-header");
        h.setMinWidth(Region.USE_PREF_SIZE);   // "k=0", never "…"
        add(h, 0, r + 1);
        for (int c = 0; c < m.numCols; c++) {
            double value = m.get(r, c);
            TextField field = new NumberField(format(value));
            field.setId(idPrefix + "-" + r + "-" + c);
            field.getStyleClass().add("matrix-field");
            String rowName = rowHeader.apply(r);
            String columnName = colHeader.apply(c);
            Tooltips.onHover(field, () -> Messages.get("matrixEditor.cellTip", rowName, columnName));
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
                    String typed = field.getText();
                    complain.accept(() -> Messages.get("matrixEditor.notANumber", typed));
                }
            };
            field.setOnAction(e -> apply.run());
            field.focusedProperty().addListener((o, was, now) -> {
                if (!now) {
                    apply.run();
                }
            });
            add(field, c + 1, r + 1);
            if (field.getId().equals(focusWhenMade)) {
                focusWhenMade = null;
                field.requestFocus();
            }
        }
    }

    /**
     * A cell's text field: {@link #MIN_COLUMNS} wide or as wide as its number if wider (in the field's own font, at
     * any zoom), and never narrower than its number, so that a full-precision weight is read whole; the builder
     * scrolls sideways instead. When the column is short of room a field gives up its spare columns first: the
     * least width is the number's own, so that big.json's 10×8 targets of 0s and 1s fit a 1024-wide window's builder
     * (at {@link #MIN_COLUMNS} each they were ~70 px too wide, and the whole builder scrolled sideways).
     */
    static final class NumberField extends TextField {
        /** Room for the caret after the last digit, in px. */
        private static final double CARET = 2;

        NumberField(String text) {
            super(text);
            setPrefColumnCount(MIN_COLUMNS);
            // a longer number typed in widens the field (and the grid) on the next layout
            textProperty().addListener((o, a, b) -> {
                if (getParent() != null) {
                    getParent().requestLayout();
                }
            });
        }

        /** The width of the field's number on one line (a digit's if it is empty), plus its padding. */
        double textWidth() {
            Text probe = new Text(getText() == null || getText().isEmpty() ? EMPTY : getText());
            probe.setFont(getFont());
            Insets in = getInsets();
            return Math.ceil(probe.getLayoutBounds().getWidth()) + in.getLeft() + in.getRight() + CARET;
        }

        @Override
        protected double computePrefWidth(double height) {
            return Math.max(super.computePrefWidth(height), textWidth());
        }

        /** An emptied field keeps room for a digit to be typed in. */
        private static final String EMPTY = "0";

        @Override
        protected double computeMinWidth(double height) {
            return textWidth();
        }
    }

    /** Narrowest cell, in characters: "0.35" and "-0.1" are not cramped. */
    static final int MIN_COLUMNS = 4;

    /** Full precision but short: 0.15 stays 0.15, 1/3 shows 0.333333333333. */
    static String format(double v) {
        String s = Double.toString(v);
        if (s.length() > 14) {
            s = String.format(Locale.ROOT, "%.12g", v).replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
