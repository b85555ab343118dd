package org.backprop.workbench.app;

import javafx.application.Application;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Regenerates screenshots/*.png from the real window, headless: {@code mvn -B test -Pscreenshots}. Not part of the
 * default test run (tag "screenshots"); the shots themselves are listed in {@link Screenshots#ALL}.
 */
@Tag("screenshots")
@ExtendWith(ApplicationExtension.class)
class ScreenshotTourTest {
    @TempDir
    Path settings;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private static <T> T fx(Callable<T> call) {
        try {
            return WaitForAsyncUtils.asyncFx(call).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyShotIsWrittenToTheScreenshotsFolder() throws Exception {
        Path folder = Path.of(System.getProperty("screenshots.dir", "screenshots"));
        Files.createDirectories(folder);
        // -Dscreenshots.only=softmax,epsilon-plot renders a few shots while working on a layout
        String only = System.getProperty("screenshots.only", "");
        for (Screenshots.Shot shot : Screenshots.ALL) {
            if (!only.isEmpty() && !java.util.Arrays.asList(only.split(",")).contains(shot.name())) {
                continue;
            }
            MainWindow window = fx(() -> {
                org.backprop.workbench.i18n.Messages.setLocale(shot.language());
                WorkbenchModel model = new WorkbenchModel();
                MainWindow w = new MainWindow(model, new RecentFiles(settings.resolve("recent.txt")));
                w.installTheme();
                stage.setScene(w.createScene(shot.width(), shot.height()));
                stage.setWidth(shot.width());
                stage.setHeight(shot.height());
                stage.show();
                return w;
            });
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> Screenshots.idle(window)));
            fx(() -> {
                shot.setup().accept(window);
                return null;
            });
            WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fx(() -> shot.ready().test(window)));
            WaitForAsyncUtils.waitForFxEvents();
            Path png = folder.resolve(shot.name() + ".png");
            Files.createDirectories(png.getParent());
            fx(() -> {
                window.getScene().getRoot().applyCss();
                window.getScene().getRoot().layout();
                PngSnapshot.write(window.getScene().getRoot(), png);
                return null;
            });
            assertTrue(Files.size(png) > 10_000, png + " holds a picture");
            fx(() -> {
                window.parts().model().darkThemeProperty().set(false);
                org.backprop.workbench.i18n.Messages.setLocale(java.util.Locale.ENGLISH);
                window.parts().runner().cancel();
                return null;
            });
        }
        fx(() -> {
            Application.setUserAgentStylesheet(null);
            return null;
        });
    }
}
