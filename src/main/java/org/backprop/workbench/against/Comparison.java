package org.backprop.workbench.against;

import java.util.List;
import java.util.Optional;

/**
 * A values file compared with the workbench, quantity by quantity in backprop order.
 *
 * @param file        the values file as the user named it
 * @param tolerance   the largest relative error that still matches
 * @param quantities  every quantity of the network in backprop order, given or not
 * @param explanation what follows from the first divergence ("your δ^2 is right and your δ^1 is wrong: ..."), or
 *                    a sentence saying everything given matches
 * @param diagnosis   the cause of the first divergence where known; null when nothing differs
 * @param floatNote   a remark when every difference is of the size float32 rounding makes; null otherwise
 */
public record Comparison(String file, double tolerance, List<QuantityComparison> quantities, String explanation,
                         Diagnosis diagnosis, String floatNote) {
    public Comparison {
        quantities = List.copyOf(quantities);
    }

    /** The first quantity in backprop order that differs. */
    public Optional<QuantityComparison> firstDivergence() {
        return quantities.stream().filter(q -> q.status() == Status.DIFFERS).findFirst();
    }

    /** True when every quantity the file gives matches. */
    public boolean matches() {
        return firstDivergence().isEmpty();
    }

    public Optional<QuantityComparison> get(QuantityKey key) {
        return quantities.stream().filter(q -> q.key().equals(key)).findFirst();
    }
}
