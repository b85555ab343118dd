package org.backprop.workbench.util;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The file names of an enum's constants, looked up case-insensitively: the {@code fromId}/{@code ids} pair every
 * enum read from a file or a command line needs, written once.
 *
 * @param <E> the enum
 */
public final class Ids<E> {
    private final List<E> values;
    private final Function<E, String> id;

    /**
     * @param values the constants, in the order {@link #list()} shows them
     * @param id     each constant's name in files, lower case
     */
    public Ids(E[] values, Function<E, String> id) {
        this.values = List.of(values);
        this.id = id;
    }

    /** The constant with this name (any case), if any. */
    public Optional<E> find(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return values.stream().filter(v -> id.apply(v).equals(wanted)).findFirst();
    }

    /** Every name, in order, for messages: {@code identity, sigmoid, ...}. */
    public String list() {
        return String.join(", ", names());
    }

    /** Every name, in order. */
    public List<String> names() {
        return values.stream().map(id).toList();
    }

    /** Shortcut for enums: {@code Ids.of(values(), Activation::id)}. */
    public static <E> Ids<E> of(E[] values, Function<E, String> id) {
        return new Ids<>(Arrays.copyOf(values, values.length), id);
    }
}
