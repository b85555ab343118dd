package org.backprop.workbench.app;

import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.backprop.workbench.app.FxThread.fx;
import static org.backprop.workbench.app.FxThread.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A background task that throws: its stack trace is written to the log in the settings folder, and the status bar
 * says in one line what failed and where the log is.
 */
@ExtendWith(ApplicationExtension.class)
class ErrorLogTest {
    @TempDir
    static Path settings;

    private MainWindow window;
    private ErrorLog log;

    @Start
    void start(Stage stage) {
        window = new MainWindow(new WorkbenchModel(), new RecentFiles(settings.resolve("recent.txt")));
        log = new ErrorLog(settings.resolve(ErrorLog.FILE));
        window.parts().setErrorLog(log);
        stage.setScene(window.createScene(1024, 768));
        stage.show();
    }

    @AfterEach
    void close() {
        fx(() -> log.close());
    }

    /** Thrown three calls deep, so that the trace has frames of this test to find. */
    private static String sweep(double[] values) {
        return firstInverse(values);
    }

    private static String firstInverse(double[] values) {
        throw new IllegalStateException("sweep broke at " + values.length + " points");
    }

    @Test
    void aFailingTaskLeavesItsStackTraceInTheLogAndTheStatusLineSaysWhere() throws Exception {
        fx(() -> window.parts().runner().run("test", "ε sweep", p -> sweep(new double[7]), r -> { }));
        waitUntil(() -> !window.parts().runner().isBusy());
        String line = fx(() -> window.parts().taskStatus().text());
        assertTrue(line.contains("ε sweep") && line.contains("sweep broke at 7 points"), line);
        assertTrue(line.contains(settings.resolve(ErrorLog.FILE).toAbsolutePath().toString()), line);
        assertEquals(1, line.lines().count(), "one line");
        String written = Files.readString(settings.resolve(ErrorLog.FILE), StandardCharsets.UTF_8);
        assertTrue(written.contains("java.lang.IllegalStateException: sweep broke at 7 points"), written);
        assertTrue(written.contains("ErrorLogTest.firstInverse") && written.contains("ErrorLogTest.sweep"),
                "the stack trace, frame by frame: " + written);
    }

    @Test
    void noLogIsWrittenWhileNothingFails() throws Exception {
        Path elsewhere = settings.resolve("quiet").resolve(ErrorLog.FILE);
        ErrorLog quiet = new ErrorLog(elsewhere);
        fx(() -> window.parts().setErrorLog(quiet));
        fx(() -> window.parts().runner().run("ok", "fine", p -> "done", r -> { }));
        waitUntil(() -> !window.parts().runner().isBusy());
        assertTrue(Files.notExists(elsewhere));
        fx(() -> window.parts().setErrorLog(log));
    }
}
