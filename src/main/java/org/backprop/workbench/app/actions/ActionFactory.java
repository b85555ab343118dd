package org.backprop.workbench.app.actions;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.backprop.workbench.app.WorkbenchView;
import org.backprop.workbench.i18n.Messages;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Builds the menus, tool bar buttons, the shortcut list and the key handling from {@link StandardAction} and the
 * {@link Command}s bound to it (JabRef's {@code ActionFactory}). An action with no command bound is left out of the
 * menus and its keys do nothing, so a window can be built with only some of them.
 *
 * <p>Keys are handled by a scene-level event filter, before any control sees them: a shortcut does the same thing
 * whether the step list, the check table, the diagram or a tab has the focus (a focused list would otherwise take
 * Ctrl+Home for itself). Only the keys a text field edits with (Ctrl+Z, Ctrl+A, Ctrl+Home…) stay with a focused
 * text field, and Esc goes to the focused control unless there is running work to cancel.
 */
public final class ActionFactory {
    /** Keys a focused text field keeps for editing (with Shortcut, with or without Shift). */
    private static final Set<KeyCode> TEXT_EDITING = Set.of(KeyCode.Z, KeyCode.Y, KeyCode.A, KeyCode.C, KeyCode.V,
            KeyCode.X, KeyCode.HOME, KeyCode.END, KeyCode.LEFT, KeyCode.RIGHT, KeyCode.BACK_SPACE, KeyCode.DELETE);

    private final Map<StandardAction, Command> commands = new EnumMap<>(StandardAction.class);
    private final Supplier<WorkbenchView> selectedView;

    /** @param selectedView the view in front, for actions that act on one view ({@code null} not permitted) */
    public ActionFactory(Supplier<WorkbenchView> selectedView) {
        this.selectedView = Objects.requireNonNull(selectedView, "selectedView");
    }

    /** Binds what an action does; replaces an earlier binding. */
    public ActionFactory bind(StandardAction action, Command command) {
        commands.put(Objects.requireNonNull(action, "action"), Objects.requireNonNull(command, "command"));
        return this;
    }

    /** The command bound to an action, if any. */
    public Optional<Command> command(StandardAction action) {
        return Optional.ofNullable(commands.get(action));
    }

    /** Runs an action as its keys would; true if it ran. */
    public boolean execute(StandardAction action) {
        Command c = commands.get(action);
        return c != null && c.execute();
    }

    // ---- menus and buttons ----

    /** The menu bar: one menu per {@link MenuGroup} that has a bound action, entries in table order. */
    public MenuBar createMenuBar() {
        MenuBar bar = new MenuBar();
        bar.getMenus().setAll(createMenus());
        return bar;
    }

    private List<Menu> createMenus() {
        List<Menu> menus = new java.util.ArrayList<>();
        for (MenuGroup group : MenuGroup.values()) {
            Menu menu = createMenu(group);
            if (!menu.getItems().isEmpty()) {
                menus.add(menu);
            }
        }
        return menus;
    }

    /**
     * Rebuilds the menus of {@code bar} from the table, in the current language (View ▸ Language): every label
     * comes from the bundle, and the supplied items (lessons, notations) are asked for again.
     */
    public void relabel(MenuBar bar) {
        bar.getMenus().setAll(createMenus());
    }

    /** One menu with the bound actions of a group. */
    public Menu createMenu(MenuGroup group) {
        Menu menu = new Menu(group.label());
        menu.setId(group.name().toLowerCase(java.util.Locale.ROOT) + "Menu");
        for (StandardAction action : StandardAction.values()) {
            if (action.menu() != group || !commands.containsKey(action)) {
                continue;
            }
            if (action.separatorBefore() && !menu.getItems().isEmpty()) {
                menu.getItems().add(new SeparatorMenuItem());
            }
            List<MenuItem> items = createMenuItems(action);
            menu.getItems().addAll(items);
            if (action.kind() == StandardAction.Kind.SUBMENU) {
                // a submenu's entries can change (recent files): refill it whenever its menu opens
                Menu sub = (Menu) items.get(0);
                Command c = commands.get(action);
                menu.addEventHandler(Menu.ON_SHOWING, e -> fill(sub, c));
            }
        }
        return menu;
    }

    /** The menu entries of one action (one item, or a submenu, or the items it supplies). */
    public List<MenuItem> createMenuItems(StandardAction action) {
        Command c = commands.get(action);
        if (c == null) {
            return List.of();
        }
        return switch (action.kind()) {
            case ITEMS -> c.items().get();
            case SUBMENU -> {
                Menu sub = new Menu(action.label());
                sub.setId(id(action));
                fill(sub, c);
                yield List.of(sub);
            }
            case TOGGLE -> {
                CheckMenuItem item = new CheckMenuItem(action.label());
                item.selectedProperty().bindBidirectional(c.selected());
                decorate(item, action, c);
                yield List.of(item);
            }
            case ACTION -> {
                MenuItem item = new MenuItem(action.label());
                item.setOnAction(e -> c.execute());
                decorate(item, action, c);
                yield List.of(item);
            }
        };
    }

    private static void fill(Menu sub, Command c) {
        sub.getItems().setAll(c.items().get());
        sub.setDisable(sub.getItems().isEmpty() || !c.enabled().get());
    }

    private static void decorate(MenuItem item, StandardAction action, Command c) {
        item.setId(id(action));
        if (!action.keys().isEmpty()) {
            // shown in the menu; the key itself is handled by the scene filter first (see handle), so the
            // menu's accelerator never fires a second time
            item.setAccelerator(action.keys().get(0));
        }
        item.disableProperty().bind(Bindings.createBooleanBinding(() -> !c.enabled().get(), c.enabled()));
    }

    /** A tool bar button for an action: its text (or the given one), a tooltip with its keys, enabled with it. */
    public Button createButton(StandardAction action, String text) {
        Command c = Objects.requireNonNull(commands.get(action), () -> "no command bound to " + action);
        Button button = new Button(text == null ? action.text() : text);
        button.setMnemonicParsing(false);
        button.setOnAction(e -> c.execute());
        button.setTooltip(new Tooltip(action.text() + keyText(action).map(k -> " (" + k + ")").orElse("")));
        button.disableProperty().bind(Bindings.createBooleanBinding(() -> !c.enabled().get(), c.enabled()));
        return button;
    }

    /** The menu item / button id of an action, e.g. {@code action-zoom-in}. */
    public static String id(StandardAction action) {
        return "action-" + action.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    // ---- keys ----

    /** Handles the table's keys for a scene, whatever has the focus. */
    public void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::handle);
    }

    /** Runs the action of a key press, if there is one that applies here, and consumes the event. */
    public void handle(KeyEvent event) {
        Node focus = event.getSource() instanceof Scene scene ? scene.getFocusOwner()
                : event.getTarget() instanceof Node n ? n : null;
        for (StandardAction action : StandardAction.values()) {
            Command c = commands.get(action);
            if (c == null || !matches(action, event) || !appliesHere(action)) {
                continue;
            }
            if (focus instanceof TextInputControl && keptByTextField(event)) {
                return;
            }
            if (c.execute()) {
                event.consume();
                return;
            }
            // disabled: let the focused control have the key (Esc closes a popup when nothing is running)
        }
    }

    private boolean appliesHere(StandardAction action) {
        return action.actsOn() == null || action.actsOn() == selectedView.get();
    }

    private static boolean matches(StandardAction action, KeyEvent event) {
        for (KeyCombination k : action.keys()) {
            if (k.match(event)) {
                return true;
            }
        }
        return false;
    }

    private static boolean keptByTextField(KeyEvent e) {
        if (e.getCode().isFunctionKey() || e.getCode() == KeyCode.ESCAPE || e.isAltDown()) {
            return false;
        }
        if (!e.isShortcutDown()) {
            return true;   // Page Up, Home…: the field's own
        }
        return TEXT_EDITING.contains(e.getCode());
    }

    // ---- the shortcut list (F1) ----

    /** "Ctrl+Shift+P" for the first key of an action, if it has one. */
    public static Optional<String> keyText(StandardAction action) {
        return action.keys().isEmpty() ? Optional.empty() : Optional.of(action.keys().get(0).getDisplayText());
    }

    /**
     * One row of the shortcut list: a menu's heading ({@code keys} null, {@code what} the menu's name) or a key
     * and what it does.
     */
    public record Shortcut(String keys, String what) {
        public boolean heading() { return keys == null; }
    }

    /** The shortcut list: every bound action with keys, by menu, "keys  label (in the X tab)". */
    public List<Shortcut> shortcuts() {
        List<Shortcut> rows = new ArrayList<>();
        for (MenuGroup group : MenuGroup.values()) {
            List<Shortcut> groupRows = new ArrayList<>();
            for (StandardAction action : StandardAction.values()) {
                if (action.menu() != group || !commands.containsKey(action) || action.keys().isEmpty()) {
                    continue;
                }
                String keys = String.join(" / ", action.keys().stream().map(KeyCombination::getDisplayText)
                        .distinct().limit(2).toList());
                groupRows.add(new Shortcut(keys, action.text() + (action.actsOn() == null ? ""
                        : "  " + Messages.get("help.inTab", action.actsOn().title()))));
            }
            if (!groupRows.isEmpty()) {
                rows.add(new Shortcut(null, group.label().replace("_", "")));
                rows.addAll(groupRows);
            }
        }
        return rows;
    }

    /** For a {@link Command#items} of radio items bound to a value. */
    public static <T> void selectWhen(javafx.scene.control.RadioMenuItem item, ObservableValue<T> value, T mine) {
        item.setSelected(Objects.equals(value.getValue(), mine));
        value.addListener((o, a, v) -> item.setSelected(Objects.equals(v, mine)));
    }
}
