package org.backprop.workbench.app.panels;

import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.backprop.workbench.app.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.concurrent.CancellationException;

import static org.backprop.workbench.app.panels.PanelFixtures.fx;
import static org.backprop.workbench.app.panels.PanelFixtures.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class TaskStatusBarTest {
    private Stage stage;
    private TaskRunner runner;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() {
        fx(runner::shutdown);
    }

    @Test
    void escapeCancelsTheRunningTaskAndTheBarSaysSo() {
        runner = fx(TaskRunner::new);
        TaskStatusBar bar = fx(() -> new TaskStatusBar(runner));
        BorderPane window = fx(() -> {
            BorderPane p = new BorderPane(new Label("work area"));
            p.setBottom(bar.getView());
            return p;
        });
        PanelFixtures.show(stage, window, 800, 200);
        Task<Void> task = fx(() -> runner.run("long", "Checking 109,386 parameters", p -> {
            p.message("step 1");
            while (!p.cancelled()) {
                p.advanced(1, 2);
                Thread.onSpinWait();
            }
            throw new CancellationException();
        }, v -> { }));
        waitUntil(() -> task.getState() == Worker.State.RUNNING);
        waitUntil(() -> ((Label) bar.getView().lookup(".label")).getText().startsWith("Checking"));
        fx(() -> stage.getScene().getRoot().requestFocus());
        new FxRobot().push(KeyCode.ESCAPE);
        waitUntil(() -> !runner.isBusy());
        assertEquals(Worker.State.CANCELLED, fx(task::getState));
        assertTrue(fx(() -> ((Label) bar.getView().lookup(".label")).getText()).startsWith("Cancelled"));
    }
}
