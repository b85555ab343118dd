package org.backprop.workbench.app;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import org.backprop.workbench.io.AtomicFiles;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Path;

/** PNG pictures of the window's nodes: File ▸ Export step and the documentation screenshots. */
public final class PngSnapshot {
    private PngSnapshot() {
    }

    /** Snapshots a node (scaled by the window's output scale, so HiDPI exports stay sharp) into a PNG, atomically. */
    public static void write(Node node, Path path) throws IOException {
        SnapshotParameters params = new SnapshotParameters();
        double scale = node.getScene() != null && node.getScene().getWindow() != null
                ? Math.max(1, node.getScene().getWindow().getOutputScaleX()) : 1;
        params.setTransform(javafx.scene.transform.Transform.scale(scale, scale));
        WritableImage image = node.snapshot(params, null);
        AtomicFiles.write(path, temp -> {
            if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", temp.toFile())) {
                throw new IOException(org.backprop.workbench.i18n.Messages.get("files.noPngWriter"));
            }
        });
    }

}
