package org.backprop.workbench.lesson;

import java.util.ArrayList;
import java.util.List;

/**
 * The step ids of the app's step list for a network with L layers after the input, in order: forward
 * {@code z1 a1 ... zL aL cost}, backward {@code gradA deltaL ... delta1 gradB{L} ... gradB1 gradW{L} ... gradW1}.
 * This is the contract shared with the app's step list.
 */
public final class LessonSteps {
    private LessonSteps() {
    }

    /** The step ids of a network of depth L, in the order the app lists them. */
    public static List<String> ids(int depth) {
        List<String> ids = new ArrayList<>();
        for (int l = 1; l <= depth; l++) {
            ids.add("z" + l);
            ids.add("a" + l);
        }
        ids.add("cost");
        ids.add("gradA");
        for (int l = depth; l >= 1; l--) {
            ids.add("delta" + l);
        }
        for (int l = depth; l >= 1; l--) {
            ids.add("gradB" + l);
        }
        for (int l = depth; l >= 1; l--) {
            ids.add("gradW" + l);
        }
        return ids;
    }
}
