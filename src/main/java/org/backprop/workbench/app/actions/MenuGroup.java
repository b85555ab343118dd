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

    /** The menu's text, with its mnemonic. */
    public String label() { return label; }
}
