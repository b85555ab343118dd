package org.backprop.workbench.derive;

import java.util.Arrays;

/**
 * Where a factor of a derivation comes from, so that a view can highlight it: an edge of the diagram (a weight), a
 * neuron (its z, a or δ in one sample), or an entry of another matrix (∇_a C, a bias, a target).
 *
 * @param matrix the matrix as the entry syntax names it: {@code w}, {@code b}, {@code z}, {@code a}, {@code delta},
 *               {@code gradA} or {@code t} (the targets)
 * @param layer  l (the output layer L for gradA and t)
 * @param index  zero-based, in the note's convention: [k, j] for w, [j] for b, [j, x] otherwise
 * @param place  how a diagram shows it
 */
public record Source(String matrix, int layer, int[] index, Place place) {

    /** How a diagram shows a source. */
    public enum Place { EDGE, NEURON, ENTRY }

    public static Source weight(int layer, int k, int j) {
        return new Source("w", layer, new int[]{k, j}, Place.EDGE);
    }

    public static Source neuron(String matrix, int layer, int j, int x) {
        return new Source(matrix, layer, new int[]{j, x}, Place.NEURON);
    }

    public static Source entry(String matrix, int layer, int... index) {
        return new Source(matrix, layer, index.clone(), Place.ENTRY);
    }

    /** As the entry syntax writes it: {@code w2[0,1]}, {@code gradA[1,0]}, {@code t[1,0]}. */
    public String id() {
        String base = matrix.equals("gradA") || matrix.equals("t") ? matrix : matrix + layer;
        return base + Arrays.toString(index).replace(" ", "");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Source s && matrix.equals(s.matrix) && layer == s.layer && Arrays.equals(index, s.index)
                && place == s.place;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * matrix.hashCode() + layer) + Arrays.hashCode(index);
    }

    @Override
    public String toString() { return id(); }
}
