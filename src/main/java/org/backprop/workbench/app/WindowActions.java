package org.backprop.workbench.app;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import org.backprop.workbench.app.actions.ActionFactory;
import org.backprop.workbench.app.actions.Command;
import org.backprop.workbench.app.actions.StandardAction;
import org.backprop.workbench.edit.Edits;
import org.backprop.workbench.engine.Mistake;
import org.backprop.workbench.steps.Notation;

import java.util.function.DoubleSupplier;

import static org.backprop.workbench.app.actions.StandardAction.*;

/**
 * What each action of the table ({@link StandardAction}) does in the window: the commands bound to the window's
 * {@link ActionFactory}, from which its menus, keys and F1 list are built. The lessons ({@code LessonUi.bindActions})
 * and the tool bar (Ctrl+M, Ctrl+E) bind their own actions.
 */
final class WindowActions {
    /** Share of the window's height the F1 list may take before it scrolls. */
    static final double SHORTCUTS_HEIGHT = 0.7;

    /** The step a "first backward step" jump goes to: ∇_a C, where the backward pass starts. */
    static final String FIRST_BACKWARD_STEP_ID = "gradA";

    private WindowActions() {
    }

    /**
     * Binds every action the window itself carries out.
     *
     * @param parts        the window's parts ({@code null} not permitted)
     * @param fullScreen   the stage's full-screen state (F11)
     * @param windowHeight the window's height now, for the F1 list
     */
    static void bind(WindowParts parts, BooleanProperty fullScreen, DoubleSupplier windowHeight) {
        WorkbenchModel model = parts.model();
        ActionFactory actions = parts.actions();
        FileActions files = parts.files();
        CompareValues compare = parts.compare();
        actions.bind(NEW, Command.of(files::newDocument))
                .bind(OPEN, Command.of(files::openWithDialog))
                .bind(OPEN_RECENT, Command.items(files::recentItems))
                .bind(SAVE, Command.of(files::save))
                .bind(SAVE_AS, Command.of(files::saveAs))
                .bind(EXPORT_STEP, Command.of(files::exportStepWithDialog))
                .bind(EXPORT_REPORT, Command.of(() -> files.exportReportWithDialog("md")))
                .bind(EXPORT_TABLE, Command.of(() -> files.exportReportWithDialog("csv")))
                .bind(COMPARE_VALUES, Command.of(compare::compareWithDialog))
                .bind(EXPORT_NUMPY, Command.items(compare::exportItems))
                .bind(QUIT, Command.of(files::quit));

        BuilderPanel builder = parts.builder();
        actions.bind(UNDO, Command.of(model::undo, model.canUndoProperty()))
                .bind(REDO, Command.of(model::redo, model.canRedoProperty()))
                .bind(ADD_LAYER, Command.of(builder::addHiddenLayer))
                .bind(REMOVE_LAYER, Command.of(() -> model.edit(d -> Edits.removeLayer(d, d.network().depth() - 1)),
                        Bindings.createBooleanBinding(() -> model.getDocument().network().depth() > 1,
                                model.documentProperty())))
                .bind(REINITIALISE, Command.of(builder::reinitialise))
                .bind(ADD_SAMPLE, Command.of(() -> model.edit(Edits::addSample)))
                .bind(REMOVE_SAMPLE, Command.of(() -> model.edit(d -> Edits.removeSample(d, d.batch().size() - 1)),
                        Bindings.createBooleanBinding(() -> model.getDocument().batch().size() > 1,
                                model.documentProperty())));

        actions.bind(NOTATIONS, Command.items(() -> ChoiceMenus.notationItems(model)))
                .bind(TOGGLE_NOTATION, Command.of(() -> toggleNotation(model)))
                .bind(ZOOM_IN, Command.of(model::zoomIn))
                .bind(ZOOM_OUT, Command.of(model::zoomOut))
                .bind(ZOOM_RESET, Command.of(model::resetZoom))
                .bind(DARK_THEME, Command.toggle(model.darkThemeProperty()))
                .bind(FULL_SCREEN, Command.toggle(fullScreen))
                .bind(SHOW_BUILDER, Command.toggle(parts.builderShownProperty()))
                .bind(PRESENTATION, Command.toggle(parts.presentation().onProperty()))
                .bind(LANGUAGE, Command.items(LanguageMenu::items));
        for (StandardAction a : StandardAction.values()) {
            if (a.shows() != null) {
                actions.bind(a, Command.of(() -> showView(parts, a.shows())));
            }
        }

        StepNavigation navigation = parts.navigation();
        actions.bind(NEXT_STEP, Command.of(model::next))
                .bind(PREVIOUS_STEP, Command.of(model::back))
                .bind(FIRST_STEP, Command.of(() -> navigation.goTo(0)))
                .bind(LAST_STEP, Command.of(() -> navigation.goTo(model.stepsProperty().get().size() - 1)))
                .bind(FIRST_BACKWARD_STEP, Command.of(() -> model.currentStepIdProperty().set(FIRST_BACKWARD_STEP_ID)))
                .bind(NEXT_FAILING_STEP, Command.of(navigation::nextFailing))
                .bind(FOCUS_STEPS, Command.of(parts.stepList()::requestFocus));

        actions.bind(MISTAKES, Command.items(() -> ChoiceMenus.mistakeItems(model)))
                .bind(NO_MISTAKE, Command.of(() -> model.mistakeProperty().set(Mistake.NONE)))
                .bind(RERUN_CHECKS, Command.of(model::rerunChecks))
                .bind(QUICK_CHECK, Command.of(parts.quickCheck()::run, model.analysisProperty().isNotNull()))
                .bind(CHECKS_FAILURES_ONLY, Command.of(() -> parts.checkTable().toggleFailuresOnly()))
                .bind(CHECKS_CLEAR_FILTERS, Command.of(() -> parts.checkTable().clearFilters()))
                .bind(CANCEL_WORK, Command.of(parts.taskStatus()::cancelAll,
                        model.busyProperty().or(parts.runner().busyProperty())));

        parts.lessons().bindActions(actions);
        actions.bind(SHORTCUTS, Command.of(() -> HelpDialogs.showShortcuts(parts.dialogs(), actions,
                        windowHeight.getAsDouble() * SHORTCUTS_HEIGHT)))
                .bind(ABOUT, Command.of(() -> HelpDialogs.showAbout(parts.dialogs())));
    }

    /** Brings a view to the front; the check table takes the focus so that its keys work without a click. */
    private static void showView(WindowParts parts, WorkbenchView view) {
        javafx.scene.Scene scene = parts.stepList().getScene();
        javafx.scene.Node before = scene == null ? null : scene.getFocusOwner();
        parts.model().navigate(view);
        if (view == WorkbenchView.CHECKS) {
            parts.checkTable().table().requestFocus();
        } else if (before != null && inTabs(parts, before)) {
            // the focus was in the tab going out of view: it would fall to the tool bar's first box, which keeps
            // ← / → for itself; the step list takes it, so that the arrows step as before
            parts.stepList().requestFocus();
        }
    }

    /** True if the node is in one of the bottom tabs' views. */
    private static boolean inTabs(WindowParts parts, javafx.scene.Node node) {
        java.util.List<javafx.scene.Node> views = parts.madeTabViews();
        for (javafx.scene.Node p = node; p != null; p = p.getParent()) {
            if (views.contains(p)) {
                return true;
            }
        }
        return false;
    }

    private static void toggleNotation(WorkbenchModel model) {
        model.notationProperty().set(model.notationProperty().get() == Notation.NOTE ? Notation.NIELSEN : Notation.NOTE);
    }
}
