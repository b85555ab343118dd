package org.backprop.workbench.app;

import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.backprop.workbench.app.actions.ActionFactory;
import org.backprop.workbench.app.actions.MenuGroup;
import org.backprop.workbench.app.actions.StandardAction;
import org.backprop.workbench.app.dialogs.DialogService;
import org.backprop.workbench.app.dialogs.FakeDialogService;
import org.backprop.workbench.engine.Mistake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.backprop.workbench.app.FxThread.fx;
import static org.backprop.workbench.app.FxThread.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window built from one action table, as a user meets it: menus, keys wherever the focus is, dialogs. */
@ExtendWith(ApplicationExtension.class)
class ActionTableTest {
    @TempDir
    static Path settings;

    @TempDir
    Path folder;

    private MainWindow window;
    private WorkbenchModel model;
    private FakeDialogService dialogs;

    @Start
    void start(Stage stage) {
        dialogs = new FakeDialogService();
        window = TestWindow.in(settings).dialogs(dialogs).size(1400, 860).fitStage().show(stage);
        model = window.parts().model();
    }

    private void waitForChecks() {
        waitUntil(() -> model.getAnalysis() != null && !model.busyProperty().get()
                && !model.checkingProperty().get());
    }

    private static void press(FxRobot robot, KeyCode... keys) {
        robot.press(keys);
        for (int i = keys.length - 1; i >= 0; i--) {
            robot.release(keys[i]);
        }
    }

    @Test
    void everyMenuItemWithAKeyComesFromTheTableAndNoKeyIsShownTwice() {
        List<String> shown = fx(() -> {
            List<String> keys = new java.util.ArrayList<>();
            for (var menu : window.menuBar().getMenus()) {
                for (MenuItem item : menu.getItems()) {
                    if (item.getAccelerator() != null) {
                        keys.add(item.getAccelerator().getDisplayText());
                        assertTrue(item.getId().startsWith("action-"), item.getText());
                    }
                }
            }
            return keys;
        });
        assertEquals(shown.size(), shown.stream().distinct().count(), shown.toString());
        assertTrue(shown.size() > 40, shown.toString());
    }

    @Test
    void ctrlHomeAndEndStepToTheFirstAndLastStepWhileTheStepListHasTheFocus(FxRobot robot) {
        waitForChecks();
        fx(() -> window.parts().stepList().requestFocus());
        press(robot, KeyCode.CONTROL, KeyCode.END);
        List<String> ids = fx(() -> model.stepsProperty().get().stream().map(s -> s.id()).toList());
        assertEquals(ids.get(ids.size() - 1), fx(() -> model.getCurrentStep().id()));
        press(robot, KeyCode.LEFT);
        assertEquals(ids.get(ids.size() - 2), fx(() -> model.getCurrentStep().id()), "← steps back");
        assertEquals(WorkbenchView.STEP, fx(model::getSelectedView), "and leaves the tabs alone");
        press(robot, KeyCode.CONTROL, KeyCode.HOME);
        assertEquals(ids.get(0), fx(() -> model.getCurrentStep().id()));
    }

    @Test
    void ctrlDigitsSelectTheViewsByTypeAndTheTabFollows(FxRobot robot) {
        fx(() -> window.parts().stepList().requestFocus());
        press(robot, KeyCode.CONTROL, KeyCode.DIGIT4);
        assertEquals(WorkbenchView.EPSILON, fx(model::getSelectedView));
        assertEquals("epsilonTab", fx(() -> window.tabs().getSelectionModel().getSelectedItem().getId()));
        press(robot, KeyCode.CONTROL, KeyCode.NUMPAD3);
        assertEquals(WorkbenchView.CHECKS, fx(model::getSelectedView));
        fx(() -> window.tabs().getSelectionModel().select(4));
        assertEquals(WorkbenchView.TRAINING, fx(model::getSelectedView), "a click on a tab selects its view");
        fx(() -> model.navigate(WorkbenchView.STEP));
    }

