package org.backprop.workbench.app;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableDoubleValue;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.check.CheckResult;
import org.backprop.workbench.check.CheckSummary;
import org.backprop.workbench.check.Formula;
import org.backprop.workbench.lesson.Quantity;
import javafx.beans.property.SimpleObjectProperty;
import org.backprop.workbench.steps.Latex;
import org.backprop.workbench.steps.Notation;
import org.backprop.workbench.steps.Operand;
import org.backprop.workbench.steps.Phase;
import org.backprop.workbench.steps.Step;
import org.backprop.workbench.steps.StepDetail;
import org.backprop.workbench.steps.StepKind;
import org.backprop.workbench.steps.Steps;

import java.util.Locale;
import java.util.function.IntFunction;

/**
 * The detail of the current step: its formula typeset (batch form when m &gt; 1), the formula with the numbers
 * and shapes, the result as a coloured matrix, the operands, and for backward steps the verdict of the numerical
 * checks of its formula.
 */
public final class StepDetailView extends ScrollPane {
    private final ObservableValue<Analysis> analysis;
    private final ObservableValue<Step> step;
    private final ObservableValue<Notation> notation;
    private final ObjectProperty<CheckResult> selected;
    private final ObservableDoubleValue zoom;
    private final ObservableBooleanValue dark;
    private final ObservableBooleanValue checking;

    private final VBox content = new VBox();
    private final Label title = new Label();
    private final Label phase = new Label();
    private final Label verdict = new Label();
    private final FormulaView formula = new FormulaView();
    private final Label formCaption = new Label();
    private final FormulaView singleFormula = new FormulaView();
    private final Label mistake = new Label();
    private final Label shapes = new Label();
    private final FormulaView substituted = new FormulaView();
    private final MatrixView result = new MatrixView();
    private final Label notationNote = new Label();
    private final FlowPane operands = new FlowPane();
    private final java.util.List<MatrixView> operandViews = new java.util.ArrayList<>();
    private final TitledPane operandsPane = new TitledPane("Operands", operands);
    private final Label numbersHidden = new Label();
    private final ObjectProperty<Quantity> hiddenEntry = new SimpleObjectProperty<>(this, "hiddenEntry");
    private ScrollPane subScroll;
    private StepDetail detail;

    public StepDetailView(ObservableValue<Analysis> analysis, ObservableValue<Step> step,
                          ObservableValue<Notation> notation, ObjectProperty<CheckResult> selected,
                          ObservableDoubleValue zoom, ObservableBooleanValue dark, ObservableBooleanValue checking) {
        this.analysis = analysis;
        this.step = step;
        this.notation = notation;
        this.selected = selected;
        this.zoom = zoom;
        this.dark = dark;
        this.checking = checking;
        createView();
        initListeners();
        refresh();
    }

