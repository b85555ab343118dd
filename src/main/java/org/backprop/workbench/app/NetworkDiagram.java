package org.backprop.workbench.app;

import org.backprop.workbench.i18n.Messages;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.check.CheckResult;
import org.backprop.workbench.check.Formula;
import org.backprop.workbench.engine.Network;
import org.backprop.workbench.steps.Phase;
import org.backprop.workbench.steps.Step;
import org.backprop.workbench.steps.StepKind;
import org.ejml.data.DMatrixRMaj;

/**
 * The network as neurons and edges. Edge colour (red positive, blue negative) and width show the weight w^l_kj, or
 * during backward steps the gradient ∂C/∂w^l_kj (scaled per layer, since gradients of different layers differ by
 * orders of magnitude); neurons are filled by a^l (forward) or δ^l (backward) of the first sample. The neurons and
 * edges of the current step are ringed in amber and the rest dimmed; the selected check is marked.
 */
public final class NetworkDiagram extends Region {
    /** Neurons drawn per layer; more are summarised as "+N". */
    public static final int MAX_NEURONS = 12;

    /** Opacity of edges outside the current step, low enough to recede but still show the structure. */
    private static final double DIM = 0.18;
    /** Dimming and the smallest opacity of an edge in the dark theme, where thin faint lines disappear. */
    private static final double DARK_DIM = 0.45;
    private static final double DARK_FLOOR = 0.5;
    /** Size of the layer captions at zoom 1 (px): the bold first line, the second line. */
    private static final double CAPTION_BOLD = 12.5;
    private static final double CAPTION = 11.5;
    /** Least gap between two neighbouring captions, and between an end caption and the diagram's side (px). */
    private static final double CAPTION_GAP = 12;
    private static final double CAPTION_EDGE = 6;
    /** The captions shrink to fit at most this far (below it they would not be read: 12.5 px → 8 px). */
    private static final double MIN_CAPTION_SCALE = 0.65;
    private double captionScale = 1;
    private java.util.List<Caption> lastCaptions = java.util.List.of();
    /** The lines of a caption are this far apart at zoom 1 and full size, with this much above and below (px). */
    private static final double LINE_STEP = 16;
    private static final double CAPTION_PAD = 6;
    /**
     * Neurons are at least this large (px), unless so many in so low a diagram would touch: then at most this share
     * of the distance between two centres.
     */
    private static final double MIN_RADIUS = 5;
    private static final double MAX_RADIUS_SHARE = 0.45;

