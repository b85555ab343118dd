package org.backprop.workbench.app.actions;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.MenuItem;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What an action does and when it is enabled: a {@link StandardAction} gets one command from the window, the lessons
 * or a panel. A toggle binds a property instead of running something; a submenu or an in-place list supplies items.
 *
 * @param run      what the action does ({@code null} for toggles and items)
 * @param enabled  when it may run (menu item disabled and keys ignored otherwise)
 * @param selected the on/off state of a toggle, or {@code null}
 * @param items    the entries of a submenu or an in-place list, or {@code null}
 */
public record Command(Runnable run, ObservableBooleanValue enabled, BooleanProperty selected,
                      Supplier<List<MenuItem>> items) {
    private static final ObservableBooleanValue ALWAYS = Bindings.createBooleanBinding(() -> true);

    public Command {
        Objects.requireNonNull(enabled, "enabled");
    }

    /** Always enabled. */
    public static Command of(Runnable run) {
        return new Command(Objects.requireNonNull(run, "run"), ALWAYS, null, null);
    }

    /** Enabled while {@code enabled} is true. */
    public static Command of(Runnable run, ObservableBooleanValue enabled) {
        return new Command(Objects.requireNonNull(run, "run"), enabled, null, null);
    }

    /** A toggle: a check menu item and keys that flip the property. */
    public static Command toggle(BooleanProperty selected) {
        return new Command(null, ALWAYS, Objects.requireNonNull(selected, "selected"), null);
    }

    /** A submenu's or an in-place list's entries (asked once, when the menu is built). */
    public static Command items(Supplier<List<MenuItem>> items) {
        return new Command(null, ALWAYS, null, Objects.requireNonNull(items, "items"));
    }

    /** Runs it if it is enabled (a toggle flips); true if it ran. */
    public boolean execute() {
        if (!enabled.get()) {
            return false;
        }
        if (selected != null) {
            selected.set(!selected.get());
            return true;
        }
        if (run != null) {
            run.run();
            return true;
        }
        return false;
    }
}
