package org.backprop.workbench.app;

import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.backprop.workbench.edit.Edits;
import org.backprop.workbench.engine.Activation;
import org.backprop.workbench.engine.Loss;
import org.backprop.workbench.engine.Network;
import org.backprop.workbench.i18n.Messages;
import org.backprop.workbench.io.NetworkDocument;
import org.backprop.workbench.app.panels.Relabel;
import org.backprop.workbench.steps.Notation;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;


/**
 * The builder: layers (size, activation), loss, seed and re-initialisation, the weights and biases of one layer,
 * and the batch of samples (inputs and targets). Every change goes through {@link WorkbenchModel#edit}, so a change
 * the engine refuses is shown with its message and the network stays as it was.
 */
public final class BuilderPanel extends ScrollPane {
    private final WorkbenchModel model;
    private final VBox content = new VBox();
    private final Label problem = new Label();
    private int parameterLayer = 1;
    /** The rebuild in progress; a later one makes an earlier one's second part moot. */
    private long builds;
    /** The layer sizes the rows were last made for; null before the first build. */
    private int[] shownSizes;
    private final javafx.beans.property.ReadOnlyIntegerWrapper rebuilt =
            new javafx.beans.property.ReadOnlyIntegerWrapper(this, "rebuilt");

    public BuilderPanel(WorkbenchModel model) {
        this.model = model;
        createView();
        initListeners();
    }

    /** Room for the vertical scroll bar beside the rows, in px (AtlantaFX's bar is about 10 px wide). */
    private static final double SCROLL_BAR = 16;

    /** Narrowest builder column: with a lesson open on a 1024-wide window the centre needs the rest. */
    public static final double MIN_WIDTH = 300;

    /**
     * As wide as the widest row that cannot wrap (the layer sizes with their activations and × buttons, the loss,
     * the seed), plus the scroll bar: the window opens the column this wide, so that no combo box is cut (there is
     * no horizontal scrolling). Wrapping captions take the width they get.
     */
    @Override
    protected double computePrefWidth(double height) {
        double widest = 0;
        for (javafx.scene.Node child : content.getChildren()) {
            if (child.isManaged() && !(child instanceof javafx.scene.control.Labeled l && l.isWrapText())) {
                widest = Math.max(widest, child.prefWidth(-1));
            }
        }
        Insets pad = content.getPadding();
        Insets in = getInsets();
        return widest + pad.getLeft() + pad.getRight() + in.getLeft() + in.getRight() + SCROLL_BAR;
    }

    private void createView() {
        setId("builder");
        getStyleClass().addAll("builder", "edge-to-edge");
        // fitted to the column's width, but never narrower than the content's least width (a full-precision weight,
        // the combos): then it scrolls sideways instead of cutting the rows and captions off
        setFitToWidth(true);
        setHbarPolicy(ScrollBarPolicy.AS_NEEDED);
        content.setPadding(new Insets(12, 14, 16, 14));
        content.setSpacing(8);
        problem.setId("builderProblem");
        problem.getStyleClass().add("builder-problem");
        problem.setWrapText(true);
        setContent(content);
        rebuild();
    }

    private void initListeners() {
        model.documentProperty().addListener((o, a, b) -> rebuild());
        model.notationProperty().addListener((o, a, b) -> rebuild());
        model.messageProperty().addListener((o, a, text) -> showProblem());
        model.messageIsErrorProperty().addListener((o, a, b) -> showProblem());
        // the builder is rebuilt from the document anyway: a language switch rebuilds it in the new language
        Relabel.follow(this, BuilderPanel::rebuild);
        problem.setVisible(false);
        problem.setManaged(false);
    }

    private void showProblem() {
        String text = model.messageIsErrorProperty().get() ? model.messageProperty().get() : "";
        problem.setText(text);
        problem.setVisible(!text.isEmpty());
        problem.setManaged(!text.isEmpty());
    }

