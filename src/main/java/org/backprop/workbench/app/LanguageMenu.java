package org.backprop.workbench.app;

import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import org.backprop.workbench.i18n.Messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * View ▸ Language: one radio item per language, each named in its own language; choosing one switches the window
 * at once (the menus are rebuilt from the action table in the new language, the Lessons menu lists that language's
 * lessons) and remembers the choice for the next start ({@link Messages#remember}).
 */
public final class LanguageMenu {
    private LanguageMenu() {
    }

    /** The radio items of the submenu, the current language selected. */
    public static List<MenuItem> items() {
        ToggleGroup group = new ToggleGroup();
        List<MenuItem> items = new ArrayList<>();
        for (Locale language : Messages.SUPPORTED) {
            RadioMenuItem item = new RadioMenuItem(Messages.languageName(language));
            item.setMnemonicParsing(false);
            item.setId("language-" + language.getLanguage());
            item.setToggleGroup(group);
            item.setSelected(language.equals(Messages.locale()));
            item.setOnAction(e -> Messages.remember(language));
            items.add(item);
        }
        return items;
    }
}
