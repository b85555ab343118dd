package org.backprop.workbench.app;

import javafx.beans.binding.Bindings;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import org.backprop.workbench.app.panels.CheckTablePanel;
import org.backprop.workbench.app.panels.DerivePanel;
import org.backprop.workbench.derive.Source;

/**
 * Plugs the Derive view into the window: a "Derive this number" context-menu item on the diagram, the step's result
 * and the check table (the selection is already the clicked number: it opens the Derive tab, like Ctrl+7); a click on
 * a forward step's result derives that z or a; the term under the mouse in Derive is marked in the diagram.
 */
final class DeriveHooks {
    /** The context-menu label, with the key of the same action. */
    static final String MENU_LABEL = "Derive this number  (Ctrl+7)";

    private DeriveHooks() {
    }

    static void install(WorkbenchModel model, NetworkDiagram diagram, StepDetailView detail,
                        CheckTablePanel checkTable, DerivePanel derive) {
        checkTable.table().setContextMenu(menu(model, "deriveFromTable"));
        detail.setContextMenu(menu(model, "deriveFromStep"));
        ContextMenu diagramMenu = menu(model, "deriveFromDiagram");
        diagram.setOnContextMenuRequested(e -> diagramMenu.show(diagram, e.getScreenX(), e.getScreenY()));
        detail.setOnEntryClicked(q -> model.deriveEntryProperty().set(q));
        diagram.pointedProperty().bind(Bindings.createObjectBinding(
                () -> pointed(derive.hoveredProperty().get(), model.getAnalysis() == null ? 0
                        : model.getAnalysis().network().depth()), derive.hoveredProperty()));
    }

    private static ContextMenu menu(WorkbenchModel model, String id) {
        MenuItem item = new MenuItem(MENU_LABEL);
        item.setId(id);
        item.setOnAction(e -> model.navigate(WorkbenchView.DERIVE));
        return new ContextMenu(item);
    }

    /** The diagram's {l, j} neuron or {l, k, j} edge of a term's source; null for none. */
    static int[] pointed(Source s, int depth) {
        if (s == null) {
            return null;
        }
        int[] i = s.index();
        return switch (s.matrix()) {
            case "w" -> new int[]{s.layer(), i[0], i[1]};
            case "gradA", "t" -> new int[]{depth, i[0]};
            default -> new int[]{s.layer(), i[0]};
        };
    }
}
