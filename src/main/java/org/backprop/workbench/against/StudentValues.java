package org.backprop.workbench.against;

import org.ejml.data.DMatrixRMaj;

import java.util.Map;
import java.util.Optional;

/**
 * A validated values file: every matrix in the note's shapes (z, a, δ, ∇_a C n_l x m; gradW n_{l-1} x n_l even when
 * the file was written in w_jk notation; gradB n_l x 1; the loss 1 x 1).
 *
 * @param file     the file's name as the user gave it
 * @param notation "w_kj" (the note's, the default) or "w_jk" as the file declared it
 */
public record StudentValues(String file, String notation, Map<QuantityKey, DMatrixRMaj> values) {
    public StudentValues {
        values = Map.copyOf(values);
    }

    public Optional<DMatrixRMaj> get(QuantityKey key) {
        return Optional.ofNullable(values.get(key));
    }
}
