package org.backprop.workbench.app;

import javafx.event.EventHandler;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

import java.util.function.Supplier;

/** Tooltips of grids of many cells (the step view's matrices, the builder's matrix editors). */
final class Tooltips {
    private Tooltips() {
    }

    /**
     * Gives the control its tooltip when the mouse first enters it; the next mouse move over it shows the tooltip
     * as before. A Tooltip is a popup window of its own: making one for each of up to 144 cells of every matrix was
     * most of the step view's refresh (about half of it when big.json's traces were published, by JFR samples of the
     * FX thread) and most of the builder's rebuild.
     */
    static void onHover(Control control, Supplier<String> text) {
        control.addEventHandler(MouseEvent.MOUSE_ENTERED, new EventHandler<>() {
            @Override
            public void handle(MouseEvent e) {
                control.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                control.setTooltip(new Tooltip(text.get()));
            }
        });
    }
}
