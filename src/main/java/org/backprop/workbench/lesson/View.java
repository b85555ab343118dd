package org.backprop.workbench.lesson;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The view (tab) of the app a lesson step brings to the front. */
public enum View {
    /** The step list with the formula and the numbers of the current step. */
    STEPS("steps"),
    /** The table of numerical checks with their verdicts. */
    CHECKS("checks"),
    /** Softmax as activation against loss-fused softmax, side by side. */
    SOFTMAX("softmax"),
    /** The ε sweep: relative error against the step of the central difference (the V curve). */
    EPSILON("epsilon"),
    /** Training by gradient descent with the gradients the lesson computes. */
    TRAINING("training");

    private final String id;

    View(String id) {
        this.id = id;
    }

    public String id() { return id; }

    public static Optional<View> fromId(String id) {
        String wanted = id.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(v -> v.id.equals(wanted)).findFirst();
    }

    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(View::id).toList());
    }
}
