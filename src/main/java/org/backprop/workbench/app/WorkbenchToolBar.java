package org.backprop.workbench.app;

import javafx.collections.FXCollections;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.StringConverter;
import org.backprop.workbench.app.actions.ActionFactory;
import org.backprop.workbench.app.actions.Command;
import org.backprop.workbench.app.actions.StandardAction;
import org.backprop.workbench.engine.Mistake;
import org.backprop.workbench.i18n.Messages;
import org.backprop.workbench.numeric.DifferenceMethod;
import org.backprop.workbench.numeric.Epsilon;
import org.backprop.workbench.steps.Latex;
import org.backprop.workbench.steps.Notation;

import java.util.List;

/**
 * The tool bar: the deliberate mistake, the difference method, ε, the weight notation and the zoom buttons, each
 * bound to the model. At 1024×768 every control fits (labels never elide; a still smaller window moves what does
 * not fit into the tool bar's overflow menu). It binds the actions that act on its controls: Ctrl+M opens the mistake
 * list, Ctrl+E selects ε.
 */
final class WorkbenchToolBar {
    private final WorkbenchModel model;
    private final ComboBox<Mistake> mistakeBox = new ComboBox<>(FXCollections.observableArrayList(Mistake.values()));
    private final TextField epsilonField = new TextField();
    private final ComboBox<Notation> notationBox = new ComboBox<>(FXCollections.observableArrayList(Notation.values()));
    private final ComboBox<DifferenceMethod> methodBox =
            new ComboBox<>(FXCollections.observableArrayList(DifferenceMethod.values()));
    private final ToolBar view;

    WorkbenchToolBar(WorkbenchModel model, ActionFactory actions) {
        this.model = model;
        this.view = createView(actions);
        initListeners();
        relabel();
        org.backprop.workbench.app.panels.Relabel.follow(this, WorkbenchToolBar::relabel);
        actions.bind(StandardAction.CHOOSE_MISTAKE, Command.of(this::chooseMistake))
                .bind(StandardAction.SET_EPSILON, Command.of(this::editEpsilon));
    }

    private final Label mistakeLabel = new Label();
    private final Label methodLabel = new Label();
    private final Label notationLabel = new Label();
    private final Tooltip mistakeTip = new Tooltip();
    private final Tooltip epsilonTip = new Tooltip();
    private final Tooltip notationTip = new Tooltip();
    private final Tooltip methodTip = new Tooltip();

