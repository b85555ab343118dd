package org.backprop.workbench.app.panels;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.backprop.workbench.app.FormulaView;
import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.check.CheckResult;
import org.backprop.workbench.derive.Derivation;
import org.backprop.workbench.derive.Deriver;
import org.backprop.workbench.derive.Entries;
import org.backprop.workbench.derive.Factor;
import org.backprop.workbench.derive.Line;
import org.backprop.workbench.derive.Source;
import org.backprop.workbench.derive.Term;
import org.backprop.workbench.i18n.Messages;
import org.backprop.workbench.lesson.Quantity;
import org.backprop.workbench.steps.Latex;
import org.backprop.workbench.steps.Notation;

import java.util.List;

/**
 * Derive: the note's chain-rule derivation of one entry (δ, ∂C/∂b, ∂C/∂w, z, a or ∇_a C), typeset line by line,
 * with its terms as separate formulas. It follows the selected check (a click in the result matrix, the diagram or
 * the check table) and {@link #entryProperty()} (a lesson's {@code @derive}, or the entry typed in its field).
 * Hovering a term puts the edge or neuron of its first factor with a source into {@link #hoveredProperty()}, which the
 * diagram marks, and the term into {@link #hoveredTermProperty()}, whose factors the step's matrices mark; a click on
 * a term keeps it marked (a second click lets it go).
 */
public final class DerivePanel implements Panel {
    /** The entry the empty field suggests: entry syntax, the same in every language. */
    private static final String EXAMPLE_ENTRY = "delta1[0,2]";
    private final ObservableValue<Analysis> analysis;
    private final ObservableValue<Notation> notation;
    private final ObjectProperty<Quantity> entry = new SimpleObjectProperty<>(this, "entry");
    private final ObjectProperty<Source> hovered = new SimpleObjectProperty<>(this, "hovered");
    private final ObjectProperty<Term> hoveredTerm = new SimpleObjectProperty<>(this, "hoveredTerm");
    private Term pinned;
    private final ObjectProperty<Derivation> derivation = new SimpleObjectProperty<>(this, "derivation");
    private final ObjectProperty<Quantity> hiddenEntry = new SimpleObjectProperty<>(this, "hiddenEntry");
    private final TextField entryField = new TextField();
    private final Label title = new Label();
    private final Label entryLabel = new Label();
    private final Label termsLabel = new Label();
    private final Tooltip entryTip = new Tooltip();
    private final Label message = new Label();
    private final Label verdict = new Label();
    private final GridPane lines = new GridPane();
    private final FlowPane terms = new FlowPane(10, 6);
    private final VBox content = new VBox(10);
    private final Region view;

    /**
     * @param analysis the run whose numbers are derived
     * @param selected the selected check, followed (may be null)
     * @param notation how weights are written
     */
    public DerivePanel(ObservableValue<Analysis> analysis, ObservableValue<CheckResult> selected,
                       ObservableValue<Notation> notation) {
        this.analysis = analysis;
        this.notation = notation;
        createView();
        view = Panel.scrolling(content, 200);
        initListeners(selected);
    }

    private void createView() {
        content.setId("derivePanel");
        content.setPadding(new Insets(12));
        content.getStylesheets().add(STYLESHEET);
        title.getStyleClass().add("pane-title");
        title.setId("deriveTitle");
        entryField.setId("deriveEntry");
        entryField.setPromptText(EXAMPLE_ENTRY);
        entryField.setPrefColumnCount(12);
        entryField.setTooltip(entryTip);
        message.setId("deriveMessage");
        message.getStyleClass().add("caption");
        message.setWrapText(true);
        verdict.setId("deriveVerdict");
        HBox head = new HBox(12, title, entryLabel, entryField, verdict);
        head.setAlignment(Pos.CENTER_LEFT);
        lines.setId("deriveLines");
        lines.setHgap(14);
        lines.setVgap(6);
        terms.setId("deriveTerms");
        termsLabel.getStyleClass().add("section-label");
        content.getChildren().addAll(head, message, lines, termsLabel, terms);
    }

