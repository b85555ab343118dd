package org.backprop.workbench.app;

import javafx.animation.AnimationTimer;
import javafx.stage.Stage;
import org.backprop.workbench.bench.ColdCheck;
import org.backprop.workbench.io.NetworkDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.backprop.workbench.app.FxThread.fx;
import static org.backprop.workbench.app.FxThread.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pulse-latency probe, a benchmark outside {@code mvn verify} (the name does not end in Test): the real main
 * window, headless (Monocle), opens the 784-128-64-10 benchmark network and runs its 111,002 checks in the background
 * while an {@link AnimationTimer} records the time between consecutive pulses. A gap is the time the FX thread was
 * busy (or starved of the CPU) plus one frame. The gaps are printed, never asserted; what is asserted is that the
 * checks completed. Run it with
 * {@code mvn -B -o test -Dtest=PulseLatencyBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@ExtendWith(ApplicationExtension.class)
class PulseLatencyBenchmark {
    /** Gaps above this count as the FX thread being busy too long (the issue's bound). */
    private static final long BUSY_NANOS = 100_000_000L;

    @TempDir
    static Path settings;

    private WorkbenchModel model;
    private final List<String> listenerMillis = java.util.Collections.synchronizedList(new ArrayList<>());

    @Start
    void start(Stage stage) {
        model = new WorkbenchModel();
        // the FX thread's CPU time spent by the window's listeners on each published analysis: one listener before
        // the window's (registered first, called first) and one after them
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] before = {0};
        model.analysisProperty().addListener((o, a, b) -> before[0] = threads.getCurrentThreadCpuTime());
        MainWindow window = new MainWindow(model, new RecentFiles(settings.resolve("recent.txt")));
        model.analysisProperty().addListener((o, a, b) -> listenerMillis.add(String.format(Locale.ROOT, "%s %.0f ms",
                b.checks().isEmpty() ? "traces" : b.checks().size() + " checks",
                (threads.getCurrentThreadCpuTime() - before[0]) / 1e6)));
        window.installTheme();
        stage.setScene(window.createScene(1400, 860));
        stage.show();
    }

    @Test
    void measuresTheLongestPulseGapWhileTheBenchmarkNetworkIsChecked() {
        measure(WorkbenchView.STEP);
    }

    /** The same with the Checks tab in front: its table then lists the 111,002 checks as they arrive. */
    @Test
    void measuresTheLongestPulseGapWithTheCheckTableShown() {
        measure(WorkbenchView.CHECKS);
    }

    private void measure(WorkbenchView view) {
        waitUntil(() -> model.getAnalysis() != null && !model.busyProperty().get());
        fx(() -> model.navigate(view));
        waitUntil(() -> fx(() -> model.getSelectedView()) == view);
        NetworkDocument doc = ColdCheck.document(1);
        List<Long> gaps = new ArrayList<>();
        List<Long> busy = new ArrayList<>();
        List<Long> wallClock = new ArrayList<>();   // each pulse's wall-clock time, to find an interval in a JFR file
        long[] last = {0, 0};
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        AnimationTimer probe = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long time = System.nanoTime();   // the pulse's own timestamp is its scheduled time
                long cpu = threads.getCurrentThreadCpuTime();
                wallClock.add(System.currentTimeMillis());
                if (last[0] != 0) {
                    gaps.add(time - last[0]);
                    busy.add(cpu - last[1]);
                }
                last[0] = time;
                last[1] = cpu;
            }
        };
        // which interval each publish falls in: the pulse count when the traces, then the checks, arrive
        List<String> publishes = new ArrayList<>();
        fx(() -> model.analysisProperty().addListener((o, a, b) -> publishes.add((b.checks().isEmpty()
                ? "traces" : "checks") + " in interval " + busy.size() + " at " + System.currentTimeMillis())));
        fx(probe::start);
        waitUntil(() -> gaps.size() > 10);
        long openStart = System.nanoTime();
        double openMillis = fx(() -> {
            long t = threads.getCurrentThreadCpuTime();
            model.open(doc, null);
            return (threads.getCurrentThreadCpuTime() - t) / 1e6;
        });
        long deadline = System.nanoTime() + 600_000_000_000L;   // a bound for a machine under heavy load, not a timing
        while (!fx(() -> model.getAnalysis() != null && model.getAnalysis().checks().size() == 111_002
                && !model.busyProperty().get() && !model.checkingProperty().get())) {
            assertTrue(System.nanoTime() < deadline, "the checks did not finish");
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        double checkSeconds = (System.nanoTime() - openStart) / 1e9;
        fx(probe::stop);
        List<Long> during = fx(() -> new ArrayList<>(gaps));
        List<Long> cpu = fx(() -> new ArrayList<>(busy));
        List<Long> inOrder = new ArrayList<>(cpu);
        System.out.printf(Locale.ROOT, "%s tab in front; the window's listeners on each published analysis (FX "
                + "thread CPU): %s%n", view, fx(() -> new ArrayList<>(listenerMillis)));
        System.out.printf(Locale.ROOT, "published: %s; FX thread CPU of the intervals over 50 ms, in order: %s%n",
                fx(() -> new ArrayList<>(publishes)), java.util.stream.IntStream.range(0, inOrder.size())
                        .filter(i -> inOrder.get(i) > 50_000_000L)
                        .mapToObj(i -> "#" + i + " " + inOrder.get(i) / 1_000_000 + " ms (" + fx(() -> wallClock
                                .get(i)) + ".." + fx(() -> wallClock.get(i + 1)) + ")").toList());
        cpu.sort(null);
        assertEquals(111_002, fx(() -> model.getAnalysis().checks().size()));
        assertTrue(during.size() > 10, "the pulses went on during the checks");
        List<Long> sorted = new ArrayList<>(during);
        sorted.sort(null);
        long over = during.stream().filter(g -> g > BUSY_NANOS).count();
        System.out.printf(Locale.ROOT, "FX thread CPU time between pulses (what it was busy with, whatever the load): "
                        + "median %.1f ms, 99th percentile %.1f ms, longest %.1f ms, %d over 100 ms; longest %s ms%n",
                cpu.get(cpu.size() / 2) / 1e6, cpu.get((int) (cpu.size() * 0.99)) / 1e6, cpu.get(cpu.size() - 1) / 1e6,
                cpu.stream().filter(g -> g > BUSY_NANOS).count(),
                cpu.subList(Math.max(0, cpu.size() - 8), cpu.size()).stream().map(g -> g / 1_000_000).toList());
        System.out.printf(Locale.ROOT, "pulse latency while 111,002 checks ran (%.1f s, %d pulses): median gap %.0f "
                        + "ms, 99th percentile %.0f ms, longest %.0f ms, %d gaps over 100 ms; model.open: FX "
                        + "thread CPU %.0f ms; longest gaps %s ms%n", checkSeconds, during.size(),
                sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.99)) / 1e6,
                sorted.get(sorted.size() - 1) / 1e6, over, openMillis,
                sorted.subList(Math.max(0, sorted.size() - 8), sorted.size()).stream().map(g -> g / 1_000_000)
                        .toList());
    }
}
