package org.backprop.workbench.app.panels;

import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.backprop.workbench.bench.ColdCheck;
import org.backprop.workbench.check.Analysis;
import org.backprop.workbench.check.CheckOptions;
import org.backprop.workbench.check.CheckProgress;
import org.backprop.workbench.check.CheckResult;
import org.backprop.workbench.check.FastGradientCheck;
import org.backprop.workbench.check.Formula;
import org.backprop.workbench.engine.Backprop;
import org.backprop.workbench.io.NetworkDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.backprop.workbench.app.panels.PanelFixtures.fx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A benchmark, not part of {@code mvn verify} (the name does not end in Test): the check table of the 784-128-64-10
 * benchmark network, 111,002 rows, sorted by a click's worth of API and filtered, each timed on the FX thread and
 * printed; the results are asserted, the times never. Run it with
 * {@code mvn -B -o test -Dtest=CheckTableBenchmark -Dsurefire.failIfNoSpecifiedTests=false} (headless via Monocle).
 */
@ExtendWith(ApplicationExtension.class)
class CheckTableBenchmark {
    /** Each operation is timed this often; the median is printed. */
    private static final int RUNS = 5;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private static double median(List<Double> times) {
        List<Double> sorted = new ArrayList<>(times);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    private static double millis(Runnable run) {
        // CPU time of the FX thread: what the table costs, whatever else the machine is running
        return fx(() -> {
            var threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long start = threads.getCurrentThreadCpuTime();
            run.run();
            return (threads.getCurrentThreadCpuTime() - start) / 1e6;
        });
    }

    @Test
    void sortsAndFiltersTheChecksOfTheBenchmarkNetwork() {
        NetworkDocument doc = ColdCheck.document(1);
        Analysis analysis = FastGradientCheck.analyse(doc.network(), doc.batch(), new Backprop(),
                CheckOptions.defaults(), CheckProgress.NONE);
        assertEquals(111_002, analysis.checks().size());
        analysis.summary();   // its groups and summaries, made on the model's thread before the window gets it
        SimpleObjectProperty<Analysis> property = new SimpleObjectProperty<>();
        CheckTablePanel panel = fx(() -> new CheckTablePanel(property, new SimpleObjectProperty<>()));
        PanelFixtures.show(stage, panel.getView(), 1280, 800);
        double load = millis(() -> property.set(analysis));
        TableView<CheckResult> table = panel.table();
        TableColumn<CheckResult, ?> rel = table.getColumns().get(6);
        assertEquals("Relative error", rel.getText());
        List<Double> sortTimes = new ArrayList<>();
        List<Double> filterTimes = new ArrayList<>();
        List<Double> clearTimes = new ArrayList<>();
        List<Double> actionTimes = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            sortTimes.add(millis(() -> {
                rel.setSortType(TableColumn.SortType.DESCENDING);
                table.getSortOrder().setAll(List.of(rel));
                table.layout();
            }));
            List<CheckResult> shown = fx(() -> List.copyOf(panel.shownRows()));
            for (int i = 1; i < shown.size(); i++) {
                double a = shown.get(i - 1).relativeError();
                double b = shown.get(i).relativeError();
                assertTrue(Double.isNaN(a) || a >= b, "descending at row " + i);
            }
            // two user actions, each timed: choosing BP4, then typing the text
            double formulaMillis = millis(() -> {
                panel.setFormulaFilter(Formula.BP4);
                table.layout();
            });
            double textMillis = millis(() -> {
                panel.setTextFilter("w^1");
                table.layout();
            });
            filterTimes.add(formulaMillis + textMillis);
            actionTimes.add(formulaMillis);
            actionTimes.add(textMillis);
            assertEquals(784 * 128, (int) fx(() -> panel.shownRows().size()), "w^1 is 784 x 128");
            clearTimes.add(millis(() -> {
                panel.setFormulaFilter(null);
                panel.setTextFilter("");
                table.getSortOrder().clear();
                table.layout();
            }));
            assertEquals(analysis.checks(), fx(() -> List.copyOf(panel.shownRows())), "back to the analysis order");
        }
        System.out.printf(Locale.ROOT, "check table, %,d rows, FX-thread CPU time: load %.0f ms; sort by relative error (median of %d) "
                        + "%.0f ms; filter BP4 + \"w^1\" %.0f ms; clear filters and sort %.0f ms (all runs: sort %s, "
                        + "filter %s)%n", analysis.checks().size(), load, RUNS, median(sortTimes), median(filterTimes),
                median(clearTimes), sortTimes, filterTimes);
        System.out.printf(Locale.ROOT, "one filter change (BP4, or the text \"w^1\" after it): median %.0f ms, "
                + "longest %.0f ms (all: %s)%n", median(actionTimes), actionTimes.stream().mapToDouble(d -> d).max()
                .orElse(0), actionTimes);
    }
}