    private void initListeners(ObservableValue<CheckResult> selected) {
        selected.addListener((o, was, now) -> {
            if (now != null) {
                entry.set(quantityOf(now));
            }
        });
        entryField.setOnAction(e -> {
            Analysis an = analysis.getValue();
            if (an == null) {
                return;
            }
            try {
                entry.set(Entries.parse(entryField.getText(), an.network(), an.batch().size(), null));
            } catch (IllegalArgumentException ex) {
                message.setText(ex.getMessage());
            }
        });
        entry.addListener((o, was, now) -> refresh());
        Relabel.follow(this, DerivePanel::refresh);
        hiddenEntry.addListener((o, was, now) -> refresh());
        analysis.addListener((o, was, now) -> refresh());
        notation.addListener((o, was, now) -> refresh());
        if (selected.getValue() != null) {
            entry.set(quantityOf(selected.getValue()));
        }
        refresh();
    }

    /** An entry whose derivation is not shown (a lesson's quiz asks for it), or null. */
    public ObjectProperty<Quantity> hiddenEntryProperty() { return hiddenEntry; }

    /** The entry a check is about: δ for BP1/BP2, ∂C/∂b for BP3, ∂C/∂w for BP4. */
    public static Quantity quantityOf(CheckResult c) {
        Quantity.Kind kind = switch (c.formula()) {
            case BP1, BP2 -> Quantity.Kind.DELTA;
            case BP3 -> Quantity.Kind.GRAD_B;
            case BP4 -> Quantity.Kind.GRAD_W;
        };
        return new Quantity(kind, c.layer(), c.index().clone());
    }

    private void refresh() {
        Analysis an = analysis.getValue();
        Quantity q = entry.get();
        lines.getChildren().clear();
        terms.getChildren().clear();
        // a clicked term stays marked while the same entry is derived again (a new run, the notation)
        String keptEntry = pinned == null || derivation.get() == null ? null : derivation.get().entry().id();
        int keptIndex = pinned == null ? -1 : pinned.index();
        pinned = null;
        hovered.set(null);
        hoveredTerm.set(null);
        title.setText(Messages.get("derive.title"));
        entryLabel.setText(Messages.get("derive.entry"));
        entryTip.setText(Messages.get("derive.entryTip", Entries.FORMS));
        termsLabel.setText(Messages.get("derive.terms"));
        if (an != null && q != null && HiddenNumbers.of(hiddenEntry.get(), an.batch().size()).contains(q)) {
            derivation.set(null);
            message.setText(org.backprop.workbench.i18n.Messages.get("quiz.hiddenDerivation"));
            verdict.setText("");
            return;
        }
        if (an == null || q == null) {
            derivation.set(null);
            message.setText(Messages.get("derive.empty", EXAMPLE_ENTRY));
            verdict.setText("");
            return;
        }
        Derivation d;
        try {
            // the entry may have left the network (a layer removed): read it again against the new one
            Quantity fresh = Entries.parse(q.id(), an.network(), an.batch().size(), null);
            d = Deriver.derive(an, fresh, notation.getValue());
        } catch (IllegalArgumentException e) {
            derivation.set(null);
            message.setText(Messages.get("derive.refused", q.id(), e.getMessage()));
            verdict.setText("");
            return;
        }
        derivation.set(d);
        entryField.setText(q.id());
        title.setText(Messages.get("derive.titleOf", Latex.pretty(d.entry().label())));
        message.setText(d.mistaken() ? Messages.get("derive.mistaken", d.mistake().id())
                : d.samples() > 1 ? Messages.get("derive.samples", d.samples()) : "");
        if (d.isChecked()) {
            verdict.setText(Messages.get("derive.verdict", Latex.plainNumber(d.numeric()), Names.verdict(d.verdict())));
            // a chip like the check table's: white bold text on the verdict's colour, not dark text on dark green
            verdict.getStyleClass().setAll("label", "verdict-chip", "verdict-" + d.verdict().id());
        } else {
            verdict.setText(Messages.get("derive.unchecked"));
            verdict.getStyleClass().setAll("label");
        }
        int row = 0;
        for (Line line : d.lines()) {
            Label role = new Label(line.role().label());
            role.getStyleClass().add("caption");
            FormulaView formula = new FormulaView(line.latex(), FormulaView.BASE_SIZE * 0.75);
            formula.setId("deriveLine" + row);
            Tooltip.install(formula, new Tooltip(line.text()));
            lines.addRow(row++, role, formula);
        }
        List<Term> all = d.terms();
        for (Term t : all.size() > Deriver.MAX_TERMS ? shownLargest(all) : all) {
            Region view = termView(t);
            terms.getChildren().add(view);
            if (t.index() == keptIndex && d.entry().id().equals(keptEntry)) {
                pinned = t;
                view.pseudoClassStateChanged(PINNED, true);
                point(t, sourceOf(t));
            }
        }
        if (all.size() > Deriver.MAX_TERMS) {
            terms.getChildren().add(new Label(Messages.get("derive.smallerTerms",
                    all.size() - Deriver.LARGEST_SHOWN)));
        }
    }


