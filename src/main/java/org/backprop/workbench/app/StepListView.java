package org.backprop.workbench.app;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.backprop.workbench.against.Comparison;
import org.backprop.workbench.against.QuantityComparison;
import org.backprop.workbench.against.Status;
import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.check.CheckSummary;
import org.backprop.workbench.check.DirectionalCheck;
import org.backprop.workbench.check.Verdict;
import org.backprop.workbench.i18n.Messages;
import org.backprop.workbench.steps.Phase;
import org.backprop.workbench.steps.Step;
import org.backprop.workbench.steps.Steps;

import java.util.List;
import java.util.Optional;

/**
 * The step list: forward steps, then backward steps, each backward step with a badge for the verdict of its
 * formula's checks (a red badge with the number of failures where the checks catch a mistake). Selecting a row
 * goes to that step.
 */
public final class StepListView extends ListView<Step> {
    private final ObservableValue<Analysis> analysis;
    private final ObservableBooleanValue checking;
    private final StringProperty currentStepId;
    private final ObjectProperty<Comparison> comparison = new SimpleObjectProperty<>(this, "comparison");
    private final ObjectProperty<DirectionalCheck.Localisation> quickCheck =
            new SimpleObjectProperty<>(this, "quickCheck");
    private boolean syncing;

    public StepListView(ObservableValue<List<Step>> steps, StringProperty currentStepId,
                        ObservableValue<Analysis> analysis, ObservableBooleanValue checking) {
        this.analysis = analysis;
        this.checking = checking;
        this.currentStepId = currentStepId;
        createView(steps.getValue());
        initListeners(steps);
    }

    private void createView(List<Step> steps) {
        setId("stepList");
        getStyleClass().add("step-list");
        setItems(FXCollections.observableArrayList(steps));
        setCellFactory(v -> new StepCell());
        setPrefWidth(190);
        selectCurrent();
    }

    private void initListeners(ObservableValue<List<Step>> steps) {
        steps.addListener((o, a, list) -> {
            syncing = true;
            getItems().setAll(list);
            syncing = false;
            selectCurrent();
        });
        currentStepId.addListener((o, a, b) -> selectCurrent());
        getSelectionModel().selectedItemProperty().addListener((o, a, s) -> {
            if (!syncing && s != null) {
                currentStepId.set(s.id());
            }
        });
        analysis.addListener((o, a, b) -> refresh());
        checking.addListener((o, a, b) -> refresh());
        comparison.addListener((o, a, b) -> refresh());
        quickCheck.addListener((o, a, b) -> refresh());
        // the marks' tooltips and accessible texts are in the language: say them again after a switch
        org.backprop.workbench.app.panels.Relabel.follow(this, StepListView::refresh);
    }

    /**
     * The result of Check ▸ Quick check (directional) on the shown pass, or null: while set, the ∂C/∂b^l and
     * ∂C/∂w^l steps carry its verdict of their block (the δ steps keep the exhaustive checks' badges).
     */
    public ObjectProperty<DirectionalCheck.Localisation> quickCheckProperty() { return quickCheck; }

    /**
     * The student's values compared with the workbench (File ▸ Compare with my values…); each step then carries a
     * mark: matches, differs or not given. Null for none.
     */
    public ObjectProperty<Comparison> comparisonProperty() { return comparison; }

    /** How the student's value of a step compares, if a comparison is shown; for tests. */
    public Optional<Status> comparisonOf(Step s) {
        Comparison c = comparison.get();
        return c == null ? Optional.empty() : c.get(CompareValues.key(s)).map(QuantityComparison::status);
    }

    private void selectCurrent() {
        syncing = true;
        String id = currentStepId.get();
        for (int i = 0; i < getItems().size(); i++) {
            if (getItems().get(i).id().equals(id)) {
                getSelectionModel().select(i);
                scrollTo(Math.max(0, i - 3));
                break;
            }
        }
        syncing = false;
    }

    /**
     * The verdict a step's badge shows: the quick check's for its block while one is shown, else its formula's
     * exhaustive checks; empty for unchecked steps.
     */
    public Optional<Verdict> verdictOf(Step s) {
        Optional<Verdict> quick = QuickCheck.verdictOf(quickCheck.get(), s);
        if (quick.isPresent()) {
            return quick;
        }
        Analysis an = analysis.getValue();
        if (an == null || checking.get() || an.checks().isEmpty()) {
            return Optional.empty();
        }
        return Steps.summary(an, s).map(CheckSummary::verdict);
    }

    private final class StepCell extends ListCell<Step> {
        private final Label phase = new Label();
        private final Label name = new Label();
        private final Label badge = new Label();
        private final Label compared = new Label();
        private final HBox box;

