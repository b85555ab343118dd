package org.backprop.workbench.app.panels;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableDoubleValue;
import javafx.beans.value.ObservableObjectValue;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.backprop.workbench.app.TaskRunner;
import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.check.CheckResult;
import org.backprop.workbench.check.CheckSummary;
import org.backprop.workbench.check.CheckOptions;
import org.backprop.workbench.check.FastGradientCheck;
import org.backprop.workbench.numeric.DifferenceMethod;
import org.backprop.workbench.engine.Backprop;
import org.backprop.workbench.engine.Batch;
import org.backprop.workbench.engine.Mistake;
import org.backprop.workbench.engine.Network;
import org.backprop.workbench.explore.GradientDescent;
import org.backprop.workbench.i18n.Messages;
import org.backprop.workbench.io.NetworkDocument;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Gradient descent on the current network with a live loss curve. Training can be paused at any step, and the
 * gradients checked there with the current mistake and ε: a check after some training finds what a check at
 * initialisation can hide (a relu input drifting onto its kink, a mistake whose effect grows with the weights).
 * The trained parameters can be applied back to the document.
 */
public final class TrainingPanel implements Panel {
    /** Task key of the training loop. */
    public static final String TASK_KEY = "training";

    /** Task key of the check at a paused step. */
    public static final String CHECK_KEY = "training-check";

    /** Slow motion: 20 steps per second, slow enough to pause at a chosen step in a lecture. */
    public static final long SLOW_MOTION_MILLIS = 50;

    /**
     * Columns of the learning-rate box (a column is a W wide, more than a digit): its smallest value 0.0001 and a
     * typed 12.5 show whole.
     */
    static final int RATE_COLUMNS = 6;

    /** Columns of the step-count box: its largest value, 1000000, has 7 digits. */
    static final int STEP_COLUMNS = 7;

    /** Height the tab's content keeps before it scrolls (a tab under the diagram at 1280×800 is about 340 px). */
    static final double MIN_HEIGHT = 560;

    /** Least height of the loss curve: the y axis's tick labels, the x axis's ticks and its label 步数 / step. */
    static final double CHART_MIN_HEIGHT = 140;

    /** Least width of the loss curve: the y axis and its label with a few steps beside them. */
    static final double CHART_MIN_WIDTH = 300;

    private final ObservableObjectValue<NetworkDocument> document;
    private final ObservableObjectValue<Mistake> mistake;
    private final ObservableDoubleValue epsilon;
    private final ObservableObjectValue<DifferenceMethod> method;
    private final TaskRunner runner;
    private final Consumer<Network> apply;

    private final ReadOnlyObjectWrapper<Network> trained = new ReadOnlyObjectWrapper<>(this, "trained");
    private final ReadOnlyIntegerWrapper step = new ReadOnlyIntegerWrapper(this, "step", 0);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyObjectWrapper<Analysis> checked = new ReadOnlyObjectWrapper<>(this, "checked");
    private final SimpleObjectProperty<CheckResult> checkedSelection = new SimpleObjectProperty<>();

