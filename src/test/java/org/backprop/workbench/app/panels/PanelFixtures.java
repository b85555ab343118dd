package org.backprop.workbench.app.panels;

import org.backprop.workbench.app.FxThread;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.backprop.workbench.app.DefaultNetwork;
import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.check.GradientCheck;
import org.backprop.workbench.engine.Backprop;
import org.backprop.workbench.engine.Mistake;
import org.backprop.workbench.io.NetworkDocument;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

/** Shared set-up of the panel tests: the default network, analyses, FX-thread calls, snapshots. */
final class PanelFixtures {
    private PanelFixtures() {
    }

    static NetworkDocument document() {
        return DefaultNetwork.load();
    }

    static Analysis analysis(Mistake mistake) {
        NetworkDocument doc = document();
        return GradientCheck.analyse(doc.network(), doc.batch(), new Backprop(mistake), 1e-5);
    }

    /** Runs on the FX thread and waits for the result. */
    static <T> T fx(Callable<T> call) {
        return FxThread.fx(call);
    }

    static void fx(Runnable run) {
        FxThread.fx(run);
    }

    /** Waits (up to a generous bound, not a timing assertion) until the condition holds on the FX thread. */
    static void waitUntil(BooleanSupplier condition) {
        FxThread.waitUntil(condition);
    }

    /** Puts a view into the stage's scene at the size of a projector screen. */
    static void show(Stage stage, Parent view, double width, double height) {
        fx(() -> {
            stage.setScene(new Scene(view, width, height));
            stage.show();
            view.applyCss();
            view.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Snapshots a node to target/panel-shots/NAME.png; returns the image. */
    static WritableImage snapshot(Node node, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = fx(() -> node.snapshot(null, null));
        try {
            Path dir = Path.of("target", "panel-shots");
            Files.createDirectories(dir);
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", dir.resolve(name + ".png").toFile());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return image;
    }

    static boolean onFxThread() {
        return Platform.isFxApplicationThread();
    }
}
