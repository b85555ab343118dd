package org.backprop.workbench.app;

import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.backprop.workbench.check.Verdict;
import org.backprop.workbench.engine.Mistake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;

import static org.backprop.workbench.app.FxThread.fx;
import static org.backprop.workbench.app.FxThread.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Keys do the same wherever the focus is, and act on what the user sees. */
@ExtendWith(ApplicationExtension.class)
class KeyboardFocusTest {
    @TempDir
    static Path settings;

    private static void press(FxRobot robot, KeyCode... keys) {
        robot.press(keys);
        for (int i = keys.length - 1; i >= 0; i--) {
            robot.release(keys[i]);
        }
    }

    @Start
    void start(Stage stage) {
    }

    /** A window whose checks wait for the test: they are "running" until the test runs them. */
    @Test
    void escapeCancelsRunningChecksWhileTheStepListHasTheFocus(FxRobot robot) {
        java.util.Queue<Runnable> queued = new java.util.concurrent.ConcurrentLinkedQueue<>();
        WorkbenchModel slow = fx(() -> new WorkbenchModel(DefaultNetwork.load(), queued::add,
                javafx.application.Platform::runLater));
        Stage stage = fx(() -> new Stage());
        MainWindow window = fx(() -> {
            MainWindow w = new MainWindow(slow, new RecentFiles(settings.resolve("recent.txt")));
            stage.setScene(w.createScene(1024, 768));
            stage.show();
            return w;
        });
        try {
            assertTrue(fx(() -> window.parts().taskStatus().isBusy()));
            fx(() -> window.parts().stepList().requestFocus());
            waitUntil(() -> window.parts().stepList().isFocused());
            press(robot, KeyCode.ESCAPE);
            queued.poll().run();
            waitUntil(() -> slow.checksCancelledProperty().get());
            assertFalse(fx(() -> slow.busyProperty().get()));
            assertTrue(fx(() -> window.parts().stepList().isFocused()), "the focus stays where it was");
        } finally {
            fx(stage::close);
        }
    }

    @Test
    void altOAndAltRActOnTheVisibleChecksTabNotTheTrainingTable(FxRobot robot) {
        WorkbenchModel model = fx(() -> new WorkbenchModel());
        Stage stage = fx(() -> new Stage());
        MainWindow window = fx(() -> {
            MainWindow w = new MainWindow(model, new RecentFiles(settings.resolve("recent2.txt")));
            w.installTheme();
            stage.setScene(w.createScene(1024, 768));
            stage.show();
            return w;
        });
        try {
            fx(() -> model.mistakeProperty().set(Mistake.BP2_NO_SIGMA_PRIME));
            waitUntil(() -> model.getAnalysis() != null && !model.getAnalysis().checks().isEmpty()
                    && !model.busyProperty().get());
            // the student looked at Training first (its table has filter buttons too), then opens Checks
            fx(() -> model.navigate(WorkbenchView.TRAINING));
            fx(() -> model.navigate(WorkbenchView.CHECKS));
            fx(() -> window.parts().checkTable().table().requestFocus());
            int all = fx(() -> window.parts().checkTable().shownRows().size());
            press(robot, KeyCode.ALT, KeyCode.O);
            waitUntil(() -> fx(() -> window.parts().checkTable().shownRows().size()) < all);
            assertTrue(fx(() -> window.parts().checkTable().shownRows().stream().allMatch(c -> c.verdict() == Verdict.FAIL)));
            ToggleButton trainingFailures = fx(() -> (ToggleButton) window.parts().trainingPanel().getView()
                    .lookupAll(".toggle-button").stream().filter(n -> n instanceof ToggleButton t
                            && t.getText().startsWith("Failures")).findFirst().orElse(null));
            if (trainingFailures != null) {
                assertFalse(fx(trainingFailures::isSelected), "the hidden Training table was left alone");
            }
            press(robot, KeyCode.ALT, KeyCode.R);
            waitUntil(() -> fx(() -> window.parts().checkTable().shownRows().size()) == all);
            // the same keys with the focus in the step list, outside the tab
            fx(() -> window.parts().stepList().requestFocus());
            press(robot, KeyCode.ALT, KeyCode.O);
            waitUntil(() -> fx(() -> window.parts().checkTable().shownRows().size()) < all);
            press(robot, KeyCode.ALT, KeyCode.R);
            waitUntil(() -> fx(() -> window.parts().checkTable().shownRows().size()) == all);
        } finally {
            fx(stage::close);
        }
    }
}