    /**
     * Never shorter than its controls need at the width it has, nor than {@link #MIN_HEIGHT}: at 1024×768 the tool
     * rows wrap and the check table's filters take two lines, and a fixed least height squeezed the split below
     * the chart and the check under it, which then overlapped.
     */
    private final BorderPane content = new BorderPane() {
        @Override
        protected double computeMinHeight(double width) {
            // BorderPane's own asks its top for its height at the width with the padding, where the tool rows
            // wrap less than in the width they are laid out in
            Insets in = getInsets();
            double inside = width < 0 ? -1 : width - in.getLeft() - in.getRight();
            double need = in.getTop() + in.getBottom();
            for (Node n : new Node[]{getTop(), getCenter()}) {
                if (n != null) {
                    Insets margin = getMargin(n) == null ? Insets.EMPTY : getMargin(n);
                    need += margin.getTop() + n.minHeight(inside) + margin.getBottom();
                }
            }
            return Math.max(MIN_HEIGHT, need);
        }
    };
    private final javafx.scene.control.ScrollPane root = Panel.scrolling(content, MIN_HEIGHT);
    private final Spinner<Double> learningRate = new Spinner<>();
    private final Spinner<Integer> steps = new Spinner<>(1, 1_000_000, 300, 50);
    private final CheckBox slowMotion = new CheckBox();
    private final Button run = new Button();
    private final Button pause = new Button();
    private final Button once = new Button();
    private final Button reset = new Button();
    private final Button check = new Button();
    private final Button applyButton = new Button();
    private final Label title = new Label();
    private final Label caption = new Label();
    private final Label rateLabel = new Label();
    private final Label stepsLabel = new Label();
    private final Tooltip rateTip = new Tooltip();
    private final Tooltip stepsTip = new Tooltip();
    private final Tooltip slowMotionTip = new Tooltip();
    private final Tooltip runTip = new Tooltip();
    private final Tooltip pauseTip = new Tooltip();
    private final Tooltip onceTip = new Tooltip();
    private final Tooltip resetTip = new Tooltip();
    private final Tooltip checkTip = new Tooltip();
    private final Tooltip applyTip = new Tooltip();
    private final Label status = new Label();
    private final Label checkSummary = new Label();
    private final XYSeries loss = new XYSeries("C", false, true);
    private final ValueMarker checkMarker = Charts.domainMarker(0, "", Charts.FAIL_RED);
    private XYPlot plot;
    private ChartViewer viewer;
    private CheckTablePanel checkTable;

    private final Queue<Update> updates = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final AtomicInteger generation = new AtomicInteger();
    private Network applied;
    private Network initial;
    /** What the status line and the check summary show, kept so that a language switch can say it again. */
    private double shownCost = Double.NaN;
    private CheckShown shownCheck;

    /**
     * @param document the network to train and its batch
     * @param mistake  the deliberate mistake applied when the trained network is checked (training itself is correct)
     * @param epsilon  ε of that check
     * @param runner   runs training and checks in the background
     * @param apply    called with the trained network when the user applies it to the document
     */
    public TrainingPanel(ObservableObjectValue<NetworkDocument> document, ObservableObjectValue<Mistake> mistake,
                         ObservableDoubleValue epsilon, TaskRunner runner, Consumer<Network> apply) {
        this(document, mistake, new SimpleObjectProperty<>(DifferenceMethod.CENTRAL), epsilon, runner, apply);
    }

    /**
     * @param method the difference method of the check at a paused step: the workbench's, so that its ε (1e-20 for
     *               the complex step, say) is used with the method it was chosen for
     */
    public TrainingPanel(ObservableObjectValue<NetworkDocument> document, ObservableObjectValue<Mistake> mistake,
                         ObservableObjectValue<DifferenceMethod> method, ObservableDoubleValue epsilon,
                         TaskRunner runner, Consumer<Network> apply) {
        this.method = Objects.requireNonNull(method, "method");
        this.document = Objects.requireNonNull(document, "document");
        this.mistake = Objects.requireNonNull(mistake, "mistake");
        this.epsilon = Objects.requireNonNull(epsilon, "epsilon");
        this.runner = Objects.requireNonNull(runner, "runner");
        this.apply = Objects.requireNonNull(apply, "apply");
        createView();
        initListeners();
    }

    @Override
    public String getName() { return Messages.get("training.name"); }

    @Override
    public Region getView() { return root; }

    /** The network after the steps taken so far. */
    public ReadOnlyObjectProperty<Network> trainedProperty() { return trained.getReadOnlyProperty(); }

    /** The number of steps taken since the last reset. */
    public ReadOnlyIntegerProperty stepProperty() { return step.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }

    /** The check made at a paused step. */
    public ReadOnlyObjectProperty<Analysis> checkedProperty() { return checked.getReadOnlyProperty(); }

