package org.backprop.workbench.app;

import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.backprop.workbench.i18n.Messages;

import java.nio.file.Path;

/**
 * What the window does with the scene and the stage it is shown in: the action table's keys on the scene, the step
 * list focused at once, the stage's title ("• name — Backprop Workbench" with unsaved changes), full screen (F11)
 * both ways, and "save changes first?" when the stage is closed.
 */
final class StageHooks {
    private final WindowParts parts;
    private final Region window;
    private final BooleanProperty fullScreen = new SimpleBooleanProperty(this, "fullScreen", false);
    /** Follows the stage's full-screen state into {@link #fullScreen}; held here, added to the stage weakly. */
    private final ChangeListener<Boolean> stageFullScreen = (o, was, on) -> fullScreen.set(on);

    /**
     * @param parts  the window's parts ({@code null} not permitted)
     * @param window the window's root ({@code null} not permitted)
     */
    StageHooks(WindowParts parts, Region window) {
        this.parts = parts;
        this.window = window;
        WorkbenchModel model = parts.model();
        model.fileProperty().addListener((o, a, b) -> updateTitle());
        model.dirtyProperty().addListener((o, a, b) -> updateTitle());
        model.documentProperty().addListener((o, a, b) -> updateTitle());
        window.sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                shownIn(scene);
            }
        });
    }

    private void shownIn(Scene scene) {
        parts.actions().install(scene);
        // keyboard stepping works at once: the step list, not the first tool bar control, has the focus
        Platform.runLater(parts.stepList()::requestFocus);
        scene.windowProperty().addListener((o, was, w) -> {
            updateTitle();
            if (w instanceof Stage stage) {
                fullScreen.addListener((o2, before, on) -> stage.setFullScreen(on));
                // weakly: a stage outlives the windows shown in it (every UI test shows its own)
                stage.fullScreenProperty().addListener(new WeakChangeListener<>(stageFullScreen));
                stage.setOnCloseRequest(e -> {
                    if (!parts.files().confirmDiscard(Messages.get("save.beforeQuit"))) {
                        e.consume();
                    }
                });
            }
        });
    }

    private void updateTitle() {
        if (window.getScene() == null || !(window.getScene().getWindow() instanceof Stage stage)) {
            return;
        }
        WorkbenchModel model = parts.model();
        Path f = model.fileProperty().get();
        String name = f != null ? f.getFileName().toString() : model.getDocument().network().describe();
        stage.setTitle(Messages.get(model.dirtyProperty().get() ? "app.titleUnsaved" : "app.title", name));
    }

    /** Whether the stage is in full screen (F11); follows the stage when it leaves full screen itself (Esc). */
    BooleanProperty fullScreenProperty() { return fullScreen; }
}
