package org.backprop.workbench.app.actions;

/** The menus of the menu bar, in their order; an action names the one it appears in. */
public enum MenuGroup {
    FILE("_File"),
    EDIT("_Edit"),
    VIEW("_View"),
    STEP("_Step"),
    CHECK("_Check"),
    LESSONS("_Lessons"),
    HELP("_Help");

    private final String label;

    MenuGroup(String label) {
        this.label = label;
    }

    /** The menu's text in the current language, with its mnemonic (bundle key {@code menu.NAME}). */
    public String label() { return org.backprop.workbench.i18n.Messages.getOrDefault("menu." + name(), label); }

    /** The English text of the table, the source of the English bundle's entry. */
    public String englishLabel() { return label; }
}
