package org.backprop.workbench.app.panels;

import org.backprop.workbench.i18n.Messages;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Insets;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.backprop.workbench.app.TaskRunner;
import org.backprop.workbench.explore.SoftmaxComparison;
import org.backprop.workbench.explore.SoftmaxComparison.Result;
import org.backprop.workbench.explore.SoftmaxComparison.ScalePoint;
import org.backprop.workbench.explore.SoftmaxComparison.Side;
import org.backprop.workbench.io.NetworkDocument;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The current network run two ways with the same weights, side by side: softmax activation + cross-entropy, and
 * identity output + loss-fused softmax-cross-entropy. Shows both δ^L, their largest difference, both costs, the
 * softmax Jacobian of a chosen sample, and a logit-scale control with a plot of where the naive form overflows.
 */
public final class SoftmaxComparisonPanel implements Panel {
    /** Task key of the logit-scale sweep. */
    public static final String TASK_KEY = "softmax-scale-sweep";
    /** Task key of the comparison at the current logit scale (both pairs' forward and backward passes). */
    public static final String COMPARE_KEY = "softmax-compare";
    /** The softmax Jacobian, written as the note writes it (the same in every language). */
    private static final String JACOBIAN = "J_ij = ∂a_i/∂z_j = a_i (δ_ij − a_j)";

    /** 61 points over five decades of logit scale: 12 per decade, enough to see where the naive form breaks. */
    public static final int SCALE_POINTS = 61;

    /** What the plot shows against the logit scale. */
    public enum Plotted {
        COST("softmax.plottedCost"), MAX_DELTA("softmax.plottedDelta");

        private final String label;

        Plotted(String label) { this.label = label; }

        @Override
        public String toString() { return Formats.superscripts(Messages.get(label)); }
    }

    private final ReadOnlyObjectProperty<NetworkDocument> document;
    private final TaskRunner runner;
    private final ObservableBooleanValue shown;
    /** The latest request of a comparison and of a sweep: a result of an older one is dropped. */
    private long compareRequest;
    private long sweepRequest;
    /** The network, the scale or the language changed while the panel was not shown: it computes when shown. */
    private boolean compareStale;
    private boolean sweepStale;
    /** What the cards show: the comparison as computed, redrawn in another language without computing again. */
    private Computed shownComputed;
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyObjectWrapper<List<ScalePoint>> scaleSweep = new ReadOnlyObjectWrapper<>(this, "scaleSweep");

    /**
     * Least width of the cards column beside the plot: a δᴸ of four samples and its row headers (at 15 px type).
     * A narrower tab puts the plot under the cards instead of cutting either.
     */
    static final double CARDS_MIN_WIDTH = 22 * 16;
    /** Least width (and height) of the logit-scale plot, as every plot of the workbench. */
    static final double PLOT_MIN_WIDTH = 300;
    static final double PLOT_MIN_HEIGHT = 260;
    /** Space between the cards and the plot. */
    private static final double GAP = 12;

    private final BorderPane root = new BorderPane();
    private final CardsAndPlot content = new CardsAndPlot();
    private final Label explanation = new Label();
    private final Label naiveCost = new Label();
    private final Label fusedCost = new Label();
    private final MatrixGrid naiveDelta = new MatrixGrid("δᴸ", j -> "j=" + j, x -> "x=" + x);
    private final MatrixGrid fusedDelta = new MatrixGrid("δᴸ", j -> "j=" + j, x -> "x=" + x);
    private final MatrixGrid jacobian = new MatrixGrid("J", i -> "i=" + i, j -> "j=" + j);
    private final Label difference = new Label();
    private final Label sigmoidNaiveCost = new Label();
    private final Label sigmoidFusedCost = new Label();
    private final MatrixGrid sigmoidNaiveDelta = new MatrixGrid("δᴸ", j -> "j=" + j, x -> "x=" + x);
    private final MatrixGrid sigmoidFusedDelta = new MatrixGrid("δᴸ", j -> "j=" + j, x -> "x=" + x);
    private final Label sigmoidDifference = new Label();
    private final ReadOnlyObjectWrapper<Result> sigmoidResult = new ReadOnlyObjectWrapper<>(this, "sigmoidResult");
    private final Label jacobianTitle = new Label();
    private final Spinner<Integer> sample = new Spinner<>(0, 0, 0);  // zero-based, like every index in the note and the files
    private final Slider scale = new Slider(0, Math.log10(SoftmaxComparison.SCALE_TO), 0);
    private final TextField scaleField = new TextField("1");
    private final ComboBox<Plotted> plotted = new ComboBox<>();
    private final XYSeriesCollection data = new XYSeriesCollection();
    private final ValueMarker scaleMarker = Charts.domainMarker(1, "", Charts.GREY);
    private XYPlot plot;
    private boolean syncing;

