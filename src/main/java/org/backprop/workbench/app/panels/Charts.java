package org.backprop.workbench.app.panels;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;

/** JFreeChart plots styled for a projector: large type, thick lines, a calm grid. */
final class Charts {
    private Charts() {
    }

    static {
        // JFreeChart draws rotated text (the y axis's label) by default as an AWT TextLayout of the AWT font, whose
        // outlines have no CJK glyphs ("相对误差" came out as four boxes); drawn as a string, FXGraphics2D hands it to
        // JavaFX, which falls back to a CJK font as it does for every other text of the app
        org.jfree.chart.text.TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    /** Sizes in points; readable from the back of a lecture room at 1280×800. */
    static final Font TICK_FONT = new Font("DejaVu Sans", Font.PLAIN, 14);
    static final Font LABEL_FONT = new Font("DejaVu Sans", Font.PLAIN, 16);
    static final Font LEGEND_FONT = new Font("DejaVu Sans", Font.PLAIN, 14);
    static final Font MARKER_FONT = new Font("DejaVu Sans", Font.BOLD, 13);

    /** Series colours of the Okabe–Ito palette, distinguishable with the common colour-vision deficiencies. */
    static final Color BLUE = new Color(0, 114, 178);
    static final Color ORANGE = new Color(230, 159, 0);
    static final Color GREEN = new Color(0, 158, 115);
    static final Color VERMILION = new Color(213, 94, 0);
    static final Color PURPLE = new Color(204, 121, 167);
    static final Color GREY = new Color(110, 110, 110);
    static final Color FAIL_RED = new Color(198, 40, 40);
    static final Color PASS_GREEN = new Color(46, 125, 50);

    static final BasicStroke LINE = new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final BasicStroke HEAVY = new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
            new float[]{8f, 6f}, 0f);
    static final BasicStroke DOTTED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
            new float[]{3f, 4f}, 0f);

    /** A log axis labelled 10ⁿ, one tick per decade. */
    static LogAxis logAxis(String label) {
        LogAxis axis = new LogAxis(label);
        axis.setBase(10);
        axis.setBaseSymbol("10");
        axis.setMinorTickMarksVisible(true);
        axis.setSmallestValue(1e-300);
        style(axis);
        return axis;
    }

    /** A log axis with one labelled tick per decade, for ranges of many decades. */
    static LogAxis decadeAxis(String label) {
        LogAxis axis = logAxis(label);
        axis.setTickUnit(new NumberTickUnit(1));
        return axis;
    }

    static NumberAxis linearAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        style(axis);
        return axis;
    }

    static void style(ValueAxis axis) {
        axis.setLabelFont(LABEL_FONT);
        axis.setTickLabelFont(TICK_FONT);
    }

    /** A plot with a white background, a light grid and a line renderer with the given series colours. */
    static XYPlot plot(XYSeriesCollection data, ValueAxis x, ValueAxis y, Paint... colours) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < colours.length; i++) {
            renderer.setSeriesPaint(i, colours[i]);
            renderer.setSeriesStroke(i, LINE);
            renderer.setSeriesShape(i, new Ellipse2D.Double(-3, -3, 6, 6));
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(220, 220, 220));
        plot.setRangeGridlinePaint(new Color(220, 220, 220));
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.setOutlinePaint(new Color(180, 180, 180));
        return plot;
    }

    static JFreeChart chart(XYPlot plot) {
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(8, 8, 8, 16));
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(LEGEND_FONT);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        return chart;
    }

    /**
     * Keeps a chart in step with the UI around it: its type scales with the reference label's font (the app's zoom
     * sets the root font size) and its colours follow the theme, read from the label's text colour (light text
     * means a dark theme).
     */
    static void follow(javafx.scene.control.Label reference, JFreeChart chart) {
        Runnable update = () -> restyle(chart, reference.getFont().getSize() / BASE_UI_FONT,
                isLight(reference.getTextFill()));
        reference.fontProperty().addListener((o, was, now) -> update.run());
        reference.textFillProperty().addListener((o, was, now) -> update.run());
        update.run();
    }

    /** The UI font size (px) at which the chart fonts above have their nominal size: JavaFX's default on Linux. */
    static final double BASE_UI_FONT = 13;

    private static boolean isLight(javafx.scene.paint.Paint paint) {
        return paint instanceof javafx.scene.paint.Color c && c.getBrightness() > 0.6;
    }

    private static void restyle(JFreeChart chart, double scale, boolean darkTheme) {
        Color background = darkTheme ? new Color(30, 33, 38) : Color.WHITE;
        Color text = darkTheme ? new Color(225, 228, 232) : new Color(33, 33, 33);
        Color grid = darkTheme ? new Color(70, 74, 80) : new Color(220, 220, 220);
        chart.setBackgroundPaint(background);
        if (chart.getLegend() != null) {
            chart.getLegend().setBackgroundPaint(background);
            chart.getLegend().setItemPaint(text);
            chart.getLegend().setItemFont(LEGEND_FONT.deriveFont((float) (LEGEND_FONT.getSize2D() * scale)));
        }
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(background);
        plot.setDomainGridlinePaint(grid);
        plot.setRangeGridlinePaint(grid);
        for (ValueAxis axis : new ValueAxis[]{plot.getDomainAxis(), plot.getRangeAxis()}) {
            axis.setLabelPaint(text);
            axis.setTickLabelPaint(text);
            axis.setAxisLinePaint(text);
            axis.setTickMarkPaint(text);
            axis.setLabelFont(LABEL_FONT.deriveFont((float) (LABEL_FONT.getSize2D() * scale)));
            axis.setTickLabelFont(TICK_FONT.deriveFont((float) (TICK_FONT.getSize2D() * scale)));
        }
        for (Object marker : plot.getDomainMarkers(Layer.FOREGROUND) == null ? java.util.List.of()
                : plot.getDomainMarkers(Layer.FOREGROUND)) {
            restyleMarker((ValueMarker) marker, scale, background);
        }
        for (Object marker : plot.getRangeMarkers(Layer.BACKGROUND) == null ? java.util.List.of()
                : plot.getRangeMarkers(Layer.BACKGROUND)) {
            restyleMarker((ValueMarker) marker, scale, background);
        }
    }

    private static void restyleMarker(ValueMarker marker, double scale, Color background) {
        marker.setLabelFont(MARKER_FONT.deriveFont((float) (MARKER_FONT.getSize2D() * scale)));
        marker.setLabelBackgroundColor(new Color(background.getRed(), background.getGreen(), background.getBlue(), 220));
    }

    /** A dashed horizontal line at y with a label at the left end. */
    static ValueMarker rangeMarker(double y, String label, Color colour) {
        ValueMarker marker = new ValueMarker(y, colour, DOTTED);
        marker.setLabel(label);
        marker.setLabelFont(MARKER_FONT);
        marker.setLabelPaint(colour);
        marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        marker.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
        marker.setLabelOffset(new RectangleInsets(2, 6, 2, 2));
        marker.setLabelBackgroundColor(new Color(255, 255, 255, 220));
        return marker;
    }

    /** A vertical line at x with a label at the top. */
    static ValueMarker domainMarker(double x, String label, Color colour) {
        ValueMarker marker = new ValueMarker(x, colour, DASHED);
        marker.setLabel(label);
        marker.setLabelFont(MARKER_FONT);
        marker.setLabelPaint(colour);
        marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        marker.setLabelOffset(new RectangleInsets(4, 4, 4, 4));
        marker.setLabelBackgroundColor(new Color(255, 255, 255, 220));
        return marker;
    }

    static void addForeground(XYPlot plot, ValueMarker marker, boolean domain) {
        if (domain) {
            plot.addDomainMarker(marker, Layer.FOREGROUND);
        } else {
            // in front as well: the curves would otherwise paint over the threshold labels ("fail > 10⁻⁴")
            plot.addRangeMarker(marker, Layer.FOREGROUND);
        }
    }

    /** A diagonal cross, the shape of a point that could not be computed (∞ or NaN). */
    static Shape cross(double size) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(-size, -size);
        p.lineTo(size, size);
        p.moveTo(-size, size);
        p.lineTo(size, -size);
        return p;
    }
}
