package org.backprop.workbench.util;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The file names of an enum's constants (or of any fixed set of values), looked up case-insensitively: the
 * {@code fromId}/{@code ids} pair every enum read from a file or a command line needs, written once.
 *
 * @param <E> the enum
 */
public final class Ids<E> {
    private final List<E> values;
    private final Function<E, String> id;

    /**
     * @param values the constants, in the order {@link #list()} shows them; no two of the same name
     * @param id     each constant's name in files, lower case
     */
    public Ids(E[] values, Function<E, String> id) {
        this.values = List.of(values);
        this.id = id;
        Set<String> seen = new HashSet<>();
        for (E v : values) {
            if (!seen.add(id.apply(v))) {   // find would silently answer the first of two
                throw new IllegalStateException("two values are named \"" + id.apply(v) + "\"");
            }
        }
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

    /**
     * The value with this name (any case).
     *
     * @param what what the values are, for the message, e.g. {@code activation}
     * @throws IllegalArgumentException if there is none, naming those there are
     */
    public E get(String name, String what) {
        return find(name).orElseThrow(() -> new IllegalArgumentException("no " + what + " \"" + name
                + "\"; there are: " + list()));
    }

    /** Shortcut for enums: {@code Ids.of(values(), Activation::id)}. */
    public static <E> Ids<E> of(E[] values, Function<E, String> id) {
        return new Ids<>(Arrays.copyOf(values, values.length), id);
    }
}