    private void createView() {
        getStyleClass().addAll("step-detail", "edge-to-edge");
        setFitToWidth(true);
        content.getStyleClass().add("step-detail-content");
        content.setPadding(new Insets(14, 18, 18, 18));
        content.setSpacing(10);
        title.getStyleClass().addAll("title-3", "step-title");
        title.setWrapText(true);
        title.setId("stepTitle");
        phase.getStyleClass().add("phase-chip");
        verdict.setId("stepVerdict");
        verdict.getStyleClass().add("verdict-box");
        verdict.setWrapText(true);
        verdict.setMaxWidth(Double.MAX_VALUE);
        formula.setId("stepFormula");
        formCaption.getStyleClass().add("caption");
        formCaption.setWrapText(true);
        singleFormula.sizeProperty().set(FormulaView.BASE_SIZE * 0.8);
        mistake.setId("stepMistake");
        mistake.getStyleClass().add("mistake-note");
        mistake.setWrapText(true);
        mistake.setMaxWidth(Double.MAX_VALUE);
        shapes.setId("stepShapes");
        shapes.getStyleClass().add("shapes");
        substituted.setId("stepSubstituted");
        substituted.sizeProperty().set(FormulaView.BASE_SIZE * 0.8);
        result.setId("stepResult");
        result.setOnCellClicked(this::selectCheckAt);
        notationNote.setId("notationNote");
        notationNote.getStyleClass().add("caption");
        notationNote.setWrapText(true);
        operands.setHgap(18);
        operands.setVgap(12);
        operandsPane.setExpanded(false);
        operandsPane.setAnimated(false);
        phase.setMinWidth(Region.USE_PREF_SIZE);   // the title wraps; the chip is never elided to "b..."
        HBox head = new HBox(10, title, phase);
        head.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        numbersHidden.setId("stepNumbersHidden");
        numbersHidden.getStyleClass().add("caption");
        numbersHidden.setWrapText(true);
        numbersHidden.setText(org.backprop.workbench.i18n.Messages.get("quiz.hiddenNumbers"));
        subScroll = new ScrollPane(substituted);
        subScroll.getStyleClass().add("edge-to-edge");
        subScroll.setFitToHeight(true);
        subScroll.setVbarPolicy(ScrollBarPolicy.NEVER);
        subScroll.setHbarPolicy(ScrollBarPolicy.AS_NEEDED);
        substituted.fitWidthProperty().bind(widthProperty().subtract(48));
        VBox formulaColumn = new VBox(8, section("Formula"), formula, formCaption, singleFormula, mistake);
        VBox resultColumn = new VBox(8, section("Result"), result, notationNote);
        // captions wrap at a readable width instead of pushing the result below the formula
        formCaption.prefWidthProperty().bind(Bindings.multiply(zoom, 440));
        mistake.prefWidthProperty().bind(Bindings.multiply(zoom, 440));
        // side by side when both fit, the result under the formula when not
        FlowPane columns = new FlowPane(40, 12, formulaColumn, resultColumn);
        columns.setRowValignment(javafx.geometry.VPos.TOP);
        columns.prefWrapLengthProperty().bind(widthProperty().subtract(48));
        content.getChildren().addAll(head, verdict, columns, section("With the numbers"), shapes, subScroll,
                numbersHidden, operandsPane);
        setContent(content);
    }

    private static Label section(String text) {
        Label l = new Label(text.toUpperCase(Locale.ROOT));
        l.getStyleClass().add("section-label");
        return l;
    }

    private void initListeners() {
        analysis.addListener((o, a, b) -> refresh());
        step.addListener((o, a, b) -> refresh());
        notation.addListener((o, a, b) -> refresh());
        hiddenEntry.addListener((o, a, b) -> refresh());
        checking.addListener((o, a, b) -> refreshVerdict());
        selected.addListener((o, a, b) -> refreshHighlight());
        for (FormulaView f : new FormulaView[]{formula, singleFormula, substituted}) {
            f.zoomProperty().bind(zoom);
        }
        dark.addListener((o, a, b) -> applyForeground());
        applyForeground();
    }

    private void applyForeground() {
        Color fg = dark.get() ? Color.web("#e6edf3") : Color.web("#1f2328");
        for (FormulaView f : new FormulaView[]{formula, singleFormula, substituted}) {
            f.foregroundProperty().set(fg);
        }
    }

    /** The step shown and its detail; null before the first analysis. */
    public StepDetail getDetail() { return detail; }

    /** The node to snapshot for "export step as PNG". */
    public Node getSnapshotTarget() { return content; }

    public MatrixView resultView() { return result; }

    /** The operands' matrices, in the order of {@link StepDetail#operands()} of {@link #getDetail()}. */
    public java.util.List<MatrixView> operandViews() { return java.util.Collections.unmodifiableList(operandViews); }