    private final ObjectProperty<Analysis> analysis = new SimpleObjectProperty<>(this, "analysis");
    private final ObjectProperty<Step> step = new SimpleObjectProperty<>(this, "step");
    private final ObjectProperty<CheckResult> selected = new SimpleObjectProperty<>(this, "selected");
    /** What the Derive view points at (the term under the mouse): {l, j} a neuron, {l, k, j} an edge; or null. */
    private final ObjectProperty<int[]> pointed = new SimpleObjectProperty<>(this, "pointed");
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    private final ObjectProperty<org.backprop.workbench.lesson.Quantity> hiddenEntry =
            new SimpleObjectProperty<>(this, "hiddenEntry");
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1.0);
    private final Canvas canvas = new Canvas();
    private java.util.function.Consumer<int[]> onPick;
    private double lastLeft;
    private double lastGap;
    private double lastTop;
    private double lastUsable;
    private double lastRadius;
    /** What the last drawing marked as failing: {l, j} neurons, {l, k, j} edges. */
    private final java.util.List<int[]> lastFailing = new java.util.ArrayList<>();
    private boolean lastSelectionDrawn;
    private final ObjectProperty<org.backprop.workbench.check.DirectionalCheck.Localisation> quickCheck =
            new javafx.beans.property.SimpleObjectProperty<>(this, "quickCheck");

    public NetworkDiagram() {
        createView();
        initListeners();
    }

    private void createView() {
        getStyleClass().add("network-diagram");
        getChildren().add(canvas);
        setMinSize(200, 160);
        setPrefSize(520, 360);
    }

    private void initListeners() {
        widthProperty().addListener((o, a, b) -> draw());
        heightProperty().addListener((o, a, b) -> draw());
        analysis.addListener((o, a, b) -> draw());
        step.addListener((o, a, b) -> draw());
        selected.addListener((o, a, b) -> draw());
        pointed.addListener((o, a, b) -> draw());
        dark.addListener((o, a, b) -> draw());
        hiddenEntry.addListener((o, a, b) -> draw());
        zoom.addListener((o, a, b) -> draw());
        quickCheck.addListener((o, a, b) -> draw());
        canvas.setOnMouseClicked(e -> pick(e.getX(), e.getY()));
        org.backprop.workbench.app.panels.Relabel.follow(this, NetworkDiagram::draw);
        // a right click picks first, so that the context menu (Derive) is about what it hit
        canvas.setOnContextMenuRequested(e -> pick(e.getX(), e.getY()));
    }

    /**
     * Called with what a click hit: {layer, neuron} for a neuron, {layer, k, j} for the edge of w^layer_kj.
     */
    public void setOnPick(java.util.function.Consumer<int[]> handler) {
        this.onPick = handler;
    }

    private void pick(double px, double py) {
        Analysis an = analysis.get();
        if (an == null || onPick == null) {
            return;
        }
        Network net = an.network();
        for (int l = 0; l <= net.depth(); l++) {
            for (int j = 0; j < shown(net.size(l)); j++) {
                double dx = px - x(l, lastLeft, lastGap);
                double dy = py - y(j, net.size(l), lastTop, lastUsable);
                if (dx * dx + dy * dy <= (lastRadius + 3) * (lastRadius + 3)) {
                    onPick.accept(new int[]{l, j});
                    return;
                }
            }
        }
        double best = 6;   // px: how close to an edge a click must land
        int[] hit = null;
        for (int l = 1; l <= net.depth(); l++) {
            double x0 = x(l - 1, lastLeft, lastGap);
            double x1 = x(l, lastLeft, lastGap);
            if (px < x0 || px > x1) {
                continue;
            }
            for (int k = 0; k < shown(net.size(l - 1)); k++) {
                for (int j = 0; j < shown(net.size(l)); j++) {
                    double y0 = y(k, net.size(l - 1), lastTop, lastUsable);
                    double y1 = y(j, net.size(l), lastTop, lastUsable);
                    double d = distance(px, py, x0, y0, x1, y1);
                    if (d < best) {
                        best = d;
                        hit = new int[]{l, k, j};
                    }
                }
            }
        }
        if (hit != null) {
            onPick.accept(hit);
        }
    }

    private static double distance(double px, double py, double x0, double y0, double x1, double y1) {
        double dx = x1 - x0;
        double dy = y1 - y0;
        double t = Math.max(0, Math.min(1, ((px - x0) * dx + (py - y0) * dy) / (dx * dx + dy * dy)));
        double qx = x0 + t * dx - px;
        double qy = y0 + t * dy - py;
        return Math.sqrt(qx * qx + qy * qy);
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private int shown(int n) {
        return Math.min(n, MAX_NEURONS);
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.clearRect(0, 0, w, h);
        Analysis an = analysis.get();
        if (an == null || w < 10 || h < 10) {
            return;
        }
        Network net = an.network();
        int depth = net.depth();
        double z = zoom.get();
        double top = 18 * z;
        CaptionLayout captions = layoutCaptions(net, w, h, z);
        captionScale = captions.scale();
        lastCaptions = captions.captions();
        double left = captions.left();
        double labelSpace = captions.labelSpace();
        double usableH = h - top - labelSpace;
        double colGap = (w - 2 * left) / Math.max(1, depth);
        int most = 1;
        for (int l = 0; l <= depth; l++) {
            most = Math.max(most, shown(net.size(l)));
        }
        // at least 5 px, unless 12 neurons of that size would touch in a low diagram (1024×768, three-line captions)
        double spacing = usableH / most;
        double radius = Math.max(Math.min(MIN_RADIUS, spacing * MAX_RADIUS_SHARE), Math.min(22 * z, spacing * 0.34));
        lastLeft = left;
        lastGap = colGap;
        lastTop = top;
        lastUsable = usableH;
        lastRadius = radius;
        Step current = step.get();
        boolean backward = current != null && current.phase() == Phase.BACKWARD;

        Color text = dark.get() ? Color.web("#e6e6e6") : Color.web("#24292f");
        Color neuronStroke = dark.get() ? Color.web("#8b949e") : Color.web("#57606a");
        Color neuronFill = dark.get() ? Color.web("#161b22") : Color.WHITE;
        java.util.List<org.backprop.workbench.lesson.Quantity> hidden =
                org.backprop.workbench.app.panels.HiddenNumbers.of(hiddenEntry.get(), an.batch().size());

        // edges
        for (int l = 1; l <= depth; l++) {
            DMatrixRMaj values = backward && an.backward() != null ? an.backward().gradW(l) : net.w(l);
            double max = maxAbs(values);
            boolean active = edgesActive(current, l);
            for (int k = 0; k < shown(net.size(l - 1)); k++) {
                for (int j = 0; j < shown(net.size(l)); j++) {
                    double v = values.get(k, j);
                    double t = max > 0 && Double.isFinite(v) ? Math.abs(v) / max : 0;
                    Color c = v >= 0 ? Palette.POSITIVE : Palette.NEGATIVE;
                    if (isHidden(hidden, backward ? org.backprop.workbench.lesson.Quantity.Kind.GRAD_W
                            : org.backprop.workbench.lesson.Quantity.Kind.W, l, k, j)) {
                        // a quiz asks for this weight's number: neither its sign nor its size shows
                        t = 0.3;
                        c = neuronStroke;
                    }
                    // on the dark background faint strokes vanish (a projector loses them first): a higher floor,
                    // a lighter dimming and brighter colours keep every edge visible
                    boolean onDark = dark.get();
                    double floor = onDark ? DARK_FLOOR : 0.25;
                    double alpha = (floor + (1 - floor) * t)
                            * (current == null || active ? 1.0 : onDark ? DARK_DIM : DIM);
                    Color stroke = onDark ? c.deriveColor(0, 0.9, 1.35, 1) : c;
                    g.setStroke(Color.color(stroke.getRed(), stroke.getGreen(), stroke.getBlue(), alpha));
                    g.setLineWidth(((onDark ? 1.2 : 0.6) + 4.4 * t) * Math.sqrt(z));
                    g.setLineCap(StrokeLineCap.ROUND);
                    g.strokeLine(x(l - 1, left, colGap), y(k, net.size(l - 1), top, usableH),
                            x(l, left, colGap), y(j, net.size(l), top, usableH));
                }
            }
        }
        // the failing checks of the current step: a mistake's wrong numbers stand out where it fails
        lastFailing.clear();
        Color failColor = Color.web(Palette.verdictColor(org.backprop.workbench.check.Verdict.FAIL));
        // the exhaustive checks' failures and the entries a quick check named (its whole blocks are the step list's)
        java.util.List<CheckResult> failing = new java.util.ArrayList<>();
        if (current != null && current.formula().isPresent() && !an.checks().isEmpty()) {
            for (CheckResult c : an.checks(current.formula().get(), current.layer())) {
                if (c.verdict() == org.backprop.workbench.check.Verdict.FAIL) {
                    failing.add(c);
                }
            }
        }
        java.util.List<int[]> quickEntries = current == null || current.formula().isEmpty() || quickCheck.get() == null
                ? java.util.List.of() : QuickCheck.entries(quickCheck.get(), current.formula().get(), current.layer());
        java.util.List<int[]> marks = new java.util.ArrayList<>();
        failing.forEach(c -> marks.add(c.index()));
        marks.addAll(quickEntries);
        if (current != null && current.formula().isPresent()) {
            Formula formula = current.formula().get();
            for (int[] i : marks) {
                int l = current.layer();
                if (formula == Formula.BP4) {
                    if (i[0] < shown(net.size(l - 1)) && i[1] < shown(net.size(l))) {
                        g.setStroke(failColor);
                        g.setLineWidth(3.5 * Math.sqrt(z));
                        g.setLineDashes(8, 5);
                        g.strokeLine(x(l - 1, left, colGap), y(i[0], net.size(l - 1), top, usableH),
                                x(l, left, colGap), y(i[1], net.size(l), top, usableH));
                        g.setLineDashes((double[]) null);
                        lastFailing.add(new int[]{l, i[0], i[1]});
                    }
                } else if (i[0] < shown(net.size(l)) && lastFailing.stream()
                        .noneMatch(p -> p.length == 2 && p[0] == l && p[1] == i[0])) {
                    lastFailing.add(new int[]{l, i[0]});
                }
            }
        }
        // the selected weight, on the steps it belongs to (its BP4 step and the z step that uses it)
        CheckResult sel = selected.get();
        boolean selectionHere = sel != null && (current == null || current.layer() == sel.layer()
                && (sel.formula() == Formula.BP4 ? current.kind() == StepKind.GRAD_W || current.kind() == StepKind.Z
                : current.formula().isPresent()));
        lastSelectionDrawn = selectionHere;
        if (selectionHere && sel.formula() == Formula.BP4 && sel.layer() <= depth
                && sel.index()[0] < shown(net.size(sel.layer() - 1)) && sel.index()[1] < shown(net.size(sel.layer()))) {
            int l = sel.layer();
            g.setStroke(Palette.HIGHLIGHT);
            g.setLineWidth(5 * Math.sqrt(z));
            g.strokeLine(x(l - 1, left, colGap), y(sel.index()[0], net.size(l - 1), top, usableH),
                    x(l, left, colGap), y(sel.index()[1], net.size(l), top, usableH));
        }

        // neurons
        for (int l = 0; l <= depth; l++) {
            DMatrixRMaj values = neuronValues(an, l, backward);
            double max = values == null ? 0 : maxAbs(values);
            boolean active = neuronsActive(current, l);
            int n = net.size(l);
            for (int j = 0; j < shown(n); j++) {
                double cx = x(l, left, colGap);
                double cy = y(j, n, top, usableH);
                g.setFill(neuronFill);
                g.fillOval(cx - radius, cy - radius, 2 * radius, 2 * radius);
                boolean hide = isHidden(hidden, backward ? org.backprop.workbench.lesson.Quantity.Kind.DELTA
                        : org.backprop.workbench.lesson.Quantity.Kind.A, l, j, 0);
                if (values != null && !hide) {
                    g.setFill(Palette.diverging(values.get(j, 0), max, 0.85));
                    g.fillOval(cx - radius, cy - radius, 2 * radius, 2 * radius);
                }
                if (hide) {
                    g.setFill(text);
                    g.setTextAlign(TextAlignment.CENTER);
                    g.setTextBaseline(VPos.CENTER);
                    g.setFont(Font.font(null, FontWeight.BOLD, Math.max(9, radius)));
                    g.fillText(MatrixView.HIDDEN_TEXT, cx, cy);
                }
                g.setStroke(neuronStroke);
                g.setLineWidth(1.2);
                g.strokeOval(cx - radius, cy - radius, 2 * radius, 2 * radius);
                if (active) {
                    g.setStroke(Palette.HIGHLIGHT);
                    g.setLineWidth(3 * Math.sqrt(z));
                    g.strokeOval(cx - radius - 3, cy - radius - 3, 2 * radius + 6, 2 * radius + 6);
                }
                int layer = l;
                int neuron = j;
                if (lastFailing.stream().anyMatch(p -> p.length == 2 && p[0] == layer && p[1] == neuron)) {
                    g.setStroke(failColor);
                    g.setLineWidth(3.5 * Math.sqrt(z));
                    g.strokeOval(cx - radius - 5, cy - radius - 5, 2 * radius + 10, 2 * radius + 10);
                }
                if (selectionHere && sel.formula() != Formula.BP4 && sel.layer() == l && sel.index()[0] == j) {
                    g.setStroke(Palette.HIGHLIGHT);
                    g.setLineWidth(4 * Math.sqrt(z));
                    g.setLineDashes(6, 4);
                    g.strokeOval(cx - radius - 8, cy - radius - 8, 2 * radius + 16, 2 * radius + 16);
                    g.setLineDashes((double[]) null);
                }
            }
            g.setFill(text);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.TOP);
            Caption caption = captions.captions().get(l);
            for (int i = 0; i < caption.lines().size(); i++) {
                g.setFont(captionFont(i, z * captions.scale()));
                g.fillText(caption.lines().get(i), caption.centre(), caption.box().getMinY() + i * captions.step());
            }
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(Font.font(11 * z));
        g.setFill(text.deriveColor(0, 1, 1, 0.7));
        g.fillText(legend(backward), 8, 4);
        drawPointed(g, net, left, colGap, top, usableH, radius, z);
    }

    /** The edge or neuron of the Derive term under the mouse, in the accent colour, thick enough to find at once. */
    private void drawPointed(javafx.scene.canvas.GraphicsContext g, Network net, double left, double colGap, double top,
                             double usableH, double radius, double z) {
        int[] p = pointed.get();
        if (p == null || p[0] < 0 || p[0] > net.depth()) {
            return;
        }
        g.setStroke(javafx.scene.paint.Color.web("#8e44ad"));
        if (p.length == 3 && p[0] >= 1 && p[1] < shown(net.size(p[0] - 1)) && p[2] < shown(net.size(p[0]))) {
            g.setLineWidth(6 * Math.sqrt(z));
            g.strokeLine(x(p[0] - 1, left, colGap), y(p[1], net.size(p[0] - 1), top, usableH),
                    x(p[0], left, colGap), y(p[2], net.size(p[0]), top, usableH));
        } else if (p.length == 2 && p[1] < shown(net.size(p[0]))) {
            double cx = x(p[0], left, colGap);
            double cy = y(p[1], net.size(p[0]), top, usableH);
            g.setLineWidth(4 * Math.sqrt(z));
            g.strokeOval(cx - radius - 5, cy - radius - 5, 2 * radius + 10, 2 * radius + 10);
        }
    }

    /** True if entry [r, c] of kind at layer l is hidden (the diagram shows sample x = 0 only). */
    private static boolean isHidden(java.util.List<org.backprop.workbench.lesson.Quantity> hidden,
                                    org.backprop.workbench.lesson.Quantity.Kind kind, int l, int r, int c) {
        for (org.backprop.workbench.lesson.Quantity q : hidden) {
            if (q.kind() == kind && q.layer() == l && q.index().length == 2 && q.index()[0] == r
                    && q.index()[1] == c) {
                return true;
            }
        }
        return false;
    }

    /** The second line under a layer: "a⁰", its activation, and the loss under the output. */
    static String subCaption(Network net, int l) {
        String sub = l == 0 ? "a⁰" : net.activation(l).id();
        return l == net.depth() ? sub + " · " + net.loss().id() : sub;
    }

    private static double textWidth(String text, Font font) {
        javafx.scene.text.Text probe = new javafx.scene.text.Text(text);
        probe.setFont(font);
        return probe.getLayoutBounds().getWidth();
    }

    /**
     * The share of their full size the captions were last drawn at (1 when they fit): for tests, which check that
     * neighbouring captions do not overlap.
     */
    double captionScale() { return captionScale; }

    /** The captions as last drawn, one per layer from the input: their lines and where they are; for tests. */
    java.util.List<Caption> captions() { return lastCaptions; }

    /**
     * The horizontal extent [left, right] of each layer's caption as last drawn, in the diagram's coordinates: for
     * tests.
     */
    double[][] captionExtents() {
        return lastCaptions.stream().map(c -> new double[]{c.box().getMinX(), c.box().getMaxX()})
                .toArray(double[][]::new);
    }

    /**
     * The caption under a column as drawn: its lines (the first bold), centred on {@code centre}, within {@code box}
     * (the diagram's coordinates, the widest line's width by the lines' height).
     */
    record Caption(java.util.List<String> lines, double centre, javafx.geometry.Rectangle2D box) { }

    /**
     * The captions and what they leave for the columns: the left (and right) margin to the first column's centre,
     * the height under the neurons, the share of their full size the captions are drawn at, and the distance from
     * one line to the next (px).
     */
    record CaptionLayout(java.util.List<Caption> captions, double left, double labelSpace, double scale,
                         double step) { }

    /**
     * Where the captions go in a diagram w × h at zoom z, by the code that draws them. As large as they fit side by
     * side, half of the first and last over the sides; each in the long form, two lines ("layer 1 · 128 (12
     * shown)", "sigmoid") if that fits at full size, else in the short form if that is larger: "layer 1 · 128",
     * "(12 shown)", "sigmoid" and the output's activation and loss on lines of their own (at 1024×768 the four
     * columns of 784-128-64-10 are ~100 px apart, and "input · 784 (12 shown)" ran into "layer 1 · 128 (12
     * shown)"). Shrunk to {@link #MIN_CAPTION_SCALE} and still too wide, the lines are cut to their column's
     * room with "…": never over a neighbour.
     */
    static CaptionLayout layoutCaptions(Network net, double w, double h, double z) {
        int depth = net.depth();
        java.util.List<java.util.List<String>> longForm = captionLines(net, false);
        java.util.List<java.util.List<String>> shortForm = captionLines(net, true);
        double longScale = fitScale(longForm, w, z);
        boolean split = longScale < 1 && fitScale(shortForm, w, z) > longScale;
        java.util.List<java.util.List<String>> lines = split ? shortForm : longForm;
        double raw = split ? fitScale(shortForm, w, z) : longScale;
        double scale = Math.max(MIN_CAPTION_SCALE, Math.min(1, raw));
        double[] widths = captionWidths(lines, z);
        double halfEnd = Math.max(widths[0], widths[depth]) / 2;
        double pairMax = pairMax(widths);
        double left = Math.max(scale * halfEnd + CAPTION_EDGE,
                Math.min(84 * z, (w - depth * (scale * pairMax + CAPTION_GAP)) / 2));
        if (raw < MIN_CAPTION_SCALE) {
            left = Math.min(left, w / (depth + 2));   // the columns keep their room; the captions are cut below
        }
        double colGap = (w - 2 * left) / Math.max(1, depth);
        // the long form keeps the lines it always had (16 px apart at zoom 1, whatever its scale)
        double step = split ? LINE_STEP * z * scale : LINE_STEP * z;
        int most = lines.stream().mapToInt(java.util.List::size).max().orElse(2);
        double labelSpace = 2 * CAPTION_PAD * z + most * step;
        double y = h - labelSpace + CAPTION_PAD * z;
        java.util.List<Caption> out = new java.util.ArrayList<>();
        for (int l = 0; l <= depth; l++) {
            double cx = x(l, left, colGap);
            double room = Double.MAX_VALUE;
            if (raw < MIN_CAPTION_SCALE) {
                double inner = (colGap - CAPTION_GAP) / 2;
                double outer = left - CAPTION_EDGE;
                room = 2 * Math.max(0, l == 0 || l == depth ? Math.min(outer, inner) : inner);
            }
            java.util.List<String> drawn = new java.util.ArrayList<>();
            double widest = 0;
            for (int i = 0; i < lines.get(l).size(); i++) {
                Font font = captionFont(i, z * scale);
                String line = ellipsized(lines.get(l).get(i), font, room);
                drawn.add(line);
                widest = Math.max(widest, textWidth(line, font));
            }
            out.add(new Caption(java.util.List.copyOf(drawn), cx,
                    new javafx.geometry.Rectangle2D(cx - widest / 2, y, widest, drawn.size() * step)));
        }
        return new CaptionLayout(java.util.List.copyOf(out), left, labelSpace, scale, step);
    }

    /**
     * The lines under each layer. Long: the bold "input · 784 (12 shown)" and "a⁰" (the output's: "identity ·
     * softmax-cross-entropy"). Short: the bold "input · 784", "(12 shown)" on its own line, then "a⁰"; the
     * output's activation and loss on two.
     */
    static java.util.List<java.util.List<String>> captionLines(Network net, boolean split) {
        int depth = net.depth();
        java.util.List<java.util.List<String>> out = new java.util.ArrayList<>();
        for (int l = 0; l <= depth; l++) {
            int n = net.size(l);
            int shown = Math.min(n, MAX_NEURONS);
            if (!split) {
                out.add(java.util.List.of(layerLabel(l, depth, n, shown), subCaption(net, l)));
                continue;
            }
            java.util.List<String> lines = new java.util.ArrayList<>();
            lines.add(layerLabel(l, depth, n, n));
            if (n > shown) {
                lines.add(Messages.get("diagram.shown", shown).strip());
            }
            if (l == depth) {
                lines.add(net.activation(l).id());
                lines.add(net.loss().id());
            } else {
                lines.add(l == 0 ? "a⁰" : net.activation(l).id());
            }
            out.add(java.util.List.copyOf(lines));
        }
        return out;
    }

    /** The font of line i of a caption at size factor f (zoom × scale): the first bold. */
    private static Font captionFont(int i, double f) {
        return i == 0 ? Font.font(null, FontWeight.BOLD, CAPTION_BOLD * f) : Font.font(CAPTION * f);
    }

    /** Each caption's width at full size: its widest line. */
    private static double[] captionWidths(java.util.List<java.util.List<String>> lines, double z) {
        double[] widths = new double[lines.size()];
        for (int l = 0; l < lines.size(); l++) {
            for (int i = 0; i < lines.get(l).size(); i++) {
                widths[l] = Math.max(widths[l], textWidth(lines.get(l).get(i), captionFont(i, z)));
            }
        }
        return widths;
    }

    /** The largest mean width of two neighbouring captions: the pair that needs the columns farthest apart. */
    private static double pairMax(double[] widths) {
        double max = 0;
        for (int l = 0; l + 1 < widths.length; l++) {
            max = Math.max(max, (widths[l] + widths[l + 1]) / 2);
        }
        return max;
    }

    /** The share of their full size at which the captions fit side by side in a diagram w wide (may exceed 1). */
    private static double fitScale(java.util.List<java.util.List<String>> lines, double w, double z) {
        double[] widths = captionWidths(lines, z);
        int depth = widths.length - 1;
        double halfEnd = Math.max(widths[0], widths[depth]) / 2;
        return (w - 2 * CAPTION_EDGE - depth * CAPTION_GAP) / (2 * halfEnd + depth * pairMax(widths));
    }

    /** The text, or as much of it as fits in {@code room} px followed by "…". */
    private static String ellipsized(String text, Font font, double room) {
        if (textWidth(text, font) <= room) {
            return text;
        }
        for (int end = text.length() - 1; end > 0; end--) {
            String cut = text.substring(0, end).strip() + "…";
            if (textWidth(cut, font) <= room) {
                return cut;
            }
        }
        return "…";
    }

    /** The caption under a layer: "input · 2", "layer 1 · 3", "output · 2", with "(12 shown)" for a large one. */
    static String layerLabel(int l, int depth, int n, int shown) {
        String label = l == 0 ? Messages.get("diagram.input", n) : l == depth ? Messages.get("diagram.output", n)
                : Messages.get("diagram.hidden", l, n);
        return n > shown ? label + Messages.get("diagram.shown", shown) : label;
    }

    /** The legend in the corner: what the edges and neurons show. */
    static String legend(boolean backward) {
        return Messages.get(backward ? "diagram.legendBackward" : "diagram.legendForward");
    }

    private static DMatrixRMaj neuronValues(Analysis an, int l, boolean backward) {
        if (backward) {
            return l == 0 || an.backward() == null ? null : an.backward().delta(l);
        }
        return an.forward().a(l);
    }

    private static boolean edgesActive(Step s, int l) {
        if (s == null) {
            return false;
        }
        return switch (s.kind()) {
            case Z, GRAD_W -> s.layer() == l;
            case DELTA -> s.layer() + 1 == l;
            default -> false;
        };
    }

    private static boolean neuronsActive(Step s, int l) {
        if (s == null) {
            return false;
        }
        StepKind k = s.kind();
        return switch (k) {
            case Z, GRAD_W -> l == s.layer() || l == s.layer() - 1;
            case A, GRAD_B, COST, GRAD_A -> l == s.layer();
            case DELTA -> l == s.layer() || (s.layer() < s.depth() && l == s.layer() + 1);
        };
    }

    private static double maxAbs(DMatrixRMaj m) {
        double max = 0;
        for (double v : m.data) {
            if (Double.isFinite(v)) {
                max = Math.max(max, Math.abs(v));
            }
        }
        return max;
    }

    private static double x(int l, double left, double gap) {
        return left + l * gap;
    }

    private double y(int j, int n, double top, double usable) {
        int s = shown(n);
        return top + usable * (j + 0.5) / s;
    }

    /** Where neuron j of layer l is drawn, in the diagram's own coordinates (as last drawn); for tests. */
    public javafx.geometry.Point2D neuronCentre(int l, int j) {
        int n = analysis.get().network().size(l);
        return new javafx.geometry.Point2D(x(l, lastLeft, lastGap), y(j, n, lastTop, lastUsable));
    }

    /**
     * A point on the edge of w^l_kj, a quarter of the way from input k (away from other edges' crossings and the
     * neurons), in the diagram's own coordinates; for tests.
     */
    public javafx.geometry.Point2D edgePoint(int l, int k, int j) {
        javafx.geometry.Point2D from = neuronCentre(l - 1, k);
        javafx.geometry.Point2D to = neuronCentre(l, j);
        return from.add(to.subtract(from).multiply(0.25));
    }

    /**
     * The result of Check ▸ Quick check (directional), or null: the entries it names are marked on their step as
     * failing checks are.
     */
    public ObjectProperty<org.backprop.workbench.check.DirectionalCheck.Localisation> quickCheckProperty() {
        return quickCheck;
    }

    /** The neurons {l, j} and edges {l, k, j} the last drawing marked as failing their check; for tests. */
    public java.util.List<int[]> failingMarks() { return java.util.List.copyOf(lastFailing); }

    /** Whether the last drawing marked the selected check (it is marked on the steps it belongs to only). */
    public boolean selectionDrawn() { return lastSelectionDrawn; }

    public ObjectProperty<Analysis> analysisProperty() { return analysis; }

    public ObjectProperty<Step> stepProperty() { return step; }

    public ObjectProperty<CheckResult> selectedProperty() { return selected; }

    /** The neuron {l, j} or edge {l, k, j} the Derive view points at; null for none. */
    public ObjectProperty<int[]> pointedProperty() { return pointed; }

    public BooleanProperty darkProperty() { return dark; }

    /** An entry drawn without its number (a lesson's quiz asks for it), or null. */
    public ObjectProperty<org.backprop.workbench.lesson.Quantity> hiddenEntryProperty() { return hiddenEntry; }

    public DoubleProperty zoomProperty() { return zoom; }
}