    /** Computes on the FX thread; fine for the small networks of a lecture. */
    public SoftmaxComparisonPanel(ReadOnlyObjectProperty<NetworkDocument> document) {
        this(document, null);
    }

    /**
     * @param document the current network and batch ({@code null} not permitted; a {@code null} value is explained)
     * @param runner   runs the comparison and the logit-scale sweep in the background, or {@code null} to compute
     *                 them at once
     */
    public SoftmaxComparisonPanel(ReadOnlyObjectProperty<NetworkDocument> document, TaskRunner runner) {
        this(document, runner, new SimpleBooleanProperty(true));
    }

    /**
     * @param shown whether the panel is in view (its tab selected): it computes only then, and when it comes into
     *              view after the network changed ({@code null} not permitted)
     */
    public SoftmaxComparisonPanel(ReadOnlyObjectProperty<NetworkDocument> document, TaskRunner runner,
                                  ObservableBooleanValue shown) {
        this.document = Objects.requireNonNull(document, "document");
        this.runner = runner;
        this.shown = Objects.requireNonNull(shown, "shown");
        createView();
        initListeners();
    }

    @Override
    public String getName() { return Messages.get("softmax.name"); }

    @Override
    public Region getView() { return root; }

    /** Both forms at the current logit scale, or null if the network does not suit the comparison. */
    public ReadOnlyObjectProperty<Result> resultProperty() { return result.getReadOnlyProperty(); }

    /**
     * The second pair at the current logit scale: sigmoid + binary cross-entropy against identity +
     * sigmoid-cross-entropy; null if the network does not suit the comparison.
     */
    public ReadOnlyObjectProperty<Result> sigmoidResultProperty() { return sigmoidResult.getReadOnlyProperty(); }

    /** The latest sweep over logit scales. */
    public ReadOnlyObjectProperty<List<ScalePoint>> scaleSweepProperty() { return scaleSweep.getReadOnlyProperty(); }

    /** The text shown when the network does not suit the comparison (empty otherwise). */
    /** The scale plot, for tests that read its axes. */
    XYPlot plotForTest() { return plot; }

    public String explanation() { return explanation.isVisible() ? explanation.getText() : ""; }

    /** Multiplies the output logits z^L by s (through w^L and b^L). */
    public void setLogitScale(double s) {
        scale.setValue(Math.log10(s));
        recompute();
    }

    public double logitScale() { return Math.pow(10, scale.getValue()); }

