/**
 * The window's actions, listed once: {@code StandardAction} (menu, label, keys, kind, the view it acts on), the
 * {@code Command}s the window binds to them, and {@code ActionFactory}, which builds menus, tool bar buttons, the F1
 * shortcut list and key handling from that one table.
 *
 * <p>May import: {@code app} (the view type), {@code i18n}, JavaFX and {@code java..}; not the panels, the core
 * packages or the CLI (an action names what to do; the window decides how).
 */
package org.backprop.workbench.app.actions;
