package org.backprop.workbench.app;

import javafx.stage.Stage;
import org.backprop.workbench.util.SettingsStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.backprop.workbench.app.FxThread.fx;
import static org.backprop.workbench.app.FxThread.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The app's start: the window paints first, then the default network is analysed and checked. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchAppTest {
    @TempDir
    static Path folder;

    private MainWindow window;
    /** What the model had published when the window's first pulse (its first layout before drawing) came. */
    private final AtomicReference<String> atFirstPulse = new AtomicReference<>();

    @Start
    void start(Stage stage) {
        window = WorkbenchApp.open(stage, new AppSettings(new SettingsStore(folder.resolve(SettingsStore.FILE))),
                List.of());
        WorkbenchModel model = window.parts().model();
        stage.getScene().addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                stage.getScene().removePostLayoutPulseListener(this);
                atFirstPulse.set(model.getAnalysis() == null ? "nothing" : model.getAnalysis().checks().size() + " checks");
            }
        });
    }

    @Test
    void theWindowPaintsBeforeTheFirstAnalysisAndItsChecksArrive() {
        waitUntil(() -> atFirstPulse.get() != null);
        assertEquals("nothing", atFirstPulse.get());
        WorkbenchModel model = window.parts().model();
        waitUntil(() -> model.getAnalysis() != null && !model.busyProperty().get());
        // then the default network's checks do come, all of them: δ 3·4 + 2·4, b 3 + 2, w 6 + 6
        assertEquals(37, fx(() -> model.getAnalysis().checks().size()));
        assertFalse(fx(() -> model.checkingProperty().get()));
        assertNull(fx(() -> model.fileProperty().get()));
    }
}