    private ToolBar createView(ActionFactory actions) {
        mistakeBox.setId("mistakeBox");
        mistakeBox.setTooltip(mistakeTip);
        // as wide as the longest mistake's name (bp2-no-sigma-prime, not "bp2-no-sigm…"), at every zoom
        mistakeBox.prefWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> mistakeBoxWidth(WorkbenchModel.BASE_FONT * model.zoomProperty().get()), model.zoomProperty()));
        mistakeBox.setMinWidth(Region.USE_PREF_SIZE);
        mistakeBox.setCellFactory(mistakeCells());
        epsilonField.setId("epsilonField");
        epsilonField.setPrefColumnCount(6);
        epsilonField.setTooltip(epsilonTip);
        epsilonField.setText(stepText(model.epsilonProperty().get()));
        notationBox.setId("notationBox");
        notationBox.setTooltip(notationTip);
        mistakeLabel.setLabelFor(mistakeBox);
        Label epsLabel = new Label("ε");   // the note's symbol, in every language
        epsLabel.setLabelFor(epsilonField);
        methodBox.setId("methodBox");
        // as wide as the longest method id (complex-step), not as its list, which says what each method is
        methodBox.prefWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> methodBoxWidth(WorkbenchModel.BASE_FONT * model.zoomProperty().get()), model.zoomProperty()));
        methodBox.setMinWidth(Region.USE_PREF_SIZE);
        methodBox.setTooltip(methodTip);
        methodLabel.setLabelFor(methodBox);
        notationLabel.setLabelFor(notationBox);
        // the method box shows the methods' ids (central, richardson…), as --method takes them, in every language
        for (Label l : List.of(mistakeLabel, epsLabel, methodLabel, notationLabel)) {
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        // the weights box shows w_kj / w_jk, its list the whole description
        notationBox.prefWidthProperty().bind(model.zoomProperty().multiply(WorkbenchModel.BASE_FONT * 6));
        notationBox.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(Notation n, boolean empty) {
                super.updateItem(n, empty);
                setText(empty || n == null ? null : shortLabel(n));
            }
        });
        Button zoomOut = actions.createButton(StandardAction.ZOOM_OUT, "A−");
        Button zoomIn = actions.createButton(StandardAction.ZOOM_IN, "A+");
        zoomIn.setId("zoomIn");
        zoomOut.setId("zoomOut");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        return new ToolBar(mistakeLabel, mistakeBox, methodLabel, methodBox, epsLabel, epsilonField, notationLabel,
                notationBox, spacer, zoomOut, zoomIn);
    }

    /** The list's cells: each mistake's name and what it gets wrong, written in the notation in use. */
    private javafx.util.Callback<javafx.scene.control.ListView<Mistake>, javafx.scene.control.ListCell<Mistake>>
            mistakeCells() {
        Notation notation = model.notationProperty().get();
        return v -> new ListCell<>() {
            @Override
            protected void updateItem(Mistake mk, boolean empty) {
                super.updateItem(mk, empty);
                setText(empty || mk == null ? null
                        : mk == Mistake.NONE ? Messages.get("toolbar.mistakeNone")
                        : Messages.get("toolbar.mistakeItem", mk.id(), Latex.superscripts(
                        org.backprop.workbench.app.panels.Names.mistake(mk, notation))));
            }
        };
    }

    /**
     * Width of the mistake box for a font size in px: the widest mistake name in the body font, plus the cell's
     * padding and the arrow button (about {@link #COMBO_CHROME_EM} em).
     */
    static double mistakeBoxWidth(double fontSize) {
        return boxWidth(fontSize, java.util.Arrays.stream(Mistake.values()).map(Mistake::id).toList());
    }

    /** Width of the method box for a font size in px: the widest method id, as {@link #mistakeBoxWidth}. */
    static double methodBoxWidth(double fontSize) {
        return boxWidth(fontSize, java.util.Arrays.stream(DifferenceMethod.values()).map(DifferenceMethod::id).toList());
    }

    private static double boxWidth(double fontSize, List<String> shown) {
        javafx.scene.text.Text text = new javafx.scene.text.Text();
        text.setFont(javafx.scene.text.Font.font(javafx.scene.text.Font.getDefault().getFamily(), fontSize));
        double widest = 0;
        for (String s : shown) {
            text.setText(s);
            widest = Math.max(widest, text.getLayoutBounds().getWidth());
        }
        return Math.ceil(widest + COMBO_CHROME_EM * fontSize);
    }

    /** A combo box's cell padding and arrow button, in em (AtlantaFX: about 0.9 em + 0.9 em and a 1.6 em arrow). */
    static final double COMBO_CHROME_EM = 3.6;

    private void initListeners() {
        // the list rewrites each mistake's formula in the notation just chosen (δ^l = (w^{l+1})^T δ^{l+1} for w_jk)
        model.notationProperty().addListener((o, was, now) -> mistakeBox.setCellFactory(mistakeCells()));
        mistakeBox.valueProperty().bindBidirectional(model.mistakeProperty());
        methodBox.valueProperty().bindBidirectional(model.methodProperty());
        notationBox.valueProperty().bindBidirectional(model.notationProperty());
        notationBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Notation n) {
                return n == null ? "" : org.backprop.workbench.app.panels.Names.notation(n);
            }

            @Override
            public Notation fromString(String s) { return null; }
        });
        epsilonField.setOnAction(e -> applyEpsilon());
        epsilonField.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                applyEpsilon();
            }
        });
        // whoever sets ε (this field, the ε plot's "Use best ε", the method box, a lesson), the field and the status
        // line say the ε the checks now use
        model.epsilonProperty().addListener((o, a, v) -> {
            epsilonField.setText(stepText(v.doubleValue()));
            sayEpsilon();
        });
    }

    /** "w_kj" of "w_kj (rows = inputs, the note)": what the weights box shows. */
    static String shortLabel(Notation n) {
        int paren = n.label().indexOf(" (");
        return paren > 0 ? n.label().substring(0, paren) : n.label();
    }

    /** Why {@code typed} is not a step, in the current language (asked again after a switch). */
    private static String epsilonProblem(String typed) {
        try {
            Epsilon.parseOrAuto(typed);
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private void applyEpsilon() {
        try {
            double eps = Epsilon.parseOrAuto(epsilonField.getText());
            epsilonField.getStyleClass().remove("invalid");
            model.epsilonProperty().set(eps);
            sayEpsilon();   // also when ε stays the same: replaces a complaint about an earlier invalid ε
        } catch (IllegalArgumentException ex) {
            if (!epsilonField.getStyleClass().contains("invalid")) {
                epsilonField.getStyleClass().add("invalid");
            }
            String typed = epsilonField.getText();
            double kept = model.epsilonProperty().get();
            model.complain(Messages.sayAgain(Messages.get("toolbar.epsilonInvalid", ex.getMessage(), stepText(kept)),
                    () -> Messages.get("toolbar.epsilonInvalid", epsilonProblem(typed), stepText(kept))));
        }
    }

    private void sayEpsilon() {
        double eps = model.epsilonProperty().get();
        model.say(() -> Messages.get("status.epsilon", stepText(eps)));
    }

    /** 1e-05 as the formulas write it, or "auto" for a step chosen per number. */
    static String stepText(double h) {
        return Epsilon.isAuto(h) ? "auto" : Latex.plainNumber(h);
    }

    /** Opens the mistake list (Ctrl+M). */
    void chooseMistake() {
        mistakeBox.requestFocus();
        mistakeBox.show();
    }

    /** Puts the cursor in the ε field, its text selected (Ctrl+E). */
    void editEpsilon() {
        epsilonField.requestFocus();
        epsilonField.selectAll();
    }

    /** The texts in the current language (again after a switch): labels, tooltips, the lists' items. */
    private void relabel() {
        mistakeLabel.setText(Messages.get("toolbar.mistake"));
        methodLabel.setText(Messages.get("toolbar.method"));
        notationLabel.setText(Messages.get("toolbar.weights"));
        mistakeTip.setText(Messages.get("toolbar.mistakeTip"));
        epsilonTip.setText(Messages.get("toolbar.epsilonTip"));
        notationTip.setText(Messages.get("toolbar.notationTip"));
        methodTip.setText(Messages.get("toolbar.methodTip"));
        mistakeBox.setCellFactory(mistakeCells());
        // the box shows the mistake's id (bp2-no-sigma-prime, as --mistake takes it), but "none" in the language
        mistakeBox.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(Mistake mk, boolean empty) {
                super.updateItem(mk, empty);
                setText(empty || mk == null ? null
                        : mk == Mistake.NONE ? Messages.get("toolbar.mistakeNoneShort") : mk.id());
            }
        });
        // the box shows the method's id (central, as --method takes it), its list what each one is
        methodBox.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(DifferenceMethod m, boolean empty) {
                super.updateItem(m, empty);
                setText(empty || m == null ? null
                        : Messages.get("toolbar.methodItem", m.id(), org.backprop.workbench.app.panels.Names.method(m)));
            }
        });
        notationBox.setCellFactory(v -> new ListCell<>() {   // the list's descriptions in the new language
            @Override
            protected void updateItem(Notation n, boolean empty) {
                super.updateItem(n, empty);
                setText(empty || n == null ? null : org.backprop.workbench.app.panels.Names.notation(n));
            }
        });
    }

    ToolBar getView() { return view; }
}