    /** The loss curve: (step, C before that step). */
    public XYSeries lossSeries() { return loss; }

    /** Sets the controls and starts training, as the Run button does. */
    public void run(double rate, int count, boolean slow) {
        learningRate.getValueFactory().setValue(rate);
        steps.getValueFactory().setValue(count);
        slowMotion.setSelected(slow);
        startRun();
    }

    public void pause() { runner.cancel(TASK_KEY); }

    /** Checks the gradients of the trained network with the current mistake and ε. */
    public void checkHere() {
        Network net = trained.get();
        NetworkDocument doc = document.get();
        if (net == null || doc == null) {
            return;
        }
        Mistake m = mistake.get() == null ? Mistake.NONE : mistake.get();
        double eps = epsilon.get();
        CheckOptions options = CheckOptions.of(method.get() == null ? DifferenceMethod.CENTRAL : method.get())
                .withEpsilon(eps);
        int at = step.get();
        Batch batch = doc.batch();
        Network start = initial;
        runner.run(CHECK_KEY, Messages.get("training.checkTask", at),
                p -> {
                    Analysis now = FastGradientCheck.analyse(net, batch, new Backprop(m), options, p);
                    // the same check at initialisation, to show what it could not see
                    Analysis before = at == 0 || start == null ? null
                            : FastGradientCheck.analyse(start, batch, new Backprop(m), options, p);
                    return new Analysis[]{now, before};
                },
                pair -> {
                    Analysis a = pair[0];
                    checked.set(a);
                    checkMarker.setValue(at);
                    shownCheck = new CheckShown(at, m, a, pair[1]);
                    showCheck();
                    // show what the check caught first
                    checkTable.setFailuresOnly(!a.failures().isEmpty());
                });
    }

    /** The x axis's label as drawn: for tests. */
    public String xAxisLabel() { return plot.getDomainAxis().getLabel(); }

    /**
     * Where the x axis, its tick labels and its label, was last drawn: under the data area, across it, in the chart
     * canvas's coordinates. For tests.
     */
    public javafx.geometry.Rectangle2D xAxisArea() {
        org.jfree.chart.plot.PlotRenderingInfo info = viewer.getCanvas().getRenderingInfo().getPlotInfo();
        java.awt.geom.Rectangle2D data = info.getDataArea();
        java.awt.geom.Rectangle2D area = info.getPlotArea();
        return new javafx.geometry.Rectangle2D(data.getMinX(), data.getMaxY(), data.getWidth(),
                area.getMaxY() - data.getMaxY());
    }

    /** The height of the x axis's label in its font, in px: for tests. */
    public double xAxisLabelHeight() {
        java.awt.Font font = plot.getDomainAxis().getLabelFont();
        return font.getLineMetrics(xAxisLabel(), new java.awt.font.FontRenderContext(null, true, true)).getHeight();
    }

    private static String counts(CheckSummary s) {
        return Messages.get("training.counts", s.pass(), s.warn(), s.fail(), s.kink(),
                Formats.small(s.maxRelativeError()));
    }

    /** The check at a paused step, in the current language; the hint to check when there is none. */
    private void showCheck() {
        CheckShown c = shownCheck;
        if (c == null) {
            checkMarker.setLabel("");
            checkSummary.setText(Messages.get("training.checkHint"));
            return;
        }
        checkMarker.setLabel(Messages.get("training.checkedAt", c.at()));
        String text = c.mistake() == Mistake.NONE
                ? Messages.get("training.checkAt", c.at(), counts(c.now().summary()))
                : Messages.get("training.checkAtWith", c.at(), c.mistake().id(), counts(c.now().summary()));
        if (c.before() != null) {
            text += "\n" + Messages.get("training.checkAtStart", counts(c.before().summary()));
        }
        checkSummary.setText(text);
    }

