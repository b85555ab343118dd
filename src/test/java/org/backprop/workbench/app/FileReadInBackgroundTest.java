package org.backprop.workbench.app;

import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.backprop.workbench.app.dialogs.DialogService.SaveAnswer;
import org.backprop.workbench.app.dialogs.FakeDialogService;
import org.backprop.workbench.edit.Edits;
import org.backprop.workbench.io.NetworkDocument;
import org.backprop.workbench.io.NetworkFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.backprop.workbench.app.FxThread.fx;
import static org.backprop.workbench.app.FxThread.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A large network file is read off the FX thread: while it is read the window is in use (the FX thread answers, the
 * status bar says what is being opened and the current network is still shown), and a file that turns out to be bad
 * shows one message naming the file and the field, and the user's network stays, unsaved edits and all. The reader
 * here waits until the test lets it go, so that "while it is read" is a fact, not a race; the threshold is lowered
 * so that small files take the background path.
 */
@ExtendWith(ApplicationExtension.class)
class FileReadInBackgroundTest {
    @TempDir
    static Path settings;

    @TempDir
    Path folder;

    private MainWindow window;
    private WorkbenchModel model;
    private FakeDialogService dialogs;
    private final CountDownLatch release = new CountDownLatch(1);

    @Start
    void start(Stage stage) {
        dialogs = new FakeDialogService();
        window = TestWindow.in(settings).dialogs(dialogs).size(1280, 800).show(stage);
        model = window.parts().model();
        window.parts().files().readWith(path -> {
            try {
                if (!release.await(60, TimeUnit.SECONDS)) {
                    throw new AssertionError("the test did not release the reader");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return NetworkFile.load(path);
        }, 0);
    }

    private String taskStatus(FxRobot robot) {
        return fx(() -> ((Labeled) robot.lookup("#taskStatus").query()).getText());
    }

    private NetworkDocument editSomething() {
        waitUntil(() -> model.getAnalysis() != null && !model.busyProperty().get());
        fx(() -> model.edit(Edits::addSample));
        waitUntil(() -> model.dirtyProperty().get());
        return fx(model::getDocument);
    }

    @Test
    void theWindowStaysInUseWhileTheFileIsReadAndThenShowsIt(FxRobot robot) throws Exception {
        waitUntil(() -> model.getAnalysis() != null && !model.busyProperty().get());
        NetworkDocument before = fx(model::getDocument);
        Path file = Files.copy(Path.of("examples", "softmax-2-3-2.json"), folder.resolve("softmax.json"));

        assertTrue(fx(() -> window.parts().files().openFile(file)), "accepted, being read");
        // the FX thread answers (these fx calls return) while the reader still waits
        assertEquals("Opening softmax.json…", taskStatus(robot));
        assertSame(before, fx(model::getDocument), "the current network is shown until the file is read");
        assertNull(fx(() -> model.fileProperty().get()));
        double zoom = fx(() -> model.zoomProperty().get());
        fx(() -> model.zoomOut());   // and the window takes commands meanwhile
        assertEquals(zoom / WorkbenchModel.ZOOM_STEP, fx(() -> model.zoomProperty().get()), 1e-12);

        release.countDown();
        waitUntil(() -> file.equals(model.fileProperty().get()));
        NetworkDocument expected = NetworkFile.load(file);
        NetworkDocument shown = fx(model::getDocument);
        assertEquals(NetworkFile.toJson(expected), NetworkFile.toJson(shown), "the file's network, as read at once");
        assertEquals("Opened softmax.json", fx(() -> ((Labeled) robot.lookup("#statusMessage").query()).getText()));
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void aBadFileReadInTheBackgroundShowsOneMessageAndKeepsTheUsersWork() throws Exception {
        NetworkDocument mine = editSomething();
        Path bad = Files.writeString(folder.resolve("big-number.json"), """
                {"layers": [2, {"size": 1, "activation": "sigmoid"}], "loss": "quadratic",
                 "weights": [[[1e999999999999], [0.5]]], "biases": [[0.1]]}""");
        dialogs.saveAnswers.add(SaveAnswer.DISCARD);   // the user lets the edit go to open the file

        assertTrue(fx(() -> window.parts().files().openFile(bad)));
        assertSame(mine, fx(model::getDocument));
        release.countDown();
        waitUntil(() -> !dialogs.errors.isEmpty() && !window.parts().runner().isBusy());

        assertEquals(1, dialogs.errors.size(), dialogs.errors.toString());
        String message = dialogs.errors.get(0);
        assertTrue(message.startsWith("Cannot open big-number.json: "), message);
        assertTrue(message.contains("line 2, column 16: a number with an exponent"), message);
        assertSame(mine, fx(model::getDocument), "the user's network stays");
        assertTrue(fx(() -> model.dirtyProperty().get()), "with its unsaved edit");
    }

    @Test
    void cancellingTheReadKeepsTheNetworkShown() throws Exception {
        waitUntil(() -> model.getAnalysis() != null && !model.busyProperty().get());
        NetworkDocument before = fx(model::getDocument);
        Path file = Files.copy(Path.of("examples", "softmax-2-3-2.json"), folder.resolve("softmax.json"));

        assertTrue(fx(() -> window.parts().files().openFile(file)));
        fx(() -> window.parts().taskStatus().cancelAll());   // Cancel in the status bar, or Esc
        release.countDown();
        waitUntil(() -> !window.parts().runner().isBusy());

        assertSame(before, fx(model::getDocument));
        assertNull(fx(() -> model.fileProperty().get()));
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }
}
