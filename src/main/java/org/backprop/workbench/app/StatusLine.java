package org.backprop.workbench.app;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.backprop.workbench.app.panels.TaskStatusBar;
import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.check.CheckSummary;
import org.backprop.workbench.i18n.Messages;
import org.backprop.workbench.steps.Latex;

/**
 * The status line at the bottom: the model's last message (red if it is a complaint), the progress of long work
 * with its Cancel, the checks' summary and the cost. It follows the model; nothing else writes it.
 */
final class StatusLine {
    private final WorkbenchModel model;
    private final Label status = new Label();
    private final Label costLabel = new Label();
    private final Label checkLabel = new Label();
    private final HBox view;

    private final javafx.beans.value.ObservableStringValue quickSummary;

    /** @param quickSummary what the quick check found (empty for none); while it says something, the checks' label says it */
    StatusLine(WorkbenchModel model, TaskStatusBar taskStatus, javafx.beans.value.ObservableStringValue quickSummary) {
        this.model = model;
        this.quickSummary = quickSummary;
        status.setId("statusMessage");
        costLabel.setId("costLabel");
        checkLabel.setId("checkLabel");
        // the model's checks and the panels' tasks share one progress bar, message and Cancel (Esc)
        taskStatus.track(model.busyProperty(), model.progressProperty(), model.progressMessageProperty(),
                model::cancelChecks);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        view = new HBox(14, status, spacer, taskStatus.getView(), checkLabel, costLabel);
        view.setAlignment(Pos.CENTER_LEFT);
        view.getStyleClass().add("status-bar");
        model.analysisProperty().addListener((o, a, b) -> update());
        model.checkingProperty().addListener((o, a, b) -> update());
        model.messageProperty().addListener((o, a, b) -> update());
        model.checksCancelledProperty().addListener((o, a, b) -> update());
        quickSummary.addListener((o, a, b) -> update());
        update();
        org.backprop.workbench.app.panels.Relabel.follow(this, StatusLine::update);
    }

    private void update() {
        String message = model.messageProperty().get();
        status.setText(message);
        status.getStyleClass().remove("status-error");
        if (!message.isEmpty() && model.messageIsErrorProperty().get()) {
            status.getStyleClass().add("status-error");
        }
        Analysis an = model.getAnalysis();
        if (an == null) {
            costLabel.setText(Messages.get("statusLine.computing"));
            return;
        }
        costLabel.setText(Messages.get("statusLine.cost", Latex.plainNumber(an.forward().cost()), an.batch().size()));
        if (!quickSummary.get().isEmpty()) {
            checkLabel.setText(quickSummary.get());
        } else if (model.checkingProperty().get()) {
            checkLabel.setText(Messages.get("statusLine.checking"));
        } else if (model.checksCancelledProperty().get()) {
            checkLabel.setText(Messages.get("statusLine.cancelled"));
        } else {
            CheckSummary sum = an.summary();
            checkLabel.setText(Messages.get("statusLine.checks", sum.checked(), sum.pass(), sum.warn(), sum.fail(),
                    sum.kink()));
        }
    }

    HBox getView() { return view; }
}
