package org.backprop.workbench.against;

/**
 * One array read from a {@code .npy} file: its shape (0, 1 or 2 dimensions) and its numbers in row-major order, or,
 * for a text array ({@code '<U..'}), its strings.
 *
 * @param shape   the dimensions, empty for a scalar
 * @param values  shape[0] * shape[1] numbers (row-major), null for a text array
 * @param strings the strings of a text array, null for a numeric one
 */
public record NpyArray(int[] shape, double[] values, String[] strings) {
    public boolean isText() { return strings != null; }

    /** "3 x 2", "3" or "a scalar". */
    public String shapeText() {
        if (shape.length == 0) {
            return "a scalar";
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            s.append(i == 0 ? "" : " x ").append(shape[i]);
        }
        return s.toString();
    }
}
