package org.backprop.workbench.app;

import javafx.stage.Stage;
import org.backprop.workbench.app.dialogs.DialogService;

import java.nio.file.Path;

/**
 * The main window as a UI test starts it: a new model, its recent-files list in the test's settings folder, the theme
 * installed. {@link #show} puts it on the stage TestFX hands to a test's {@code @Start} method (the FX thread):
 * <pre>{@code
 * window = TestWindow.in(settings).size(1400, 860).fitStage().show(stage);
 * model = window.parts().model();
 * }</pre>
 * {@link OwnWindow} builds the same window on a stage of its own.
 */
final class TestWindow {
    private final Path settings;
    private DialogService dialogs;
    private double width;
    private double height;
    private boolean fitStage;

    private TestWindow(Path settings) {
        this.settings = settings;
    }

    /** A window whose recent-files list is {@code settings/recent.txt}, with real JavaFX dialogs until told otherwise. */
    static TestWindow in(Path settings) {
        return new TestWindow(settings);
    }

    /** Shows the window's dialogs through {@code dialogs} (a {@code FakeDialogService}) instead of real ones. */
    TestWindow dialogs(DialogService dialogs) {
        this.dialogs = dialogs;
        return this;
    }

    /** The scene's size in pixels. */
    TestWindow size(double width, double height) {
        this.width = width;
        this.height = height;
        return this;
    }

    /**
     * The stage takes the scene's size. Without it a stage that is already showing keeps its size, and the stage
     * TestFX hands out is shared by the UI tests: an earlier test may have narrowed it.
     */
    TestWindow fitStage() {
        this.fitStage = true;
        return this;
    }

    /** A new model in a new main window with the theme installed, not yet on a stage. */
    MainWindow build() {
        MainWindow window = new MainWindow(new WorkbenchModel(), new RecentFiles(settings.resolve("recent.txt")),
                dialogs);
        window.installTheme();
        return window;
    }

    /** {@link #build} and show on {@code stage}, in a scene of the {@link #size}; on the FX thread. */
    MainWindow show(Stage stage) {
        MainWindow window = build();
        stage.setScene(window.createScene(width, height));
        if (fitStage) {
            stage.sizeToScene();
        }
        stage.show();
        return window;
    }
}
