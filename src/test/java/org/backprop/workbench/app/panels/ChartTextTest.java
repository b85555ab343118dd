package org.backprop.workbench.app.panels;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.SnapshotParameters;
import javafx.scene.canvas.Canvas;
import javafx.stage.Stage;
import org.backprop.workbench.app.CjkRenderingTest;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.fx.FXGraphics2D;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;

import static org.backprop.workbench.app.FxThread.fx;

/**
 * The plots (ε sweep, softmax comparison, training) draw Chinese axis labels as glyphs, at 1× and 2×: the x axis's
 * label runs along the axis, the y axis's label is rotated, and JFreeChart's default way of drawing rotated text (an
 * AWT TextLayout of a font without CJK glyphs) showed "相对误差" as boxes. The whole chart is drawn, as the viewer
 * draws it; only the one label changes between the pictures compared (see {@link CjkRenderingTest#assertGlyphs}).
 */
@ExtendWith(ApplicationExtension.class)
class ChartTextTest {
    @Start
    void start(Stage stage) {
        // the toolkit only
    }

    private static BufferedImage chart(String xLabel, String yLabel, double scale) {
        return fx(() -> {
            XYSeries series = new XYSeries("s");
            series.add(1, 1);
            series.add(2, 3);
            XYSeriesCollection data = new XYSeriesCollection(series);
            JFreeChart chart = Charts.chart(Charts.plot(data, Charts.linearAxis(xLabel), Charts.linearAxis(yLabel),
                    Charts.BLUE));
            chart.removeLegend();
            int w = 160;
            int h = 120;
            Canvas canvas = new Canvas(w * scale, h * scale);
            FXGraphics2D g2 = new FXGraphics2D(canvas.getGraphicsContext2D());
            g2.scale(scale, scale);
            chart.draw(g2, new Rectangle2D.Double(0, 0, w, h));
            SnapshotParameters p = new SnapshotParameters();
            p.setFill(javafx.scene.paint.Color.WHITE);
            return SwingFXUtils.fromFXImage(canvas.snapshot(p, null), null);
        });
    }

    @ParameterizedTest(name = "at {0}×")
    @ValueSource(doubles = {1.0, 2.0})
    void theRotatedYAxisLabelDrawsChinese(double scale) {
        CjkRenderingTest.assertGlyphs("y axis label", s -> chart("x", s, scale));
    }

    @ParameterizedTest(name = "at {0}×")
    @ValueSource(doubles = {1.0, 2.0})
    void theXAxisLabelDrawsChinese(double scale) {
        CjkRenderingTest.assertGlyphs("x axis label", s -> chart(s, "y", scale));
    }
}