    @Test
    void ctrlNumpadPlusZoomsInFromAnyFocus(FxRobot robot) {
        fx(() -> window.parts().checkTable().table().requestFocus());
        double before = fx(() -> model.zoomProperty().get());
        press(robot, KeyCode.CONTROL, KeyCode.ADD);
        assertEquals(before * WorkbenchModel.ZOOM_STEP, fx(() -> model.zoomProperty().get()), 1e-12);
        press(robot, KeyCode.CONTROL, KeyCode.SUBTRACT);
        assertEquals(before, fx(() -> model.zoomProperty().get()), 1e-12);
    }

    @Test
    void ctrlZInTheEpsilonFieldStaysWithTheFieldButF8StillSteps(FxRobot robot) {
        waitForChecks();
        fx(() -> window.lookup("#epsilonField").requestFocus());
        boolean couldUndo = fx(() -> model.canUndoProperty().get());
        press(robot, KeyCode.CONTROL, KeyCode.Z);
        assertEquals(couldUndo, fx(() -> model.canUndoProperty().get()), "the document was not undone");
        fx(() -> model.mistakeProperty().set(Mistake.FORGOT_ONE_OVER_M));
        waitForChecks();
        fx(() -> model.currentStepIdProperty().set("z1"));
        fx(() -> window.lookup("#epsilonField").requestFocus());
        press(robot, KeyCode.F8);
        assertTrue(fx(() -> model.getCurrentStep().formula().isPresent()), "F8 went to a failing step");
        fx(() -> model.mistakeProperty().set(Mistake.NONE));
    }

    @Test
    void removeLayerIsAMenuItemAndUndoable() {
        waitForChecks();
        int depth = fx(() -> model.getDocument().network().depth());
        fx(() -> window.parts().actions().execute(StandardAction.ADD_LAYER));
        waitUntil(() -> model.getDocument().network().depth() == depth + 1);
        MenuItem remove = fx(() -> window.menu(MenuGroup.EDIT).getItems().stream()
                .filter(i -> ActionFactory.id(StandardAction.REMOVE_LAYER).equals(i.getId())).findFirst().orElseThrow());
        assertFalse(fx(remove::isDisable));
        fx(remove::fire);
        waitUntil(() -> model.getDocument().network().depth() == depth);
    }

    @Test
    void saveAsAsksTheDialogServiceAndWritesTheFile() throws Exception {
        waitForChecks();
        Path target = folder.resolve("mine.json");
        dialogs.files.add(Optional.of(target));
        fx(() -> window.parts().actions().execute(StandardAction.SAVE_AS));
        assertTrue(Files.exists(target));
        assertEquals("network.json", dialogs.fileRequests.get(0).initialName());
        assertFalse(fx(() -> model.dirtyProperty().get()));
        // a change, then New: the service is asked, Cancel keeps the change
        fx(() -> model.edit(org.backprop.workbench.edit.Edits::addSample));
        waitUntil(() -> model.dirtyProperty().get());
        dialogs.saveAnswers.add(DialogService.SaveAnswer.CANCEL);
        fx(() -> window.parts().actions().execute(StandardAction.NEW));
        assertEquals(List.of("start a new network"), dialogs.asked);
        assertTrue(fx(() -> model.dirtyProperty().get()));
        dialogs.saveAnswers.add(DialogService.SaveAnswer.DISCARD);
        fx(() -> window.parts().actions().execute(StandardAction.NEW));
        assertFalse(fx(() -> model.dirtyProperty().get()));
    }

    @Test
    void aBrokenFileGoesToTheErrorDialogOfTheService() throws Exception {
        Path bad = folder.resolve("bad.json");
        Files.writeString(bad, "{\"layers\": 3}");
        assertFalse(fx(() -> window.parts().files().openFile(bad)));
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).startsWith("Cannot open bad.json: "), dialogs.errors.toString());
    }

    @Test
    void f1ListsTheTablesKeysByMenu(FxRobot robot) {
        press(robot, KeyCode.F1);
        assertEquals(List.of("shortcutsDialog: Keyboard shortcuts"), dialogs.informations);
        String text = fx(() -> HelpDialogs.shortcutText(window.parts().actions()));
        assertTrue(text.contains("Remove last hidden layer"), text);
        assertTrue(text.contains("Presentation mode"), text);
        assertTrue(text.lines().anyMatch(l -> l.equals("Lessons")), text);
    }
}
