package org.backprop.workbench.app.actions;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.backprop.workbench.app.WorkbenchView;
import org.backprop.workbench.i18n.Messages;

import java.util.Arrays;
import java.util.List;

import static org.backprop.workbench.app.actions.MenuGroup.CHECK;
import static org.backprop.workbench.app.actions.MenuGroup.EDIT;
import static org.backprop.workbench.app.actions.MenuGroup.FILE;
import static org.backprop.workbench.app.actions.MenuGroup.HELP;
import static org.backprop.workbench.app.actions.MenuGroup.LESSONS;
import static org.backprop.workbench.app.actions.MenuGroup.STEP;
import static org.backprop.workbench.app.actions.MenuGroup.VIEW;

/**
 * Every action of the window, once (JabRef's {@code StandardActions}): the menu it is in, its label, its keys, what
 * kind of menu entry it is, and — for actions that belong to one view — the view it acts on. The menus, the tool bar
 * buttons, the F1 shortcut list and the key handling are all built from this table by {@link ActionFactory}, so a
 * key means one thing wherever the focus is, and no two entries bind the same key where both apply
 * ({@code StandardActionTest} checks it). What an action does and when it is enabled is a {@link Command} the window
 * (or the lessons, or a panel) binds to it. Menus list the actions in the order of this enum.
 */
public enum StandardAction {
    NEW(FILE, "_New (default network)", "Shortcut+N"),
    OPEN(FILE, "_Open…", "Shortcut+O"),
    OPEN_RECENT(FILE, "Open _Recent", null, Kind.SUBMENU),
    SAVE(FILE, "_Save", "Shortcut+S", Kind.ACTION, true),
    SAVE_AS(FILE, "Save _As…", "Shortcut+Shift+S"),
    EXPORT_STEP(FILE, "Export step as _PNG…", "Shortcut+Shift+P", Kind.ACTION, true),
    EXPORT_REPORT(FILE, "Export check report (_Markdown)…", "Shortcut+Shift+M"),
    EXPORT_TABLE(FILE, "Export check table (_CSV)…", "Shortcut+Shift+C"),
    COMPARE_VALUES(FILE, "Compare with m_y values…", "Shortcut+Shift+V", Kind.ACTION, true),
    EXPORT_NUMPY(FILE, "Export NumPy scrip_t", null, Kind.SUBMENU),
    QUIT(FILE, "_Quit", "Shortcut+Q", Kind.ACTION, true),

    UNDO(EDIT, "_Undo", "Shortcut+Z"),
    REDO(EDIT, "_Redo", "Shortcut+Y"),
    ADD_LAYER(EDIT, "Add _hidden layer", "Shortcut+L", Kind.ACTION, true),
    REMOVE_LAYER(EDIT, "Remove last hidden la_yer", "Shortcut+Shift+K"),
    REINITIALISE(EDIT, "Re-_initialise from seed", "Shortcut+R"),
    ADD_SAMPLE(EDIT, "Add _sample", "Shortcut+Shift+N"),
    REMOVE_SAMPLE(EDIT, "Remove _last sample", "Shortcut+Shift+D"),