    private void rebuild() {
        String focused = getScene() != null && getScene().getFocusOwner() != null
                ? getScene().getFocusOwner().getId() : null;
        NetworkDocument doc = model.getDocument();
        Network net = doc.network();
        parameterLayer = Math.min(parameterLayer, net.depth());
        long build = ++builds;
        int[] now = sizes(net);
        boolean reshaped = shownSizes != null && !java.util.Arrays.equals(shownSizes, now);
        shownSizes = now;
        if (!reshaped || getScene() == null) {
            content.getChildren().setAll(firstPart(doc));
            content.getChildren().addAll(secondPart(doc));
            built(focused);
            return;
        }
        // another shape (a network opened, a layer added or resized): the layers and loss now, the weights and the
        // samples in the next piece of the pulse queue, so that their new controls are not all styled in one pulse
        content.getChildren().setAll(firstPart(doc));
        boolean inFirst = focused != null && content.lookup("#" + focused) != null;   // a layer's size, the seed
        built(inFirst ? focused : null);
        PulseQueue.fx().execute(() -> {
            if (build == builds) {
                content.getChildren().addAll(secondPart(doc));
                built(inFirst ? null : focused);
            }
        });
    }

    private java.util.List<Node> firstPart(NetworkDocument doc) {
        return java.util.List.of(heading(Messages.get("builder.network")), layers(doc.network()), problem,
                heading(Messages.get("builder.lossAndSeed")), lossAndSeed(doc));
    }

    private java.util.List<Node> secondPart(NetworkDocument doc) {
        return java.util.List.of(heading(Messages.get("builder.parameters")), parameters(doc.network()),
                heading(Messages.get("builder.samples", doc.batch().size())), samples(doc));
    }

    private static int[] sizes(Network net) {
        int[] sizes = new int[net.depth() + 1];
        for (int l = 0; l <= net.depth(); l++) {
            sizes[l] = net.size(l);
        }
        return sizes;
    }

    /** The rows are made (all of them, or the first part): the focus goes back to the field that had it. */
    private void built(String focused) {
        rebuilt.set(rebuilt.get() + 1);
        if (focused != null) {
            Platform.runLater(() -> {
                Node n = content.lookup("#" + focused);
                if (n != null) {
                    n.requestFocus();
                } else {
                    // a field of a large matrix that is not made yet: it takes the focus when it is
                    content.lookupAll(".matrix-editor").stream().filter(e -> e instanceof MatrixEditor)
                            .anyMatch(e -> ((MatrixEditor) e).focusField(focused));
                }
            });
        }
    }

    /**
     * Counts the builder's rebuilds, each time its rows are made (after an edit, another network or notation, or a
     * language switch; a network of another shape counts twice, once per part): the window fits its width to them.
     */
    public javafx.beans.property.ReadOnlyIntegerProperty rebuiltProperty() {
        return rebuilt.getReadOnlyProperty();
    }

