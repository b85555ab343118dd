package org.backprop.workbench.app;

import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.backprop.workbench.numeric.DifferenceMethod;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

import static org.backprop.workbench.app.FxThread.fx;
import static org.backprop.workbench.app.FxThread.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Defects a new user found in the real window (QA pass), each kept fixed by one test. */
@ExtendWith(ApplicationExtension.class)
class AppQaRegressionTest {
    @TempDir
    static Path folder;

    private MainWindow window;
    private WorkbenchModel model;

    @Start
    void start(Stage stage) {
        model = new WorkbenchModel();
        window = new MainWindow(model, new RecentFiles(folder.resolve("recent.txt")));
        window.installTheme();
        stage.setScene(window.createScene(1260, 780));
        stage.show();
    }

    @Test
    void theVerdictOfAStepAndTheExportedReportNameTheDifferenceMethodInUse(FxRobot robot) throws Exception {
        fx(() -> model.methodProperty().set(DifferenceMethod.COMPLEX_STEP));
        waitUntil(() -> !model.busyProperty().get() && !model.checkingProperty().get()
                && model.getAnalysis() != null && model.getAnalysis().method() == DifferenceMethod.COMPLEX_STEP
                && !model.getAnalysis().checks().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        String verdict = fx(() -> robot.lookup("#stepVerdict").queryAs(Label.class).getText());
        assertTrue(verdict.contains("checked against complex step"), verdict);
        assertFalse(verdict.contains("central differences"), verdict);
        Path md = folder.resolve("complex.md");
        assertTrue(fx(() -> window.parts().files().exportReport(md)));
        String report = Files.readString(md);
        assertTrue(report.contains("- Method: complex step"), report);
    }

    @Test
    void aValidEpsilonReplacesTheComplaintAboutAnInvalidOne(FxRobot robot) {
        TextField field = robot.lookup("#epsilonField").queryAs(TextField.class);
        fx(() -> {
            field.setText("0");
            field.fireEvent(new javafx.event.ActionEvent());
        });
        assertTrue(fx(() -> model.messageIsErrorProperty().get()), "0 is refused");
        fx(() -> {
            field.setText("0.5");
            field.fireEvent(new javafx.event.ActionEvent());
        });
        assertEquals(0.5, fx(() -> model.epsilonProperty().get()));
        assertFalse(fx(() -> model.messageIsErrorProperty().get()), fx(() -> model.messageProperty().get()));
    }

    @Test
    void anExportedReportIsReadableLikeAnyNewFile() throws Exception {
        waitUntil(() -> !model.busyProperty().get() && !model.checkingProperty().get() && model.getAnalysis() != null
                && !model.getAnalysis().checks().isEmpty());
        Path md = folder.resolve("checks.md");
        Path png = folder.resolve("step.png");
        assertTrue(fx(() -> window.parts().files().exportReport(md)));
        assertTrue(fx(() -> window.parts().files().exportStep(png)));
        Assumptions.assumeTrue(Files.getFileStore(md).supportsFileAttributeView(PosixFileAttributeView.class));
        assertEquals(PosixFilePermissions.fromString("rw-r--r--"), Files.getPosixFilePermissions(md));
        assertEquals(PosixFilePermissions.fromString("rw-r--r--"), Files.getPosixFilePermissions(png));
    }
}