    NOTATIONS(VIEW, "Weights as …", null, Kind.ITEMS),
    TOGGLE_NOTATION(VIEW, "_Toggle notation", "Shortcut+T"),
    // Ctrl++ also on keyboards where + is a shifted =, and on the numeric keypad
    ZOOM_IN(VIEW, "Zoom _in", "Shortcut+EQUALS|Shortcut+ADD|Shortcut+PLUS|Shortcut+Shift+EQUALS", Kind.ACTION, true),
    ZOOM_OUT(VIEW, "Zoom _out", "Shortcut+MINUS|Shortcut+SUBTRACT"),
    ZOOM_RESET(VIEW, "_Reset zoom", "Shortcut+DIGIT0|Shortcut+NUMPAD0"),
    DARK_THEME(VIEW, "_Dark theme", "Shortcut+D", Kind.TOGGLE, true),
    FULL_SCREEN(VIEW, "_Full screen", "F11", Kind.TOGGLE),
    SHOW_BUILDER(VIEW, "Show _builder", "Shortcut+B", Kind.TOGGLE),
    PRESENTATION(VIEW, "_Presentation mode", "F5", Kind.TOGGLE),
    LANGUAGE(VIEW, "_Language", null, Kind.SUBMENU),
    SHOW_STEP(VIEW, "S_tep detail", "Shortcut+DIGIT2|Shortcut+NUMPAD2", WorkbenchView.STEP, true),
    SHOW_CHECKS(VIEW, "_Check table", "Shortcut+DIGIT3|Shortcut+NUMPAD3", WorkbenchView.CHECKS, false),
    SHOW_EPSILON(VIEW, "ε _plot", "Shortcut+DIGIT4|Shortcut+NUMPAD4", WorkbenchView.EPSILON, false),
    SHOW_SOFTMAX(VIEW, "Soft_max two ways", "Shortcut+DIGIT5|Shortcut+NUMPAD5", WorkbenchView.SOFTMAX, false),
    SHOW_TRAINING(VIEW, "T_raining", "Shortcut+DIGIT6|Shortcut+NUMPAD6", WorkbenchView.TRAINING, false),
    SHOW_DERIVE(VIEW, "_Derive the selected number", "Shortcut+DIGIT7|Shortcut+NUMPAD7", WorkbenchView.DERIVE, false),

    NEXT_STEP(STEP, "_Next step  (→)", "PAGE_DOWN"),
    PREVIOUS_STEP(STEP, "_Previous step  (←)", "PAGE_UP"),
    FIRST_STEP(STEP, "_First step", "Shortcut+HOME"),
    LAST_STEP(STEP, "_Last step", "Shortcut+END"),
    FIRST_BACKWARD_STEP(STEP, "First _backward step", "Shortcut+J"),
    NEXT_FAILING_STEP(STEP, "Next _failing step", "F8"),
    FOCUS_STEPS(STEP, "Focus step _list", "Shortcut+DIGIT1|Shortcut+NUMPAD1"),

    MISTAKES(CHECK, "Deliberate _mistake", null, Kind.SUBMENU),
    CHOOSE_MISTAKE(CHECK, "Choose mistake…", "Shortcut+M"),
    NO_MISTAKE(CHECK, "No mistake", "Shortcut+Shift+DIGIT0"),
    SET_EPSILON(CHECK, "Set _ε…", "Shortcut+E"),
    RERUN_CHECKS(CHECK, "_Run checks again", "F9", Kind.ACTION, true),
    QUICK_CHECK(CHECK, "_Quick check (directional)", "Shift+F9"),
    CANCEL_WORK(CHECK, "_Cancel running work", "ESCAPE"),
    CHECKS_FAILURES_ONLY(CHECK, "_Failures only (check table)", "Alt+O", Kind.ACTION, true, null,
            WorkbenchView.CHECKS),
    CHECKS_CLEAR_FILTERS(CHECK, "C_lear the check table's filters", "Alt+R", Kind.ACTION, false, null,
            WorkbenchView.CHECKS),

    LESSON_LIST(LESSONS, "Lessons", null, Kind.ITEMS),
    LESSON_OPEN(LESSONS, "_Open lesson file…", "Shortcut+Shift+L", Kind.ACTION, true),
    LESSON_NEXT(LESSONS, "_Next lesson step", "Alt+RIGHT", Kind.ACTION, true),
    LESSON_PREVIOUS(LESSONS, "_Previous lesson step", "Alt+LEFT"),
    LESSON_RESTART(LESSONS, "_Restart lesson", "Alt+HOME"),
    LESSON_SETUP(LESSONS, "Back to this step's _setup", "Alt+UP"),
    LESSON_CLOSE(LESSONS, "_Close lesson", null),

    SHORTCUTS(HELP, "_Keyboard shortcuts", "F1"),
    ABOUT(HELP, "_About", null);

