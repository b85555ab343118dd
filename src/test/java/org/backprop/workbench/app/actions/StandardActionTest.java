package org.backprop.workbench.app.actions;

import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class StandardActionTest {
    @Test
    void noTwoActionsBindOneKeyWhereBothApply() {
        Map<KeyCombination, StandardAction> seen = new HashMap<>();
        for (StandardAction a : StandardAction.values()) {
            for (KeyCombination k : a.keys()) {
                StandardAction other = seen.get(k);
                if (other != null && (other.actsOn() == null || a.actsOn() == null || other.actsOn() == a.actsOn())) {
                    fail(k.getDisplayText() + " is bound by both " + other + " and " + a);
                }
                seen.put(k, a);
            }
        }
        assertTrue(seen.size() > 50, "the table's keys were all read: " + seen.size());
    }

    @Test
    void everyViewHasAnActionThatShowsIt() {
        for (var view : org.backprop.workbench.app.WorkbenchView.values()) {
            assertTrue(java.util.Arrays.stream(StandardAction.values()).anyMatch(a -> a.shows() == view),
                    view + " has no View-menu action");
        }
    }

    @Test
    void zoomInAlsoAnswersTheNumericKeypadPlus() {
        assertTrue(StandardAction.ZOOM_IN.keys().stream().anyMatch(k -> k.getName().contains("Add")
                || k.toString().contains("ADD")), StandardAction.ZOOM_IN.keys().toString());
    }

    @Test
    void labelsHaveTheirTextWithoutTheMnemonicMark() {
        assertEquals("Remove last hidden layer", StandardAction.REMOVE_LAYER.text());
        for (StandardAction a : StandardAction.values()) {
            assertNotNull(a.menu());
            assertFalse(a.text().contains("_"), a.toString());
        }
    }
}