    /** The texts in the current language (again after a switch). */
    private void relabel() {
        title.setText(Messages.get("training.title"));
        caption.setText(Messages.get("training.caption"));
        slowMotion.setText(Messages.get("training.slowMotion"));
        run.setText(Messages.get("training.run"));
        pause.setText(Messages.get("training.pause"));
        once.setText(Messages.get("training.once"));
        reset.setText(Messages.get("training.reset"));
        check.setText(Messages.get("training.check"));
        applyButton.setText(Messages.get("training.apply"));
        rateLabel.setText(Messages.get("training.rate"));
        stepsLabel.setText(Messages.get("training.steps"));
        rateTip.setText(Messages.get("training.rateTip"));
        stepsTip.setText(Messages.get("training.stepsTip"));
        slowMotionTip.setText(Messages.get("training.slowMotionTip"));
        runTip.setText(Messages.get("training.runTip"));
        pauseTip.setText(Messages.get("training.pauseTip"));
        onceTip.setText(Messages.get("training.onceTip"));
        resetTip.setText(Messages.get("training.resetTip"));
        checkTip.setText(Messages.get("training.checkTip"));
        applyTip.setText(Messages.get("training.applyTip"));
        if (plot != null) {
            plot.getRangeAxis().setLabel(Messages.get("training.costAxis"));
            plot.getDomainAxis().setLabel(Messages.get("training.stepAxis"));
            showCheck();
        }
        if (!status.getText().isEmpty()) {
            if (document.get() == null) {
                status.setText(Messages.get("training.noNetwork"));
            } else {
                showStatus(shownCost);
            }
        }
    }

    private void createView() {
        content.getStyleClass().add("bw-panel");
        content.getStylesheets().add(STYLESHEET);
        content.setMinHeight(Region.USE_COMPUTED_SIZE);   // its own, at least MIN_HEIGHT: see content

        title.getStyleClass().add("bw-title");
        caption.getStyleClass().add("bw-caption");

        learningRate.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(1e-4, 100,
                GradientDescent.DEFAULT_LEARNING_RATE, 0.05));
        learningRate.getValueFactory().setConverter(new StringConverter<>() {
            @Override
            public String toString(Double v) { return v == null ? "" : Formats.plain(v); }

            @Override
            public Double fromString(String s) {
                try {
                    return Double.parseDouble(s.trim());
                } catch (NumberFormatException e) {
                    return learningRate.getValue();
                }
            }
        });
        learningRate.setEditable(true);
        learningRate.setId("learningRate");
        steps.setId("trainingSteps");
        learningRate.setTooltip(rateTip);
        steps.setEditable(true);
        steps.setTooltip(stepsTip);
        rateLabel.setMnemonicParsing(true);
        rateLabel.setLabelFor(learningRate);
        stepsLabel.setMnemonicParsing(true);
        stepsLabel.setLabelFor(steps);
        slowMotion.setTooltip(slowMotionTip);
        run.setTooltip(runTip);
        pause.setTooltip(pauseTip);
        once.setTooltip(onceTip);
        reset.setTooltip(resetTip);
        check.setTooltip(checkTip);
        applyButton.setTooltip(applyTip);
        for (Button b : new Button[]{run, pause, once, reset, check, applyButton}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        // as wide as their numbers, whatever the labels beside them: the longer Chinese labels squeezed them to
        // their arrows at 1024×768
        learningRate.getEditor().setPrefColumnCount(RATE_COLUMNS);
        steps.getEditor().setPrefColumnCount(STEP_COLUMNS);
        for (Region r : new Region[]{learningRate, steps, rateLabel, stepsLabel, slowMotion}) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        status.getStyleClass().add("bw-big-number");
        status.setMinWidth(Region.USE_PREF_SIZE);
        HBox rate = new HBox(6, rateLabel, learningRate);
        HBox count = new HBox(6, stepsLabel, steps);
        rate.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        count.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        // the rows wrap between their groups where the tab is narrow (the status goes under the boxes) instead of
        // squeezing the boxes or running off the tab's edge
        FlowPane settings = new FlowPane(rate, count, slowMotion, status);
        settings.getStyleClass().add("bw-flow");
        HBox steering = new HBox(run, pause, once, reset, new Separator(Orientation.VERTICAL));
        HBox checking = new HBox(check, applyButton);
        steering.getStyleClass().add("bw-toolbar");
        checking.getStyleClass().add("bw-toolbar");
        FlowPane actions = new FlowPane(steering, checking);
        actions.getStyleClass().add("bw-flow");
        VBox top = new VBox(6, title, caption, settings, actions);
        top.setMinHeight(Region.USE_PREF_SIZE);
        content.setTop(top);

        NumberAxis y = Charts.linearAxis(Messages.get("training.costAxis"));
        // a single point (step 0) would otherwise get a range of 1e-8 and eight equal tick labels
        y.setAutoRangeMinimumSize(1e-3);
        y.setNumberFormatOverride(new java.text.DecimalFormat("0.####"));
        NumberAxis x = Charts.linearAxis(Messages.get("training.stepAxis"));
        x.setAutoRangeIncludesZero(true);
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        plot = Charts.plot(new XYSeriesCollection(loss), x, y, Charts.BLUE);
        ((XYLineAndShapeRenderer) plot.getRenderer()).setSeriesShapesVisible(0, false);
        Charts.addForeground(plot, checkMarker, true);
        checkMarker.setValue(Double.NaN);
        checkMarker.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
        checkMarker.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_RIGHT);
        JFreeChart chart = Charts.chart(plot);
        Charts.follow(caption, chart);
        chart.removeLegend();
        viewer = new ChartViewer(chart);
        viewer.setId("trainingChart");
        viewer.setFocusTraversable(false);
        viewer.getCanvas().setDomainZoomable(false);
        viewer.getCanvas().setRangeZoomable(false);
        viewer.setMinSize(CHART_MIN_WIDTH, CHART_MIN_HEIGHT);

