package org.backprop.workbench.app;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import org.backprop.workbench.app.panels.CheckTablePanel;
import org.backprop.workbench.app.panels.DerivePanel;
import org.backprop.workbench.derive.Factor;
import org.backprop.workbench.derive.Source;
import org.backprop.workbench.derive.Term;
import org.backprop.workbench.i18n.Messages;
import org.backprop.workbench.lesson.Quantity;
import org.backprop.workbench.steps.Latex;
import org.backprop.workbench.steps.Notation;
import org.backprop.workbench.steps.Operand;
import org.backprop.workbench.steps.StepDetail;

import java.util.ArrayList;
import java.util.List;

/**
 * Plugs the Derive view into the window: a "Derive δ^1[0,2]" context-menu item on the diagram, on each cell of the
 * step's result and on the check table (a right click first selects the number under the mouse, so the item names it;
 * it opens the Derive tab, like Ctrl+7); a click on a forward step's result derives that z or a; the term under the
 * mouse in Derive is marked in the diagram (its edge or neuron) and in the step's matrices (every entry it multiplies).
 */
final class DeriveHooks {
    private DeriveHooks() {
    }

    /**
     * The hooks that need no panel: the step view's and the diagram's menus, a click on a step's result. Until the
     * Derive view is made ({@link #installDerive}), the number it would derive follows the selected check here, so
     * that the menus name it and the view opens on it.
     */
    static void install(WorkbenchModel model, NetworkDiagram diagram, StepDetailView detail,
                        java.util.function.BooleanSupplier deriveMade) {
        detail.setContextMenu(menu(model, "deriveFromStep"));
        ContextMenu diagramMenu = menu(model, "deriveFromDiagram");
        // the canvas picks the neuron or edge under a right click before the menu opens (NetworkDiagram)
        diagram.setOnContextMenuRequested(e -> diagramMenu.show(diagram, e.getScreenX(), e.getScreenY()));
        detail.setOnEntryClicked(q -> model.deriveEntryProperty().set(q));
        model.selectedCheckProperty().addListener((o, was, now) -> {
            if (now != null && !deriveMade.getAsBoolean()) {
                model.deriveEntryProperty().set(DerivePanel.quantityOf(now));
            }
        });
    }

    /** The check table's "Derive …" item, when the table is made. */
    static void installTable(WorkbenchModel model, CheckTablePanel checkTable) {
        checkTable.table().setContextMenu(menu(model, "deriveFromTable"));
    }

    /** The term under the mouse in the Derive view, marked in the diagram and the step's matrices, once it is made. */
    static void installDerive(WorkbenchModel model, NetworkDiagram diagram, StepDetailView detail, DerivePanel derive) {
        diagram.pointedProperty().bind(Bindings.createObjectBinding(
                () -> pointed(derive.hoveredProperty().get(), model.getAnalysis() == null ? 0
                        : model.getAnalysis().network().depth()), derive.hoveredProperty()));
        Runnable mark = () -> mark(detail, derive.hoveredTermProperty().get(), model.notationProperty().get());
        for (Observable o : new Observable[]{derive.hoveredTermProperty(), model.currentStepProperty(),
                model.analysisProperty(), model.notationProperty()}) {
            o.addListener(x -> mark.run());
        }
    }

    private static ContextMenu menu(WorkbenchModel model, String id) {
        MenuItem item = new MenuItem(label(null));
        item.setId(id);
        item.setOnAction(e -> model.navigate(WorkbenchView.DERIVE));
        ContextMenu menu = new ContextMenu(item);
        menu.setOnShowing(e -> item.setText(label(model.deriveEntryProperty().get())));
        return menu;
    }

    /** The menu item: "Derive δ^1[0,2]  (Ctrl+7)" for the selected number, or "Derive this number" before one. */
    static String label(Quantity entry) {
        return entry == null || !entry.isEntry() ? Messages.get("derive.menuAny")
                : Messages.get("derive.menu", Latex.pretty(entry.label()));
    }

    /** Marks, in the step's result and operand matrices, every entry a factor of {@code term} comes from. */
    static void mark(StepDetailView view, Term term, Notation notation) {
        StepDetail d = view.getDetail();
        List<MatrixView> operandViews = view.operandViews();
        view.resultView().marksProperty().set(d == null || term == null ? List.of() : cells(d.result(), term, notation));
        for (int n = 0; n < operandViews.size(); n++) {
            operandViews.get(n).marksProperty().set(d == null || term == null || n >= d.operands().size() ? List.of()
                    : cells(d.operands().get(n), term, notation));
        }
    }

    /** The cells {row, column} of a shown matrix that the term's factors come from. */
    static List<int[]> cells(Operand shown, Term term, Notation notation) {
        List<int[]> cells = new ArrayList<>();
        for (Factor f : term.factors()) {
            int[] c = f.source() == null ? null : cell(shown.name(), f.source(), notation);
            if (c != null) {
                cells.add(c);
            }
        }
        return cells;
    }

    /**
     * Where a source sits in the matrix a step shows under {@code name} ("w^2", "a^0 (input)", "δ^2", "∇_a C", "t"):
     * {row, column}, or null if that matrix is not the source's. Weights are shown transposed in Nielsen's notation.
     */
    static int[] cell(String name, Source s, Notation notation) {
        int[] i = s.index();
        String l = Integer.toString(s.layer());
        return switch (s.matrix()) {
            case "w" -> !name.equals("w^" + l) ? null
                    : notation.transposesWeights() ? new int[]{i[1], i[0]} : new int[]{i[0], i[1]};
            case "b" -> name.equals("b^" + l) ? new int[]{i[0], 0} : null;
            case "z", "a" -> name.equals(s.matrix() + "^" + l) || name.startsWith(s.matrix() + "^" + l + " ")
                    ? new int[]{i[0], i[1]} : null;
            case "delta" -> name.equals("δ^" + l) ? new int[]{i[0], i[1]} : null;
            case "gradA" -> name.equals("∇_a C") ? new int[]{i[0], i[1]} : null;
            case "t" -> name.equals("t") ? new int[]{i[0], i[1]} : null;
            default -> null;
        };
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
