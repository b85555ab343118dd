package org.backprop.workbench.app;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * A part of the window made on first use, on the FX thread: a panel whose tab nobody has opened costs the window's
 * start nothing (its controls, its chart, its first computation). {@link #get()} makes it; {@link #ifMade()} does not.
 *
 * @param <T> the part
 */
final class Lazy<T> {
    private Supplier<? extends T> make;
    private T value;

    /** @param make makes and wires the part, called once ({@code null} not permitted) */
    Lazy(Supplier<? extends T> make) {
        this.make = Objects.requireNonNull(make, "make");
    }

    /** The part, made now if it was not yet. */
    T get() {
        if (value == null) {
            value = Objects.requireNonNull(make.get(), "made");
            make = null;
        }
        return value;
    }

    /** The part if it was made, else {@code null}. */
    T ifMade() {
        return value;
    }
}