        StepCell() {
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            phase.getStyleClass().add("step-phase-dot");
            name.getStyleClass().add("step-name");
            badge.getStyleClass().add("step-badge");
            compared.getStyleClass().add("compare-mark");
            compared.setMinWidth(Region.USE_PREF_SIZE);
            box = new HBox(8, phase, name, spacer, compared, badge);
            box.setAlignment(Pos.CENTER_LEFT);
            // the row is as wide as the cell, never wider: a long name shortens (…), the verdict badge stays in view
            phase.setMinWidth(Region.USE_PREF_SIZE);
            badge.setMinWidth(Region.USE_PREF_SIZE);
            name.setMinWidth(0);
            box.setMinWidth(0);
            box.prefWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                    () -> Math.max(0, getWidth() - snappedLeftInset() - snappedRightInset()),
                    widthProperty(), paddingProperty()));
            setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(Step s, boolean empty) {
            super.updateItem(s, empty);
            if (empty || s == null) {
                setGraphic(null);
                setText(null);
                setId(null);
                return;
            }
            setId("step-" + s.id());
            phase.setText(s.phase() == Phase.FORWARD ? "→" : "←");
            phase.getStyleClass().removeAll("phase-forward", "phase-backward");
            phase.getStyleClass().add(s.phase() == Phase.FORWARD ? "phase-forward" : "phase-backward");
            name.setText(s.label());
            badge.getStyleClass().removeAll("badge-pass", "badge-warn", "badge-fail", "badge-kink", "badge-quick");
            badge.setTooltip(null);
            Optional<Verdict> quick = QuickCheck.verdictOf(quickCheck.get(), s);
            if (quick.isPresent()) {
                showQuick(s, quick.get());
                showComparison(s);
                setText(null);
                setGraphic(box);
                return;
            }
            Analysis an = analysis.getValue();
            Optional<CheckSummary> sum = an == null || checking.get() || an.checks().isEmpty()
                    ? Optional.empty() : Steps.summary(an, s);
            if (sum.isPresent()) {
                Verdict v = sum.get().verdict();
                int count = switch (v) {
                    case FAIL -> sum.get().fail();
                    case WARN -> sum.get().warn();
                    case KINK -> sum.get().kink();
                    case PASS -> 0;
                };
                badge.setText(Palette.verdictMark(v) + (count > 0 ? " " + count : ""));
                badge.getStyleClass().add("badge-" + v.id());
                badge.setVisible(true);
                setAccessibleText(Messages.get("steps.accessible", s.label(),
                        org.backprop.workbench.app.panels.Names.verdict(v).toUpperCase(Messages.locale())));
            } else {
                // "…" while checking; "–" once the checks were cancelled (nothing to show until they run again)
                badge.setText(s.formula().isEmpty() || an == null ? "" : checking.get() ? "…" : "–");
                badge.setVisible(s.formula().isPresent());
            }
            showComparison(s);
            setText(null);
            setGraphic(box);
        }

        /** The quick check's mark: its verdict, the number of entries it names, and a tooltip saying where it is from. */
        private void showQuick(Step s, Verdict v) {
            int named = s.formula().map(f -> QuickCheck.entries(quickCheck.get(), f, s.layer()).size()).orElse(0);
            badge.setText(Palette.verdictMark(v) + (named > 0 ? " " + named : ""));
            badge.getStyleClass().addAll("badge-" + v.id(), "badge-quick");
            badge.setVisible(true);
            String tip = Messages.get("quickCheck.badgeTip",
                    org.backprop.workbench.app.panels.Names.verdict(v).toUpperCase(Messages.locale()));
            badge.setTooltip(new Tooltip(tip));
            setAccessibleText(Messages.get("steps.accessible", s.label(), tip));
        }

        private void showComparison(Step s) {
            compared.getStyleClass().removeAll("compare-matches", "compare-differs", "compare-not-given");
            Optional<Status> status = comparisonOf(s);
            compared.setVisible(status.isPresent());
            compared.setManaged(status.isPresent());
            if (status.isEmpty()) {
                compared.setId(null);
                compared.setText("");
                compared.setTooltip(null);
                return;
            }
            compared.setId("compare-" + s.id());
            String word = Messages.get(switch (status.get()) {
                case MATCHES -> "compare.status.matches";
                case DIFFERS -> "compare.status.differs";
                case NOT_GIVEN -> "compare.status.notGiven";
            });
            compared.setText(switch (status.get()) {
                case MATCHES -> "=";
                case DIFFERS -> "≠";
                case NOT_GIVEN -> "·";
            });
            compared.getStyleClass().add(switch (status.get()) {
                case MATCHES -> "compare-matches";
                case DIFFERS -> "compare-differs";
                case NOT_GIVEN -> "compare-not-given";
            });
            String text = Messages.get("compare.mark", s.label().replace("  ", " "), word);
            compared.setTooltip(new Tooltip(text));
            setAccessibleText(text);
        }
    }
}
