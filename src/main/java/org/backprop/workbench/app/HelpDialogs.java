package org.backprop.workbench.app;

import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import org.backprop.workbench.app.actions.ActionFactory;
import org.backprop.workbench.app.dialogs.DialogService;

import java.util.ArrayList;
import java.util.List;

/** Help ▸ Keyboard shortcuts (F1), built from the action table, and Help ▸ About. */
final class HelpDialogs {
    /** Keys that are not menu actions: the context-dependent arrows and the panels' own controls. */
    static final List<String> OTHER_KEYS = List.of(
            "Other keys",
            "→ / ←                      next / previous step (unless a text field, table or slider has the focus)",
            "click a cell / edge        select that number's check (result matrix, diagram)",
            "Ctrl+F                     check table: filter text (Esc clears)",
            "Alt+O / Alt+R              check table: failures only / clear filters",
            "Alt+Z / Alt+B              ε tab: type ε / use the best ε",
            "Alt+L / Alt+P / Alt+X      softmax tab: logit scale / plot / sample",
            "Alt+R/P/O/T/K/A            training: run, pause, step once, reset, check here, apply");

    private HelpDialogs() {
    }

    /** The F1 list: every key of the action table, by menu, then the other keys. */
    static String shortcutText(ActionFactory actions) {
        List<String> lines = new ArrayList<>(actions.shortcutLines());
        lines.addAll(OTHER_KEYS);
        return String.join("\n", lines);
    }

    /** Shows the F1 list, at most {@code maxHeight} tall (it scrolls beyond). */
    static void showShortcuts(DialogService dialogs, ActionFactory actions, double maxHeight) {
        Label label = new Label(shortcutText(actions));
        label.setStyle("-fx-font-family: Monospaced;");
        label.setMinWidth(Region.USE_PREF_SIZE);   // the dialog grows to the longest line instead of eliding it
        ScrollPane scroll = new ScrollPane(label);
        scroll.setPrefViewportHeight(Math.min(600, maxHeight));
        scroll.setPrefViewportWidth(label.prefWidth(-1) + 20);
        dialogs.showInformation("shortcutsDialog", "Keyboard shortcuts", scroll);
    }

    static void showAbout(DialogService dialogs) {
        Label text = new Label("Step through the forward and backward pass of small networks and see every "
                + "backprop formula (BP1–BP4) checked against finite differences.");
        text.setWrapText(true);
        text.setPrefWidth(420);
        dialogs.showInformation("aboutDialog", "Backprop Workbench", text);
    }
}
