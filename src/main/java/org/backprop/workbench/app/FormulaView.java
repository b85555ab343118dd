package org.backprop.workbench.app;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.StackPane;
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
import java.util.Optional;

/**
 * A typeset formula. JLaTeXMath paints into a BufferedImage at zoom × the screen's output scale, shown at 1/output
 * scale, so the formula stays crisp on HiDPI screens and after zooming (painting JLaTeXMath onto an FX canvas
 * through FXGraphics2D gives wrong glyphs).
 */
public final class FormulaView extends StackPane {
    /** Formula size in points at zoom 1; a little larger than body text, as formulas in a textbook are. */
    public static final double BASE_SIZE = 21;

    /** Largest image side in pixels; a formula wider than this is rendered smaller rather than not at all. */
    private static final int MAX_PIXELS = 8000;

    private final StringProperty latex = new SimpleStringProperty(this, "latex", "");
    private final DoubleProperty size = new SimpleDoubleProperty(this, "size", BASE_SIZE);
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1.0);
    /** Smallest shrink factor when fitting a wide formula into {@link #fitWidthProperty()}; below it, scroll. */
    public static final double MIN_FIT = 0.7;

    private final StringProperty narrowLatex = new SimpleStringProperty(this, "narrowLatex", "");
    private final DoubleProperty fitWidth = new SimpleDoubleProperty(this, "fitWidth", 0);
    private final ObjectProperty<Color> foreground = new SimpleObjectProperty<>(this, "foreground", Color.BLACK);
    private final ImageView image = new ImageView();
    private final Label error = new Label();

    public FormulaView() {
        createView();
        initListeners();
    }

    public FormulaView(String tex, double size) {
        this();
        this.size.set(size);
        latex.set(tex);
    }

    /** True for a lesson's formula: untrusted, typeset only inside {@link TexSubset}. */
    private boolean lessonFormula;

    /** A lesson's formula: refused (shown as an error) unless it is inside the lessons' {@link TexSubset}. */
    public static FormulaView lessonFormula(String tex, double size) {
        FormulaView view = new FormulaView();
        view.lessonFormula = true;
        view.size.set(size);
        view.latex.set(tex);
        return view;
    }

    private void createView() {
        getStyleClass().add("formula");
        image.setSmooth(true);
        error.getStyleClass().add("formula-error");
        error.setWrapText(true);
        getChildren().add(image);
        setMinSize(USE_PREF_SIZE, USE_PREF_SIZE);
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    }

    private void initListeners() {
        latex.addListener((o, a, b) -> render());
        size.addListener((o, a, b) -> render());
        zoom.addListener((o, a, b) -> render());
        foreground.addListener((o, a, b) -> render());
        fitWidth.addListener((o, a, b) -> {
            if (Math.abs(a.doubleValue() - b.doubleValue()) > 12) {
                render();
            }
        });
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                scene.windowProperty().addListener((o2, w1, w) -> render());
                render();
            }
        });
    }

    private double outputScale() {
        Window w = getScene() == null ? null : getScene().getWindow();
        return w == null ? 1.0 : Math.max(1.0, w.getOutputScaleX());
    }

    private void render() {
        String tex = latex.get();
        if (tex == null || tex.isEmpty()) {
            image.setImage(null);
            getChildren().setAll(image);
            return;
        }
        Optional<String> outside = lessonFormula ? TexSubset.problem(tex) : Optional.empty();
        if (outside.isPresent()) {
            error.setText(org.backprop.workbench.i18n.Messages.get("formula.outsideSubset", outside.get()));
            getChildren().setAll(error);
            return;
        }
        double scale = outputScale();
        try {
            float pixels = (float) (size.get() * zoom.get() * scale);
            BufferedImage img = paint(tex, pixels, foreground.get());
            double available = fitWidth.get();
            String narrow = narrowLatex.get();
            if (available > 0 && img.getWidth() / scale > available && narrow != null && !narrow.isEmpty()) {
                img = paint(narrow, pixels, foreground.get());
            }
            if (available > 0 && img.getWidth() / scale > available) {
                double factor = Math.max(MIN_FIT, available / (img.getWidth() / scale));
                img = paint(narrow != null && !narrow.isEmpty() ? narrow : tex, (float) (pixels * factor),
                        foreground.get());
            }
            image.setImage(SwingFXUtils.toFXImage(img, null));
            image.setFitWidth(img.getWidth() / scale);
            image.setFitHeight(img.getHeight() / scale);
            getChildren().setAll(image);
        } catch (ParseException | IllegalArgumentException e) {
            error.setText(org.backprop.workbench.i18n.Messages.get("formula.cannotTypeset", e.getMessage()));
            getChildren().setAll(error);
        }
    }

    /** Paints a formula into an image of the given pixel size per em. */
    static BufferedImage paint(String tex, float pixels, Color fg) {
        TeXFormula formula = new TeXFormula(tex);
        TeXIcon icon = formula.createTeXIcon(TeXConstants.STYLE_DISPLAY, pixels);
        int pad = Math.round(pixels / 6);
        double w = icon.getIconWidth() + 2.0 * pad;
        double h = icon.getIconHeight() + 2.0 * pad;
        if (Math.max(w, h) > MAX_PIXELS) {
            return paint(tex, (float) (pixels * MAX_PIXELS / Math.max(w, h) * 0.98), fg);
        }
        BufferedImage img = new BufferedImage((int) w, (int) h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        icon.setForeground(new java.awt.Color((float) fg.getRed(), (float) fg.getGreen(), (float) fg.getBlue()));
        icon.paintIcon(null, g, pad, pad);
        g.dispose();
        return img;
    }

    public StringProperty latexProperty() { return latex; }

    public DoubleProperty sizeProperty() { return size; }

    public DoubleProperty zoomProperty() { return zoom; }

    public ObjectProperty<Color> foregroundProperty() { return foreground; }

    /** A taller form of the formula (e.g. on two lines) used when {@link #latexProperty()} does not fit. */
    public StringProperty narrowLatexProperty() { return narrowLatex; }

    /** Width to shrink a wide formula into (down to {@link #MIN_FIT}); 0 for no limit. */
    public DoubleProperty fitWidthProperty() { return fitWidth; }
}
