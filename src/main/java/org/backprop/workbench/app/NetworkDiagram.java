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
        double labelSpace = 44 * z;
        double top = 18 * z;
        // the captions under the columns: as large as they fit side by side (a narrow diagram beside a lesson shrinks
        // them rather than letting "input · 2" run into "layer 1 · 3"), half of the first and last over the sides
        double[] captionWidths = new double[depth + 1];
        for (int l = 0; l <= depth; l++) {
            captionWidths[l] = Math.max(textWidth(layerLabel(l, depth, net.size(l), shown(net.size(l))),
                    Font.font(null, FontWeight.BOLD, CAPTION_BOLD * z)), textWidth(subCaption(net, l),
                    Font.font(CAPTION * z)));
        }
        double halfEnd = Math.max(captionWidths[0], captionWidths[depth]) / 2;
        double pairMax = 0;
        for (int l = 0; l < depth; l++) {
            pairMax = Math.max(pairMax, (captionWidths[l] + captionWidths[l + 1]) / 2);
        }
        double scale = Math.max(MIN_CAPTION_SCALE, Math.min(1,
                (w - 2 * CAPTION_EDGE - depth * CAPTION_GAP) / (2 * halfEnd + depth * pairMax)));
        captionScale = scale;
        double left = Math.max(scale * halfEnd + CAPTION_EDGE,
                Math.min(84 * z, (w - depth * (scale * pairMax + CAPTION_GAP)) / 2));
        double usableH = h - top - labelSpace;
        double colGap = (w - 2 * left) / Math.max(1, depth);
        int most = 1;
        for (int l = 0; l <= depth; l++) {
            most = Math.max(most, shown(net.size(l)));
        }
        double radius = Math.max(5, Math.min(22 * z, usableH / most * 0.34));
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
            g.setFont(Font.font(null, FontWeight.BOLD, CAPTION_BOLD * z * scale));
            g.fillText(layerLabel(l, depth, n, shown(n)), x(l, left, colGap), h - labelSpace + 6 * z);
            g.setFont(Font.font(CAPTION * z * scale));
            g.fillText(subCaption(net, l), x(l, left, colGap), h - labelSpace + 22 * z);
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

    /**
     * The horizontal extent [left, right] of each layer's caption as last drawn, in the diagram's coordinates: for
     * tests.
     */
    double[][] captionExtents() {
        Analysis an = analysis.get();
        if (an == null) {
            return new double[0][];
        }
        Network net = an.network();
        double z = zoom.get();
        double[][] out = new double[net.depth() + 1][];
        for (int l = 0; l <= net.depth(); l++) {
            double half = Math.max(textWidth(layerLabel(l, net.depth(), net.size(l), shown(net.size(l))),
                    Font.font(null, FontWeight.BOLD, CAPTION_BOLD * z * captionScale)),
                    textWidth(subCaption(net, l), Font.font(CAPTION * z * captionScale))) / 2;
            double cx = x(l, lastLeft, lastGap);
            out[l] = new double[]{cx - half, cx + half};
        }
        return out;
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