    private static List<Term> shownLargest(List<Term> all) {
        return all.stream().sorted((a, b) -> Double.compare(Math.abs(b.value()), Math.abs(a.value())))
                .limit(Deriver.LARGEST_SHOWN).sorted((a, b) -> Integer.compare(a.index(), b.index())).toList();
    }

    private static final javafx.css.PseudoClass PINNED = javafx.css.PseudoClass.getPseudoClass("pinned");

    private void point(Term t, Source source) {
        hovered.set(source);
        hoveredTerm.set(t);
    }

    /** The source the diagram marks for a term: its edge (a weight) if it has one, else its first neuron or entry. */
    private static Source sourceOf(Term t) {
        return t.factors().stream().map(Factor::source)
                .filter(s -> s != null && s.place() == Source.Place.EDGE).findFirst()
                .orElse(t.factors().stream().map(Factor::source).filter(s -> s != null).findFirst().orElse(null));
    }

    private Region termView(Term t) {
        StringBuilder tex = new StringBuilder();
        StringBuilder tip = new StringBuilder(Messages.get("derive.termTip", t.index()));
        for (Factor f : t.factors()) {
            tex.append(f.latex()).append("\\,");
            tip.append(' ').append(f.text()).append(" = ").append(Latex.plainNumber(f.value()))
                    .append(f.source() == null ? "" : " (" + f.source().id() + ")").append(';');
        }
        String body = tex + "= " + Latex.number(t.value());
        FormulaView view = new FormulaView(t.wrong() ? Latex.wrong(body) + "\\ (" + Latex.number(t.rightValue()) + ")"
                : body, FormulaView.BASE_SIZE * 0.7);
        view.getStyleClass().add("derive-term");
        view.setId("deriveTerm" + t.index());
        Tooltip.install(view, new Tooltip(tip.toString()));
        Source source = sourceOf(t);
        view.setOnMouseEntered(e -> point(t, source));
        view.setOnMouseExited(e -> point(pinned, pinned == null ? null : sourceOf(pinned)));
        view.setOnMouseClicked(e -> {
            pinned = pinned == t ? null : t;
            view.pseudoClassStateChanged(PINNED, pinned == t);
            terms.getChildren().stream().filter(n -> n != view)
                    .forEach(n -> n.pseudoClassStateChanged(PINNED, false));
            point(t, source);
        });
        return view;
    }

    /** The entry derived; set it to derive another (a lesson's {@code @derive}). */
    public ObjectProperty<Quantity> entryProperty() { return entry; }

    /** The source of the term under the mouse (or the clicked one), or null. */
    public ObjectProperty<Source> hoveredProperty() { return hovered; }

    /** The term under the mouse (or the clicked one), or null: the step's matrices mark its factors' entries. */
    public ObjectProperty<Term> hoveredTermProperty() { return hoveredTerm; }

    /** The derivation shown, or null. */
    public ObjectProperty<Derivation> derivationProperty() { return derivation; }

    @Override
    public String getName() { return Messages.get("derive.title"); }

    @Override
    public Region getView() { return view; }
}
