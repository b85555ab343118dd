package org.backprop.workbench.app;

import javafx.stage.Stage;

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

    void close() {
        fx(() -> stage.close());
    }
}
