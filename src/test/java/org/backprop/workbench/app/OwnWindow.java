package org.backprop.workbench.app;

import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;

import static org.backprop.workbench.app.FxThread.fx;
import static org.backprop.workbench.app.FxThread.waitUntil;

/**
 * A main window on a stage of its own, for UI tests that choose the window's size: a 1024×768 or 1920×1080 window
 * must not resize the stage the other UI tests share. Make it in the test's {@code @Start} method (the FX thread),
 * {@link #open} it in each test and {@link #close} it after each.
 */
final class OwnWindow {
    private final Stage stage = new Stage();
    private MainWindow window;
    private WorkbenchModel model;

    /** A new model in a new window of width × height, its recent-files list in {@code settings}; waits until idle. */
    void open(Path settings, double width, double height) {
        fx(() -> {
            window = TestWindow.in(settings).build();
            model = window.parts().model();
            stage.setScene(window.createScene(width, height));
            stage.setWidth(width);
            stage.setHeight(height);
            stage.show();
        });
        waitUntil(() -> Screenshots.idle(window));
    }

    MainWindow window() {
        return window;
    }

    WorkbenchModel model() {
        return model;
    }

    /**
     * Lets the window settle: the FX events run, then CSS and layout, twice (a layout can ask for another: the
     * builder refits after a file opens).
     */
    void settle() {
        for (int i = 0; i < 2; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            fx(() -> {
                window.getScene().getRoot().applyCss();
                window.getScene().getRoot().layout();
            });
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Presses a shortcut with the focus in the step list, where it is when the window opens; then settles. */
    void press(FxRobot robot, KeyCode... keys) {
        fx(() -> window.parts().stepList().requestFocus());
        robot.push(keys);
        waitUntil(() -> Screenshots.idle(window));
        settle();
    }

    void close() {
        fx(() -> stage.close());
    }
}
