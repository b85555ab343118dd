package org.backprop.workbench.app;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.backprop.workbench.app.panels.Relabel;
import org.backprop.workbench.check.Verdict;
import org.backprop.workbench.i18n.Messages;
import org.backprop.workbench.steps.Step;

import java.util.List;

/**
 * Moving between the steps: the Back / Next bar under the diagram with "Step 8 of 12 · δ¹ (BP2)", and the Step
 * menu's jumps (first, last, next failing) that the action table binds.
 */
final class StepNavigation {
    private final WorkbenchModel model;
    private final StepListView stepList;
    private final Button backButton = new Button();
    private final Button nextButton = new Button();
    private final Tooltip backTip = new Tooltip();
    private final Tooltip nextTip = new Tooltip();
    private final Label stepPosition = new Label();
    private final HBox view;

    StepNavigation(WorkbenchModel model, StepListView stepList) {
        this.model = model;
        this.stepList = stepList;
        backButton.setId("backButton");
        nextButton.setId("nextButton");
        backButton.setTooltip(backTip);
        nextButton.setTooltip(nextTip);
        backButton.setOnAction(e -> model.back());
        nextButton.setOnAction(e -> model.next());
        stepPosition.getStyleClass().add("step-position");
        stepPosition.setId("stepPosition");
        // the buttons keep their words ("← Back", never "…"); on a narrow diagram (a lesson beside it) the step's
        // name wraps onto a second line, right-aligned, instead of being cut to "Step 9 o…"
        backButton.setMinWidth(Region.USE_PREF_SIZE);
        nextButton.setMinWidth(Region.USE_PREF_SIZE);
        stepPosition.setWrapText(true);
        stepPosition.setTextAlignment(javafx.scene.text.TextAlignment.RIGHT);
        stepPosition.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        stepPosition.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(stepPosition, Priority.ALWAYS);
        view = new HBox(backButton, nextButton, stepPosition);
        view.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        view.getStyleClass().add("nav-bar");
        model.currentStepProperty().addListener((o, a, b) -> update());
        model.stepsProperty().addListener((o, a, b) -> update());
        update();
        Relabel.follow(this, StepNavigation::update);
    }

    private void update() {
        List<Step> steps = model.stepsProperty().get();
        Step s = model.getCurrentStep();
        int i = steps.indexOf(s);
        backButton.setText(Messages.get("nav.back"));
        nextButton.setText(Messages.get("nav.next"));
        backTip.setText(Messages.get("nav.backTip"));
        nextTip.setText(Messages.get("nav.nextTip"));
        stepPosition.setText(s == null ? "" : Messages.get("nav.position", i + 1, steps.size(), s.label()));
        backButton.setDisable(i <= 0);
        nextButton.setDisable(i < 0 || i >= steps.size() - 1);
    }

    /** Goes to the step at {@code index}, if there is one. */
    void goTo(int index) {
        List<Step> steps = model.stepsProperty().get();
        if (index >= 0 && index < steps.size()) {
            model.currentStepIdProperty().set(steps.get(index).id());
        }
    }

    /** Goes to the next step (round the end) whose checks fail, or says there is none. */
    void nextFailing() {
        List<Step> steps = model.stepsProperty().get();
        int start = steps.indexOf(model.getCurrentStep());
        for (int n = 1; n <= steps.size(); n++) {
            Step s = steps.get((start + n) % steps.size());
            if (stepList.verdictOf(s).filter(v -> v == Verdict.FAIL).isPresent()) {
                model.currentStepIdProperty().set(s.id());
                return;
            }
        }
        model.say(() -> Messages.get("nav.noFailing"));
    }

    HBox getView() { return view; }
}
