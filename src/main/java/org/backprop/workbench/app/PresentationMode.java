package org.backprop.workbench.app;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

import java.util.Objects;

/**
 * Presentation mode (F5) for a projector: dark theme, larger zoom, the builder hidden. Leaving it restores exactly
 * what it changed (the theme, the zoom and the builder as they were when it was switched on).
 */
public final class PresentationMode {
    /** Zoom of presentation mode: formulas and matrices readable from the back of a lecture hall. */
    public static final double ZOOM = 1.5;

    private final WorkbenchModel model;
    private final BooleanProperty builderShown;
    private final BooleanProperty on = new SimpleBooleanProperty(this, "on", false);
    private boolean darkBefore;
    private double zoomBefore = 1;
    private boolean builderBefore = true;

    /**
     * @param model        the theme and zoom it changes ({@code null} not permitted)
     * @param builderShown whether the builder column is shown ({@code null} not permitted)
     */
    public PresentationMode(WorkbenchModel model, BooleanProperty builderShown) {
        this.model = Objects.requireNonNull(model, "model");
        this.builderShown = Objects.requireNonNull(builderShown, "builderShown");
        on.addListener((o, was, now) -> {
            if (now) {
                enter();
            } else {
                leave();
            }
        });
    }

    private void enter() {
        darkBefore = model.darkThemeProperty().get();
        zoomBefore = model.zoomProperty().get();
        builderBefore = builderShown.get();
        model.darkThemeProperty().set(true);
        model.zoomProperty().set(ZOOM);
        builderShown.set(false);
    }

    private void leave() {
        model.darkThemeProperty().set(darkBefore);
        model.zoomProperty().set(zoomBefore);
        builderShown.set(builderBefore);
    }

    /** True while presentation mode is on. */
    public BooleanProperty onProperty() { return on; }
}
