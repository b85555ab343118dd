package org.backprop.workbench.app.panels;

import javafx.application.Platform;
import javafx.scene.control.Labeled;
import javafx.scene.control.Tooltip;
import org.backprop.workbench.i18n.Messages;

import java.lang.ref.WeakReference;
import java.util.function.Consumer;

/**
 * Keeps a view's text in the current language: after every switch (View ▸ Language) the relabel action runs again,
 * on the FX thread. The view is held weakly and the listener removes itself once the view is gone, so panels made by
 * tests do not pile up (the main window relabels its menus this way too).
 */
public final class Relabel {
    private Relabel() {
    }

    /** Runs {@code relabel} on {@code owner} after every language switch, as long as the owner lives. */
    public static <T> void follow(T owner, Consumer<T> relabel) {
        WeakReference<T> ref = new WeakReference<>(owner);
        Runnable[] self = new Runnable[1];
        self[0] = () -> {
            T o = ref.get();
            if (o == null) {
                Messages.removeListener(self[0]);
                return;
            }
            if (Platform.isFxApplicationThread()) {
                relabel.accept(o);
            } else {
                try {
                    Platform.runLater(() -> relabel.accept(o));
                } catch (IllegalStateException e) {
                    // JavaFX is not running (a headless test switched the language): nothing to relabel
                }
            }
        };
        Messages.addListener(self[0]);
    }

    /** Sets the label's (button's) text to message {@code key}, now and after every switch. */
    public static <T extends Labeled> T text(T labeled, String key) {
        labeled.setText(Messages.get(key));
        follow(labeled, l -> l.setText(Messages.get(key)));
        return labeled;
    }

    /** Sets the tooltip's text to message {@code key}, now and after every switch. */
    public static Tooltip tip(String key) {
        Tooltip tip = new Tooltip(Messages.get(key));
        follow(tip, t -> t.setText(Messages.get(key)));
        return tip;
    }
}