    private void refresh() {
        Analysis an = analysis.getValue();
        Step s = step.getValue();
        if (an == null || s == null || s.depth() != an.network().depth()) {
            return;
        }
        detail = Steps.detail(an, s, notation.getValue());
        title.setText(s.label().replace("  ", " ") + " — " + s.title());
        phase.setText(s.phase() == Phase.FORWARD ? "forward" : "backward");
        phase.getStyleClass().removeAll("phase-forward", "phase-backward");
        phase.getStyleClass().add(s.phase() == Phase.FORWARD ? "phase-forward" : "phase-backward");
        formula.latexProperty().set(detail.latex());
        int m = an.batch().size();
        if (detail.batch()) {
            formCaption.setText("Batch form, m = " + m + " samples as columns"
                    + (s.kind() == StepKind.GRAD_B ? "; 1 is the vector of " + m + " ones (a sum over the samples)" : "")
                    + (s.kind() == StepKind.GRAD_A ? "; the 1/m of the mean cost enters here, and only here" : "")
                    + (s.kind() == StepKind.Z ? "; b 1ᵀ repeats the bias for every sample" : "")
                    + ". For one sample:");
            singleFormula.latexProperty().set(detail.singleLatex());
        } else {
            formCaption.setText("One sample (m = 1).");
            singleFormula.latexProperty().set("");
        }
        singleFormula.setVisible(detail.batch());
        singleFormula.setManaged(detail.batch());
        mistake.setText(detail.mistaken() ? "Deliberate mistake: " + detail.mistakeNote()
                + ". The red part is the wrong version." : "");
        mistake.setVisible(detail.mistaken());
        mistake.setManaged(detail.mistaken());
        shapes.setText("shapes   " + detail.shapes().replace("^T", "ᵀ"));
        substituted.narrowLatexProperty().set(detail.stackedLatex());
        substituted.latexProperty().set(detail.substitutedLatex());
        Operand r = detail.result();
        result.setCaption(Latex.pretty(r.name()) + "  ·  " + r.shape());
        headers(result, s, notation.getValue(), r);
        java.util.List<Quantity> hide = org.backprop.workbench.app.panels.HiddenNumbers.of(hiddenEntry.get(), m);
        int[] hiddenResult = hiddenCell(hide, r.name(), notation.getValue());
        boolean anyHidden = hiddenResult != null;
        result.hiddenProperty().set(hiddenResult);
        result.matrixProperty().set(r.value());
        notationNote.setText(Latex.pretty(detail.notationNote()));
        notationNote.setVisible(!detail.notationNote().isEmpty());
        notationNote.setManaged(notationNote.isVisible());
        operands.getChildren().clear();
        operandViews.clear();
        for (Operand o : detail.operands()) {
            MatrixView v = new MatrixView();
            operandViews.add(v);
            v.setCaption(Latex.pretty(o.name()) + "  ·  " + o.shape());
            int[] cell = hiddenCell(hide, o.name(), notation.getValue());
            anyHidden |= cell != null;
            v.hiddenProperty().set(cell);
            v.matrixProperty().set(o.value());
            operands.getChildren().add(v);
        }
        // the formula with the numbers would show the hidden number (or the result it is read from)
        subScroll.setVisible(!anyHidden);
        subScroll.setManaged(!anyHidden);
        numbersHidden.setVisible(anyHidden);
        numbersHidden.setManaged(anyHidden);
        refreshVerdict();
        refreshHighlight();
    }

    /**
     * The cell of a displayed matrix named {@code name} (an operand or a result: "δ^2", "w^1", "∇_a C") that holds
     * one of the hidden entries, as displayed in {@code notation}; null if the matrix holds none.
     */
    static int[] hiddenCell(java.util.List<Quantity> hidden, String name, Notation notation) {
        Quantity q = hidden.stream().filter(h -> name.equals(matrixName(h))).findFirst().orElse(null);
        if (q == null) {
            return null;
        }
        int[] i = q.index();
        return switch (q.kind()) {
            case COST -> new int[]{0, 0};
            case B, GRAD_B -> new int[]{i[0], 0};
            case W, GRAD_W -> notation.transposesWeights() ? new int[]{i[1], i[0]} : new int[]{i[0], i[1]};
            default -> new int[]{i[0], i[1]};
        };
    }

    /** The plain-text name the step detail gives the whole matrix of an entry: "δ^2", "∇_a C", "C". */
    private static String matrixName(Quantity q) {
        return switch (q.kind()) {
            case COST -> "C";
            case GRAD_A -> q.kind().symbol();
            default -> q.kind().symbol() + "^" + q.layer();
        };
    }

    /** An entry shown as "?" (a lesson's quiz asks for it), or null. */
    public ObjectProperty<Quantity> hiddenEntryProperty() { return hiddenEntry; }

    private static void headers(MatrixView view, Step s, Notation notation, Operand r) {
        IntFunction<String> j = i -> "j=" + i;
        IntFunction<String> x = i -> "x=" + i;
        IntFunction<String> k = i -> "k=" + i;
        switch (s.kind()) {
            case COST -> view.setHeaders(i -> "", i -> "C");
            case GRAD_B -> view.setHeaders(j, i -> "∂C/∂b");
            case GRAD_W -> {
                if (notation.transposesWeights()) {
                    view.setHeaders(j, k);
                } else {
                    view.setHeaders(k, j);
                }
            }
            default -> view.setHeaders(j, x);
        }
    }

