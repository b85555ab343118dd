package org.backprop.workbench.app;

import javafx.scene.Node;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.backprop.workbench.app.actions.ActionFactory;
import org.backprop.workbench.app.actions.StandardAction;

/**
 * The stepping keys, which the action table cannot bind everywhere: Ctrl+Home / Ctrl+End from a text field; → / ← run the table's Next / Previous
 * step unless the focus is in a control that needs the arrow keys itself; Page Down / Page Up always step (handled
 * here as well, so that a focused list does not page its own selection, and a text field other than a text area
 * does not keep them).
 */
final class ArrowKeys {
    private final ActionFactory actions;
    private final StepListView stepList;

    /**
     * @param actions  the table whose {@link StandardAction#NEXT_STEP} / {@link StandardAction#PREVIOUS_STEP} the keys
     *                 run ({@code null} not permitted)
     * @param stepList the one list whose focus does not keep ← / → for itself ({@code null} not permitted)
     */
    ArrowKeys(ActionFactory actions, StepListView stepList) {
        this.actions = actions;
        this.stepList = stepList;
    }

    /** A key-pressed filter for the window. */
    void handle(KeyEvent e) {
        Node focus = e.getSource() instanceof Node n && n.getScene() != null ? n.getScene().getFocusOwner() : null;
        // Ctrl+Home / Ctrl+End go to the first / last step from a weight field or the ε field too (a one-line field
        // would only move its caret, as Home / End do); a text area keeps them for its own lines
        if (e.isShortcutDown() && !e.isAltDown() && !e.isShiftDown()
                && (e.getCode() == KeyCode.HOME || e.getCode() == KeyCode.END)
                && focus instanceof TextInputControl && !(focus instanceof TextArea)) {
            actions.execute(e.getCode() == KeyCode.HOME ? StandardAction.FIRST_STEP : StandardAction.LAST_STEP);
            e.consume();
            return;
        }
        if (e.isControlDown() || e.isAltDown() || e.isMetaDown() || e.isShiftDown()) {
            return;
        }
        if (e.getCode() == KeyCode.PAGE_DOWN || e.getCode() == KeyCode.PAGE_UP) {
            if (!(focus instanceof TextArea)) {
                step(e.getCode() == KeyCode.PAGE_DOWN);
                e.consume();
            }
            return;
        }
        if (e.getCode() != KeyCode.LEFT && e.getCode() != KeyCode.RIGHT || keepsArrows(focus)) {
            return;
        }
        step(e.getCode() == KeyCode.RIGHT);
        e.consume();
    }

    private boolean keepsArrows(Node focus) {
        return focus instanceof TextInputControl || focus instanceof Spinner || focus instanceof ComboBoxBase
                || focus instanceof Slider || focus instanceof TableView || focus instanceof TabPane
                || focus instanceof ListView<?> list && list != stepList;
    }

    private void step(boolean forward) {
        actions.execute(forward ? StandardAction.NEXT_STEP : StandardAction.PREVIOUS_STEP);
    }
}
