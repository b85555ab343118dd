package org.backprop.workbench.app;

import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import org.backprop.workbench.app.actions.ActionFactory;
import org.backprop.workbench.app.dialogs.DialogService;
import org.backprop.workbench.i18n.Messages;

import java.util.ArrayList;
import java.util.List;

/** Help ▸ Keyboard shortcuts (F1), built from the action table, and Help ▸ About. */
final class HelpDialogs {
    /**
     * Keys that are not menu actions: the context-dependent arrows and the panels' own controls, each the keys (the
     * same in every language) and the message saying what they do.
     */
    record OtherKey(String keys, String what) {
    }

    static final List<OtherKey> OTHER_KEYS = List.of(
            new OtherKey("→ / ←", "help.key.arrows"),
            new OtherKey(null, "help.key.click"),
            new OtherKey("Ctrl+F", "help.key.filter"),
            new OtherKey("Alt+O / Alt+R", "help.key.checkTable"),
            new OtherKey("Alt+Z / Alt+B", "help.key.epsilon"),
            new OtherKey("Alt+L / Alt+P / Alt+X", "help.key.softmax"),
            new OtherKey("Alt+R/P/O/T/K/A", "help.key.training"));

    /** Width of the keys column of the other keys, in characters (the list is shown in a monospaced font). */
    static final int KEY_COLUMN = 27;

    private HelpDialogs() {
    }

    /** The F1 list: every key of the action table, by menu, then the other keys. */
    static String shortcutText(ActionFactory actions) {
        List<String> lines = new ArrayList<>(actions.shortcutLines());
        lines.add(Messages.get("help.otherKeys"));
        for (OtherKey k : OTHER_KEYS) {
            String keys = k.keys() == null ? Messages.get("help.key.clickKeys") : k.keys();
            lines.add(keys + " ".repeat(Math.max(1, KEY_COLUMN - keys.length())) + Messages.get(k.what()));
        }
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
        dialogs.showInformation("shortcutsDialog", Messages.get("help.shortcutsTitle"), scroll);
    }

    static void showAbout(DialogService dialogs) {
        Label text = new Label(Messages.get("help.about"));
        text.setWrapText(true);
        text.setPrefWidth(420);
        dialogs.showInformation("aboutDialog", Messages.get("help.aboutTitle"), text);
    }
}
