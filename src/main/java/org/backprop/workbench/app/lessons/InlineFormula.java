package org.backprop.workbench.app.lessons;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.ImageView;
import javafx.scene.paint.Color;
import javafx.stage.Window;
import org.backprop.workbench.lesson.TexSubset;
import org.scilab.forge.jlatexmath.ParseException;
import org.scilab.forge.jlatexmath.TeXConstants;
import org.scilab.forge.jlatexmath.TeXFormula;
import org.scilab.forge.jlatexmath.TeXIcon;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * A formula inside a line of text: typeset in TeX's text style (smaller fractions and limits than display style) by
 * JLaTeXMath into a BufferedImage at zoom × output scale, and sitting on the text's baseline (its baseline offset is
 * the formula's own, so descenders go below the line as in print).
 */
public final class InlineFormula extends ImageView {
    /** Room around the glyphs, in pixels per em, so that accents and descenders are not clipped. */
    private static final double PAD = 0.08;

    private final String tex;
    private final double size;
    private final DoubleProperty zoom;
    private Color foreground;
    private double baseline;
    /** The formula's own size and baseline in layout pixels, before any shrinking to {@link #maxWidthProperty()}. */
    private double naturalWidth;
    private double naturalHeight;
    private double naturalBaseline;
    private final DoubleProperty maxWidth = new SimpleDoubleProperty(this, "maxWidth", 0);

    /**
     * @param tex  the formula in TeX
     * @param size its size in px at zoom 1
     * @param zoom the workbench's zoom
     */
    public InlineFormula(String tex, double size, DoubleProperty zoom, Color foreground) {
        this.tex = tex;
        this.size = size;
        this.zoom = zoom;
        this.foreground = foreground;
        getStyleClass().add("lesson-inline-formula");
        setSmooth(true);
        zoom.addListener((o, a, b) -> render());
        maxWidth.addListener((o, a, b) -> fit());
        sceneProperty().addListener((o, a, scene) -> render());
        render();
    }

    /** The TeX source. */
    public String tex() { return tex; }

    public void setForeground(Color color) {
        foreground = color;
        render();
    }

    private void render() {
        double scale = outputScale();
        float pixels = (float) (size * zoom.get() * scale);
        TeXIcon icon;
        try {
            if (TexSubset.problem(tex).isPresent()) {
                throw new IllegalArgumentException("outside the lessons' TeX subset");
            }
            icon = new TeXFormula(tex).createTeXIcon(TeXConstants.STYLE_TEXT, pixels);
        } catch (ParseException | IllegalArgumentException e) {
            // shown as its text, with TeX's special characters (and so every command) defused
            String shown = tex.length() > TexSubset.MAX_LENGTH ? tex.substring(0, TexSubset.MAX_LENGTH) : tex;
            icon = new TeXFormula("\\text{" + shown.replaceAll("[^A-Za-z0-9 +\\-=()\\[\\],.;:!?']", "?") + "}")
                    .createTeXIcon(TeXConstants.STYLE_TEXT, pixels);
        }
        int pad = (int) Math.ceil(pixels * PAD);
        int w = icon.getIconWidth() + 2 * pad;
        int h = icon.getIconHeight() + 2 * pad;
        BufferedImage img = new BufferedImage(Math.max(1, w), Math.max(1, h), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        icon.setForeground(new java.awt.Color((float) foreground.getRed(), (float) foreground.getGreen(),
                (float) foreground.getBlue()));
        icon.paintIcon(null, g, pad, pad);
        g.dispose();
        naturalBaseline = (pad + icon.getIconHeight() - icon.getIconDepth()) / scale;
        naturalWidth = w / scale;
        naturalHeight = h / scale;
        setImage(SwingFXUtils.toFXImage(img, null));
        fit();
    }

    /**
     * The widest the formula may be, in layout pixels (0: no limit). A formula wider than that (a long one in a
     * narrow lesson panel, or at a large zoom) shrinks, keeping its proportions and its baseline, instead of being
     * cut off at the panel's edge: a formula is one unbreakable piece of the line.
     */
    public DoubleProperty maxWidthProperty() { return maxWidth; }

    /** The width the formula would have without a {@link #maxWidthProperty() limit}. */
    public double naturalWidth() { return naturalWidth; }

    private void fit() {
        double limit = maxWidth.get();
        double factor = limit > 0 && naturalWidth > limit ? limit / naturalWidth : 1;
        setFitWidth(naturalWidth * factor);
        setFitHeight(naturalHeight * factor);
        baseline = naturalBaseline * factor;
        requestLayoutOfParent();
    }

    private void requestLayoutOfParent() {
        if (getParent() != null) {
            getParent().requestLayout();
        }
    }

    private double outputScale() {
        Window window = getScene() == null ? null : getScene().getWindow();
        return window == null ? 1.0 : Math.max(1.0, window.getOutputScaleX());
    }

    @Override
    public double getBaselineOffset() {
        return baseline;
    }
}