    /**
     * A caption that wraps within the part of the builder in view, so that it reads whole even when wide weight
     * grids make the builder scroll sideways.
     */
    private Label caption(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("caption");
        l.setWrapText(true);
        l.maxWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> Math.max(CAPTION_MIN,
                getViewportBounds().getWidth() - content.getPadding().getLeft() - content.getPadding().getRight()),
                viewportBoundsProperty()));
        return l;
    }

    /** A caption never wraps narrower than this (px): a word per line reads as nothing. */
    private static final double CAPTION_MIN = 120;

    private static Label heading(String text) {
        Label l = new Label(text);   // the bundles write the headings in capitals, keeping the notation's m
        l.getStyleClass().add("section-label");
        return l;
    }

    private Node layers(Network net) {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        for (int l = 0; l <= net.depth(); l++) {
            int layer = l;
            // the kind of layer, as the messages choose by it: 0 input, 1 hidden, 2 output
            int kind = l == 0 ? 0 : l == net.depth() ? 2 : 1;
            Label label = new Label(Messages.get("builder.layer", l, kind));
            label.setMinWidth(Region.USE_PREF_SIZE);   // the grid's column is as wide as "Hidden 1" at any zoom
            Spinner<Integer> size = new Spinner<>(new SpinnerValueFactory.IntegerSpinnerValueFactory(1,
                    Math.max(Edits.MAX_LAYER_SIZE, net.size(l)), net.size(l)));
            size.setId("size" + l);
            size.setEditable(true);
            size.getEditor().setPrefColumnCount(2);
            size.setPrefWidth(96);
            size.setMinWidth(96);
            Tooltips.onHover(size, () -> Messages.get("builder.sizeTip", layer, kind));
            size.valueProperty().addListener((o, a, v) -> {
                if (v != null && v != model.getDocument().network().size(layer)) {
                    model.edit(d -> Edits.resize(d, layer, v));
                }
            });
            label.setLabelFor(size);
            grid.add(label, 0, l);
            grid.add(size, 1, l);
            if (l > 0) {
                ComboBox<Activation> act = new ComboBox<>(FXCollections.observableArrayList(Activation.values()));
                act.setId("activation" + l);
                act.setValue(net.activation(l));
                Tooltips.onHover(act, () -> Messages.get("builder.activationTip", layer, kind));
                act.setPrefWidth(132);
                act.setMinWidth(120);
                act.valueProperty().addListener((o, a, v) -> {
                    if (v != null && v != model.getDocument().network().activation(layer)
                            && !model.edit(d -> Edits.activation(d, layer, v))) {
                        Platform.runLater(this::rebuild);
                    }
                });
                grid.add(act, 2, l);
            }
            if (l > 0 && l < net.depth()) {
                Button remove = new Button("✕");
                remove.setId("removeLayer" + l);
                remove.getStyleClass().addAll("flat", "small");
                Tooltips.onHover(remove, () -> Messages.get("builder.removeLayerTip", layer));
                remove.setOnAction(e -> model.edit(d -> Edits.removeLayer(d, layer)));
                grid.add(remove, 3, l);
            }
        }
        Button add = new Button(Messages.get("builder.addLayer"));
        add.setId("addLayer");
        Tooltips.onHover(add, () -> Messages.get("builder.addLayerTip"));
        add.setOnAction(e -> addHiddenLayer());
        VBox box = new VBox(8, grid, add);
        return box;
    }

    /** Inserts a hidden layer before the output, like the last hidden layer (or 3 tanh neurons). */
    public void addHiddenLayer() {
        Network net = model.getDocument().network();
        int before = net.depth();
        int size = before > 1 ? net.size(before - 1) : 3;
        Activation act = before > 1 ? net.activation(before - 1) : Activation.TANH;
        model.edit(d -> Edits.insertLayer(d, before, size, act));
    }

    private Node lossAndSeed(NetworkDocument doc) {
        ComboBox<Loss> loss = new ComboBox<>(FXCollections.observableArrayList(Loss.values()));
        loss.setId("loss");
        loss.setValue(doc.network().loss());
        Tooltips.onHover(loss, () -> Messages.get("builder.lossTip"));
        loss.valueProperty().addListener((o, a, v) -> {
            if (v != null && v != model.getDocument().network().loss() && !model.edit(d -> Edits.loss(d, v))) {
                Platform.runLater(this::rebuild);
            }
        });
        loss.setPrefWidth(230);
        Label lossLabel = new Label(Messages.get("builder.loss"));
        lossLabel.setMinWidth(Region.USE_PREF_SIZE);
        lossLabel.setLabelFor(loss);
        TextField seed = new TextField(Long.toString(doc.seed()));
        seed.setId("seed");
        seed.setPrefColumnCount(6);
        Tooltips.onHover(seed, () -> Messages.get("builder.seedTip"));
        Button init = new Button(Messages.get("builder.reinitialise"));
        init.setId("reinitialise");
        Tooltips.onHover(init, () -> Messages.get("builder.reinitialiseTip"));
        Runnable reinit = () -> {
            try {
                long s = Long.parseLong(seed.getText().trim());
                model.edit(d -> Edits.reinitialise(d, s));
            } catch (NumberFormatException e) {
                String typed = seed.getText();
                model.complain(() -> Messages.get("builder.badSeed", typed));
            }
        };
        init.setOnAction(e -> reinit.run());
        seed.setOnAction(e -> reinit.run());
        init.setMinWidth(Region.USE_PREF_SIZE);
        Label seedLabel = new Label(Messages.get("builder.seed"));
        seedLabel.setMinWidth(Region.USE_PREF_SIZE);
        seedLabel.setLabelFor(seed);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, lossLabel, loss);
        HBox seedRow = new HBox(6, seed, init);
        seedRow.setAlignment(Pos.CENTER_LEFT);
        grid.addRow(1, seedLabel, seedRow);
        return grid;
    }

    /** Re-initialises from the seed field's value. */
    public void reinitialise() {
        Node seed = content.lookup("#seed");
        if (seed instanceof TextField field) {
            field.fireEvent(new javafx.event.ActionEvent());
        }
    }

    private Node parameters(Network net) {
        ComboBox<Integer> which = new ComboBox<>();
        which.setId("parameterLayer");
        for (int l = 1; l <= net.depth(); l++) {
            which.getItems().add(l);
        }
        which.setValue(parameterLayer);
        Tooltips.onHover(which, () -> Messages.get("builder.layerTip"));
        which.valueProperty().addListener((o, a, v) -> {
            if (v != null) {
                parameterLayer = v;
                rebuild();
            }
        });
        Label whichLabel = new Label(Messages.get("builder.parameterLayer"));
        whichLabel.setLabelFor(which);
        int l = parameterLayer;
        boolean nielsen = model.notationProperty().get() == Notation.NIELSEN;
        DMatrixRMaj w = nielsen ? CommonOps_DDRM.transpose(net.w(l), null) : net.w(l);
        Label wLabel = caption(Messages.get(nielsen ? "builder.weightsNielsen" : "builder.weights", sup(l),
                w.numRows, w.numCols));
        wLabel.setId("weightsCaption");
        MatrixEditor wEditor = new MatrixEditor("w" + l, w,
                r -> (nielsen ? "j=" : "k=") + r, c -> (nielsen ? "k=" : "j=") + c,
                (r, c, v) -> model.edit(d -> nielsen ? Edits.weight(d, l, c, r, v) : Edits.weight(d, l, r, c, v)),
                model::complain);
        DMatrixRMaj b = net.b(l);
        Label bLabel = caption(Messages.get("builder.biases", sup(l), b.numRows));
        MatrixEditor bEditor = new MatrixEditor("b" + l, b, r -> "j=" + r, c -> "b",
                (r, c, v) -> model.edit(d -> Edits.bias(d, l, r, v)), model::complain);
        HBox row = new HBox(8, whichLabel, which);
        row.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, row, wLabel, wEditor, bLabel, bEditor);
    }

    private Node samples(NetworkDocument doc) {
        DMatrixRMaj in = doc.batch().inputs();
        DMatrixRMaj t = doc.batch().targets();
        Label inLabel = caption(Messages.get("builder.inputs", in.numRows, in.numCols));
        MatrixEditor inEditor = new MatrixEditor("input", in, r -> "j=" + r, c -> "x=" + c,
                (r, c, v) -> model.edit(d -> Edits.input(d, r, c, v)), model::complain);
        Label tLabel = caption(Messages.get("builder.targets", t.numRows, t.numCols));
        MatrixEditor tEditor = new MatrixEditor("target", t, r -> "j=" + r, c -> "x=" + c,
                (r, c, v) -> model.edit(d -> Edits.target(d, r, c, v)), model::complain);
        Button add = new Button(Messages.get("builder.addSample"));
        add.setId("addSample");
        Tooltips.onHover(add, () -> Messages.get("builder.addSampleTip"));
        add.setOnAction(e -> model.edit(Edits::addSample));
        Button remove = new Button(Messages.get("builder.removeSample"));
        remove.setId("removeSample");
        Tooltips.onHover(remove, () -> Messages.get("builder.removeSampleTip"));
        remove.setDisable(doc.batch().size() <= 1);
        remove.setOnAction(e -> model.edit(d -> Edits.removeSample(d, d.batch().size() - 1)));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(6, add, remove);
        return new VBox(6, inLabel, inEditor, tLabel, tEditor, buttons);
    }

    private static String sup(int l) {
        return switch (l) {
            case 1 -> "¹";
            case 2 -> "²";
            case 3 -> "³";
            default -> "^" + l;
        };
    }
}
