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
import org.backprop.workbench.lesson.Quantity;
import org.backprop.workbench.steps.Latex;
import org.backprop.workbench.steps.Notation;

import java.util.List;
import java.util.Locale;

/**
 * Derive: the note's chain-rule derivation of one entry (δ, ∂C/∂b, ∂C/∂w, z, a or ∇_a C), typeset line by line,
 * with its terms as separate formulas. It follows the selected check (a click in the result matrix, the diagram or
 * the check table) and {@link #entryProperty()} (a lesson's {@code @derive}, or the entry typed in its field).
 * Hovering a term puts the edge or neuron of its first factor with a source into {@link #hoveredProperty()}, which the
 * diagram marks.
 */
public final class DerivePanel implements Panel {
    private final ObservableValue<Analysis> analysis;
    private final ObservableValue<Notation> notation;
    private final ObjectProperty<Quantity> entry = new SimpleObjectProperty<>(this, "entry");
    private final ObjectProperty<Source> hovered = new SimpleObjectProperty<>(this, "hovered");
    private final ObjectProperty<Derivation> derivation = new SimpleObjectProperty<>(this, "derivation");
    private final ObjectProperty<Quantity> hiddenEntry = new SimpleObjectProperty<>(this, "hiddenEntry");
    private final TextField entryField = new TextField();
    private final Label title = new Label("Derive");
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
        entryField.setPromptText("delta1[0,2]");
        entryField.setPrefColumnCount(12);
        entryField.setTooltip(new Tooltip("An entry to derive: " + Entries.FORMS + "; Enter to derive it"));
        message.setId("deriveMessage");
        message.getStyleClass().add("caption");
        message.setWrapText(true);
        verdict.setId("deriveVerdict");
        HBox head = new HBox(12, title, new Label("Entry"), entryField, verdict);
        head.setAlignment(Pos.CENTER_LEFT);
        lines.setId("deriveLines");
        lines.setHgap(14);
        lines.setVgap(6);
        terms.setId("deriveTerms");
        Label termsLabel = new Label("TERMS (hover one: its edge or neuron is marked in the diagram)");
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
        hovered.set(null);
        if (an != null && q != null && HiddenNumbers.of(hiddenEntry.get(), an.batch().size()).contains(q)) {
            derivation.set(null);
            message.setText(org.backprop.workbench.i18n.Messages.get("quiz.hiddenDerivation"));
            verdict.setText("");
            return;
        }
        if (an == null || q == null) {
            derivation.set(null);
            message.setText("Select a number — a cell of the result matrix, a neuron or an edge of the diagram, a row "
                    + "of the check table — or type an entry such as delta1[0,0], and its derivation appears here.");
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
            message.setText(q.id() + ": " + e.getMessage());
            verdict.setText("");
            return;
        }
        derivation.set(d);
        entryField.setText(q.id());
        title.setText("Derive " + Latex.pretty(d.entry().label()));
        message.setText(d.mistaken() ? "Mistake " + d.mistake().id() + " changes this formula: the wrong part is red, "
                + "the right value beside it." : d.samples() > 1 ? "m = " + d.samples() + " samples." : "");
        if (d.isChecked()) {
            verdict.setText("numerical " + Latex.plainNumber(d.numeric()) + " · " + d.verdict().id());
            verdict.getStyleClass().setAll("label", "verdict-" + d.verdict().id());
        } else {
            verdict.setText("not a derivative of C: no check");
            verdict.getStyleClass().setAll("label");
        }
        int row = 0;
        for (Line line : d.lines()) {
            Label role = new Label(line.role().name().toLowerCase(Locale.ROOT).replace('_', ' '));
            role.getStyleClass().add("caption");
            FormulaView formula = new FormulaView(line.latex(), FormulaView.BASE_SIZE * 0.75);
            formula.setId("deriveLine" + row);
            Tooltip.install(formula, new Tooltip(line.text()));
            lines.addRow(row++, role, formula);
        }
        List<Term> all = d.terms();
        for (Term t : all.size() > Deriver.MAX_TERMS ? shownLargest(all) : all) {
            terms.getChildren().add(termView(t));
        }
        if (all.size() > Deriver.MAX_TERMS) {
            terms.getChildren().add(new Label("+ " + (all.size() - Deriver.LARGEST_SHOWN) + " smaller terms"));
        }
    }

    private static List<Term> shownLargest(List<Term> all) {
        return all.stream().sorted((a, b) -> Double.compare(Math.abs(b.value()), Math.abs(a.value())))
                .limit(Deriver.LARGEST_SHOWN).sorted((a, b) -> Integer.compare(a.index(), b.index())).toList();
    }

    private Region termView(Term t) {
        StringBuilder tex = new StringBuilder();
        StringBuilder tip = new StringBuilder("term " + t.index() + ":");
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
        Source source = t.factors().stream().map(Factor::source)
                .filter(s -> s != null && s.place() == Source.Place.EDGE).findFirst()
                .orElse(t.factors().stream().map(Factor::source).filter(s -> s != null).findFirst().orElse(null));
        view.setOnMouseEntered(e -> hovered.set(source));
        view.setOnMouseExited(e -> hovered.set(null));
        return view;
    }

    /** The entry derived; set it to derive another (a lesson's {@code @derive}). */
    public ObjectProperty<Quantity> entryProperty() { return entry; }

    /** The source of the term under the mouse, or null. */
    public ObjectProperty<Source> hoveredProperty() { return hovered; }

    /** The derivation shown, or null. */
    public ObjectProperty<Derivation> derivationProperty() { return derivation; }

    @Override
    public String getName() { return "Derive"; }

    @Override
    public Region getView() { return view; }
}
