package org.backprop.workbench.app.panels;

import org.backprop.workbench.i18n.Messages;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Point2D;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.backprop.workbench.app.TaskRunner;
import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.check.CheckResult;
import org.backprop.workbench.check.Thresholds;
import org.backprop.workbench.check.EpsilonSweep;
import org.backprop.workbench.numeric.Epsilon;
import org.backprop.workbench.check.EpsilonSweep.Curve;
import org.backprop.workbench.numeric.DifferenceMethod;
import org.backprop.workbench.check.EpsilonSweep.Point;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A log-log plot of relative error against ε for the selected checked number, one curve per difference method,
 * plus the worst over the selected number's formula and layer: the V of truncation (right) against rounding (left).
 * A marker shows the current ε; the slider, the text field and a click on the plot set it.
 */
public final class EpsilonPlotPanel implements Panel {
    /** Task key of the sweep: a new sweep replaces the running one. */
    public static final String TASK_KEY = "epsilon-sweep";

    /**
     * A relative error of exactly 0 (both estimates equal to the last bit) has no place on a log axis; it is drawn
     * at this floor, below anything double precision can otherwise produce.
     */
    public static final double PLOT_FLOOR = 1e-17;

    /** Below this height the panel scrolls: heading, controls, readout and a readable plot. */
    static final double MIN_HEIGHT = 430;

    private static final Color[] METHOD_COLOURS = {Charts.ORANGE, Charts.BLUE, Charts.GREEN, Charts.PURPLE};

    private final ReadOnlyObjectProperty<Analysis> analysis;
    private final ReadOnlyObjectProperty<CheckResult> selection;
    private final DoubleProperty epsilon;
    private final TaskRunner runner;
    private final ReadOnlyObjectWrapper<Sweep> sweep = new ReadOnlyObjectWrapper<>(this, "sweep");

    private final BorderPane content = new BorderPane();
    private final javafx.scene.control.ScrollPane root = Panel.scrolling(content, MIN_HEIGHT);
    private final Label heading = new Label();
    private final Label caption = new Label();
    private final Label readout = new Label();
    private final Slider slider = new Slider(-12, -1, -5);
    private final TextField epsilonField = new TextField();
    /** What the ε field shows for the automatic step: entry syntax, the same in every language. */
    private static final String AUTO_ENTRY = "auto";
    private final Button best = new Button();
    private final Label epsilonLabel = new Label();
    private final Tooltip sliderTip = new Tooltip();
    private final Tooltip fieldTip = new Tooltip();
    private final Tooltip bestTip = new Tooltip();
    private org.jfree.chart.plot.ValueMarker passMarker;
    private org.jfree.chart.plot.ValueMarker failMarker;
    private final XYSeriesCollection data = new XYSeriesCollection();
    private final ValueMarker epsilonMarker = Charts.domainMarker(1e-5, "", Charts.FAIL_RED);
    /** With ε = auto: the relative error bound of the selected number's chosen step, as a level on the V. */
    private final ValueMarker boundMarker = Charts.rangeMarker(1, "", Charts.GREY);
    private XYPlot plot;
    private ChartViewer viewer;
    private boolean syncing;

    /** The result of one sweep: the number swept, one curve per method and the worst over its group. */
    public record Sweep(Analysis analysis, CheckResult target, List<Curve> curves, Curve worst) {
    }

    /**
     * @param analysis  the analysis whose numbers are swept
     * @param selection the selected checked number; if null, the first number of the analysis is swept
     * @param epsilon   the ε of the checks, shown as a marker and set by the controls
     * @param runner    runs the sweeps in the background
     */
    public EpsilonPlotPanel(ReadOnlyObjectProperty<Analysis> analysis, ReadOnlyObjectProperty<CheckResult> selection,
                            DoubleProperty epsilon, TaskRunner runner) {
        this.analysis = Objects.requireNonNull(analysis, "analysis");
        this.selection = Objects.requireNonNull(selection, "selection");
        this.epsilon = Objects.requireNonNull(epsilon, "epsilon");
        this.runner = Objects.requireNonNull(runner, "runner");
        createView();
        initListeners();
    }

