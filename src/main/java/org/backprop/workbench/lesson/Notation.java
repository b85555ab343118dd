package org.backprop.workbench.lesson;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How weights are displayed: the note's w_kj (rows = inputs) or Nielsen's w_jk (rows = outputs, the transpose). */
public enum Notation {
    /** w^l_kj, n_{l-1} x n_l: row k = input neuron, column j = output neuron (the note's convention). */
    NOTE("note"),
    /** w^l_jk, n_l x n_{l-1}: row j = output neuron, column k = input neuron (Nielsen's book). */
    NIELSEN("nielsen");

    private final String id;

    Notation(String id) {
        this.id = id;
    }

    public String id() { return id; }

    public static Optional<Notation> fromId(String id) {
        String wanted = id.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(n -> n.id.equals(wanted)).findFirst();
    }

    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(Notation::id).toList());
    }
}
