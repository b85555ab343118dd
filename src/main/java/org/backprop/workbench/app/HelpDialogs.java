package org.backprop.workbench.app;

import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.stage.Screen;
import org.backprop.workbench.app.actions.ActionFactory;
import org.backprop.workbench.app.dialogs.DialogService;
import org.backprop.workbench.i18n.Messages;
import org.backprop.workbench.util.Columns;

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

    /** Width of the keys column of the plain-text list, in terminal columns. */
    static final int KEY_COLUMN = 27;

    /** Share of the screen's width the F1 list may take before it scrolls sideways; the rest is the dialog's frame. */
    static final double SHORTCUTS_WIDTH = 0.9;

    private HelpDialogs() {
    }

    /** The F1 list: every key of the action table, by menu, then the other keys. */
    static List<ActionFactory.Shortcut> shortcuts(ActionFactory actions) {
        List<ActionFactory.Shortcut> rows = new ArrayList<>(actions.shortcuts());
        rows.add(new ActionFactory.Shortcut(null, Messages.get("help.otherKeys")));
        for (OtherKey k : OTHER_KEYS) {
            rows.add(new ActionFactory.Shortcut(k.keys() == null ? Messages.get("help.key.clickKeys") : k.keys(),
                    Messages.get(k.what())));
        }
        return rows;
    }

    /** The F1 list as plain text, a line a row, the keys in a column {@link #KEY_COLUMN} wide. */
    static String shortcutText(ActionFactory actions) {
        List<String> lines = new ArrayList<>();
        for (ActionFactory.Shortcut row : shortcuts(actions)) {
            // "单击单元格 / 边" takes two columns a character, as the CLI counts them
            lines.add(row.heading() ? row.what() : Columns.left(row.keys(), KEY_COLUMN - 1) + " " + row.what());
        }
        return String.join("\n", lines);
    }

    /**
     * Shows the F1 list, at most {@code maxHeight} tall (it scrolls beyond): a table of two columns, the keys and
     * what they do, each as wide as its longest entry. Lines of text padded with spaces lined up only in a
     * monospaced font, and in 简体中文 "Monospaced" gives Latin letters of their own widths.
     */
    static void showShortcuts(DialogService dialogs, ActionFactory actions, double maxHeight) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("shortcut-list");
        grid.setStyle("-fx-hgap: 1.5em; -fx-vgap: 0.1em;");
        int row = 0;
        for (ActionFactory.Shortcut s : shortcuts(actions)) {
            if (s.heading()) {
                Label heading = whole(new Label(s.what()), "shortcut-heading");
                heading.setStyle("-fx-font-weight: bold;");
                GridPane.setMargin(heading, new Insets(row == 0 ? 0 : 6, 0, 0, 0));
                grid.add(heading, 0, row, 2, 1);
            } else {
                Label keys = whole(new Label(s.keys()), "shortcut-keys");
                keys.setStyle("-fx-font-family: Monospaced;");
                grid.add(keys, 0, row);
                grid.add(whole(new Label(s.what()), "shortcut-what"), 1, row);
            }
            row++;
        }
        double most = Screen.getPrimary().getVisualBounds().getWidth() * SHORTCUTS_WIDTH;
        ScrollPane scroll = new ScrollPane(grid) {
            // as wide as the table and the scroll bar beside it (the skin leaves the bar out and it covered the
            // table's last 8 px), up to a share of the screen; a wider table scrolls sideways
            @Override
            protected double computePrefWidth(double height) {
                double bar = lookupAll(".scroll-bar").stream()
                        .filter(n -> n instanceof ScrollBar b && b.getOrientation() == Orientation.VERTICAL)
                        .mapToDouble(n -> n.prefWidth(-1)).max().orElse(0);
                return Math.min(most, super.computePrefWidth(height) + bar);
            }
        };
        scroll.setPrefViewportHeight(Math.min(600, maxHeight));
        dialogs.showInformation("shortcutsDialog", Messages.get("help.shortcutsTitle"), scroll);
    }

    /** A label that is never narrowed below its text (no "…"), with a style class for tests and themes. */
    private static Label whole(Label label, String styleClass) {
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.setMnemonicParsing(false);
        label.getStyleClass().add(styleClass);
        return label;
    }

    static void showAbout(DialogService dialogs) {
        Label text = new Label(Messages.get("help.about"));
        text.setWrapText(true);
        text.setPrefWidth(420);
        dialogs.showInformation("aboutDialog", Messages.get("help.aboutTitle"), text);
    }
}