    @Override
    public String getName() { return "ε"; }

    @Override
    public Region getView() { return root; }

    /** The latest finished sweep (for tests and screenshots). */
    public ReadOnlyObjectProperty<Sweep> sweepProperty() { return sweep.getReadOnlyProperty(); }

    /** What the ε marker says and where it stands (the plot is a canvas: tests read the marker itself). */
    public String epsilonMarkerText() { return epsilonMarker.getLabel() + " @ " + epsilonMarker.getValue(); }

    /** The error-bound level of an automatic step, or empty when none is drawn. */
    public String boundMarkerText() {
        return plot.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND).contains(boundMarker)
                ? boundMarker.getLabel() + " @ " + boundMarker.getValue() : "";
    }

    /** The line under the plot: relative errors at the current step. */
    public String readoutText() { return readout.getText(); }


    private void createView() {
        content.getStyleClass().add("bw-panel");
        content.getStylesheets().add(STYLESHEET);

        heading.getStyleClass().add("bw-title");
        caption.getStyleClass().add("bw-caption");
        caption.setText(Messages.get("epsilon.select"));

        slider.setMajorTickUnit(1);
        slider.setMinorTickCount(3);
        slider.setShowTickMarks(true);
        slider.setShowTickLabels(true);
        slider.setSnapToTicks(false);
        slider.setBlockIncrement(0.25);
        slider.setLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Double v) { return "1e" + Math.round(v); }

            @Override
            public Double fromString(String s) { return Double.valueOf(s.substring(2)); }
        });
        slider.setTooltip(sliderTip);
        HBox.setHgrow(slider, Priority.ALWAYS);
        epsilonLabel.setMnemonicParsing(true);
        epsilonLabel.setLabelFor(epsilonField);
        epsilonField.setPrefColumnCount(6);
        epsilonField.setMinWidth(Region.USE_PREF_SIZE);
        epsilonField.setTooltip(fieldTip);
        best.setTooltip(bestTip);
        best.setMinWidth(Region.USE_PREF_SIZE);
        epsilonLabel.setMinWidth(Region.USE_PREF_SIZE);
        relabel();
        Relabel.follow(this, EpsilonPlotPanel::relabel);
        HBox controls = new HBox(epsilonLabel, epsilonField, slider, best);
        controls.getStyleClass().add("bw-toolbar");
        readout.getStyleClass().addAll("bw-readout");
        readout.setWrapText(true);
        readout.setMinHeight(Region.USE_PREF_SIZE);
        VBox top = new VBox(6, heading, caption, controls, readout);
        content.setTop(top);

        LogAxis x = Charts.decadeAxis(Messages.get("epsilon.xAxis"));
        x.setRange(EpsilonSweep.SMALLEST / 2, EpsilonSweep.LARGEST * 2);
        LogAxis y = Charts.decadeAxis(Messages.get("epsilon.yAxis"));
        plot = Charts.plot(data, x, y, METHOD_COLOURS);
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
        renderer.setSeriesPaint(DifferenceMethod.values().length, Charts.GREY);
        renderer.setSeriesStroke(DifferenceMethod.values().length, Charts.DASHED);
        renderer.setSeriesShapesVisible(DifferenceMethod.values().length, false);
        passMarker = Charts.rangeMarker(Thresholds.PASS, Messages.get("epsilon.passLine"), Charts.PASS_GREEN);
        failMarker = Charts.rangeMarker(Thresholds.FAIL, Messages.get("epsilon.failLine"), Charts.FAIL_RED);
        Charts.addForeground(plot, passMarker, false);
        Charts.addForeground(plot, failMarker, false);
        Charts.addForeground(plot, epsilonMarker, true);
        JFreeChart chart = Charts.chart(plot);
        Charts.follow(caption, chart);
        viewer = new ChartViewer(chart);
        viewer.setMinSize(300, 260);
        // sixteen decades of labels overlap on a short plot: label every second or third decade there
        viewer.heightProperty().addListener((o, was, now) ->
                y.setTickUnit(new NumberTickUnit(now.doubleValue() < 260 ? 3 : now.doubleValue() < 420 ? 2 : 1)));
        // the long axis label ("◀ rounding error ~ ε_machine·|C|/ε, truncation error ~ εᵖ ▶") where it fits, the
        // short one on a narrow plot (1024 px with the builder open), never cut at the plot's right edge
        viewer.widthProperty().addListener((o, was, now) -> fitAxisLabel());
        viewer.setFocusTraversable(false);
        viewer.getCanvas().setDomainZoomable(false);
        viewer.getCanvas().setRangeZoomable(false);
        BorderPane.setMargin(viewer, new javafx.geometry.Insets(6, 0, 0, 0));
        content.setCenter(viewer);
    }

    private void initListeners() {
        epsilon.addListener((o, was, now) -> showEpsilon(now.doubleValue()));
        showEpsilon(epsilon.get());
        slider.valueProperty().addListener((o, was, now) -> {
            if (!syncing && !slider.isValueChanging()) {
                epsilon.set(fromLog(now.doubleValue()));
            } else if (!syncing) {
                epsilonMarker.setValue(fromLog(now.doubleValue()));
            }
        });
        slider.valueChangingProperty().addListener((o, was, changing) -> {
            if (!changing) {
                epsilon.set(fromLog(slider.getValue()));
            }
        });
        slider.setOnKeyReleased(e -> epsilon.set(fromLog(slider.getValue())));
        epsilonField.setOnAction(e -> commitField());
        epsilonField.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commitField();
            }
        });
        best.setOnAction(e -> {
            Sweep s = sweep.get();
            if (s != null) {
                Curve central = s.curves().stream().filter(c -> c.method() == DifferenceMethod.CENTRAL).findFirst().orElseThrow();
                epsilon.set(central.best().epsilon());
            }
        });
        viewer.addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX event) {
                Rectangle2D area = viewer.getCanvas().getRenderingInfo().getPlotInfo().getDataArea();
                Point2D p = new Point2D(event.getTrigger().getX(), event.getTrigger().getY());
                if (area.contains(p.getX(), p.getY())) {
                    double value = plot.getDomainAxis().java2DToValue(p.getX(), area, plot.getDomainAxisEdge());
                    epsilon.set(clampEpsilon(value));
                }
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX event) {
            }
        });
        analysis.addListener((o, was, now) -> resweep());
        selection.addListener((o, was, now) -> resweep());
        sweep.addListener((o, was, now) -> draw(now));
        viewer.heightProperty().addListener((o, was, now) -> {
            if (sweep.get() != null) {
                fitRange(sweep.get());
            }
        });
        resweep();
    }

    private void commitField() {
        try {
            double value = Epsilon.parseOrAuto(epsilonField.getText());
            epsilonField.setStyle("");
            epsilon.set(value);
        } catch (IllegalArgumentException e) {
            epsilonField.setStyle("-fx-border-color: #c62828; -fx-border-width: 2;");
            epsilonField.getTooltip().setText("ε: " + e.getMessage());
        }
    }

    private void showEpsilon(double value) {
        if (Epsilon.isAuto(value)) {
            epsilonField.setText(AUTO_ENTRY);
            epsilonField.setStyle("");
            showAutoStep();
            updateReadout();
            return;
        }
        plot.removeRangeMarker(boundMarker, org.jfree.chart.ui.Layer.FOREGROUND);
        syncing = true;
        slider.setValue(Math.max(slider.getMin(), Math.min(slider.getMax(), Math.log10(value))));
        epsilonField.setText(Formats.small(value));
        epsilonField.setStyle("");
        syncing = false;
        epsilonMarker.setValue(value);
        epsilonMarker.setLabel(Messages.get("epsilon.current", Formats.small(value)));
        updateReadout();
    }

    /**
     * ε = auto: the marker moves to the step chosen for the swept number, and a level shows its error bound relative
     * to the value, so the chosen point can be read against the V (it should sit near the bottom, above the curve).
     */
    private void showAutoStep() {
        Sweep s = sweep.get();
        plot.removeRangeMarker(boundMarker, org.jfree.chart.ui.Layer.FOREGROUND);
        if (s == null || !Double.isFinite(s.target().step())) {
            epsilonMarker.setLabel(Messages.get("epsilon.auto"));
            return;
        }
        CheckResult t = s.target();
        epsilonMarker.setValue(t.step());
        epsilonMarker.setLabel(Messages.get("epsilon.autoStep", Formats.small(t.step())));
        double scale = Math.max(Math.abs(t.analytic()), Math.abs(t.numeric()));
        if (Double.isFinite(t.errorBound()) && scale > 0) {
            double relative = t.errorBound() / scale;
            boundMarker.setValue(Math.max(relative, PLOT_FLOOR));
            boundMarker.setLabel(Messages.get("epsilon.autoBound", Formats.small(relative)));
            Charts.addForeground(plot, boundMarker, false);
        }
    }

    private static double fromLog(double log10) {
        // round to two significant digits so that the field shows what the checks use
        double value = Math.pow(10, log10);
        return Double.parseDouble(String.format(Locale.ROOT, "%.1e", value));
    }

    private static double clampEpsilon(double value) {
        double clamped = Math.max(EpsilonSweep.SMALLEST, Math.min(EpsilonSweep.LARGEST, value));
        return Double.parseDouble(String.format(Locale.ROOT, "%.1e", clamped));
    }

    /** The number to sweep: the selection if it belongs to the analysis, else the analysis's first number. */
    private CheckResult target(Analysis a) {
        CheckResult selected = selection.get();
        if (selected != null) {
            for (CheckResult c : a.checks()) {
                if (CheckTablePanel.sameNumber(c, selected)) {
                    return c;
                }
            }
        }
        return a.checks().isEmpty() ? null : a.checks().get(0);
    }

    private void resweep() {
        Analysis a = analysis.get();
        if (a == null) {
            return;
        }
        CheckResult target = target(a);
        if (target == null) {
            return;
        }
        Sweep last = sweep.get();
        if (last != null && last.analysis().network() == a.network() && last.analysis().batch() == a.batch()
                && last.analysis().mistake() == a.mistake() && CheckTablePanel.sameNumber(last.target(), target)) {
            // only ε or the method changed: the curves do not depend on them
            runner.cancel(TASK_KEY);
            sweep.set(new Sweep(a, target, last.curves(), last.worst()));
            return;
        }
        String name = Formats.superscripts(target.quantity());
        runner.run(TASK_KEY, Messages.get("epsilon.task", name), progress -> compute(a, target, progress), sweep::set);
    }

    /** Room the range axis (its label and tick labels) and the chart's padding take from the viewer's width (px). */
    private static final double RANGE_AXIS_ROOM = 90;

    /** The x axis's label: the long one if it fits under the plot, else the short one. */
    private void fitAxisLabel() {
        if (plot == null || viewer == null) {
            return;
        }
        String full = Messages.get("epsilon.xAxis");
        String label = axisLabelWidth(full) <= viewer.getWidth() - RANGE_AXIS_ROOM ? full
                : Messages.get("epsilon.xAxisShort");
        if (!label.equals(plot.getDomainAxis().getLabel())) {
            plot.getDomainAxis().setLabel(label);
        }
    }

    /** The width of a text in the x axis's label font, in px. */
    private double axisLabelWidth(String text) {
        java.awt.Font font = plot.getDomainAxis().getLabelFont();
        return font.getStringBounds(text, new java.awt.font.FontRenderContext(null, true, true)).getWidth();
    }

    /** The legend's entries, one per curve, as drawn: for tests. */
    public java.util.List<String> legendTexts() {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < data.getSeriesCount(); i++) {
            out.add(String.valueOf(data.getSeriesKey(i)));
        }
        return out;
    }

    /** The x axis's label as drawn, and whether it fits beside the range axis: for tests. */
    public String xAxisLabel() { return plot.getDomainAxis().getLabel(); }

    /** True if the x axis's label as drawn fits the viewer's width beside the range axis: for tests. */
    public boolean xAxisLabelFits() {
        return axisLabelWidth(xAxisLabel()) <= viewer.getWidth() - RANGE_AXIS_ROOM;
    }

    /** The texts that do not depend on the sweep, in the current language (again after a switch). */
    private void relabel() {
        best.setText(Messages.get("epsilon.useBest"));
        epsilonLabel.setText(Messages.get("epsilon.label"));
        sliderTip.setText(Messages.get("epsilon.sliderTip"));
        fieldTip.setText(Messages.get("epsilon.fieldTip"));
        bestTip.setText(Messages.get("epsilon.bestTip"));
        if (plot != null) {
            plot.getDomainAxis().setLabel(Messages.get("epsilon.xAxis"));
            fitAxisLabel();
            plot.getRangeAxis().setLabel(Messages.get("epsilon.yAxis"));
            passMarker.setLabel(Messages.get("epsilon.passLine"));
            failMarker.setLabel(Messages.get("epsilon.failLine"));
            if (sweep.get() != null) {
                draw(sweep.get());
            } else {
                caption.setText(Messages.get("epsilon.select"));
            }
        }
    }

    /** The whole sweep, off the FX thread. */
    static Sweep compute(Analysis a, CheckResult target, TaskRunner.Progress progress) {
        double[] grid = EpsilonSweep.grid();
        List<Curve> curves = new ArrayList<>();
        for (DifferenceMethod method : DifferenceMethod.values()) {
            if (EpsilonSweep.applicable(a, method)) {
                curves.add(EpsilonSweep.sweep(a, target, method, grid));
            } else {
                curves.add(new Curve(Messages.get("epsilon.notApplicable", Names.method(method)), method, List.of()));
            }
        }
        List<CheckResult> group = a.checks(target.formula(), target.layer());
        String groupName = Messages.get("epsilon.group", target.formula().name(), target.layer());
        Curve worst = EpsilonSweep.worstOf(a, group, groupName, DifferenceMethod.CENTRAL, grid, progress);
        return new Sweep(a, target, curves, worst);
    }

    private void draw(Sweep s) {
        data.removeAllSeries();
        XYLineAndShapeRenderer renderer = (XYLineAndShapeRenderer) plot.getRenderer();
        for (Curve curve : s.curves()) {
            boolean inUse = curve.method() == s.analysis().method();
            data.addSeries(series((curve.points().isEmpty() ? curve.label()
                    : Messages.get("epsilon.curve", curve.method().id(), Names.order(curve.method())))
                    + (inUse ? Messages.get("epsilon.inUse") : ""), curve));
            // the method the checks use is drawn heavier
            renderer.setSeriesStroke(data.getSeriesCount() - 1, inUse ? Charts.HEAVY : Charts.LINE);
        }
        CheckResult t = s.target();
        data.addSeries(series(worstLegend(s.analysis(), t), s.worst()));
        heading.setText(Messages.get("epsilon.heading", Formats.superscripts(t.quantity()), t.formula().name()));
        String value = Formats.value(t.analytic()).trim();
        caption.setText(s.analysis().mistake() == org.backprop.workbench.engine.Mistake.NONE
                ? Messages.get("epsilon.caption", value)
                : Messages.get("epsilon.captionMistake", value, s.analysis().mistake().id()));
        fitRange(s);
        if (Epsilon.isAuto(epsilon.get())) {
            showAutoStep();
        }
        updateReadout();
    }

    /** The worst curve's legend: "worst of the 6 in BP4 of layer 1, central differences" (a sample in a large layer). */
    public static String worstLegend(Analysis a, CheckResult target) {
        int group = a.checks(target.formula(), target.layer()).size();
        int sampled = Math.min(group, EpsilonSweep.MAX_GROUP);
        return Messages.get(sampled < group ? "epsilon.worstSampled" : "epsilon.worst", sampled, group,
                target.formula().name(), target.layer(), Names.method(DifferenceMethod.CENTRAL));
    }

    /**
     * The relative-error axis spans the data with a decade to spare and at least up to 1, one labelled tick per
     * decade (every second decade when there are many), so that a flat line of a wrong formula near 1 still has
     * labels and a V reaching 10⁻¹⁶ fits.
     */
    private void fitRange(Sweep s) {
        double lo = 1;
        double hi = 1;
        for (Curve c : s.curves()) {
            for (Point p : c.points()) {
                if (!Double.isNaN(p.relativeError())) {
                    lo = Math.min(lo, Math.max(p.relativeError(), PLOT_FLOOR));
                    hi = Math.max(hi, p.relativeError());
                }
            }
        }
        double lower = Math.pow(10, Math.floor(Math.log10(lo)) - 0.3);
        double upper = Math.pow(10, Math.ceil(Math.log10(hi)) + 0.3);
        LogAxis y = (LogAxis) plot.getRangeAxis();
        y.setRange(lower, upper);
        double decades = Math.log10(upper / lower);
        // about one labelled tick per 28 px of plot height: every decade on a projector, every 2nd or 4th when short
        double plotHeight = Math.max(60, viewer.getHeight() - 110);
        double unit = Math.max(1, Math.ceil(decades / (plotHeight / 28)));
        y.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(unit <= 2 ? unit : 2 * Math.ceil(unit / 2)));
    }

    private static XYSeries series(String name, Curve curve) {
        XYSeries series = new XYSeries(name, false, true);
        for (Point p : curve.points()) {
            double rel = p.relativeError();
            series.add(p.epsilon(), Double.isNaN(rel) ? null : (Double) Math.max(rel, PLOT_FLOOR));
        }
        return series;
    }

    /** The relative error of each method at exactly the current ε, and where central is best. */
    private void updateReadout() {
        Sweep s = sweep.get();
        if (s == null) {
            readout.setText(Messages.get("epsilon.sweeping"));
            return;
        }
        CheckResult t = s.target();
        boolean auto = Epsilon.isAuto(epsilon.get());
        double h = auto ? (Double.isFinite(t.step()) ? t.step() : s.analysis().method().defaultStep()) : epsilon.get();
        StringBuilder text = new StringBuilder(!auto ? Messages.get("epsilon.readout", Formats.small(h))
                : Double.isFinite(t.errorBound())
                ? Messages.get("epsilon.readoutAutoBound", Formats.small(h), Formats.small(t.errorBound()))
                : Messages.get("epsilon.readoutAuto", Formats.small(h)));
        for (DifferenceMethod m : DifferenceMethod.values()) {
            if (EpsilonSweep.applicable(s.analysis(), m)) {
                double rel = EpsilonSweep.relativeError(s.analysis(), t, EpsilonSweep.estimate(s.analysis(), t, m, h));
                text.append(m.id()).append(' ').append(Formats.small(rel)).append("    ");
            }
        }
        Curve central = s.curves().stream().filter(c -> c.method() == DifferenceMethod.CENTRAL).findFirst().orElseThrow();
        Point bestPoint = central.best();
        if (bestPoint.relativeError() > Thresholds.FAIL) {
            text.append('\n').append(Messages.get("epsilon.noBest", Formats.small(bestPoint.relativeError())));
        } else {
            text.append('\n').append(Messages.get("epsilon.best", Formats.small(bestPoint.epsilon()),
                    Formats.small(bestPoint.relativeError())));
        }
        readout.setText(text.toString());
    }
}
