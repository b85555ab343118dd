package org.backprop.workbench.app.panels;

import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.check.CheckResult;
import org.backprop.workbench.check.Formula;
import org.backprop.workbench.check.Verdict;
import org.backprop.workbench.engine.Mistake;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.backprop.workbench.app.panels.PanelFixtures.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class CheckTablePanelTest {
    private final SimpleObjectProperty<Analysis> analysis =
            new SimpleObjectProperty<>(PanelFixtures.analysis(Mistake.BP2_NO_SIGMA_PRIME));
    private final SimpleObjectProperty<CheckResult> selection = new SimpleObjectProperty<>();
    private Stage stage;
    private CheckTablePanel panel;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @BeforeEach
    void showPanel() {
        panel = fx(() -> new CheckTablePanel(analysis, selection));
        PanelFixtures.show(stage, panel.getView(), 1280, 800);
    }

    @Test
    void tableListsEveryCheckedNumber() {
        assertEquals(analysis.get().checks().size(), fx(() -> panel.shownRows().size()));
        assertTrue(fx(() -> panel.shownRows().containsAll(analysis.get().checks())));
    }

    @Test
    void clearFiltersShowsEveryRowAgainInTheAnalysisOrder() {
        fx(() -> {
            panel.setFailuresOnly(true);
            panel.setFormulaFilter(org.backprop.workbench.check.Formula.BP2);
            panel.setTextFilter("delta");
        });
        assertTrue(fx(() -> panel.shownRows().size()) < analysis.get().checks().size());
        fx(() -> panel.clearFilters());
        assertEquals(analysis.get().checks(), fx(() -> List.copyOf(panel.shownRows())));
    }

    @Test
    void failuresOnlyShowsExactlyTheFailuresOfTheMistake() {
        List<CheckResult> failures = analysis.get().failures();
        assertFalse(failures.isEmpty(), "the mistake is caught");
        fx(() -> panel.setFailuresOnly(true));
        List<CheckResult> shown = fx(() -> List.copyOf(panel.shownRows()));
        assertEquals(failures.size(), shown.size());
        assertTrue(shown.stream().allMatch(c -> c.verdict() == Verdict.FAIL));
        assertTrue(shown.stream().allMatch(c -> c.formula() == Formula.BP2 || c.formula() == Formula.BP3
                || c.formula() == Formula.BP4), "BP1 is untouched by a BP2 mistake");
    }

    @Test
    void formulaVerdictAndTextFiltersCombine() {
        fx(() -> panel.setFormulaFilter(Formula.BP4));
        assertTrue(fx(() -> panel.shownRows().stream().allMatch(c -> c.formula() == Formula.BP4)));
        fx(() -> panel.setVerdictFilter(Verdict.PASS));
        long expected = analysis.get().checks().stream()
                .filter(c -> c.formula() == Formula.BP4 && c.verdict() == Verdict.PASS).count();
        assertEquals(expected, (long) fx(() -> panel.shownRows().size()));
        fx(() -> {
            panel.setFormulaFilter(null);
            panel.setVerdictFilter(null);
            panel.setTextFilter("δ¹");
        });
        long deltaOne = analysis.get().checks().stream().filter(c -> c.quantity().startsWith("δ^1")).count();
        assertEquals(deltaOne, (long) fx(() -> panel.shownRows().size()));
    }

    @Test
    void selectingARowSetsTheSelectionProperty() {
        fx(() -> panel.table().getSelectionModel().select(3));
        assertEquals(fx(() -> panel.shownRows().get(3)), selection.get());
    }

    @Test
    void arrowKeysMoveTheSelection() {
        FxRobot robot = new FxRobot();
        fx(() -> {
            panel.table().requestFocus();
            panel.table().getSelectionModel().select(0);
            panel.table().getFocusModel().focus(0);
        });
        robot.push(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(fx(() -> panel.shownRows().get(1)), selection.get());
    }

    @Test
    void settingTheSelectionElsewhereSelectsTheRow() {
        CheckResult wanted = analysis.get().checks().get(7);
        fx(() -> selection.set(wanted));
        assertEquals(wanted, fx(() -> panel.table().getSelectionModel().getSelectedItem()));
    }

    @Test
    void theSameNumberStaysSelectedWhenTheAnalysisIsRecomputed() {
        fx(() -> panel.table().getSelectionModel().select(20));
        CheckResult before = selection.get();
        Analysis fixed = PanelFixtures.analysis(Mistake.NONE);
        fx(() -> analysis.set(fixed));
        CheckResult after = selection.get();
        assertNotSame(before, after);
        assertTrue(CheckTablePanel.sameNumber(before, after));
        assertTrue(fixed.checks().contains(after));
        assertEquals(after, fx(() -> panel.table().getSelectionModel().getSelectedItem()));
    }

    @Test
    void sortingByAColumnOrdersTheRowsByItsValueAndClearingTheSortRestoresTheAnalysisOrder() {
        var table = panel.table();
        var rel = table.getColumns().get(6);
        var layer = table.getColumns().get(2);
        fx(() -> {
            rel.setSortType(javafx.scene.control.TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(rel));
        });
        List<CheckResult> byError = fx(() -> List.copyOf(panel.shownRows()));
        assertEquals(analysis.get().checks().size(), byError.size());
        for (int i = 1; i < byError.size(); i++) {
            double a = byError.get(i - 1).relativeError();
            double b = byError.get(i).relativeError();
            assertTrue(Double.isNaN(a) || a >= b, "largest error first, row " + i + ": " + a + " then " + b);
        }
        fx(() -> {
            layer.setSortType(javafx.scene.control.TableColumn.SortType.ASCENDING);
            table.getSortOrder().setAll(List.of(layer, rel));
        });
        List<CheckResult> byLayer = fx(() -> List.copyOf(panel.shownRows()));
        for (int i = 1; i < byLayer.size(); i++) {
            CheckResult a = byLayer.get(i - 1);
            CheckResult b = byLayer.get(i);
            assertTrue(a.layer() < b.layer() || (a.layer() == b.layer()
                    && (Double.isNaN(a.relativeError()) || a.relativeError() >= b.relativeError())),
                    "layer, then error descending, row " + i);
        }
        fx(() -> table.getSortOrder().clear());
        assertEquals(analysis.get().checks(), fx(() -> List.copyOf(panel.shownRows())));
    }

    @Test
    void aFilterAfterASortAndASortAfterAFilterShowTheFilteredRowsInTheSortedOrder() {
        var table = panel.table();
        var rel = table.getColumns().get(6);
        // the reference: the analysis's checks filtered, then sorted stably (equal errors keep the analysis order)
        java.util.Comparator<CheckResult> largestFirst = java.util.Comparator.comparingDouble((CheckResult c) ->
                Double.isNaN(c.relativeError()) ? Double.POSITIVE_INFINITY : c.relativeError()).reversed();
        List<CheckResult> expected = analysis.get().checks().stream().filter(c -> c.formula() == Formula.BP2)
                .sorted(largestFirst).toList();
        fx(() -> {
            rel.setSortType(javafx.scene.control.TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(rel));
            panel.setFormulaFilter(Formula.BP2);
        });
        assertEquals(expected, fx(() -> List.copyOf(panel.shownRows())), "sorted, then filtered");
        assertTrue(fx(() -> panel.getView().lookupAll(".label").stream()
                .anyMatch(n -> n instanceof javafx.scene.control.Label l && l.getText().equals(
                        org.backprop.workbench.i18n.Messages.get("checks.showing", expected.size(),
                                analysis.get().checks().size())))), "the summary counts the filtered rows");
        fx(() -> {
            table.getSortOrder().clear();
            panel.setFormulaFilter(null);
            panel.setFormulaFilter(Formula.BP2);
            table.getSortOrder().setAll(List.of(rel));
        });
        assertEquals(expected, fx(() -> List.copyOf(panel.shownRows())), "filtered, then sorted");
        fx(() -> table.getSortOrder().clear());
        assertEquals(analysis.get().checks().stream().filter(c -> c.formula() == Formula.BP2).toList(),
                fx(() -> List.copyOf(panel.shownRows())), "unsorted: the analysis order, still filtered");
    }

    @Test
    void theSelectedNumberStaysSelectedWhenTheTableIsSortedAndUnsorted() {
        var table = panel.table();
        var rel = table.getColumns().get(6);
        CheckResult chosen = analysis.get().checks().get(analysis.get().checks().size() / 2);
        fx(() -> selection.set(chosen));
        fx(() -> {
            rel.setSortType(javafx.scene.control.TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(rel));
        });
        assertEquals(chosen, fx(() -> table.getSelectionModel().getSelectedItem()), "sorted");
        assertEquals(chosen, selection.get());
        fx(() -> table.getSortOrder().clear());
        assertEquals(chosen, fx(() -> table.getSelectionModel().getSelectedItem()), "unsorted");
        assertEquals(analysis.get().checks().indexOf(chosen),
                (int) fx(() -> table.getSelectionModel().getSelectedIndex()), "in its place in the analysis order");
    }
}
