package org.backprop.workbench.app;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;

import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * Presentation mode (F5) for a projector: what a step is about (the diagram, Back / Next with the step's name, the
 * step's title, verdict, formula and result) fills the window in large type; the menu bar, the builder, the tool
 * bar, the step list and the status line are hidden (the keys still work), the dark theme is on. The zoom is chosen for the window: about 21 px type
 * at 1024×768, 28 px at 1920×1080. Leaving it restores exactly what it changed (the theme, the zoom, the builder
 * and the rest of the window as they were when it was switched on).
 */
public final class PresentationMode {
    /** Zoom at 1024×768 (XGA, the smallest common projector): 1.5 × the body font. */
    public static final double ZOOM = 1.5;
    /** Largest zoom presentation mode picks, whatever the screen. */
    static final double MAX_ZOOM = 2.5;
    /** The window presentation mode is designed for; larger windows scale the zoom by their smaller ratio. */
    static final double DESIGN_WIDTH = 1024;
    static final double DESIGN_HEIGHT = 768;

    private final WorkbenchModel model;
    private final BooleanProperty builderShown;
    private final BooleanProperty on = new SimpleBooleanProperty(this, "on", false);
    private final ReadOnlyBooleanWrapper chromeShown = new ReadOnlyBooleanWrapper(this, "chromeShown", true);
    private final DoubleSupplier width;
    private final DoubleSupplier height;
    private boolean darkBefore;
    private double zoomBefore = 1;
    private boolean builderBefore = true;

    /**
     * @param model        the theme and zoom it changes ({@code null} not permitted)
     * @param builderShown whether the builder column is shown ({@code null} not permitted)
     * @param width        the window's width now, for the zoom
     * @param height       the window's height now
     */
    public PresentationMode(WorkbenchModel model, BooleanProperty builderShown, DoubleSupplier width,
                            DoubleSupplier height) {
        this.model = Objects.requireNonNull(model, "model");
        this.builderShown = Objects.requireNonNull(builderShown, "builderShown");
        this.width = Objects.requireNonNull(width, "width");
        this.height = Objects.requireNonNull(height, "height");
        on.addListener((o, was, now) -> {
            if (now) {
                enter();
            } else {
                leave();
            }
        });
    }

    /** The zoom for a window of this size: {@link #ZOOM} at 1024×768 or smaller, more on larger screens. */
    static double zoomFor(double w, double h) {
        if (!(w > 0) || !(h > 0)) {
            return ZOOM;
        }
        double scale = Math.min(w / DESIGN_WIDTH, h / DESIGN_HEIGHT);
        return Math.max(ZOOM, Math.min(MAX_ZOOM, ZOOM * scale));
    }

    private void enter() {
        darkBefore = model.darkThemeProperty().get();
        zoomBefore = model.zoomProperty().get();
        builderBefore = builderShown.get();
        model.darkThemeProperty().set(true);
        model.zoomProperty().set(zoomFor(width.getAsDouble(), height.getAsDouble()));
        builderShown.set(false);
        chromeShown.set(false);
        model.navigate(WorkbenchView.STEP);
    }

    private void leave() {
        chromeShown.set(true);
        model.darkThemeProperty().set(darkBefore);
        model.zoomProperty().set(zoomBefore);
        builderShown.set(builderBefore);
    }

    /** Switches presentation mode on or off, as F5 does. */
    public void toggle() {
        on.set(!on.get());
    }

    /** True while presentation mode is on. */
    public BooleanProperty onProperty() { return on; }

    /** False while presentation mode hides the tool bar, the step list and the status line. */
    public ReadOnlyBooleanProperty chromeShownProperty() { return chromeShown.getReadOnlyProperty(); }
}