    private void refreshVerdict() {
        Analysis an = analysis.getValue();
        Step s = step.getValue();
        if (an == null || s == null || s.formula().isEmpty()) {
            verdict.setVisible(false);
            verdict.setManaged(false);
            return;
        }
        verdict.setVisible(true);
        verdict.setManaged(true);
        Formula f = s.formula().get();
        verdict.getStyleClass().removeAll("verdict-pass", "verdict-warn", "verdict-fail", "verdict-kink",
                "verdict-pending");
        if (checking.get()) {
            verdict.setText("Checking " + f + " at layer " + s.layer() + " against finite differences…");
            verdict.getStyleClass().add("verdict-pending");
            return;
        }
        if (an.checks().isEmpty()) {
            verdict.setText("The checks were cancelled: forward and backward are shown. Check ▸ Run checks again "
                    + "(F9) checks " + f + " at layer " + s.layer() + ".");
            verdict.getStyleClass().add("verdict-pending");
            return;
        }
        CheckSummary sum = Steps.summary(an, s).orElseThrow();
        var v = sum.verdict();
        verdict.getStyleClass().add("verdict-" + v.id());
        verdict.setText(Palette.verdictMark(v) + "  " + v.id().toUpperCase(Locale.ROOT) + " — " + f
                + " at layer " + s.layer() + ": " + sum.checked() + (sum.checked() == 1 ? " number" : " numbers")
                + " checked against " + an.method().description() + " "
                + "(ε = " + MainWindow.stepText(an.epsilon()) + ")  ·  " + sum.pass() + " pass, " + sum.warn() + " warn, "
                + sum.fail() + " fail, " + sum.kink() + " kink  ·  worst relative error "
                + (Double.isNaN(sum.maxRelativeError()) ? "NaN" : String.format(Locale.ROOT, "%.2e",
                sum.maxRelativeError())));
    }

    /** A click on a cell of a checked result selects that number's check (table, diagram and ε plot follow). */
    private java.util.function.Consumer<org.backprop.workbench.lesson.Quantity> onEntryClicked = q -> { };

    /** Called with the entry of a forward step's (or ∇_a C's) result cell a click hit: z, a or ∇_a C [j, x]. */
    public void setOnEntryClicked(java.util.function.Consumer<org.backprop.workbench.lesson.Quantity> handler) {
        this.onEntryClicked = handler;
    }

    private void selectCheckAt(int row, int column) {
        Analysis an = analysis.getValue();
        Step s = step.getValue();
        if (an != null && s != null && s.formula().isEmpty()) {
            org.backprop.workbench.lesson.Quantity.Kind kind = switch (s.kind()) {
                case Z -> org.backprop.workbench.lesson.Quantity.Kind.Z;
                case A -> org.backprop.workbench.lesson.Quantity.Kind.A;
                case GRAD_A -> org.backprop.workbench.lesson.Quantity.Kind.GRAD_A;
                default -> null;
            };
            if (kind != null) {
                onEntryClicked.accept(new org.backprop.workbench.lesson.Quantity(kind, s.layer(),
                        new int[]{row, column}));
            }
            return;
        }
        if (an == null || s == null) {
            return;
        }
        Formula f = s.formula().get();
        int[] index = switch (f) {
            case BP1, BP2 -> new int[]{row, column};
            case BP3 -> new int[]{row};
            case BP4 -> notation.getValue().transposesWeights() ? new int[]{column, row} : new int[]{row, column};
        };
        an.checks().stream().filter(c -> c.formula() == f && c.layer() == s.layer()
                && java.util.Arrays.equals(c.index(), index)).findFirst().ifPresent(selected::set);
    }

    private void refreshHighlight() {
        CheckResult c = selected.get();
        Step s = step.getValue();
        int[] cell = null;
        if (c != null && s != null && s.formula().isPresent() && s.formula().get() == c.formula()
                && s.layer() == c.layer()) {
            int[] i = c.index();
            cell = switch (c.formula()) {
                case BP1, BP2 -> new int[]{i[0], i[1]};
                case BP3 -> new int[]{i[0], 0};
                case BP4 -> notation.getValue().transposesWeights() ? new int[]{i[1], i[0]} : new int[]{i[0], i[1]};
            };
        }
        result.highlightProperty().set(cell);
    }
}
