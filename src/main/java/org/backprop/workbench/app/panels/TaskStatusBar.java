package org.backprop.workbench.app.panels;

import javafx.beans.Observable;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableDoubleValue;
import javafx.beans.value.ObservableStringValue;
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
 * in the window cancels, unless a control used the key first (closing a popup, clearing a field). Besides the
 * runner's tasks it shows one more kind of work that runs on its own thread ({@link #track}: the model's checks).
 * When nothing runs it says "Ready" (or how the last task ended) in a muted style, with no progress bar and no
 * Cancel.
 */
public final class TaskStatusBar implements Panel {
    /** What the bar says when nothing runs and no task was cancelled or failed. */
    public static String ready() { return org.backprop.workbench.i18n.Messages.get("status.ready"); }

    private final TaskRunner runner;
    private final ProgressBar bar = new ProgressBar(0);
    private final Label message = new Label();
    private final Button cancel = new Button();
    /**
     * As tall when idle as while work runs (the height of Cancel, hidden then): the status line, and with it every
     * view above it, does not jump each time a task starts and ends.
     */
    private final HBox root = new HBox() {
        @Override
        protected double computeMinHeight(double width) {
            return Math.max(super.computeMinHeight(width), withCancel());
        }

        @Override
        protected double computePrefHeight(double width) {
            return Math.max(super.computePrefHeight(width), withCancel());
        }

        private double withCancel() {
            return snappedTopInset() + Math.max(cancel.prefHeight(-1), bar.prefHeight(-1)) + snappedBottomInset();
        }
    };
    private final Tooltip cancelTip = new Tooltip();
    private ObservableBooleanValue otherBusy;
    private ObservableDoubleValue otherProgress;
    private ObservableStringValue otherMessage;
    private Runnable otherCancel;
    private final EventHandler<KeyEvent> escape = e -> {
        if (e.getCode() == KeyCode.ESCAPE && !e.isConsumed() && isBusy()) {
            cancelAll();
            e.consume();
        }
    };

    public TaskStatusBar(TaskRunner runner) {
        this.runner = Objects.requireNonNull(runner, "runner");
        createView();
        initListeners();
    }

    @Override
    public String getName() { return org.backprop.workbench.i18n.Messages.get("status.name"); }

    @Override
    public Region getView() { return root; }

    /**
     * Also shows and cancels work that does not run through the runner (the model's recomputation of the checks):
     * while {@code busy}, the bar shows its progress and message, and Cancel or Esc calls {@code cancel}.
     */
    public void track(ObservableBooleanValue busy, ObservableDoubleValue progress, ObservableStringValue text,
                      Runnable cancelWork) {
        otherBusy = Objects.requireNonNull(busy, "busy");
        otherProgress = Objects.requireNonNull(progress, "progress");
        otherMessage = Objects.requireNonNull(text, "text");
        otherCancel = Objects.requireNonNull(cancelWork, "cancelWork");
        for (Observable o : new Observable[]{busy, progress, text}) {
            o.addListener(x -> refresh());
        }
        refresh();
    }

    /** True while a runner task or the tracked work runs. */
    public boolean isBusy() {
        return runner.isBusy() || (otherBusy != null && otherBusy.get());
    }

    /** The text shown; for tests. */
    public String text() { return message.getText(); }

    /** Cancels the tracked work and every runner task (the Cancel button, Esc). */
    public void cancelAll() {
        if (otherBusy != null && otherBusy.get()) {
            otherCancel.run();
        }
        if (runner.isBusy()) {
            runner.cancel();
        }
    }

    private void createView() {
        root.getStyleClass().add("status-bar");
        root.getStylesheets().add(STYLESHEET);
        bar.setPrefWidth(12 * 16);
        message.setId("taskStatus");
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        cancel.setId("cancelWork");
        cancel.setTooltip(cancelTip);
        relabel();
        // "Ready" too, which refresh() shows when no work runs
        Relabel.follow(this, b -> {
            b.relabel();
            b.refresh();
        });
        cancel.setCancelButton(false);
        cancel.setOnAction(e -> cancelAll());
        root.getChildren().setAll(bar, message, cancel);
    }

    private void relabel() {
        cancel.setText(org.backprop.workbench.i18n.Messages.get("status.cancel"));
        cancelTip.setText(org.backprop.workbench.i18n.Messages.get("status.cancelTip"));
        refresh();   // "Ready" in the new language; a finished task's own message stays as it was said
    }

    private void initListeners() {
        for (Observable o : new Observable[]{runner.busyProperty(), runner.progressProperty(),
                runner.messageProperty()}) {
            o.addListener(x -> refresh());
        }
        ChangeListener<Scene> onScene = (o, was, now) -> {
            if (was != null) {
                was.removeEventHandler(KeyEvent.KEY_PRESSED, escape);
            }
            if (now != null) {
                now.addEventHandler(KeyEvent.KEY_PRESSED, escape);
            }
        };
        root.sceneProperty().addListener(onScene);
        refresh();
    }

    private void refresh() {
        boolean other = otherBusy != null && otherBusy.get();
        boolean busy = other || runner.isBusy();
        bar.setVisible(busy);
        bar.setManaged(busy);
        cancel.setVisible(busy);
        cancel.setManaged(busy);
        message.getStyleClass().removeAll("status-idle");
        if (other) {
            bar.setProgress(otherProgress.get());
            message.setText(otherMessage.get());
        } else if (busy) {
            bar.setProgress(runner.progressProperty().get());
            message.setText(runner.messageProperty().get());
        } else {
            String last = runner.messageProperty().get();
            message.setText(last == null || last.isEmpty() ? ready() : last);
            message.getStyleClass().add("status-idle");
        }
    }
}