    private void createView() {
        root.getStyleClass().add("bw-panel");
        root.getStylesheets().add(STYLESHEET);

        Label title = Relabel.text(new Label(), "softmax.title");
        title.getStyleClass().add("bw-title");
        title.setWrapText(true);
        Label caption = Relabel.text(new Label(), "softmax.caption");
        caption.getStyleClass().add("bw-caption");
        // the verdict of the comparison (equal up to rounding, or the naive form broke) spans the whole tab
        root.setTop(new VBox(4, title, caption, difference));

        VBox naiveCard = card("softmax.naiveCard", "a = softmax(z),  C = −Σ t ln a",
                naiveCost, naiveDelta);
        VBox fusedCard = card("softmax.fusedCard", "a = z,  C = logsumexp(z) − Σ t z",
                fusedCost, fusedDelta);
        sample.setEditable(true);
        sample.setPrefWidth(5 * 16);
        sample.setTooltip(Relabel.tip("softmax.sampleTip"));
        Label sampleLabel = Relabel.text(new Label(), "softmax.sampleLabel");
        sampleLabel.setMnemonicParsing(true);
        sampleLabel.setLabelFor(sample);
        jacobianTitle.getStyleClass().add("bw-card-title");
        HBox sampleRow = new HBox(8, sampleLabel, sample);
        sampleRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        jacobianTitle.setWrapText(true);
        sampleLabel.setMinWidth(Region.USE_PREF_SIZE);
        sample.setMinWidth(Region.USE_PREF_SIZE);
        Label jacobianFormula = new Label(JACOBIAN);
        jacobianFormula.getStyleClass().add("bw-caption");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox formulaRow = new HBox(12, jacobianFormula, gap, sampleRow);
        formulaRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox jacobianCard = new VBox(jacobianTitle, formulaRow, jacobian);
        jacobianCard.getStyleClass().add("bw-card");
        Label sigmoidTitle = Relabel.text(new Label(), "softmax.sigmoidTitle");
        sigmoidTitle.getStyleClass().add("bw-card-title");
        sigmoidTitle.setWrapText(true);
        sigmoidDifference.getStyleClass().add("bw-summary");
        sigmoidDifference.setWrapText(true);
        VBox sigmoidNaiveCard = card("softmax.sigmoidNaiveCard",
                "a = σ(z),  δ = (a − t) / (a (1 − a)) · σ′(z)", sigmoidNaiveCost, sigmoidNaiveDelta);
        VBox sigmoidFusedCard = card("softmax.sigmoidFusedCard",
                "a = z,  C = Σ t softplus(−z) + (1 − t) softplus(z),  δ = σ(z) − t", sigmoidFusedCost,
                sigmoidFusedDelta);
        VBox sigmoidPair = new VBox(6, sigmoidTitle, sigmoidDifference, sigmoidNaiveCard, sigmoidFusedCard);
        VBox cards = new VBox(8, naiveCard, fusedCard, jacobianCard, sigmoidPair);
        cards.setPadding(new Insets(0, 8, 0, 0));
        difference.getStyleClass().add("bw-summary");
        difference.setWrapText(true);

        LogAxis x = Charts.decadeAxis(Messages.get("softmax.xAxis"));
        x.setRange(SoftmaxComparison.SCALE_FROM / 1.3, SoftmaxComparison.SCALE_TO * 1.3);
        LogAxis y = Charts.decadeAxis(Messages.get("softmax.plottedCost"));
        plot = Charts.plot(data, x, y, Charts.VERMILION, Charts.BLUE, Charts.FAIL_RED);
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
        renderer.setSeriesLinesVisible(2, false);
        renderer.setSeriesShape(2, Charts.cross(6));
        renderer.setSeriesStroke(2, Charts.LINE);
        renderer.setUseOutlinePaint(false);
        renderer.setSeriesShape(1, new java.awt.geom.Ellipse2D.Double(-2, -2, 4, 4));
        renderer.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-4, -4, 8, 8));
        Charts.addForeground(plot, scaleMarker, true);
        JFreeChart chart = Charts.chart(plot);
        Charts.follow(caption, chart);
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setFocusTraversable(false);
        viewer.getCanvas().setDomainZoomable(false);
        viewer.getCanvas().setRangeZoomable(false);
        viewer.setMinSize(PLOT_MIN_WIDTH, PLOT_MIN_HEIGHT);

        scale.setMajorTickUnit(1);
        scale.setMinorTickCount(3);
        scale.setShowTickMarks(true);
        scale.setShowTickLabels(true);
        scale.setBlockIncrement(0.25);
        scale.setLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Double v) { return "10" + Formats.superscript((int) Math.round(v)); }

            @Override
            public Double fromString(String s) { return 0.0; }
        });
        scale.setTooltip(Relabel.tip("softmax.scaleTip"));
        HBox.setHgrow(scale, Priority.ALWAYS);
        Label scaleLabel = Relabel.text(new Label(), "softmax.scaleLabel");
        scaleLabel.setMnemonicParsing(true);
        scaleLabel.setLabelFor(scaleField);
        scaleField.setPrefColumnCount(5);
        scaleField.setMinWidth(Region.USE_PREF_SIZE);
        scale.setMinWidth(8 * 16);
        scaleField.setTooltip(Relabel.tip("softmax.scaleFieldTip"));
        plotted.getItems().setAll(Plotted.values());
        plotted.setValue(Plotted.COST);
        plotted.setTooltip(Relabel.tip("softmax.plottedTip"));
        Label plottedLabel = Relabel.text(new Label(), "softmax.plottedLabel");
        plottedLabel.setMnemonicParsing(true);
        plottedLabel.setLabelFor(plotted);
        scaleLabel.setMinWidth(Region.USE_PREF_SIZE);
        plottedLabel.setMinWidth(Region.USE_PREF_SIZE);
        plotted.setMinWidth(Region.USE_PREF_SIZE);
        HBox controls = new HBox(scaleLabel, scaleField, scale, plottedLabel, plotted);
        controls.getStyleClass().add("bw-toolbar");

        // cards on the left (scrolling if the tab is short), the logit-scale plot on the right, always in view
        ScrollPane cardScroll = new ScrollPane(cards);
        cardScroll.setFitToWidth(true);
        cardScroll.getStyleClass().add("bw-scroll");
        cardScroll.setMinWidth(CARDS_MIN_WIDTH);
        cardScroll.setPrefWidth(30 * 16);
        VBox plotSide = new VBox(6, controls, viewer);
        VBox.setVgrow(viewer, Priority.ALWAYS);
        content.getChildren().setAll(cardScroll, plotSide);

        explanation.getStyleClass().add("bw-explain");
        explanation.setMaxWidth(60 * 16);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);   // stacked (a narrow tab), the content's least height is all of it: it scrolls
        scroll.getStyleClass().add("bw-scroll");
        scroll.setPadding(new Insets(6, 0, 0, 0));
        root.setCenter(scroll);
    }

    /** The second pair, sigmoid two ways, at logit scale s ({@code r} null if the batch does not suit it). */
    private void showSigmoidPair(NetworkDocument doc, double s, Result r) {
        Optional<String> why = SoftmaxComparison.unsuitableForSigmoid(doc.batch());
        if (why.isPresent() || r == null) {   // never for a softmax classifier's targets, which lie in [0, 1]
            sigmoidResult.set(null);
            sigmoidDifference.setText(why.orElse(""));
            return;
        }
        sigmoidResult.set(r);
        sigmoidNaiveCost.setText("C = " + Formats.value(r.naive().cost()).trim());
        sigmoidFusedCost.setText("C = " + Formats.value(r.fused().cost()).trim());
        styleNonFinite(sigmoidNaiveCost, r.naive().cost());
        styleNonFinite(sigmoidFusedCost, r.fused().cost());
        sigmoidNaiveDelta.show(r.naive().deltaL());
        sigmoidFusedDelta.show(r.fused().deltaL());
        double diff = r.maxAbsDifference();
        if (!Double.isFinite(diff)) {
            sigmoidDifference.setText(Messages.get("softmax.sigmoidNotFinite", Formats.plain(s),
                    nonFiniteCount(r.naive()), Formats.small(r.fused().maxAbsDelta())));
        } else {
            sigmoidDifference.setText(Messages.get("softmax.sigmoidEqual", Formats.small(diff)));
        }
    }

    private static VBox card(String titleKey, String formula, Label cost, MatrixGrid delta) {
        Label t = Relabel.text(new Label(), titleKey);
        t.getStyleClass().add("bw-card-title");
        t.setWrapText(true);   // "… (naive)" and "… (fused)" whole in a narrow column, not "(n…"
        cost.getStyleClass().add("bw-big-number");
        Label f = new Label(formula);
        f.getStyleClass().add("bw-caption");
        VBox card = new VBox(t, f, cost, delta);
        card.getStyleClass().add("bw-card");
        return card;
    }

    private void initListeners() {
        document.addListener((o, was, now) -> {
            recompute();
            resweep();
        });
        scale.valueProperty().addListener((o, was, now) -> {
            if (!syncing) {
                recompute();
            }
        });
        scaleField.setOnAction(e -> {
            try {
                double s = Double.parseDouble(scaleField.getText().trim());
                if (!(s > 0) || !Double.isFinite(s)) {
                    throw new NumberFormatException();
                }
                scaleField.setStyle("");
                scale.setValue(Math.log10(Math.max(SoftmaxComparison.SCALE_FROM,
                        Math.min(SoftmaxComparison.SCALE_TO, s))));
            } catch (NumberFormatException ex) {
                scaleField.setStyle("-fx-border-color: #c62828; -fx-border-width: 2;");
            }
        });
        sample.valueProperty().addListener((o, was, now) -> showJacobian());
        plotted.valueProperty().addListener((o, was, now) -> draw());
        scaleSweep.addListener((o, was, now) -> draw());
        shown.addListener((o, was, now) -> {
            if (now && compareStale) {
                recompute();
            }
            if (now && sweepStale) {
                resweep();
            }
        });
        recompute();
        resweep();
        // after View ▸ Language: the verdict, the reasons and the plot's axes in the new language
        Relabel.follow(this, SoftmaxComparisonPanel::relabel);
    }

    /** The cards, the reasons and the plot's axes in the language switched to, from what was computed. */
    private void relabel() {
        ((LogAxis) plot.getDomainAxis()).setLabel(Messages.get("softmax.xAxis"));
        Computed c = shownComputed;
        if (c != null && c.doc() == document.get() && c.scale() == roundedScale() && shown.get()) {
            show(c);
        } else {
            recompute();
        }
        draw();
    }

    /** Both pairs at one logit scale, computed off the FX thread. */
    private record Computed(NetworkDocument doc, double scale, Result softmax, Result sigmoid) {
        static Computed of(NetworkDocument doc, double s) {
            return new Computed(doc, s, SoftmaxComparison.compare(doc.network(), doc.batch(), s),
                    SoftmaxComparison.unsuitableForSigmoid(doc.batch()).isPresent() ? null
                            : SoftmaxComparison.compareSigmoid(doc.network(), doc.batch(), s));
        }
    }

    /** The logit scale as the field shows it: two significant digits. */
    private double roundedScale() {
        return Double.parseDouble(String.format(Locale.ROOT, "%.2g", logitScale()));
    }

    /**
     * Runs both forms at the current scale in the background (at once without a runner) and fills the cards, or
     * explains why it cannot. Not shown, the panel only notes that it is out of date.
     */
    private void recompute() {
        if (!shown.get()) {
            compareStale = true;
            return;
        }
        compareStale = false;
        long request = ++compareRequest;
        NetworkDocument doc = document.get();
        Optional<String> why = doc == null
                ? Optional.of(Messages.get("softmax.noNetwork"))
                : SoftmaxComparison.unsuitable(doc.network(), doc.batch());
        if (why.isPresent()) {
            explanation.setText(Messages.get("softmax.needsClassifier", why.get()));
            explanation.setVisible(true);
            // the verdict of an earlier network ("equal up to rounding") does not apply to this one
            difference.setText("");
            difference.setVisible(false);
            difference.setManaged(false);
            ((ScrollPane) root.getCenter()).setContent(explanation);
            result.set(null);
            shownComputed = null;
            if (runner != null) {
                runner.cancel(COMPARE_KEY);
            }
            return;
        }
        double s = roundedScale();
        syncing = true;
        scaleField.setText(Formats.plain(s));
        syncing = false;
        if (runner == null) {
            show(Computed.of(doc, s));
        } else {
            runner.run(COMPARE_KEY, Messages.get("softmax.compareTask"), p -> Computed.of(doc, s), c -> {
                if (request == compareRequest) {   // a newer network or scale was asked for meanwhile
                    show(c);
                }
            });
        }
    }

    /** Fills the cards with a computed comparison. */
    private void show(Computed c) {
        shownComputed = c;
        NetworkDocument doc = c.doc();
        double s = c.scale();
        explanation.setVisible(false);
        difference.setVisible(true);
        difference.setManaged(true);
        ((ScrollPane) root.getCenter()).setContent(content);
        Result r = c.softmax();
        result.set(r);
        naiveCost.setText("C = " + Formats.value(r.naive().cost()).trim());
        fusedCost.setText("C = " + Formats.value(r.fused().cost()).trim());
        styleNonFinite(naiveCost, r.naive().cost());
        styleNonFinite(fusedCost, r.fused().cost());
        naiveDelta.show(r.naive().deltaL());
        fusedDelta.show(r.fused().deltaL());
        double diff = r.maxAbsDifference();
        if (Double.isNaN(diff) || !Double.isFinite(diff)) {
            difference.setText(Messages.get("softmax.naiveNotFinite", Formats.plain(s), nonFiniteCount(r.naive()),
                    Formats.small(r.fused().maxAbsDelta())));
            difference.getStyleClass().add("non-finite");
        } else {
            difference.getStyleClass().remove("non-finite");
            difference.setText(Messages.get("softmax.equal", Formats.small(diff)));
        }
        showSigmoidPair(doc, s, c.sigmoid());
        int m = doc.batch().size();
        SpinnerValueFactory.IntegerSpinnerValueFactory factory =
                (SpinnerValueFactory.IntegerSpinnerValueFactory) sample.getValueFactory();
        factory.setMax(m - 1);
        if (sample.getValue() > m - 1) {
            factory.setValue(m - 1);
        }
        showJacobian();
        scaleMarker.setValue(s);
        scaleMarker.setLabel("s = " + Formats.plain(s));
    }

    private static int nonFiniteCount(Side side) {
        int count = 0;
        for (double v : side.deltaL().data) {
            if (!Double.isFinite(v)) {
                count++;
            }
        }
        return count;
    }

    private static void styleNonFinite(Label label, double v) {
        label.getStyleClass().remove("non-finite");
        if (!Double.isFinite(v)) {
            label.getStyleClass().add("non-finite");
        }
    }

    private void showJacobian() {
        Result r = result.get();
        if (r == null) {
            return;
        }
        int x = sample.getValue();
        jacobianTitle.setText(Messages.get("softmax.jacobianTitle"));
        jacobian.show(r.jacobian(x));
    }

    private void resweep() {
        if (!shown.get()) {
            sweepStale = true;
            return;
        }
        sweepStale = false;
        long request = ++sweepRequest;
        NetworkDocument doc = document.get();
        if (doc == null || SoftmaxComparison.unsuitable(doc.network(), doc.batch()).isPresent()) {
            return;
        }
        if (runner == null) {
            scaleSweep.set(sweep(doc));
        } else {
            runner.run(TASK_KEY, Messages.get("softmax.task"), p -> sweep(doc), points -> {
                if (request == sweepRequest) {
                    scaleSweep.set(points);
                }
            });
        }
    }

    private static List<ScalePoint> sweep(NetworkDocument doc) {
        return SoftmaxComparison.sweepScale(doc.network(), doc.batch(), SoftmaxComparison.SCALE_FROM,
                SoftmaxComparison.SCALE_TO, SCALE_POINTS);
    }

    /** Both curves; a naive point that is ∞ or NaN is drawn as a red cross along the top of the plot. */
    private void draw() {
        List<ScalePoint> points = scaleSweep.get();
        data.removeAllSeries();
        if (points == null) {
            return;
        }
        boolean cost = plotted.getValue() == Plotted.COST;
        ((LogAxis) plot.getRangeAxis()).setLabel(Messages.get(cost ? "softmax.plottedCost" : "softmax.axisDelta"));
        XYSeries naive = new XYSeries(Messages.get("softmax.seriesNaive"), false, true);
        XYSeries fused = new XYSeries(Messages.get("softmax.seriesFused"), false, true);
        XYSeries broken = new XYSeries(Messages.get("softmax.seriesBroken"), false, true);
        double top = 0;
        for (ScalePoint p : points) {
            top = Math.max(top, finiteOr0(cost ? p.naiveCost() : p.naiveDelta()));
            top = Math.max(top, finiteOr0(cost ? p.fusedCost() : p.fusedDelta()));
        }
        top = top > 0 ? top * 3 : 1;
        for (ScalePoint p : points) {
            double n = cost ? p.naiveCost() : p.naiveDelta();
            double f = cost ? p.fusedCost() : p.fusedDelta();
            if (Double.isFinite(n) && n > 0) {
                naive.add(p.scale(), n);
            } else if (!Double.isFinite(n)) {
                naive.add(p.scale(), null);
                broken.add(p.scale(), top);
            }
            if (Double.isFinite(f) && f > 0) {
                fused.add(p.scale(), f);
            }
        }
        data.addSeries(naive);
        data.addSeries(fused);
        data.addSeries(broken);
    }

    private static double finiteOr0(double v) {
        return Double.isFinite(v) ? v : 0;
    }

    /** True if the cards and the plot are side by side (false: the plot is under the cards). */
    public boolean sideBySide() { return content.sideBySide(content.getWidth()); }

    /**
     * The cards beside the plot when the tab is wide enough for both at their least widths; in a narrower tab (the
     * builder open on a 1024-wide window) the plot goes under the cards, each the tab's full width, and the tab
     * scrolls. Children: the cards' scroll pane, then the plot with its controls.
     */
    private static final class CardsAndPlot extends javafx.scene.layout.Pane {
        boolean sideBySide(double width) {
            return width >= CARDS_MIN_WIDTH + GAP + PLOT_MIN_WIDTH;
        }

        private Region cards() { return (Region) getChildren().get(0); }

        private Region plot() { return (Region) getChildren().get(1); }

        @Override
        public javafx.geometry.Orientation getContentBias() { return javafx.geometry.Orientation.HORIZONTAL; }

        @Override
        protected double computeMinWidth(double height) {
            return Math.max(cards().minWidth(-1), plot().minWidth(-1));
        }

        @Override
        protected double computePrefWidth(double height) {
            return cards().prefWidth(-1) + GAP + plot().prefWidth(-1);
        }

        @Override
        protected double computeMinHeight(double width) {
            if (width < 0 || sideBySide(width)) {
                return Math.max(Math.min(cards().prefHeight(-1), PLOT_MIN_HEIGHT), plot().minHeight(-1));
            }
            return cards().prefHeight(width) + GAP + Math.max(PLOT_MIN_HEIGHT, plot().minHeight(width));
        }

        @Override
        protected double computePrefHeight(double width) {
            if (width < 0 || sideBySide(width)) {
                return Math.max(cards().prefHeight(-1), plot().prefHeight(-1));
            }
            return computeMinHeight(width);
        }

        @Override
        protected void layoutChildren() {
            double w = getWidth();
            double h = getHeight();
            Region cards = cards();
            Region plot = plot();
            if (sideBySide(w)) {
                double cw = Math.max(CARDS_MIN_WIDTH, Math.min(cards.prefWidth(-1), w - GAP - PLOT_MIN_WIDTH));
                cards.resizeRelocate(0, 0, snapSizeX(cw), h);
                plot.resizeRelocate(snapPositionX(cw + GAP), 0, snapSizeX(w - cw - GAP), h);
            } else {
                double ch = cards.prefHeight(w);
                cards.resizeRelocate(0, 0, w, snapSizeY(ch));
                plot.resizeRelocate(0, snapPositionY(ch + GAP), w, snapSizeY(Math.max(PLOT_MIN_HEIGHT, h - ch - GAP)));
            }
        }
    }
}