    /** What kind of menu entry an action is. */
    public enum Kind {
        /** A menu item (and, where the window wants one, a tool bar button). */
        ACTION,
        /** A check menu item bound to an on/off property. */
        TOGGLE,
        /** A submenu the command supplies (recent files, the mistakes, a language list). */
        SUBMENU,
        /** Items the command supplies, shown in place (the notation radio items, the lesson list). */
        ITEMS
    }

    private final MenuGroup menu;
    private final String label;
    private final List<KeyCombination> keys;
    private final Kind kind;
    private final boolean separatorBefore;
    private final WorkbenchView shows;
    private final WorkbenchView actsOn;

    StandardAction(MenuGroup menu, String label, String keys) {
        this(menu, label, keys, Kind.ACTION, false, null, null);
    }

    StandardAction(MenuGroup menu, String label, String keys, Kind kind) {
        this(menu, label, keys, kind, false, null, null);
    }

    StandardAction(MenuGroup menu, String label, String keys, Kind kind, boolean separatorBefore) {
        this(menu, label, keys, kind, separatorBefore, null, null);
    }

    StandardAction(MenuGroup menu, String label, String keys, WorkbenchView shows, boolean separatorBefore) {
        this(menu, label, keys, Kind.ACTION, separatorBefore, shows, null);
    }

    StandardAction(MenuGroup menu, String label, String keys, Kind kind, boolean separatorBefore,
                   WorkbenchView shows, WorkbenchView actsOn) {
        this.menu = menu;
        this.label = label;
        this.keys = keys == null ? List.of()
                : Arrays.stream(keys.split("\\|")).map(StandardAction::parse).toList();
        this.kind = kind;
        this.separatorBefore = separatorBefore;
        this.shows = shows;
        this.actsOn = actsOn;
    }

    /** "Shortcut+Shift+DIGIT0": modifiers, then a {@link KeyCode} constant name (unambiguous, unlike key names). */
    private static KeyCombination parse(String text) {
        String[] parts = text.split("\\+");
        List<KeyCombination.Modifier> modifiers = new java.util.ArrayList<>();
        for (int i = 0; i < parts.length - 1; i++) {
            modifiers.add(switch (parts[i]) {
                case "Shortcut" -> KeyCombination.SHORTCUT_DOWN;
                case "Shift" -> KeyCombination.SHIFT_DOWN;
                case "Alt" -> KeyCombination.ALT_DOWN;
                default -> throw new IllegalArgumentException("modifier " + parts[i] + " in " + text);
            });
        }
        return new KeyCodeCombination(KeyCode.valueOf(parts[parts.length - 1]),
                modifiers.toArray(KeyCombination.Modifier[]::new));
    }

    /** The menu it appears in. */
    public MenuGroup menu() { return menu; }

    /**
     * Its menu text in the current language, with the mnemonic marked by "_": the bundle's {@code action.NAME}
     * (the English bundle holds {@link #englishLabel()}, StandardActionLabelsTest keeps the two equal).
     */
    public String label() { return Messages.getOrDefault("action." + name(), label); }

    /** The English label of the table, the source of the English bundle's entry. */
    public String englishLabel() { return label; }

    /** Its label as plain text (no mnemonic mark, no Chinese-style "(_X)" mnemonic suffix). */
    public String text() { return plain(label()); }

    /** A label without its mnemonic: "_Open…" → "Open…", "打开…(_O)" → "打开…". */
    public static String plain(String label) { return label.replaceAll("\\(_.\\)$", "").replace("_", ""); }

    /** Its keys; the first is the one the menu shows, the others are alternatives (numeric keypad…). */
    public List<KeyCombination> keys() { return keys; }

    public Kind kind() { return kind; }

    /** Whether the menu has a separator above it. */
    public boolean separatorBefore() { return separatorBefore; }

    /** The view it brings to the front, or {@code null}. */
    public WorkbenchView shows() { return shows; }

    /** The only view in front of which its keys act, or {@code null} for everywhere. */
    public WorkbenchView actsOn() { return actsOn; }
}
