package org.backprop.workbench.app;

import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.List;

/**
 * The workbench window. Started with no arguments it opens the default network on the BP1 step; with a file
 * argument ({@code java -jar backprop-workbench.jar --app FILE.json} or {@code mvn javafx:run -Djavafx.args=FILE})
 * it opens that file.
 */
public class WorkbenchApp extends Application {
    /** Preferred initial window size, room for the formulas; smaller screens get their visible area instead. */
    public static final double WIDTH = 1400;
    public static final double HEIGHT = 860;

    @Override
    public void start(Stage stage) {
        WorkbenchModel model = new WorkbenchModel();
        MainWindow window = new MainWindow(model, new RecentFiles(RecentFiles.defaultFolder().resolve("recent.txt")));
        window.installTheme();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setScene(window.createScene(Math.min(WIDTH, screen.getWidth()), Math.min(HEIGHT, screen.getHeight())));
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.show();
        List<String> args = getParameters().getUnnamed();
        if (!args.isEmpty()) {
            window.openFile(Path.of(args.get(0)));
        }
        window.stepList().requestFocus();
    }

    public static void main(String[] args) {
        launch(args);
    }
}
