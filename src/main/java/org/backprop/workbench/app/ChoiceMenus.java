package org.backprop.workbench.app;

import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import org.backprop.workbench.app.actions.ActionFactory;
import org.backprop.workbench.app.panels.Names;
import org.backprop.workbench.engine.Mistake;
import org.backprop.workbench.i18n.Messages;
import org.backprop.workbench.steps.Notation;

import java.util.Arrays;
import java.util.List;

/** The radio items of View ▸ Weights and Check ▸ Deliberate mistake, each selected while the model has its value. */
final class ChoiceMenus {
    private ChoiceMenus() {
    }

    static List<MenuItem> notationItems(WorkbenchModel model) {
        ToggleGroup group = new ToggleGroup();
        return Arrays.stream(Notation.values()).map(n -> {
            RadioMenuItem r = new RadioMenuItem(Messages.get("choice.weightsAs", Names.notation(n)));
            r.setToggleGroup(group);
            r.setOnAction(e -> model.notationProperty().set(n));
            ActionFactory.selectWhen(r, model.notationProperty(), n);
            return (MenuItem) r;
        }).toList();
    }

    static List<MenuItem> mistakeItems(WorkbenchModel model) {
        ToggleGroup group = new ToggleGroup();
        return Arrays.stream(Mistake.values()).map(mk -> {
            RadioMenuItem r = new RadioMenuItem(mk == Mistake.NONE ? Messages.get("choice.noMistake")
                    : Messages.get("choice.mistake", mk.formula(),
                    org.backprop.workbench.steps.Latex.superscripts(Names.mistake(mk))));
            r.setToggleGroup(group);
            r.setOnAction(e -> model.mistakeProperty().set(mk));
            ActionFactory.selectWhen(r, model.mistakeProperty(), mk);
            return (MenuItem) r;
        }).toList();
    }
}
