package org.backprop.workbench.lesson;

import org.backprop.workbench.util.Ids;

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

    private static final Ids<View> IDS = new Ids<>(values(), View::id);

    private final String id;

    View(String id) {
        this.id = id;
    }

    public String id() { return id; }

    public static Optional<View> fromId(String id) { return IDS.find(id); }

    public static String ids() { return IDS.list(); }
}
