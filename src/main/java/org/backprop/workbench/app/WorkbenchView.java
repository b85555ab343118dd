package org.backprop.workbench.app;

import org.backprop.workbench.lesson.View;

import java.util.Optional;

/**
 * The views of the right-hand tab pane, selected by type through {@link WorkbenchModel#selectedViewProperty()} (the
 * AtlantaFX sampler's {@code selectedPage}), never by a string. To add a view, add a constant here and register its
 * content with {@code MainWindow.addView}; its tab, its View-menu item and its Ctrl+digit key come from the action
 * table ({@code actions.StandardAction}).
 */
public enum WorkbenchView {
    STEP("view.step", "stepTab"),
    CHECKS("view.checks", "checksTab"),
    EPSILON("view.epsilon", "epsilonTab"),
    SOFTMAX("view.softmax", "softmaxTab"),
    TRAINING("view.training", "trainingTab"),
    DERIVE("view.derive", "deriveTab");

    private final String titleKey;
    private final String nodeId;

    WorkbenchView(String titleKey, String nodeId) {
        this.titleKey = titleKey;
        this.nodeId = nodeId;
    }

    /** The tab title, in the current language (ask again after a language switch). */
    public String title() { return org.backprop.workbench.i18n.Messages.get(titleKey); }

    /** The CSS id of its tab (for styling and test look-ups, not for selecting it). */
    public String nodeId() { return nodeId; }

    /** The view a lesson's {@code @view} names. */
    public static WorkbenchView of(View view) {
        return switch (view) {
            case STEPS -> STEP;
            case CHECKS -> CHECKS;
            case EPSILON -> EPSILON;
            case SOFTMAX -> SOFTMAX;
            case TRAINING -> TRAINING;
        };
    }

    /** The lesson view of this one, if lessons can name it. */
    public Optional<View> lessonView() {
        return switch (this) {
            case STEP -> Optional.of(View.STEPS);
            case CHECKS -> Optional.of(View.CHECKS);
            case EPSILON -> Optional.of(View.EPSILON);
            case SOFTMAX -> Optional.of(View.SOFTMAX);
            case TRAINING -> Optional.of(View.TRAINING);
            case DERIVE -> Optional.empty();   // a lesson opens it with @derive ENTRY
        };
    }
}
