package org.backprop.workbench.app;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableDoubleValue;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import org.backprop.workbench.against.Comparison;
import org.backprop.workbench.against.Diagnosis;
import org.backprop.workbench.against.QuantityComparison;
import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.check.CheckResult;
import org.backprop.workbench.check.CheckSummary;
import org.backprop.workbench.check.Formula;
import org.backprop.workbench.i18n.Messages;
import org.backprop.workbench.lesson.Quantity;
import org.backprop.workbench.steps.Latex;
import org.backprop.workbench.steps.Notation;
import org.backprop.workbench.steps.Operand;
import org.backprop.workbench.steps.Phase;
import org.backprop.workbench.steps.Step;
import org.backprop.workbench.steps.StepDetail;
import org.backprop.workbench.steps.Steps;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
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
    private final TitledPane operandsPane = new TitledPane("", operands);
    private final Label numbersHidden = new Label();
    private final ObjectProperty<Quantity> hiddenEntry = new SimpleObjectProperty<>(this, "hiddenEntry");
    private ScrollPane subScroll;
    private StepDetail detail;

    // the student's values (File ▸ Compare with my values…): a banner, and their matrix beside the correct one
    private final ObjectProperty<Comparison> comparison = new SimpleObjectProperty<>(this, "comparison");
    private final StringProperty compareNotice = new SimpleStringProperty(this, "compareNotice", "");
    private final VBox compareBanner = new VBox(4);
    private final Label compareHeadline = new Label();
    private final Label compareExplanation = new Label();
    private final Label compareDiagnosis = new Label();
    private final Label compareDiagnosisText = new Label();
    private final Label compareWrong = new Label();
    private final Label compareRight = new Label();
    private final Label compareFloat = new Label();
    private final Button compareGoFirst = new Button();
    private final HBox compareNoticeBox = new HBox(10);
    private final Label compareNoticeText = new Label();
    private final Button compareDismiss = new Button();
    private final MatrixView compareYours = new MatrixView();
    private final MatrixView compareCorrect = new MatrixView();
    private final Label compareLegend = new Label();
    private final VBox compareMatrices = new VBox(6);
    private java.util.function.Consumer<String> goToStep = id -> { };
    /** The result's cell a quiz hides (shown order), or null: the correct matrix beside the student's hides it too. */
    private int[] hiddenInResult;

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

    /** Gap between the formula and the result side by side (px); in presentation mode, where width is short. */
    private static final double COLUMN_GAP = 40;
    private static final double PRESENT_COLUMN_GAP = 24;
    /** The notation note under the result wraps no narrower than this in presentation mode (px). */
    private static final double PRESENT_NOTE_MIN = 240;

    /** True in presentation mode: the batch form's caption and the one-sample form give their room to the result. */
    private final javafx.beans.property.BooleanProperty presenting =
            new javafx.beans.property.SimpleBooleanProperty(this, "presenting", false);

    /** Presentation mode on: the step shows its title, verdict, formula and result, with no captions between. */
    public javafx.beans.property.BooleanProperty presentingProperty() { return presenting; }

    /**
     * The height the content needs to show everything down to the result's matrix (and its caption), in px at the
     * current width: presentation mode gives the step pane this much when it can.
     */
    public double heightToResult() {
        content.applyCss();
        content.layout();
        Bounds r = result.localToScene(result.getLayoutBounds());
        Bounds c = content.localToScene(content.getLayoutBounds());
        if (r == null || c == null) {
            return 0;
        }
        return r.getMaxY() - c.getMinY() + content.getPadding().getBottom();
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
        operandsPane.expandedProperty().addListener((o, was, open) -> operandViews.forEach(v -> v.setLive(open)));
        phase.setMinWidth(Region.USE_PREF_SIZE);   // the title wraps; the chip is never elided to "b..."
        HBox head = new HBox(10, title, phase);
        head.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        numbersHidden.setId("stepNumbersHidden");
        numbersHidden.getStyleClass().add("caption");
        numbersHidden.setWrapText(true);
        subScroll = new ScrollPane(substituted);
        subScroll.getStyleClass().add("edge-to-edge");
        subScroll.setFitToHeight(true);
        subScroll.setVbarPolicy(ScrollBarPolicy.NEVER);
        subScroll.setHbarPolicy(ScrollBarPolicy.AS_NEEDED);
        substituted.fitWidthProperty().bind(widthProperty().subtract(48));
        VBox formulaColumn = new VBox(8, section("step.sectionFormula"), formula, formCaption, singleFormula, mistake);
        VBox resultColumn = new VBox(8, section("step.sectionResult"), sideways(result), notationNote);
        // captions wrap at a readable width instead of pushing the result below the formula
        // (never wider than the pane: a caption wider than the pane widened the whole content, cutting off the title
        // and its phase chip on a narrow pane)
        var captionWidth = Bindings.createDoubleBinding(() -> Math.max(120, Math.min(zoom.get() * 440,
                getWidth() - 48)), zoom, widthProperty());
        formCaption.prefWidthProperty().bind(captionWidth);
        mistake.prefWidthProperty().bind(captionWidth);
        notationNote.maxWidthProperty().bind(captionWidth);
        // in presentation mode the note wraps under the matrix, so that the result column is as narrow as its
        // matrix and can stand beside the formula
        notationNote.prefWidthProperty().bind(Bindings.createDoubleBinding(() -> Math.min(presenting.get()
                        ? Math.max(PRESENT_NOTE_MIN, result.getWidth()) : captionWidth.get(),
                notationNote.getText() == null ? 0 : textWidth(notationNote)), captionWidth, notationNote.textProperty(),
                presenting, result.widthProperty()));
        // side by side when both fit, the result under the formula when not
        FlowPane columns = new FlowPane(COLUMN_GAP, 12, formulaColumn, resultColumn);
        columns.hgapProperty().bind(Bindings.when(presenting).then(PRESENT_COLUMN_GAP).otherwise(COLUMN_GAP));
        columns.setRowValignment(javafx.geometry.VPos.TOP);
        columns.prefWrapLengthProperty().bind(widthProperty().subtract(48));
        createComparisonView();
        // the student's comparison first: while it is shown it is what the step is looked at for
        content.getChildren().addAll(head, compareNoticeBox, compareBanner, compareMatrices, verdict, columns,
                section("step.sectionNumbers"), shapes, subScroll, numbersHidden, operandsPane);
        setContent(content);
        relabel();
        org.backprop.workbench.app.panels.Relabel.follow(this, StepDetailView::relabelAndRefresh);
    }

    /** The texts that do not depend on the step, in the current language. */
    private void relabel() {
        operandsPane.setText(Messages.get("step.operands"));
        numbersHidden.setText(Messages.get("quiz.hiddenNumbers"));
        sections.forEach((label, key) -> label.setText(Messages.get(key).toUpperCase(Messages.locale())));
    }

    /** After a language switch: the fixed texts, then the step's own (its captions, verdict and comparison). */
    private void relabelAndRefresh() {
        relabel();
        refresh();
    }

    /** The section headings and their message keys (upper case in the current language). */
    private final java.util.Map<Label, String> sections = new java.util.LinkedHashMap<>();

    /** The width of a label's text on one line, in its font. */
    private static double textWidth(Label label) {
        javafx.scene.text.Text probe = new javafx.scene.text.Text(label.getText());
        probe.setFont(label.getFont());
        return Math.ceil(probe.getLayoutBounds().getWidth()) + 2;
    }

    private void createComparisonView() {
        compareBanner.setId("compareBanner");
        compareBanner.getStyleClass().addAll("verdict-box", "compare-banner");
        compareBanner.setMaxWidth(Double.MAX_VALUE);
        compareHeadline.setId("compareHeadline");
        compareHeadline.getStyleClass().add("compare-headline");
        compareExplanation.setId("compareExplanation");
        compareDiagnosis.setId("compareDiagnosis");
        compareDiagnosis.getStyleClass().add("compare-diagnosis");
        compareDiagnosisText.setId("compareDiagnosisText");
        compareWrong.setId("compareWrong");
        compareWrong.getStyleClass().addAll("compare-formula", "compare-wrong");
        compareRight.setId("compareRight");
        compareRight.getStyleClass().addAll("compare-formula", "compare-right");
        compareFloat.setId("compareFloat");
        compareFloat.getStyleClass().add("caption");
        for (Label l : new Label[]{compareHeadline, compareExplanation, compareDiagnosis, compareDiagnosisText,
                compareWrong, compareRight, compareFloat}) {
            l.setWrapText(true);
            l.setMaxWidth(Double.MAX_VALUE);
        }
        compareGoFirst.setId("compareGoFirst");
        compareGoFirst.getStyleClass().add("small");
        compareGoFirst.setOnAction(e -> firstDivergence().ifPresent(q -> goToStep.accept(CompareValues.stepId(q.key()))));
        compareBanner.getChildren().addAll(compareHeadline, compareExplanation, compareDiagnosis, compareWrong,
                compareRight, compareDiagnosisText, compareFloat, compareGoFirst);
        compareNoticeBox.setId("compareNoticeBox");
        compareNoticeBox.getStyleClass().addAll("verdict-box", "verdict-pending");
        compareNoticeBox.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        compareNoticeText.setId("compareNotice");
        compareNoticeText.setWrapText(true);
        compareNoticeText.setMaxWidth(Double.MAX_VALUE);
        javafx.scene.layout.HBox.setHgrow(compareNoticeText, javafx.scene.layout.Priority.ALWAYS);
        compareDismiss.setId("compareDismiss");
        compareDismiss.getStyleClass().add("small");
        compareDismiss.setOnAction(e -> compareNotice.set(""));
        compareNoticeBox.getChildren().addAll(compareNoticeText, compareDismiss);
        compareYours.setId("compareYours");
        compareCorrect.setId("compareCorrect");
        compareCorrect.setDifferingClass("matrix-cell-differs-correct");
        compareLegend.getStyleClass().add("caption");
        compareLegend.setWrapText(true);
        FlowPane pair = new FlowPane(28, 10, sideways(compareYours), sideways(compareCorrect));
        pair.setRowValignment(javafx.geometry.VPos.TOP);
        pair.prefWrapLengthProperty().bind(widthProperty().subtract(48));
        compareMatrices.setId("compareMatrices");
        compareMatrices.getChildren().addAll(sectionLabel(), pair, compareLegend);
        setShown(compareBanner, false);
        setShown(compareNoticeBox, false);
        setShown(compareMatrices, false);
    }

    private final Label compareSection = new Label();

    /**
     * The width inside the content's padding (px): a matrix no wider than this shows whole, a wider one scrolls in
     * its own scroller. Without it the widest matrix set the content's width (a 10×8 result of a big network is
     * ~720 px, the step view at 1024×768 with the builder shown ~620 px), and the whole view scrolled sideways with
     * its title's phase chip and the verdict cut off at the right.
     */
    private final javafx.beans.binding.DoubleBinding inner = Bindings.createDoubleBinding(() -> Math.max(0,
            getViewportBounds().getWidth() - content.getPadding().getLeft() - content.getPadding().getRight()),
            viewportBoundsProperty(), content.paddingProperty());

    /**
     * A matrix in a scroller of its own, as wide as the matrix but no wider than {@link #inner}; its scroll bar
     * is shown only when the matrix is wider (a bar shown as needed would cover the last row: the scroller's
     * height does not count it).
     */
    private ScrollPane sideways(MatrixView matrix) {
        return sideways(matrix, inner::get);
    }

    /** {@link #sideways(MatrixView)} with room of {@code room} px (read at each layout). */
    private ScrollPane sideways(MatrixView matrix, java.util.function.DoubleSupplier room) {
        ScrollPane scroller = new ScrollPane(matrix) {
            @Override
            protected double computePrefWidth(double height) {
                // a FlowPane (the operands) sizes a child by its preferred width, whatever its maximum
                return Math.min(super.computePrefWidth(height), room.getAsDouble());
            }

            @Override
            protected double computeMaxWidth(double height) {
                return room.getAsDouble();
            }
        };
        scroller.getStyleClass().addAll("edge-to-edge", "matrix-scroller");
        scroller.setFitToHeight(true);
        scroller.setVbarPolicy(ScrollBarPolicy.NEVER);
        // shown only when the matrix is wider than its scroller
        scroller.hbarPolicyProperty().bind(Bindings.createObjectBinding(() -> matrix.getWidth()
                        > scroller.getWidth() - scroller.getInsets().getLeft() - scroller.getInsets().getRight() + SNAP
                        ? ScrollBarPolicy.ALWAYS : ScrollBarPolicy.NEVER, matrix.widthProperty(),
                scroller.widthProperty()));
        return scroller;
    }

    /** The room inside the opened Operands pane: {@link #inner} less the pane's and its content area's insets. */
    private double operandsRoom() {
        double chrome = operandsPane.getInsets().getLeft() + operandsPane.getInsets().getRight();
        if (operandsPane.lookup(".content") instanceof Region area) {
            chrome += area.getInsets().getLeft() + area.getInsets().getRight();
        }
        return Math.max(0, inner.get() - chrome);
    }

    /** Half a pixel: a matrix that much wider than the room is rounding, not a reason for a scroll bar. */
    private static final double SNAP = 0.5;

    private Label sectionLabel() {
        compareSection.getStyleClass().add("section-label");
        return compareSection;
    }

    private static void setShown(Node n, boolean shown) {
        n.setVisible(shown);
        n.setManaged(shown);
    }

    private Label section(String key) {
        Label l = new Label();
        l.getStyleClass().add("section-label");
        sections.put(l, key);
        return l;
    }

    private void initListeners() {
        analysis.addListener((o, a, b) -> {
            if (a != null && b != null && sameTraces(a, b)) {
                refreshVerdict();   // only the checks arrived (the model publishes the traces first): the rest stands
            } else {
                refresh();
            }
        });
        step.addListener((o, a, b) -> {
            refresh();
            setVvalue(0);   // a new step starts at its title and verdict, not where the last one was scrolled to
        });
        notation.addListener((o, a, b) -> refresh());
        presenting.addListener((o, a, b) -> refresh());
        hiddenEntry.addListener((o, a, b) -> refresh());
        checking.addListener((o, a, b) -> refreshVerdict());
        selected.addListener((o, a, b) -> refreshHighlight());
        comparison.addListener((o, a, b) -> refreshComparison());
        compareNotice.addListener((o, a, b) -> refreshComparison());
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
        title.setText(Messages.get("step.title", s.label().replace("  ", " "),
                org.backprop.workbench.app.panels.Names.stepTitle(s)));
        phase.setText(Messages.get(s.phase() == Phase.FORWARD ? "step.forward" : "step.backward"));
        phase.getStyleClass().removeAll("phase-forward", "phase-backward");
        phase.getStyleClass().add(s.phase() == Phase.FORWARD ? "phase-forward" : "phase-backward");
        formula.latexProperty().set(detail.latex());
        int m = an.batch().size();
        if (detail.batch()) {
            formCaption.setText(Messages.get(switch (s.kind()) {
                case GRAD_B -> "step.batchFormGradB";
                case GRAD_A -> "step.batchFormGradA";
                case Z -> "step.batchFormZ";
                default -> "step.batchForm";
            }, m));
            singleFormula.latexProperty().set(detail.singleLatex());
        } else {
            formCaption.setText(Messages.get("step.oneSample"));
            singleFormula.latexProperty().set("");
        }
        boolean full = !presenting.get();
        singleFormula.setVisible(detail.batch() && full);
        singleFormula.setManaged(detail.batch() && full);
        formCaption.setVisible(full);
        formCaption.setManaged(full);
        // in the notation shown and the language in use (the detail's note is the core's English)
        // typeset as in the mistake list (σ'(zˡ), wˡ⁺¹), not σ'(z^l), w^{l+1}
        mistake.setText(detail.mistaken() ? Messages.get("step.mistake", org.backprop.workbench.steps.Latex.superscripts(
                org.backprop.workbench.app.panels.Names.mistake(an.mistake(), notation.getValue()))) : "");
        mistake.setVisible(detail.mistaken());
        mistake.setManaged(detail.mistaken());
        shapes.setText(Messages.get("step.shapes", detail.shapes().replace("^T", "ᵀ")));
        substituted.narrowLatexProperty().set(detail.stackedLatex());
        substituted.latexProperty().set(detail.substitutedLatex());
        Operand r = detail.result();
        // the headers, the hidden cell, the matrix and the highlight each rebuilt the result's cells: once, below
        result.setLive(false);
        result.setCaption(Latex.pretty(r.name()) + "  ·  " + r.shape());
        headers(result, s, notation.getValue(), r);
        java.util.List<Quantity> hide = org.backprop.workbench.app.panels.HiddenNumbers.of(hiddenEntry.get(), m);
        int[] hiddenResult = hiddenCell(hide, r.name(), notation.getValue());
        hiddenInResult = hiddenResult;
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
            v.setLive(operandsPane.isExpanded());   // folded: their cells are made when the pane is opened
            operandViews.add(v);
            v.setCaption(Latex.pretty(o.name()) + "  ·  " + o.shape());
            int[] cell = hiddenCell(hide, o.name(), notation.getValue());
            anyHidden |= cell != null;
            v.hiddenProperty().set(cell);
            v.matrixProperty().set(o.value());
            operands.getChildren().add(sideways(v, this::operandsRoom));   // opened, a 12×10 w³ scrolls by itself too
        }
        // the formula with the numbers would show the hidden number (or the result it is read from)
        subScroll.setVisible(!anyHidden);
        subScroll.setManaged(!anyHidden);
        numbersHidden.setVisible(anyHidden);
        numbersHidden.setManaged(anyHidden);
        refreshVerdict();
        refreshHighlight();
        result.setLive(true);
        refreshComparison();
    }

    // ---- the student's values ----

    /** The comparison with the student's values to show (banner, their matrix beside the correct one); may be null. */
    public ObjectProperty<Comparison> comparisonProperty() { return comparison; }

    /** The notice that a comparison was cleared; empty for none. Its Dismiss button empties it. */
    public StringProperty compareNoticeProperty() { return compareNotice; }

    /** Called with a step id when the banner's "Go to the first divergence" is pressed. */
    public void setOnGoToStep(java.util.function.Consumer<String> handler) { this.goToStep = handler; }

    /** The student's matrix of the shown step; for tests. */
    public MatrixView comparedYoursView() { return compareYours; }

    /** The workbench's (correct) matrix beside it; for tests. */
    public MatrixView comparedCorrectView() { return compareCorrect; }

    private Optional<QuantityComparison> firstDivergence() {
        Comparison c = comparison.get();
        return c == null ? Optional.empty() : c.firstDivergence();
    }

    private void refreshComparison() {
        String notice = compareNotice.get();
        compareNoticeText.setText(notice == null ? "" : notice);
        compareDismiss.setText(Messages.get("compare.dismiss"));
        setShown(compareNoticeBox, notice != null && !notice.isEmpty() && comparison.get() == null);
        Comparison c = comparison.get();
        Step s = step.getValue();
        Optional<QuantityComparison> here = c == null || s == null ? Optional.empty()
                : c.get(CompareValues.key(s));
        if (here.isEmpty()) {
            setShown(compareBanner, false);
            setShown(compareMatrices, false);
            return;
        }
        QuantityComparison q = here.get();
        String file = CompareValues.shortName(c.file());
        String what = Latex.pretty(q.key().symbol()) + " (" + q.formula() + ")";
        Optional<QuantityComparison> first = c.firstDivergence();
        boolean isFirst = first.isPresent() && first.get().key().equals(q.key());
        compareBanner.getStyleClass().removeAll("verdict-pass", "verdict-fail", "verdict-pending");
        compareBanner.getStyleClass().add(switch (q.status()) {
            case MATCHES -> "verdict-pass";
            case DIFFERS -> "verdict-fail";
            case NOT_GIVEN -> "verdict-pending";
        });
        compareHeadline.setText(switch (q.status()) {
            case MATCHES -> Messages.get("compare.stepMatches", what, file, relative(q.maxRelError()));
            case DIFFERS -> Messages.get(isFirst ? "compare.stepDiffersFirst" : "compare.stepDiffers", what, file,
                    relative(q.maxRelError()), Arrays.toString(q.worst()), Latex.plainNumber(q.worstYours()),
                    hiddenInResult != null ? MatrixView.HIDDEN_TEXT : Latex.plainNumber(q.worstAnalytic()));
            case NOT_GIVEN -> Messages.get("compare.stepNotGiven", what, file);
        });
        // the first divergence carries the explanation and the diagnosis; the other steps point at it
        boolean full = isFirst && c.diagnosis() != null;
        compareExplanation.setText(first.isEmpty()
                ? Messages.get("compare.allMatch", file, c.quantities().stream()
                .filter(x -> x.status() != org.backprop.workbench.against.Status.NOT_GIVEN).count(),
                c.quantities().size(), Latex.plainNumber(c.tolerance()))
                : isFirst ? pretty(c.explanation())
                : Messages.get("compare.firstIs", Latex.pretty(first.get().key().symbol()), first.get().formula()));
        Diagnosis d = c.diagnosis();
        compareDiagnosis.setText(d == null ? "" : d.recognised() ? Messages.get("compare.diagnosis", d.mistake())
                : Messages.get("compare.unrecognised"));
        setShown(compareDiagnosis, full);
        compareDiagnosisText.setText(d == null ? "" : pretty(withoutRight(d)));
        setShown(compareDiagnosisText, full);
        compareWrong.setText(d == null || d.wrongFormula() == null ? ""
                : Messages.get("compare.yourFormula", pretty(d.wrongFormula())));
        compareRight.setText(d == null ? "" : Messages.get("compare.rightFormula", pretty(d.rightFormula())));
        setShown(compareWrong, full && d.wrongFormula() != null);
        setShown(compareRight, full);
        compareFloat.setText(c.floatNote() == null ? "" : pretty(c.floatNote()));
        setShown(compareFloat, c.floatNote() != null && (isFirst || first.isEmpty()));
        compareGoFirst.setText(first.map(f -> Messages.get("compare.goFirst", Latex.pretty(f.key().symbol())))
                .orElse(""));
        setShown(compareGoFirst, first.isPresent() && !isFirst);
        setShown(compareBanner, true);

        if (q.yours() == null) {
            setShown(compareMatrices, false);
            return;
        }
        boolean transpose = q.key().quantity() == org.backprop.workbench.against.Quantity.GRAD_W
                && notation.getValue().transposesWeights();
        compareSection.setText(Messages.get("compare.section", what, file));
        String shape = (transpose ? q.yours().numCols + "×" + q.yours().numRows
                : q.yours().numRows + "×" + q.yours().numCols);
        compareYours.setCaption(Messages.get("compare.yours", Latex.pretty(q.key().symbol()), shape));
        compareCorrect.setCaption(Messages.get("compare.correct", Latex.pretty(q.key().symbol()), shape));
        if (s != null) {
            headers(compareYours, s, notation.getValue(), null);
            headers(compareCorrect, s, notation.getValue(), null);
        }
        boolean[] mark = transpose ? transposed(q.differing(), q.yours().numRows, q.yours().numCols) : q.differing();
        compareCorrect.hiddenProperty().set(hiddenInResult);   // a quiz's answer stays hidden
        compareYours.differingProperty().set(mark);
        compareCorrect.differingProperty().set(mark);
        compareYours.matrixProperty().set(transpose ? transpose(q.yours()) : q.yours());
        compareCorrect.matrixProperty().set(transpose ? transpose(q.analytic()) : q.analytic());
        long differing = 0;
        for (boolean b : q.differing()) {
            differing += b ? 1 : 0;
        }
        compareLegend.setText(Messages.get("compare.legend", differing, q.differing().length,
                Latex.plainNumber(c.tolerance())));
        setShown(compareMatrices, true);
    }

    /** The diagnosis without its closing "Right: formula", which the banner shows on its own line. */
    private static String withoutRight(Diagnosis d) {
        String e = d.explanation();
        String tail = ". Right: " + d.rightFormula();
        return e.endsWith(tail) ? e.substring(0, e.length() - tail.length()) + "." : e;
    }

    /**
     * The core's plain-text formulas as the window writes them: superscripts for layers (δ^1 → δ¹, w^{l+1} → wˡ⁺¹,
     * (x)^T → (x)ᵀ) and a capital at the start of a sentence (not of a formula: δ stays δ).
     */
    static String pretty(String text) {
        String s = text.replace("^{l+1}", "ˡ⁺¹").replace("^{l-1}", "ˡ⁻¹").replace("^{l−1}", "ˡ⁻¹")
                .replace("^{L-1}", "ᴸ⁻¹").replace("^{L−1}", "ᴸ⁻¹").replace("^{l}", "ˡ")
                .replaceAll("\\^l(?![a-z])", "ˡ").replaceAll("\\^L(?![a-z])", "ᴸ").replaceAll("\\^T(?![a-z])", "ᵀ");
        s = Latex.pretty(s);
        // a sentence ("your δ² is right ...") starts with a capital; a formula (δ¹ = ...) keeps its letters
        return !s.isEmpty() && s.charAt(0) >= 'a' && s.charAt(0) <= 'z'
                ? Character.toUpperCase(s.charAt(0)) + s.substring(1) : s;
    }

    private static String relative(double e) {
        return Double.isNaN(e) ? "NaN" : String.format(Locale.ROOT, "%.2e", e);
    }

    private static org.ejml.data.DMatrixRMaj transpose(org.ejml.data.DMatrixRMaj m) {
        return org.ejml.dense.row.CommonOps_DDRM.transpose(m, null);
    }

    /** A row-major mask of a rows x cols matrix, as the mask of its transpose. */
    private static boolean[] transposed(boolean[] mask, int rows, int cols) {
        boolean[] t = new boolean[mask.length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                t[c * rows + r] = mask[r * cols + c];
            }
        }
        return t;
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

    /**
     * True if two analyses differ at most in their checks: what the formulas and matrices show is the same, and
     * rebuilding them for a big network (a^0 of 784-128-64-10 alone is 6,272 cells) kept the FX thread busy for
     * most of a second when its 111,002 checks arrived.
     */
    private static boolean sameTraces(Analysis a, Analysis b) {
        return a.network() == b.network() && a.batch() == b.batch() && a.forward() == b.forward()
                && a.backward() == b.backward() && a.mistake() == b.mistake();
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
            verdict.setText(Messages.get("step.checking", f.name(), s.layer()));
            verdict.getStyleClass().add("verdict-pending");
            return;
        }
        if (an.checks().isEmpty()) {
            verdict.setText(Messages.get("step.cancelled", f.name(), s.layer()));
            verdict.getStyleClass().add("verdict-pending");
            return;
        }
        CheckSummary sum = Steps.summary(an, s).orElseThrow();
        var v = sum.verdict();
        verdict.getStyleClass().add("verdict-" + v.id());
        verdict.setText(Messages.get("step.verdict", Palette.verdictMark(v),
                org.backprop.workbench.app.panels.Names.verdict(v).toUpperCase(Messages.locale()), f.name(), s.layer(),
                sum.checked(), org.backprop.workbench.app.panels.Names.method(an.method()),
                WorkbenchToolBar.stepText(an.epsilon()), sum.pass(), sum.warn(), sum.fail(), sum.kink(),
                relative(sum.maxRelativeError())));
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