        checkTable = new CheckTablePanel(checked.getReadOnlyProperty(), checkedSelection).withoutMnemonics();
        checkSummary.setId("trainingCheckSummary");
        checkSummary.getStyleClass().add("bw-card-title");
        checkSummary.setWrapText(true);
        checkSummary.setMinHeight(Region.USE_PREF_SIZE);
        VBox checkBox = new VBox(4, checkSummary, checkTable.getView()) {
            /*
             * The split asks its panes for their least height at their preferred width, where the summary and the
             * check table's filters lie on one line each; at the width the pane has they can take two, and a pane
             * laid out taller than the split gave it was centred on its place, over the chart's x axis.
             */
            @Override
            protected double computeMinHeight(double width) {
                return super.computeMinHeight(getWidth() > 0 ? getWidth() : width);
            }
        };
        // a new width can change that least height: the split and the tab above it ask again
        checkBox.widthProperty().addListener((o, was, now) -> checkBox.requestLayout());
        VBox.setVgrow(checkTable.getView(), javafx.scene.layout.Priority.ALWAYS);

        SplitPane split = new SplitPane(viewer, checkBox);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        BorderPane.setMargin(split, new Insets(6, 0, 0, 0));
        content.setCenter(split);
        relabel();
        Relabel.follow(this, TrainingPanel::relabel);
    }

    private void initListeners() {
        run.disableProperty().bind(running);
        once.disableProperty().bind(running);
        reset.disableProperty().bind(running);
        check.disableProperty().bind(running);
        applyButton.disableProperty().bind(running);
        pause.disableProperty().bind(running.not());
        run.setOnAction(e -> startRun());
        pause.setOnAction(e -> pause());
        once.setOnAction(e -> stepOnce());
        reset.setOnAction(e -> resetTraining());
        check.setOnAction(e -> checkHere());
        applyButton.setOnAction(e -> {
            applied = trained.get();
            apply.accept(applied);
        });
        document.addListener((o, was, now) -> {
            if (now != null && now.network() == applied && applied != null) {
                return; // our own trained network came back: keep the curve
            }
            runner.cancel(TASK_KEY);
            resetTraining();
        });
        resetTraining();
    }

    private void resetTraining() {
        NetworkDocument doc = document.get();
        generation.incrementAndGet();
        updates.clear();
        loss.clear();
        step.set(0);
        checked.set(null);
        checkMarker.setValue(Double.NaN);
        shownCheck = null;
        showCheck();
        trained.set(doc == null ? null : doc.network());
        initial = trained.get();
        if (doc != null) {
            double c = GradientDescent.cost(doc.network(), doc.batch());
            if (Double.isFinite(c) && c > 0) {
                loss.add(0, c);
            }
            showStatus(c);
        } else {
            status.setText(Messages.get("training.noNetwork"));
        }
    }

    private void stepOnce() {
        NetworkDocument doc = document.get();
        if (doc == null || trained.get() == null) {
            return;
        }
        GradientDescent.Step s = GradientDescent.step(trained.get(), doc.batch(), learningRate.getValue());
        accept(new Update(generation.get(), step.get() + 1, s.next(), GradientDescent.cost(s.next(), doc.batch())));
    }

    private void startRun() {
        NetworkDocument doc = document.get();
        Network start = trained.get();
        if (doc == null || start == null) {
            return;
        }
        double rate = learningRate.getValue();
        int count = steps.getValue();
        boolean slow = slowMotion.isSelected();
        int first = step.get();
        Batch batch = doc.batch();
        running.set(true);
        int generation = this.generation.incrementAndGet();
        Task<Network> task = runner.run(TASK_KEY, Messages.get("training.task", count, Formats.plain(rate)),
                progress -> {
                    Network net = start;
                    for (int i = 1; i <= count && !progress.cancelled(); i++) {
                        GradientDescent.Step s = GradientDescent.step(net, batch, rate);
                        net = s.next();
                        double cost = GradientDescent.cost(net, batch);
                        post(new Update(generation, first + i, net, cost));
                        progress.advanced(i, count);
                        if (!Double.isFinite(cost)) {
                            progress.message(Messages.get("training.diverged", Formats.nonFinite(cost)));
                            break;
                        }
                        if (slow) {
                            Thread.sleep(SLOW_MOTION_MILLIS);
                        }
                    }
                    return net;
                }, net -> { });
        // running ends when the task ends, whichever way it ends
        task.stateProperty().addListener((o, was, now) -> {
            if (now == Worker.State.SUCCEEDED || now == Worker.State.CANCELLED || now == Worker.State.FAILED) {
                drain();
                running.set(false);
            }
        });
    }

    /** Called from the training thread: queue the step and make sure the FX thread drains the queue soon. */
    private void post(Update update) {
        updates.add(update);
        if (drainScheduled.compareAndSet(false, true)) {
            Platform.runLater(this::drain);
        }
    }

    private void drain() {
        drainScheduled.set(false);
        Update u;
        while ((u = updates.poll()) != null) {
            accept(u);
        }
    }

    private void accept(Update u) {
        if (u.generation() != generation.get()) {
            return; // a step of a run that was reset meanwhile
        }
        trained.set(u.network());
        step.set(u.step());
        if (Double.isFinite(u.cost()) && u.cost() > 0) {
            loss.add(u.step(), u.cost(), false);
        }
        loss.fireSeriesChanged();
        showStatus(u.cost());
    }

    private void showStatus(double cost) {
        shownCost = cost;
        status.setText(Messages.get("training.status", step.get(), Formats.value(cost).trim()));
        if (!Double.isFinite(cost)) {
            status.getStyleClass().add("non-finite");
        } else {
            status.getStyleClass().remove("non-finite");
        }
    }

    /** A check at a paused step: where, with which mistake, and the same check at step 0 (or null). */
    private record CheckShown(int at, Mistake mistake, Analysis now, Analysis before) {
    }

    /** One step's outcome, posted from the training thread. */
    private record Update(int generation, int step, Network network, double cost) {
    }
}
