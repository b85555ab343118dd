package org.backprop.workbench.app.panels;

import javafx.beans.value.ChangeListener;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.backprop.workbench.app.TaskRunner;

import java.util.Objects;

/**
 * The status bar of long work: a progress bar, the message of the running task and a Cancel button. Esc anywhere
 * in the window cancels, unless a control used the key first (closing a popup, clearing a field).
 */
public final class TaskStatusBar implements Panel {
    private final TaskRunner runner;
    private final HBox root = new HBox();
    private final ProgressBar bar = new ProgressBar(0);
    private final Label message = new Label();
    private final Button cancel = new Button("Cancel");
    private final EventHandler<KeyEvent> escape = e -> {
        if (e.getCode() == KeyCode.ESCAPE && !e.isConsumed() && runnerBusy()) {
            runnerCancel();
            e.consume();
        }
    };

    public TaskStatusBar(TaskRunner runner) {
        this.runner = Objects.requireNonNull(runner, "runner");
        createView();
        initListeners();
    }

    @Override
    public String getName() { return "Status"; }

    @Override
    public Region getView() { return root; }

    private void createView() {
        root.getStyleClass().add("status-bar");
        root.getStylesheets().add(STYLESHEET);
        bar.setPrefWidth(12 * 16);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        cancel.setTooltip(new Tooltip("Stop the running work (Esc)"));
        cancel.setCancelButton(false);
        cancel.setOnAction(e -> runnerCancel());
        root.getChildren().setAll(bar, message, cancel);
    }

    private void initListeners() {
        bar.progressProperty().bind(runner.progressProperty());
        bar.visibleProperty().bind(runner.busyProperty());
        cancel.visibleProperty().bind(runner.busyProperty());
        cancel.managedProperty().bind(runner.busyProperty());
        bar.managedProperty().bind(runner.busyProperty());
        message.textProperty().bind(runner.messageProperty());
        ChangeListener<Scene> onScene = (o, was, now) -> {
            if (was != null) {
                was.removeEventHandler(KeyEvent.KEY_PRESSED, escape);
            }
            if (now != null) {
                now.addEventHandler(KeyEvent.KEY_PRESSED, escape);
            }
        };
        root.sceneProperty().addListener(onScene);
    }

    private boolean runnerBusy() { return runner.isBusy(); }

    private void runnerCancel() { runner.cancel(); }
}
